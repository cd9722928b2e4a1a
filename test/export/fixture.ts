/**
 * A small scenario and a hand-made plan for the export tests: a joint visit, an unannounced
 * (exclusive) check, an enterprise whose name is a spreadsheet formula with a comma, a quote
 * and a line break, one whose name is HTML, two officers with the same name, and unscheduled
 * occurrences under two reasons.
 */
import { parseScenario, type ParsedPlan as Plan, type Scenario } from '../../src/index.js';
import { makeEnterprise, makeInspector, makeRequest, makeScenario } from '../support/builders.js';
import { makePlan } from '../support/plans.js';

export const FORMULA_NAME = '=HYPERLINK("http://example.com","点我"),\n有限公司';
export const HTML_NAME = '<img src=x onerror=alert(1)>"\'&<script>alert(2)</script>';

export function fixtureScenario(): Scenario {
  return parseScenario(
    makeScenario({
      enterprises: [
        makeEnterprise({ id: 'E1', name: '某某餐饮有限公司', location: { lat: 35.3, lng: 113.9 } }),
        makeEnterprise({ id: 'E2', name: FORMULA_NAME }),
        makeEnterprise({ id: 'E3', name: HTML_NAME }),
      ],
      inspectors: [
        makeInspector(),
        makeInspector({ id: 'I2', name: '李娜' }),
        makeInspector({ id: 'I3', name: '王芳', departmentId: 'TAX' }),
        makeInspector({ id: 'I4', name: '王芳', departmentId: 'TAX' }),
        makeInspector({ id: 'I5', name: '赵磊' }),
      ],
      requests: [
        makeRequest(),
        makeRequest({ id: 'R2', departmentId: 'TAX', itemIds: ['TAX-1'] }),
        makeRequest({ id: 'R3', enterpriseId: 'E2', exclusive: true, basis: 'complaint' }),
        makeRequest({ id: 'R4', departmentId: 'TAX', enterpriseId: 'E3', itemIds: ['TAX-1'], window: { from: '2026-03-09', to: '2026-03-13' } }),
        makeRequest({ id: 'R5', enterpriseId: 'E3' }),
        makeRequest({ id: 'R6', departmentId: 'TAX', enterpriseId: 'E2', itemIds: ['TAX-1'] }),
        makeRequest({ id: 'R7', enterpriseId: 'E1', window: { from: '2026-03-16', to: '2026-03-31' } }),
      ],
    }),
  );
}

export function fixturePlan(scenario: Scenario): Plan {
  const plan = makePlan(scenario, [
    { date: '2026-03-02', occurrenceIds: ['R1', 'R2'], inspectorIds: ['I1', 'I2', 'I3', 'I4'] },
    { date: '2026-03-03', start: '14:00', occurrenceIds: ['R3'], inspectorIds: ['I1', 'I5'] },
    { date: '2026-03-10', occurrenceIds: ['R4'], inspectorIds: ['I3', 'I4'] },
    { date: '2026-03-02', start: '13:30', occurrenceIds: ['R5'], inspectorIds: ['I5', 'I2'], enterpriseId: 'E3' },
  ]);
  const reason = (code: string) => [{ code, message: `${code} message` }];
  return {
    ...plan,
    unscheduled: [
      { occurrenceId: 'R6', reasons: reason('CAP_REACHED') },
      { occurrenceId: 'R7', reasons: [...reason('STAFF_CAPACITY'), ...reason('CAP_REACHED')] },
    ],
  };
}

/** A recursively frozen deep copy: a test that passes it proves the export does not mutate. */
export function frozen<T>(value: T): T {
  const copy = structuredClone(value);
  const freeze = (x: unknown) => {
    if (x && typeof x === 'object') {
      Object.freeze(x);
      for (const v of Object.values(x)) freeze(v);
    }
  };
  freeze(copy);
  return copy;
}

/** An RFC 4180 reader written for the tests (independent of the exporter). */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (c === '\n' || c === '\r' || c === '"') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    else field += c;
    i++;
  }
  if (field !== '' || row.length > 0) throw new Error('the last record does not end with CRLF');
  return rows;
}
