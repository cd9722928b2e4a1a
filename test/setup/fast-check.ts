/**
 * Property tests run from a fixed seed, so `npm test` (and CI) is reproducible: a failure is
 * the same failure on every machine. Soak with other seeds and more runs:
 *   JI_PROPERTY_SEED=123 JI_PROPERTY_RUNS=2000 npx vitest run test/solver
 * (JI_PROPERTY_RUNS is read by the suites that size their runs from it).
 */
import fc from 'fast-check';

const seed = process.env.JI_PROPERTY_SEED === undefined ? 20261125 : Number(process.env.JI_PROPERTY_SEED);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
