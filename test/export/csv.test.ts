/** The publication CSV (一公开): read back with an independent RFC 4180 reader. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportCsv, InputError, type ParsedPlan as Plan } from '../../src/index.js';
import { FORMULA_NAME, fixturePlan, fixtureScenario, frozen, readCsv } from './fixture.js';

const scenario = fixtureScenario();
const plan = fixturePlan(scenario);
const BOM = '\uFEFF';
const body = (csv: string) => readCsv(csv.slice(BOM.length));
const exclusiveVisits = (p: Plan) => p.visits.filter((v) => v.occurrenceIds.includes('R3'));

describe('exportCsv', () => {
  it('starts with a UTF-8 byte-order mark and ends every record with CRLF', () => {
    const csv = exportCsv(scenario, plan, { includeUnannounced: true });
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(() => readCsv(csv.slice(BOM.length))).not.toThrow(); // no bare CR or LF between records
    expect(csv).toContain('\n有限公司'); // the name's line break, kept inside its quoted field
  });

  it('has a header in zh-CN by default and in English on request', () => {
    expect(body(exportCsv(scenario, plan))[0]).toEqual(['日期', '时间', '企业名称', '企业编号', '牵头部门', '参与部门', '检查事项', '检查依据']);
    expect(body(exportCsv(scenario, plan, { locale: 'en' }))[0]?.[0]).toBe('Date');
  });

  it('lists every announced visit once, sorted by date and time, with names and ids', () => {
    const rows = body(exportCsv(scenario, plan)).slice(1);
    const announced = plan.visits.filter((v) => !exclusiveVisits(plan).includes(v));
    expect(rows).toHaveLength(announced.length);
    const keys = rows.map((r) => `${r[0]} ${r[1]}`);
    expect([...keys].sort()).toEqual(keys);
    for (const v of announced) {
      const row = rows.find((r) => r[3] === v.enterpriseId && r[0] === v.date);
      expect(row, v.id).toBeDefined();
      const enterprise = scenario.enterprises.find((e) => e.id === v.enterpriseId);
      expect(row?.[2]).toBe(enterprise?.name.startsWith('=') ? `'${enterprise.name}` : enterprise?.name);
      expect(row?.[1]).toBe(`${v.start}-${v.end}`);
      const names = v.departmentIds.map((d) => scenario.departments.find((x) => x.id === d)?.name);
      expect(row?.[5]?.split('、')).toEqual(names);
      expect(row?.[4]).toBe(scenario.departments.find((x) => x.id === v.leadDepartmentId)?.name);
    }
    const joint = rows.find((r) => r[3] === 'E1');
    expect(joint?.[6]).toBe('食品经营检查、发票检查');
    expect(joint?.[7]).toBe('日常检查');
  });

  it('leaves out unannounced (exclusive) visits unless asked', () => {
    const dateOf = exclusiveVisits(plan)[0]?.date;
    const ids = (csv: string) => body(csv).slice(1).map((r) => `${r[3]}@${r[0]}`);
    expect(ids(exportCsv(scenario, plan))).not.toContain(`E2@${dateOf}`);
    const all = body(exportCsv(scenario, plan, { includeUnannounced: true })).slice(1);
    expect(all).toHaveLength(plan.visits.length);
    expect(all.find((r) => r[3] === 'E2')?.[7]).toBe('投诉举报');
  });

  it('names no officer unless asked; then names them, with the id where two share a name', () => {
    const officerNames = scenario.inspectors.map((p) => p.name);
    const plain = exportCsv(scenario, plan, { includeUnannounced: true });
    for (const name of officerNames) expect(plain).not.toContain(name);
    const rows = body(exportCsv(scenario, plan, { withOfficers: true }));
    expect(rows[0]?.[8]).toBe('执法人员');
    expect(rows.find((r) => r[3] === 'E1')?.[8]).toBe('张伟、李娜、王芳（I3）、王芳（I4）');
  });

  it('guards cells that a spreadsheet would run as a formula, unless told not to', () => {
    const guarded = body(exportCsv(scenario, plan, { includeUnannounced: true })).find((r) => r[3] === 'E2');
    expect(guarded?.[2]).toBe(`'${FORMULA_NAME}`);
    const raw = body(exportCsv(scenario, plan, { includeUnannounced: true, formulaGuard: false })).find((r) => r[3] === 'E2');
    expect(raw?.[2]).toBe(FORMULA_NAME);
  });

  it('quotes exactly the fields that need it (RFC 4180)', () => {
    const csv = exportCsv(scenario, plan, { includeUnannounced: true, formulaGuard: false });
    const line = csv.slice(BOM.length).split('\r\n').find((l) => l.includes('E2'));
    expect(line).toContain('"=HYPERLINK(""http://example.com"",""点我""),\n有限公司"');
    expect(line?.startsWith('2026-03-03,14:00-15:00,"')).toBe(true);
  });

  it('does not mutate its inputs', () => {
    expect(() => exportCsv(frozen(scenario), frozen(plan), frozen({ withOfficers: true }))).not.toThrow();
  });

  it('accepts the plan as JSON without meta or metrics', () => {
    const { meta: _meta, metrics: _metrics, ...bare } = JSON.parse(JSON.stringify(plan)) as Plan;
    expect(exportCsv(scenario, bare)).toBe(exportCsv(scenario, plan));
  });

  it('refuses a plan that names what the scenario lacks, with the JSON path', () => {
    const bad = { ...plan, visits: [{ ...plan.visits[0], enterpriseId: 'NOPE' }] };
    try {
      exportCsv(scenario, bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).issues.map((i) => i.path)).toContain('visits[0].enterpriseId');
    }
  });

  it('law: arbitrary input gives a CSV or an InputError, never another exception', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (s, p, o) => {
        for (const [a, b] of [[s, p], [scenario, p], [s, plan]] as const) {
          try {
            exportCsv(a, b, o as never);
          } catch (error) {
            if (!(error instanceof InputError)) throw error;
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
