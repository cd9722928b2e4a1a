/**
 * The options of `npm run bench`: the tiers, runs and variants to measure, the HiGHS
 * comparison, limits, and where to write. `parseArgs` reads them from the command line.
 */
import { fail, flags, otherFlag, parseInteger, parseText } from './cli-args.js';
import { FEATURES, type Feature } from './features/types.js';
import { REGIMES, type Regime } from './generator/regimes.js';

export const TIER_ORDER = ['S', 'M', 'L', 'XL'] as const;
export type BenchTier = (typeof TIER_ORDER)[number];
/** A tier's regime (bench/generator/regimes.ts): normal, ample, cap-bound or staff-bound. */
export type Variant = Regime;
/**
 * The M cuts HiGHS solves unless `--mip-requests` says otherwise: 1,000 requests, which it
 * solves or nearly solves in its minute. (A 3,000-request cut was the default until issue 12;
 * HiGHS never answered on it and was killed after 3 minutes per regime.)
 */
export const DEFAULT_MIP_REQUESTS: readonly number[] = [1000];
/** The regimes `npm run bench` measures unless told otherwise (`--regimes`): all four (issue 12). */
export const DEFAULT_REGIMES: readonly Variant[] = REGIMES;
/**
 * The regimes XL is measured in unless `--xl-regimes` says otherwise: those of normal and ample
 * that `--regimes` chose. XL in cap-bound and staff-bound takes minutes each (and with them a
 * full run would pass 25 minutes on a 2-core host), so they are opt-in.
 */
export const DEFAULT_XL_REGIMES: readonly Variant[] = ['normal', 'ample'];

export interface Options {
  tiers: BenchTier[];
  runs: number | undefined;
  /** The old way to choose the regimes (`--ample both|only|none`); `regimes` says what was measured. */
  ample: 'both' | 'only' | 'none';
  /** The regimes measured, in REGIMES order; absent in results files written before regimes existed (then `ample` says). */
  regimes?: Variant[];
  /** The regimes XL is measured in (`--xl-regimes`); absent in older results files (then `regimes`). */
  xlRegimes?: Variant[];
  /** `joint-inspection plan` end to end (a fresh `node dist/cli.cjs`) per scenario, after its planSync runs; 0 = none. Absent in older files. */
  cliRuns?: number;
  mip: ('S' | 'M')[];
  /** The M cuts compared with HiGHS: M's first N requests, for each N (ascending). */
  mipRequests: number[];
  mipTimeLimitSec: number;
  timeLimitMs: number;
  timeoutMin: number;
  seed: number;
  date: string;
  docs: boolean;
  /** Re-render the table and the docs from a results file instead of measuring. */
  fromResults: string | undefined;
  /** One folder for the results JSON and the docs instead of bench/results/ and docs/. */
  outDir: string | undefined;
  /** The issue-10 measurements (replan and recommend on L, explain on M); none with `--features none`. */
  features: Feature[];
  /** Rounds of plan + replan (interleaved, each in a fresh process); the medians count. */
  featureRounds: number;
  /** With --from-results: the features (and their options) taken from this other results file. */
  withFeatures: string | undefined;
}

export const USAGE =
  'usage: npm run bench -- [--tiers S,M,L,XL|none] [--features replan,recommend,explain,draws|none] [--feature-rounds N] [--runs N] [--regimes normal,ample,cap-bound,staff-bound] [--xl-regimes LIST|all|none] [--cli-runs N] [--ample both|only|none] [--mip S,M|none] [--mip-requests N[,N…]] [--mip-time-limit SEC] [--time-limit MS] [--timeout-min MIN] [--seed N] [--date YYYY-MM-DD] [--quick] [--no-docs] [--out-dir DIR] | --from-results bench/results/DATE.json [--with-features bench/results/FILE.json] [--out-dir DIR]';

