/**
 * The smallest relaxations that make an unscheduled occurrence schedulable. Candidates come
 * from the failures of the day funnel; where the right size is not known in advance (how far to
 * widen a window, which day to lift), a generous relaxation is tried first to *discover* the
 * nearest day that works, and the minimal one on that day is then *verified*: the relaxed
 * scenario parsed, the occurrence placed with `applyEdits`, `validatePlan` finding nothing new.
 * Only verified relaxations are returned, smallest first.
 */
import { formatDay, toDay } from '../calendar/civil.js';
import type { Scenario } from '../model/scenario.js';
import type { Occurrence } from '../occurrences/expand.js';
import type { DaySurvey, PlanIndex } from '../placement/index.js';
import type { CapEventFact, DayVerdict, StaffFunnel } from '../placement/types.js';
import type { Locale } from '../report/format.js';
import type { Names } from '../report/names.js';
import { LIST, say } from './messages.js';
import type { Relaxation, RelaxationKind, ScenarioPatchOp } from './types.js';
import { trial, verifiedPlacement, workingDays, type Trial } from './verify.js';
import { eventWords } from './words.js';

/** A relaxation before verification: its patch and the days to verify it on. */
interface Candidate {
  kind: RelaxationKind;
  size: number;
  patch: ScenarioPatchOp[];
  days?: number[];
  message: string;
  details: Record<string, unknown>;
  /** The trial of exactly this patch, when discovery already built it. */
  trial?: Trial;
}

interface Ctx {
  scenario: Scenario;
  plan: unknown;
  index: PlanIndex;
  occ: Occurrence;
  verdicts: DayVerdict[];
  names: Names;
  locale: Locale;
}

/** How many officers a staff verdict is short of. */
const shortfall = (s: StaffFunnel, filter?: string): number => {
  const step = filter === undefined ? s.steps[s.steps.length - 1] : s.steps.find((x) => x.filter === filter);
  return Math.max(1, s.required - s.present - (step?.remaining ?? 0));
};

const tryOn = (ctx: Ctx, ops: ScenarioPatchOp[]) => trial(ctx.scenario, ctx.plan, ctx.occ.id, ops, ctx.index.ctx.occurrenceList.length, ctx.locale);

/** Days sorted for trying: the request's preferred dates first, then nearest the window's start. */
function byPreference(ctx: Ctx, days: readonly number[]): number[] {
  const preferred = new Set(ctx.occ.request.preferredDates);
  return [...days].sort((a, b) => Number(preferred.has(formatDay(b))) - Number(preferred.has(formatDay(a))) || a - b);
}

/** Ranges minus some days (inclusive ranges of `YYYY-MM-DD`). */
function rangesWithout(ranges: readonly { from: string; to: string }[], days: ReadonlySet<number>): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  for (const r of ranges) {
    let start: number | undefined;
    const end = toDay(r.to);
    for (let d = toDay(r.from); d <= end + 1; d++) {
      const keep = d <= end && !days.has(d);
      if (keep && start === undefined) start = d;
      if (!keep && start !== undefined) {
        out.push({ from: formatDay(start), to: formatDay(d - 1) });
        start = undefined;
      }
    }
  }
  return out;
}

const inRanges = (ranges: readonly { from: string; to: string }[], date: string) => ranges.some((r) => r.from <= date && date <= r.to);

function fixedDate(ctx: Ctx): Candidate[] {
  const r = ctx.occ.request;
  if (r.fixedDate === undefined || !ctx.verdicts.some((v) => v.rule === 'fixed-date')) return [];
  const path = ['requests', ctx.occ.requestIndex, 'fixedDate'];
  const free = tryOn(ctx, [{ op: 'remove', path }]);
  if (!free) return [];
  const fixed = toDay(r.fixedDate);
  const days = ctx.verdicts.filter((v) => v.rule === 'fixed-date').map((v) => v.day);
  const ok = workingDays(free, days).map((s) => s.verdict.day);
  const best = [...ok].sort((a, b) => Math.abs(a - fixed) - Math.abs(b - fixed) || a - b)[0];
  if (best === undefined) return [];
  const to = formatDay(best);
  return [{ kind: 'move-fixed-date', size: Math.abs(best - fixed), patch: [{ op: 'replace', path, value: to }], days: [best], message: say(ctx.locale, 'relax.move-fixed-date', { from: r.fixedDate, to }), details: { requestId: r.id, from: r.fixedDate, to } }];
}

