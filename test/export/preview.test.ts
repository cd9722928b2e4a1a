/** The HTML preview, read with jsdom: its figures match the plan, its text is escaped, it needs no network. */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { InputError, parseScenario, planSync, renderPreview, type ParsedPlan as Plan } from '../../src/index.js';
import { arbScenario } from '../arbitraries/scenario.js';
import { HTML_NAME, fixturePlan, fixtureScenario, frozen } from './fixture.js';

const scenario = fixtureScenario();
const plan = fixturePlan(scenario);
const dom = (html: string) => new JSDOM(html).window.document;
const num = (el: Element | null | undefined, attr: string) => Number(el?.getAttribute(attr));

/** ISO week key of a `YYYY-MM-DD` date, by hand (UTC arithmetic; the Thursday rule). */
function isoWeekKey(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(d.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function expectFiguresMatch(html: string, p: Plan): void {
  const doc = dom(html);
  // calendar: one cell per date, each with the plan's visits that day
  const cells = [...doc.querySelectorAll('td.day')];
  const perDay = new Map<string, number>();
  for (const v of p.visits) perDay.set(v.date, (perDay.get(v.date) ?? 0) + 1);
  const dates = cells.map((c) => c.getAttribute('data-date'));
  expect(new Set(dates).size).toBe(dates.length);
  for (const c of cells) expect(num(c, 'data-visits'), c.getAttribute('data-date') ?? '').toBe(perDay.get(c.getAttribute('data-date') ?? '') ?? 0);
  for (const date of perDay.keys()) expect(dates).toContain(date);
  // heat map: department × ISO week
  const heat = [...doc.querySelectorAll('table.heat td')];
  const expected = new Map<string, number>();
  for (const v of p.visits) for (const d of new Set(v.departmentIds)) expected.set(`${d} ${isoWeekKey(v.date)}`, (expected.get(`${d} ${isoWeekKey(v.date)}`) ?? 0) + 1);
  for (const td of heat) expect(num(td, 'data-count')).toBe(expected.get(`${td.getAttribute('data-department')} ${td.getAttribute('data-week')}`) ?? 0);
  expect(heat.reduce((n, td) => n + num(td, 'data-count'), 0)).toBe(p.visits.reduce((n, v) => n + new Set(v.departmentIds).size, 0));
  // unscheduled groups, by first reason
  const groups = new Map<string, number>();
  for (const u of p.unscheduled) groups.set(u.reasons[0]?.code ?? '', (groups.get(u.reasons[0]?.code ?? '') ?? 0) + 1);
  const shown = [...doc.querySelectorAll('details.reason')].map((d) => [d.getAttribute('data-reason'), num(d, 'data-count'), d.querySelectorAll('tbody tr').length]);
  expect(new Map(shown.map(([code, n]) => [code, n]))).toEqual(groups);
  for (const [, n, rows] of shown) expect(rows).toBe(n);
  // every visit, with its team and items
  const visits = [...doc.querySelectorAll('details.visit')];
  expect(visits.map((d) => d.getAttribute('data-visit-id')).sort()).toEqual(p.visits.map((v) => v.id).sort());
  for (const d of visits) {
    const v = p.visits.find((x) => x.id === d.getAttribute('data-visit-id'));
    expect(num(d, 'data-officers')).toBe(v?.inspectorIds.length);
  }
}

describe('renderPreview', () => {
  it("shows the plan's figures: visits per day, per department and week, unscheduled by reason, every visit", () => {
    expectFiguresMatch(renderPreview(scenario, plan), plan);
    const doc = dom(renderPreview(scenario, plan));
    expect(doc.documentElement.lang).toBe('zh-CN');
    expect(doc.querySelector('table.month caption')?.textContent).toBe('2026年3月');
    expect([...doc.querySelectorAll('table.month thead th')].map((th) => th.textContent).join('')).toBe('一二三四五六日');
    expect(doc.querySelector('details.reason summary')?.textContent).toContain('检查频次已达上限');
  });

  it('shows the visits saved: metrics.separateVisits when the plan has it, else one visit per department of each visit', () => {
    const estimated = dom(renderPreview(scenario, plan)).querySelector('#saved');
    expect(num(estimated, 'data-separate')).toBe(5); // V1 has two departments, V2–V4 one each
    expect(num(estimated, 'data-saved')).toBe(1);
    expect(estimated?.getAttribute('data-estimated')).toBe('true');
    const recorded = dom(renderPreview(scenario, { ...plan, metrics: { ...plan.metrics, separateVisits: 9, visitsSaved: 5 } })).querySelector('#saved');
    expect(num(recorded, 'data-separate')).toBe(9);
    expect(num(recorded, 'data-saved')).toBe(5);
    expect(recorded?.textContent).toContain('少进企业 5 次');
  });

  it('escapes user text: an enterprise named like HTML stays text', () => {
    const html = renderPreview(scenario, plan, { title: '<b>计划</b>' });
    const doc = dom(html);
    expect(doc.querySelectorAll('script, img, b:not(summary b)').length).toBe(0);
    expect(doc.querySelector('h1')?.textContent).toBe('<b>计划</b>');
    expect([...doc.querySelectorAll('details.visit summary b')].map((b) => b.textContent)).toContain(HTML_NAME);
  });

  it('is self-contained: no script and no address outside the page', () => {
    const html = renderPreview(scenario, plan);
    expect(html).not.toMatch(/<script|@import|url\(|(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
    const doc = dom(html);
    for (const a of doc.querySelectorAll('[href]')) expect(a.getAttribute('href')?.startsWith('#')).toBe(true);
    expect(doc.querySelectorAll('[src], link, iframe, object, embed').length).toBe(0);
  });

  it('speaks English on request', () => {
    const doc = dom(renderPreview(scenario, plan, { locale: 'en' }));
    expect(doc.documentElement.lang).toBe('en');
    expect(doc.querySelector('table.month caption')?.textContent).toBe('March 2026');
    expect(doc.querySelector('h1')?.textContent).toBe('Joint inspection plan preview');
  });

  it('puts each visit on its civil date whatever the host time zone', () => {
    const before = process.env.TZ;
    try {
      const here = renderPreview(scenario, plan);
      process.env.TZ = 'America/Los_Angeles';
      expect(new Date(2026, 2, 2).getTimezoneOffset()).toBe(480); // the host zone really changed
      const there = renderPreview(scenario, plan);
      expect(there).toBe(here);
      process.env.TZ = 'Pacific/Kiritimati';
      expect(renderPreview(scenario, plan)).toBe(here);
    } finally {
      process.env.TZ = before;
    }
  });

  it('does not mutate its inputs, and accepts a plan without meta or metrics', () => {
    expect(() => renderPreview(frozen(scenario), frozen(plan), frozen({ title: 'x' }))).not.toThrow();
    const { meta: _m, metrics: _n, ...bare } = JSON.parse(JSON.stringify(plan)) as Plan;
    expectFiguresMatch(renderPreview(scenario, bare), plan);
  });

  it('law: arbitrary input gives HTML or an InputError, never another exception', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (s, p, o) => {
        for (const [a, b, c] of [[s, p, o], [scenario, p, o], [scenario, plan, o]] as const) {
          try {
            expect(typeof renderPreview(a, b, c as never)).toBe('string');
          } catch (error) {
            if (!(error instanceof InputError)) throw error;
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it("law: for planned scenarios, the preview's figures are the plan's", () => {
    fc.assert(
      fc.property(arbScenario({ requests: { min: 1, max: 8 }, enterprises: { min: 1, max: 3 } }), (input) => {
        const s = parseScenario(input);
        const p = planSync(s, { locale: 'en' });
        expectFiguresMatch(renderPreview(s, p), p);
      }),
      { numRuns: 20 },
    );
  });
});