/** Today in the host's time zone: the default --date (the bench, unlike the library, may read the clock). */
function localDate(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The options from the command line; a bad argument prints the usage and exits 2. */
export function parseArgs(args: readonly string[]): Options {
  let tiers: BenchTier[] | undefined;
  let mip: ('S' | 'M')[] | undefined;
  let runs: number | undefined;
  let features: Feature[] | undefined;
  let quick = false;
  let regimes: Variant[] | undefined;
  let xlRegimes: Variant[] | 'all' | undefined;
  let cliRuns: number | undefined;
  let ampleGiven = false;
  const o = { ample: 'both' as Options['ample'], mipRequests: [...DEFAULT_MIP_REQUESTS], mipTimeLimitSec: 60, timeLimitMs: 600_000, timeoutMin: 15, seed: 1, date: localDate(), docs: true, fromResults: undefined as string | undefined, outDir: undefined as string | undefined, featureRounds: 3, withFeatures: undefined as string | undefined };
  for (const f of flags(args)) {
    const { value } = f;
    switch (f.flag) {
      case '--tiers': {
        const v = value() ?? '';
        const list = v === 'none' ? [] : v.split(',').filter(Boolean);
        if ((v !== 'none' && list.length === 0) || list.some((t) => !TIER_ORDER.includes(t as BenchTier))) fail('--tiers takes a list of S, M, L, XL, or none', USAGE);
        tiers = TIER_ORDER.filter((t) => list.includes(t));
        break;
      }
      case '--features': {
        const v = value() ?? '';
        const list = v === 'none' ? [] : v.split(',').filter(Boolean);
        if ((v !== 'none' && list.length === 0) || list.some((x) => !FEATURES.includes(x as Feature))) fail(`--features takes a list of ${FEATURES.join(', ')}, or none`, USAGE);
        features = FEATURES.filter((x) => list.includes(x));
        break;
      }
      case '--feature-rounds':
        o.featureRounds = parseInteger('--feature-rounds', value(), USAGE, 1);
        break;
      case '--with-features':
        o.withFeatures = parseText(value(), '--with-features needs a results file', USAGE);
        break;
      case '--runs':
        runs = parseInteger('--runs', value(), USAGE, 1);
        break;
      case '--ample': {
        const v = value();
        if (v !== 'both' && v !== 'only' && v !== 'none') fail('--ample takes both, only or none', USAGE);
        o.ample = v;
        ampleGiven = true;
        break;
      }
      case '--regimes': {
        const list = (value() ?? '').split(',').filter(Boolean);
        if (list.length === 0 || list.some((x) => !(REGIMES as readonly string[]).includes(x))) fail(`--regimes takes a list of ${REGIMES.join(', ')}`, USAGE);
        regimes = REGIMES.filter((x) => list.includes(x));
        break;
      }
      case '--xl-regimes': {
        const v = value() ?? '';
        const list = v === 'none' || v === 'all' ? [] : v.split(',').filter(Boolean);
        if ((v !== 'none' && v !== 'all' && list.length === 0) || list.some((x) => !(REGIMES as readonly string[]).includes(x))) fail(`--xl-regimes takes a list of ${REGIMES.join(', ')}, all (those of --regimes) or none`, USAGE);
        xlRegimes = v === 'all' ? 'all' : REGIMES.filter((x) => list.includes(x));
        break;
      }
      case '--cli-runs':
        cliRuns = parseInteger('--cli-runs', value(), USAGE);
        break;
      case '--mip': {
        const v = value() ?? '';
        const list = v === 'none' ? [] : v.split(',').filter(Boolean);
        if (list.some((t) => t !== 'S' && t !== 'M')) fail('--mip takes S, M, S,M or none', USAGE);
        mip = (['S', 'M'] as const).filter((t) => list.includes(t));
        break;
      }
      case '--mip-requests':
        o.mipRequests = [...new Set((value() ?? '').split(',').map((n) => parseInteger('--mip-requests', n, USAGE, 1)))].sort((a, b) => a - b);
        break;
      case '--mip-time-limit':
        o.mipTimeLimitSec = parseInteger('--mip-time-limit', value(), USAGE, 1);
        break;
      case '--time-limit':
        o.timeLimitMs = parseInteger('--time-limit', value(), USAGE, 1);
        break;
      case '--timeout-min':
        o.timeoutMin = parseInteger('--timeout-min', value(), USAGE, 1);
        break;
      case '--seed':
        o.seed = parseInteger('--seed', value(), USAGE);
        break;
      case '--date': {
        const v = value();
        if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) fail('--date takes YYYY-MM-DD', USAGE);
        o.date = v;
        break;
      }
      case '--quick':
        quick = true;
        break;
      case '--no-docs':
        o.docs = false;
        break;
      case '--from-results':
        o.fromResults = parseText(value(), '--from-results needs a file', USAGE);
        break;
      case '--out-dir':
        o.outDir = parseText(value(), '--out-dir needs a folder', USAGE);
        break;
      default:
        otherFlag(f, USAGE);
    }
  }
  if (regimes && ampleGiven) fail('give --regimes or --ample, not both', USAGE);
  const chosen = regimes ?? (ampleGiven ? fromAmple(o.ample) : [...DEFAULT_REGIMES]);
  return {
    ...o,
    // `ample` stays consistent with the regimes for readers of the results file that know only it
    ample: chosen.includes('ample') ? (chosen.includes('normal') ? 'both' : 'only') : 'none',
    regimes: chosen,
    xlRegimes: xlRegimes === 'all' ? chosen : (xlRegimes ?? chosen.filter((r) => DEFAULT_XL_REGIMES.includes(r))),
    cliRuns: cliRuns ?? 1,
    tiers: tiers ?? (quick ? ['S', 'M'] : [...TIER_ORDER]),
    runs: runs ?? (quick ? 1 : undefined),
    mip: mip ?? (quick ? ['S'] : ['S', 'M']),
    // Replan and recommend are measured on L: --quick (S and M) leaves them out unless asked for.
    features: features ?? (quick ? [] : [...FEATURES]),
  };
}

/** The regimes that take minutes on L and beyond. */
export const SLOW_REGIMES: readonly Variant[] = ['cap-bound', 'staff-bound'];

/**
 * planSync runs per tier and regime: --runs, else 3 (the median), and 1 on XL and on L cap-bound
 * and staff-bound (a minute or more each on a 2-core host: three would pass the run's time budget).
 */
export const runsFor = (o: Options, tier: BenchTier, regime: Variant = 'normal') => o.runs ?? (tier === 'XL' || (tier === 'L' && SLOW_REGIMES.includes(regime)) ? 1 : 3);

function fromAmple(ample: Options['ample']): Variant[] {
  return ample === 'both' ? ['normal', 'ample'] : ample === 'only' ? ['ample'] : ['normal'];
}

/** The regimes to measure, in REGIMES order (normal first); from `ample` for results files without `regimes`. */
export const variantsOf = (o: Options): Variant[] => o.regimes ?? fromAmple(o.ample);

/** The regimes a tier is measured in: XL's are `--xl-regimes`, the other tiers' `--regimes`. */
export const regimesFor = (o: Options, tier: string): Variant[] => (tier === 'XL' ? (o.xlRegimes ?? variantsOf(o)) : variantsOf(o));
