/**
 * Generates `schema/scenario-v1.json` and `schema/plan-v1.json` from the zod schemas, for hosts
 * that are not written in TypeScript. `npm run schema` writes them; `--check` exits 1 when the
 * committed files are stale (test/schema/json-schema.test.ts checks the same).
 *
 * zod's refinements (real dates, times, RRULEs, time zones, references) cannot be expressed in
 * JSON Schema. Where a necessary condition can, it is attached here by schema identity: a
 * `pattern` that every valid value matches, so the JSON Schema never rejects what the library
 * accepts, and a `description` that says what only the library checks.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { planSchema } from '../src/model/plan.js';
import { dateSchema, idSchema, rangeSchema, rruleSchema, timeSchema, timezoneSchema } from '../src/model/primitives.js';
import { scenarioSchema } from '../src/model/scenario.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BASE_ID = 'https://unpkg.com/joint-inspection/schema/';

/** JSON Schema keywords per shared zod schema: what `.meta({...})` on it would say. */
const FIELD_META = new Map<unknown, Record<string, string>>([
  [dateSchema, { pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A civil date YYYY-MM-DD; the library also checks that it is a real calendar date.' }],
  [timeSchema, { pattern: '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$', description: 'A time HH:MM from 00:00 to 24:00.' }],
  [
    rruleSchema,
    {
      // KEY=VALUE parts joined by ";", with an optional "RRULE:" prefix; the library checks the parts.
      pattern: '^(RRULE:)?[A-Za-z]+=[^;]+(;[A-Za-z]+=[^;]+)*$',
      description: 'The value of an RFC 5545 recurrence rule, e.g. FREQ=WEEKLY;BYDAY=MO, without DTSTART; the library checks its parts.',
    },
  ],
  [timezoneSchema, { description: 'An IANA time zone, e.g. Asia/Shanghai; the library checks that it exists.' }],
  [idSchema, { description: 'A non-empty id; the library checks that it is unique in its collection and that references resolve.' }],
  [rangeSchema, { description: 'An inclusive range of dates; the library checks that from <= to.' }],
]);

const SHAPE_ONLY =
  'This JSON Schema checks shape only: field names, types, enumerations, required fields and the form of dates, times and RRULEs. ' +
  'The joint-inspection library checks the rest (ids unique and references resolved, real calendar dates, ranges in order, valid RRULEs and time zones) ' +
  'and reports every problem with its JSON path; see docs/json-schema.md.';

function toSchema(schema: z.ZodType, file: string, title: string, what: string): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override: (ctx) => {
      const meta = FIELD_META.get(ctx.zodSchema);
      if (meta) Object.assign(ctx.jsonSchema, meta);
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: BASE_ID + file, title, description: `${what} ${SHAPE_ONLY}`, ...rest };
}

/** The files this script writes, by path relative to the repository root, with their text. */
export function jsonSchemaFiles(): Record<string, string> {
  const scenario = toSchema(scenarioSchema, 'scenario-v1.json', 'joint-inspection scenario, contract v1', 'The scenario a host sends to the planner (contract v1 §1), with its defaults.');
  const plan = toSchema(planSchema, 'plan-v1.json', 'joint-inspection plan, contract v1', 'The plan the planner returns (contract v1 §2); hosts may also send one back for validation.');
  return {
    'schema/scenario-v1.json': JSON.stringify(scenario, null, 2) + '\n',
    'schema/plan-v1.json': JSON.stringify(plan, null, 2) + '\n',
  };
}

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [path, text] of Object.entries(jsonSchemaFiles())) {
    const target = resolve(ROOT, path);
    if (check) {
      const current = await readFile(target, 'utf8').catch(() => undefined);
      if (current !== text) {
        stale++;
        process.stderr.write(`${path} is out of date: run npm run schema\n`);
      }
    } else {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, text, 'utf8');
      process.stdout.write(`wrote ${path}\n`);
    }
  }
  return stale > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().then((code) => (process.exitCode = code));
}
