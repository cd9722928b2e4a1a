/**
 * Writes a generated benchmark scenario as JSON.
 *
 *   tsx bench/generate-cli.ts --tier S --seed 1 [--regime normal|ample|cap-bound|staff-bound] [--ample]
 *                             [--year 2026] [--pretty] [--out file.json]
 *
 * Prints to standard output unless --out is given. Same arguments → byte-identical output.
 * `--ample` is `--regime ample`.
 */
import { writeFileSync } from 'node:fs';
import { fail, flags, otherFlag, parseInteger, parseText, parseTier } from './cli-args.js';
import { generateScenario, isRegime, REGIMES, type Regime, type Tier } from './generator/index.js';

const USAGE =
  'usage: tsx bench/generate-cli.ts --tier demo|S|M|L|XL [--seed N] [--regime normal|ample|cap-bound|staff-bound] [--ample] [--year YYYY] [--pretty] [--out FILE]';

let tier: Tier | undefined;
let seed = 0;
let year = 2026;
let regime: Regime | undefined;
let pretty = false;
let out: string | undefined;
for (const f of flags(process.argv.slice(2))) {
  const { value } = f;
  switch (f.flag) {
    case '--tier':
      tier = parseTier(value(), USAGE);
      break;
    case '--seed':
      seed = parseInteger('--seed', value(), USAGE);
      break;
    case '--year':
      year = parseInteger('--year', value(), USAGE);
      break;
    case '--regime': {
      const v = value();
      if (!isRegime(v)) fail(`unknown regime ${String(v)} (one of ${REGIMES.join(', ')})`, USAGE);
      if (regime !== undefined && regime !== v) fail(`--regime ${v} contradicts --${regime === 'ample' ? 'ample' : `regime ${regime}`}`, USAGE);
      regime = v;
      break;
    }
    case '--ample':
      if (regime !== undefined && regime !== 'ample') fail(`--ample contradicts --regime ${regime}`, USAGE);
      regime = 'ample';
      break;
    case '--pretty':
      pretty = true;
      break;
    case '--out':
      out = parseText(value(), '--out needs a file name', USAGE);
      break;
    default:
      otherFlag(f, USAGE);
  }
}
if (!tier) fail('--tier is required', USAGE);

let json: string;
try {
  json = JSON.stringify(generateScenario({ tier, seed, regime, year }), null, pretty ? 2 : undefined);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error), USAGE);
}
if (out) writeFileSync(out, `${json}\n`);
else process.stdout.write(`${json}\n`);
