/**
 * Internal barrel of the model (schemas, types, parsing) for the library's own modules and
 * tests. Not the public API: `src/index.ts` lists what a host may import, by name.
 */
export * from './primitives.js';
export * from './scenario.js';
export * from './plan.js';
export * from './issues.js';
export * from './parse.js';
export * from './codes.js';
export { distanceKm, inspectorMinutesPerDay, requestedInspectors, travelMinutes } from './derived.js';
