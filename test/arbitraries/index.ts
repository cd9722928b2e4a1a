/** Reusable fast-check arbitraries (and the small date oracle they stand on). */
export * from './days.js';
export * from './dates.js';
export * from './rrule.js';
export * from './calendar.js';
export * from './scenario.js';
export * from './mutations.js';
