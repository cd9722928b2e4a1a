export { generateScenario, type GenerateOptions } from './generate.js';
export { isRegime, REGIMES, type Regime } from './regimes.js';
export { tierSizes, TIERS, type Tier, type TierSize } from './tiers.js';
export type * from './types.js';