function widenWindow(ctx: Ctx): Candidate[] {
  const { occ, index } = ctx;
  const r = occ.request;
  if (r.fixedDate !== undefined) return [];
  const h = index.ctx.horizon;
  const out: Candidate[] = [];
  const last = r.recurrence === undefined || !index.ctx.occurrences.has(`${r.id}#${occ.k + 1}`);
  const sides: { side: 'to' | 'from'; days: number[]; widest: string }[] = [];
  if (last && occ.rawTo < h.to) sides.push({ side: 'to', days: range(Math.max(occ.rawTo + 1, h.from), h.to), widest: formatDay(h.to) });
  if (r.recurrence === undefined && occ.rawFrom > h.from) sides.push({ side: 'from', days: range(h.from, Math.min(occ.rawFrom - 1, h.to)).reverse(), widest: formatDay(h.from) });
  for (const { side, days, widest } of sides) {
    const path = ['requests', occ.requestIndex, 'window', side];
    const wide = tryOn(ctx, [{ op: 'replace', path, value: widest }]);
    if (!wide) continue;
    // The nearest working day beyond the window, surveyed a month at a time.
    let found: number | undefined;
    for (let i = 0; i < days.length && found === undefined; i += 31) found = workingDays(wide, days.slice(i, i + 31)).map((s) => s.verdict.day).sort((a, b) => (side === 'to' ? a - b : b - a))[0];
    if (found === undefined) continue;
    const date = formatDay(found);
    const more = side === 'to' ? found - occ.rawTo : occ.rawFrom - found;
    out.push({ kind: 'widen-window', size: more, patch: [{ op: 'replace', path, value: date }], days: [found], message: say(ctx.locale, `relax.widen-window.${side}`, { date, days: more }), details: { requestId: r.id, side, date, days: more, window: { ...r.window } } });
  }
  return out;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let d = from; d <= to; d++) out.push(d);
  return out;
}

function liftUnavailability(ctx: Ctx): Candidate[] {
  const r = ctx.occ.request;
  const e = ctx.index.scenario.enterprises.findIndex((x) => x.id === r.enterpriseId);
  const enterprise = ctx.index.scenario.enterprises[e];
  if (!enterprise) return [];
  const days = ctx.verdicts.filter((v) => v.rule === 'enterprise-unavailable' && inRanges(enterprise.unavailable, v.date)).map((v) => v.day);
  if (days.length === 0) return [];
  const path = ['enterprises', e, 'unavailable'];
  const open = tryOn(ctx, [{ op: 'replace', path, value: rangesWithout(enterprise.unavailable, new Set(days)) }]);
  if (!open) return [];
  const best = workingDays(open, byPreference(ctx, days))[0]?.verdict.day;
  if (best === undefined) return [];
  const date = formatDay(best);
  return [{ kind: 'lift-unavailability', size: 1, patch: [{ op: 'replace', path, value: rangesWithout(enterprise.unavailable, new Set([best])) }], days: [best], message: say(ctx.locale, 'relax.lift-unavailability', { enterprise: ctx.names.enterprise(r.enterpriseId), date }), details: { enterpriseId: r.enterpriseId, date } }];
}

/** The staff-failing days, fewest officers short first, then by preference. */
function staffDays(ctx: Ctx): { day: number; staff: StaffFunnel }[] {
  const order = byPreference(ctx, ctx.verdicts.filter((v) => v.rule === 'staff').map((v) => v.day));
  const byDay = new Map(ctx.verdicts.map((v) => [v.day, v]));
  return order
    .map((day) => ({ day, staff: (byDay.get(day) as DayVerdict).facts as unknown as StaffFunnel }))
    .sort((a, b) => shortfall(a.staff) - shortfall(b.staff))
    .slice(0, 3);
}

function neededQualifications(ctx: Ctx): string[] {
  const items = new Map(ctx.index.scenario.items.map((i) => [i.id, i]));
  return [...new Set(ctx.occ.request.itemIds.flatMap((id) => items.get(id)?.qualifications ?? []))];
}

