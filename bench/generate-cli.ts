/**
 * Writes a generated benchmark scenario as JSON.
 *
 *   tsx bench/generate-cli.ts --tier S --seed 1 [--ample] [--year 2026] [--pretty] [--out file.json]
 *
 * Prints to standard output unless --out is given. Same arguments → byte-identical output.
 */
import { writeFileSync } from 'node:fs';
import { generateScenario, TIERS, type Tier } from './generator/index.js';

const USAGE =
  'usage: tsx bench/generate-cli.ts --tier demo|S|M|L|XL [--seed N] [--ample] [--year YYYY] [--pretty] [--out FILE]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseInteger(name: string, value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value)) fail(`${name} needs a non-negative integer`);
  return Number(value);
}

let tier: Tier | undefined;
let seed = 0;
let year = 2026;
let ampleStaff = false;
let pretty = false;
let out: string | undefined;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
  const value = (): string | undefined => inline ?? args[++i];
  switch (flag) {
    case '--tier': {
      const v = value();
      if (!TIERS.includes(v as Tier)) fail(`unknown tier ${String(v)}`);
      tier = v as Tier;
      break;
    }
    case '--seed':
      seed = parseInteger('--seed', value());
      break;
    case '--year':
      year = parseInteger('--year', value());
      break;
    case '--ample':
      ampleStaff = true;
      break;
    case '--pretty':
      pretty = true;
      break;
    case '--out':
      out = value();
      if (!out) fail('--out needs a file name');
      break;
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    default:
      fail(`unknown argument ${arg}`);
  }
}
if (!tier) fail('--tier is required');

let json: string;
try {
  json = JSON.stringify(generateScenario({ tier, seed, ampleStaff, year }), null, pretty ? 2 : undefined);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (out) writeFileSync(out, `${json}\n`);
else process.stdout.write(`${json}\n`);
