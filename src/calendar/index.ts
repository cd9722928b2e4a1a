export * from './civil.js';
export * from './rrule.js';
export * from './calendar.js';
export * from './availability.js';
export { CN_MAINLAND, CN_MAINLAND_YEARS } from './cn-mainland.js';