function addOfficer(ctx: Ctx): Candidate[] {
  const out: Candidate[] = [];
  const { scenario } = ctx.index;
  const taken = new Set(scenario.inspectors.map((p) => p.id));
  const needed = neededQualifications(ctx);
  for (const { day, staff } of staffDays(ctx)) {
    const date = formatDay(day);
    const quals = staff.filter === 'qualification' ? staff.missingQualifications : needed;
    const count = staff.filter === 'qualification' ? 1 : shortfall(staff);
    const patch: ScenarioPatchOp[] = [];
    const ids: string[] = [];
    for (let n = 1; ids.length < count; n++) {
      const id = `NEW-${staff.departmentId}-${n}`;
      if (taken.has(id)) continue;
      ids.push(id);
      patch.push({ op: 'add', path: ['inspectors', '-'], value: { id, name: say(ctx.locale, 'relax.added-officer-name', { n: ids.length }), departmentId: staff.departmentId, certificate: { validFrom: date, validTo: date }, qualifications: [...quals] } });
    }
    const qualified = quals.length > 0 ? say(ctx.locale, 'relax.add-officer.qualified', { qualifications: quals.join(LIST[ctx.locale]) }) : '';
    out.push({ kind: 'add-officer', size: 2 * count, patch, days: [day], message: say(ctx.locale, 'relax.add-officer', { count, department: ctx.names.department(staff.departmentId), qualified, area: '', date }), details: { departmentId: staff.departmentId, count, qualifications: quals, date, inspectorIds: ids } });
  }
  return out;
}

/** Officers of the department who fail only `filter` on the day (area, recusal, certificate and leave otherwise fine). */
function officerFixes(ctx: Ctx): Candidate[] {
  const out: Candidate[] = [];
  const { scenario } = ctx.index;
  const area = scenario.enterprises.find((e) => e.id === ctx.occ.request.enterpriseId)?.area;
  for (const { day, staff } of staffDays(ctx)) {
    if (staff.filter !== 'certificate' && staff.filter !== 'availability') continue;
    const date = formatDay(day);
    const count = shortfall(staff, staff.filter);
    const fits = (i: number) => {
      const p = scenario.inspectors[i];
      if (!p || p.departmentId !== staff.departmentId) return false;
      if (p.areas !== undefined && area !== undefined && !p.areas.includes(area)) return false;
      if (p.avoid.includes(ctx.occ.request.enterpriseId)) return false;
      const certified = p.certificate.validFrom <= date && date <= p.certificate.validTo;
      const unavailable = ctx.index.ctx.inspectorUnavailable(p.id).has(day);
      if (staff.filter === 'certificate') return !certified && !unavailable;
      return certified && unavailable && inRanges(p.unavailable, date);
    };
    const chosen = scenario.inspectors
      .map((p, i) => ({ p, i }))
      .filter(({ i }) => fits(i))
      .map(({ p, i }) => ({ p, i, gap: staff.filter === 'certificate' ? Math.max(toDay(p.certificate.validFrom) - day, day - toDay(p.certificate.validTo)) : 1 }))
      .sort((a, b) => a.gap - b.gap || a.i - b.i)
      .slice(0, count);
    if (chosen.length < count) continue;
    const names = chosen.map(({ p }) => ctx.names.inspector(p.id)).join(LIST[ctx.locale]);
    if (staff.filter === 'certificate') {
      const patch: ScenarioPatchOp[] = chosen.map(({ p, i }) => ({ op: 'replace', path: ['inspectors', i, 'certificate', date < p.certificate.validFrom ? 'validFrom' : 'validTo'], value: date }));
      const first = chosen[0]?.p;
      out.push({ kind: 'extend-certificate', size: chosen.reduce((s, c) => s + c.gap, 0), patch, days: [day], message: say(ctx.locale, 'relax.extend-certificate', { inspector: names, date, validFrom: first?.certificate.validFrom, validTo: first?.certificate.validTo }), details: { inspectorIds: chosen.map(({ p }) => p.id), date } });
    } else {
      const patch: ScenarioPatchOp[] = chosen.map(({ p, i }) => ({ op: 'replace', path: ['inspectors', i, 'unavailable'], value: rangesWithout(p.unavailable, new Set([day])) }));
      out.push({ kind: 'lift-officer-leave', size: chosen.length, patch, days: [day], message: say(ctx.locale, 'relax.lift-officer-leave', { inspector: names, date }), details: { inspectorIds: chosen.map(({ p }) => p.id), date } });
    }
  }
  return out;
}

function areaCandidate(ctx: Ctx): Candidate[] {
  const v = ctx.verdicts.find((x) => x.rule === 'department-area');
  if (!v) return [];
  const { departmentId, area } = v.facts as { departmentId: string; area: string };
  const d = ctx.index.scenario.departments.findIndex((x) => x.id === departmentId);
  if (d < 0) return [];
  const r = ctx.occ.request;
  return [{ kind: 'area', size: 1, patch: [{ op: 'add', path: ['departments', d, 'areas', '-'], value: area }], message: say(ctx.locale, 'relax.area', { area, department: ctx.names.department(departmentId), enterprise: ctx.names.enterprise(r.enterpriseId) }), details: { departmentId, area, enterpriseId: r.enterpriseId } }];
}

