export * from './primitives.js';
export * from './scenario.js';
export * from './plan.js';
export * from './issues.js';
export * from './parse.js';
export { distanceKm, inspectorMinutesPerDay, requestedInspectors, travelMinutes } from './derived.js';
