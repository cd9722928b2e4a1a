/**
 * Times `expandRule` on typical rules: 10,000 expansions (a mix of the rules hosts send)
 * over one year, started at the horizon's first day, as the planner does. Checks one answer
 * by hand first, so a fast wrong expander is not a success. Run: `npx tsx bench/rrule-expand.ts`.
 */
import { expandRule } from '../src/calendar/rrule.js';
import { formatDay, parseDay } from '../src/calendar/civil.js';

const TYPICAL = [
  'FREQ=WEEKLY;BYDAY=SA,SU',
  'FREQ=MONTHLY;BYMONTHDAY=1',
  'FREQ=WEEKLY;BYDAY=MO',
  'FREQ=MONTHLY;BYDAY=-1FR',
  'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH',
  'FREQ=MONTHLY;BYMONTHDAY=1,15',
  'FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=1,2,3,4,5,6,7',
  'FREQ=DAILY;INTERVAL=3',
  'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
  'FREQ=WEEKLY;BYDAY=FR;COUNT=10',
];

const from = parseDay('2026-01-01') as number;
const to = parseDay('2026-12-31') as number;

const check = expandRule('FREQ=MONTHLY;BYDAY=-1FR', from, from, parseDay('2026-03-31') as number).map(formatDay);
if (check.join() !== '2026-01-30,2026-02-27,2026-03-27') throw new Error(`wrong answer: ${check.join()}`);

const N = 10_000;
let days = 0;
const t0 = performance.now();
for (let i = 0; i < N; i++) days += expandRule(TYPICAL[i % TYPICAL.length] as string, from, from, to).length;
const ms = performance.now() - t0;
console.log(`${N} expansions over one year: ${ms.toFixed(0)} ms (${((ms * 1000) / N).toFixed(1)} µs each), ${days} days marked`);