function freeCap(ctx: Ctx): Candidate[] {
  const out: Candidate[] = [];
  const { scenario } = ctx.index;
  const grade = scenario.enterprises.find((e) => e.id === ctx.occ.request.enterpriseId)?.riskGrade;
  const capDays = ctx.verdicts.filter((v) => v.rule === 'cap');
  for (const capId of [...new Set(capDays.map((v) => String(v.facts.capId)))]) {
    const c = scenario.caps.findIndex((x) => x.id === capId);
    const cap = scenario.caps[c];
    if (!cap) continue;
    const mine = capDays.filter((v) => v.facts.capId === capId);
    const limitDays = mine.filter((v) => v.facts.kind === 'limit');
    const gapDays = mine.filter((v) => v.facts.kind === 'gap');
    if (limitDays.length > 0) {
      const limit = Number(limitDays[0]?.facts.limit);
      const byGrade = grade !== undefined && cap.maxByRiskGrade?.[grade] !== undefined;
      const path = ['caps', c, ...(byGrade ? ['maxByRiskGrade', grade as string] : ['max'])];
      const patch: ScenarioPatchOp[] = [{ op: 'replace', path, value: limit + 1 }];
      const t = tryOn(ctx, patch);
      const best = t && workingDays(t, byPreference(ctx, limitDays.map((v) => v.day)))[0];
      if (t && best) out.push(capCandidate(ctx, 'limit', best, limitDays, { capId, limit, newLimit: limit + 1 }, patch, 1, t));
    }
    if (gapDays.length > 0) {
      const widest = [...gapDays].sort((a, b) => Number(b.facts.gapDays) - Number(a.facts.gapDays) || a.day - b.day)[0] as DayVerdict;
      const newGap = Number(widest.facts.gapDays);
      const minGapDays = Number(widest.facts.minGapDays);
      const patch: ScenarioPatchOp[] = [{ op: 'replace', path: ['caps', c, 'minGapDays'], value: newGap }];
      const t = tryOn(ctx, patch);
      const best = t && workingDays(t, [widest.day])[0];
      if (t && best) out.push(capCandidate(ctx, 'gap', best, [widest], { capId, minGapDays, newGap, gapDays: newGap }, patch, minGapDays - newGap, t));
    }
  }
  return out;
}

function capCandidate(ctx: Ctx, kind: 'limit' | 'gap', best: DaySurvey, days: DayVerdict[], values: Record<string, unknown>, patch: ScenarioPatchOp[], size: number, t: Trial): Candidate {
  const verdict = days.find((v) => v.day === best.verdict.day) ?? days[0];
  const events = (verdict?.facts.events as CapEventFact[] | undefined) ?? [];
  const date = best.verdict.date;
  const enterprise = ctx.names.enterprise(ctx.occ.request.enterpriseId);
  return {
    kind: 'free-cap',
    size,
    patch,
    days: [best.verdict.day],
    trial: t,
    message: say(ctx.locale, `relax.free-cap.${kind}`, { ...values, events: eventWords(events, ctx.locale), date, enterprise }),
    details: { ...values, kind, date, enterpriseId: ctx.occ.request.enterpriseId, events },
  };
}

const KIND_ORDER: RelaxationKind[] = ['move-fixed-date', 'widen-window', 'lift-unavailability', 'extend-certificate', 'lift-officer-leave', 'add-officer', 'area', 'free-cap'];

/** Candidate relaxations from the funnel's failures, verified, smallest first (at most `max`). */
export function relaxations(ctx: Ctx, max: number): Relaxation[] {
  const candidates = [...fixedDate(ctx), ...widenWindow(ctx), ...liftUnavailability(ctx), ...officerFixes(ctx), ...addOfficer(ctx), ...areaCandidate(ctx), ...freeCap(ctx)].sort(
    (a, b) => a.size - b.size || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
  );
  const out: Relaxation[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (out.length >= max) break;
    // The smallest of each kind is enough to show the way (a window can widen on either side).
    const key = `${c.kind}|${String(c.details.side ?? '')}`;
    if (seen.has(key)) continue;
    const t = c.trial ?? tryOn(ctx, c.patch);
    if (!t) continue;
    const placement = verifiedPlacement(t, ctx.plan, c.days, ctx.locale);
    if (!placement) continue;
    seen.add(key);
    out.push({
      kind: c.kind,
      message: c.message,
      details: c.details,
      scenarioPatch: c.patch,
      size: c.size,
      placement: { date: placement.date, ...(placement.visitId !== undefined ? { visitId: placement.visitId } : {}), inspectorIds: placement.inspectorIds, edits: placement.edits },
      verified: true,
    });
  }
  return out;
}

export type { Ctx as RelaxContext };
