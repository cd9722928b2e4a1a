/**
 * What `replan` changed, as data and as a readable summary: visits added, cancelled, moved,
 * with officers replaced or occurrences changed; occurrences newly scheduled or dropped; each
 * with the reasons it changed.
 */
import type { Plan } from '../model/plan.js';
import type { Scenario } from '../model/scenario.js';
import type { Locale } from '../report/format.js';
import { namesOf, type Names } from '../report/names.js';
import type { ReadablePlan } from '../validate/plan-input.js';
import type { LoadedVisit } from './load.js';

/**
 * Why something changed.
 * @example
 * const why: ReplanReason = { code: 'OFFICER_UNAVAILABLE', inspectorId: 'I7', date: '2026-04-08' };
 */
export type ReplanReason =
  /** An officer of the visit is unavailable (leave, sickness) on its date. */
  | { code: 'OFFICER_UNAVAILABLE'; inspectorId: string; date: string }
  /** An officer's certificate is not valid on the visit's date. */
  | { code: 'CERTIFICATE_INVALID'; inspectorId: string; date: string; validFrom?: string; validTo?: string }
  /** The officer is no longer in the scenario. */
  | { code: 'OFFICER_REMOVED'; inspectorId: string }
  /** The enterprise cannot receive visits on the visit's date. */
  | { code: 'ENTERPRISE_UNAVAILABLE'; enterpriseId: string; date: string }
  /** The enterprise is no longer in the scenario. */
  | { code: 'ENTERPRISE_REMOVED'; enterpriseId: string }
  /** These occurrences were withdrawn (their request removed or no longer on site). */
  | { code: 'REQUEST_WITHDRAWN'; occurrenceIds: string[] }
  /** The officer may not inspect this enterprise (area, or a recusal). */
  | { code: 'OFFICER_NOT_ADMITTED'; inspectorId: string; enterpriseId: string }
  /** The officer has no room left that day, or another visit at that time. */
  | { code: 'OFFICER_OVERBOOKED'; inspectorId: string; date: string }
  /** A department of the visit lacks officers or qualifications. */
  | { code: 'TEAM_INCOMPLETE'; departmentId: string; date: string }
  /** Its date no longer suits these occurrences (window, working day, quiet period, fixed date). */
  | { code: 'DAY_NOT_ALLOWED'; occurrenceIds: string[]; date: string }
  /** A cap on inspections of the enterprise would be exceeded. */
  | { code: 'CAP_REACHED'; capId: string; enterpriseId: string }
  /** The visit's composition breaks a rule (exclusive item, too long, too many departments). */
  | { code: 'COMPOSITION'; rule: 'exclusive' | 'duration' | 'departments' }
  /** Another visit of the enterprise is on the same day. */
  | { code: 'SECOND_VISIT_THAT_DAY'; enterpriseId: string; date: string }
  /** Its date lies outside the horizon planned. */
  | { code: 'OUTSIDE_HORIZON'; date: string }
  /** Occurrences not in the previous plan were placed (new requests). */
  | { code: 'NEW_REQUEST'; occurrenceIds: string[] }
  /** Occurrences left unscheduled by the previous plan now fit. */
  | { code: 'NOW_SCHEDULABLE'; occurrenceIds: string[] }
  /** Changed to make room for these occurrences (of higher priority, or new). */
  | { code: 'MADE_ROOM'; forOccurrenceIds: string[] }
  /** Its occurrences went to other visits (merged). */
  | { code: 'MERGED'; intoVisitIds: string[] }
  /** The occurrence is now unscheduled: the plan's reason (contract §2.2 code). */
  | { code: 'UNSCHEDULED'; reasonCode: string; message: string }
  /** A consequence of the other changes (officers or days freed or taken). */
  | { code: 'KNOCK_ON' };

/**
 * One change to a visit. A visit may change in several ways at once (one entry each).
 * @example
 * const c: VisitChange = { kind: 'moved', visitId: 'V3', enterpriseId: 'E1', from: { date: '2026-04-08', start: '09:00' }, to: { date: '2026-04-10', start: '09:00' }, reasons: [{ code: 'ENTERPRISE_UNAVAILABLE', enterpriseId: 'E1', date: '2026-04-08' }] };
 */
export type VisitChange =
  | { kind: 'added'; visitId: string; enterpriseId: string; date: string; occurrenceIds: string[]; inspectorIds: string[]; reasons: ReplanReason[] }
  | { kind: 'cancelled'; visitId: string; enterpriseId: string; date: string; occurrenceIds: string[]; reasons: ReplanReason[] }
  | { kind: 'moved'; visitId: string; enterpriseId: string; from: { date: string; start: string }; to: { date: string; start: string }; reasons: ReplanReason[] }
  | { kind: 'officers-replaced'; visitId: string; enterpriseId: string; date: string; removed: string[]; added: string[]; reasons: ReplanReason[] }
  | { kind: 'occurrences-changed'; visitId: string; enterpriseId: string; date: string; added: string[]; removed: string[]; reasons: ReplanReason[] };

/**
 * One change to an occurrence's fate.
 * @example
 * const c: OccurrenceChange = { kind: 'scheduled', occurrenceId: 'R9', visitId: 'V41', date: '2026-04-09', reasons: [{ code: 'NEW_REQUEST', occurrenceIds: ['R9'] }] };
 */
export type OccurrenceChange =
  | { kind: 'scheduled'; occurrenceId: string; visitId: string; date: string; reasons: ReplanReason[] }
  | { kind: 'dropped'; occurrenceId: string; previousVisitId: string; reasons: ReplanReason[] };

/**
 * What `replan` changed.
 * @example
 * const { diff } = await replan(scenario, previous);
 * console.log(diff.summary);
 * for (const c of diff.visits) if (c.kind === 'moved') console.log(c.visitId, c.from.date, '→', c.to.date);
 */
export interface PlanDiff {
  visits: VisitChange[];
  occurrences: OccurrenceChange[];
  /** Counts: visits of the previous plan kept exactly (date, enterprise, occurrences, team), changed (or cancelled), and added. */
  counts: { previous: number; unchanged: number; changed: number; cancelled: number; added: number; fixed: number };
  /**
   * Visits kept because they are past, frozen or pinned although the changed scenario breaks a
   * rule there (what happened, or what the caller holds, is not rewritten): why.
   */
  conflicts: { visitId: string; fixedBy: 'past' | 'frozen' | 'pinned'; reasons: ReplanReason[] }[];
  /** The changes in words (`options.locale`), one line each, naming people and enterprises. */
  summary: string;
}

type Visit = ReadablePlan['visits'][number];

const sortedEqual = (a: readonly string[], b: readonly string[]) => {
  if (a.length !== b.length) return false;
  let same = true;
  for (let i = 0; i < a.length && same; i++) same = a[i] === b[i];
  if (same) return true;
  const x = [...a].sort();
  const y = [...b].sort();
  return x.every((v, i) => v === y[i]);
};

export interface DiffInput {
  scenario: Scenario;
  previous: ReadablePlan;
  plan: Plan;
  loaded: readonly LoadedVisit[];
  locale: Locale;
  /** Names for the summary (`namesOf(scenario, locale)`), when the caller has them already. */
  names?: Names;
}

export function diffPlans(input: DiffInput): PlanDiff {
  const { previous, plan, loaded } = input;
  // Every visit of the previous plan was loaded, one entry each, in date order (then id).
  const loadedAt = new Map<string, number>();
  for (let k = 0; k < loaded.length; k++) loadedAt.set((loaded[k] as LoadedVisit).id, k);
  // Visits kept exactly (most of them): their occurrences are placed before and after, and
  // nothing about them needs saying — the maps below hold only the others' visits and occurrences.
  const keptAt = new Uint8Array(loaded.length);
  const after = new Map<string, Visit>();
  for (const a of plan.visits) {
    const k = loadedAt.get(a.id);
    if (k !== undefined && identical(a, (loaded[k] as LoadedVisit).visit)) keptAt[k] = 1;
    else after.set(a.id, a);
  }
  const placedBefore = new Map<string, string>();
  for (let k = 0; k < loaded.length; k++) if (keptAt[k] === 0) for (const o of (loaded[k] as LoadedVisit).visit.occurrenceIds) placedBefore.set(o, (loaded[k] as LoadedVisit).id);
  const placedAfter = new Map<string, Visit>();
  for (const v of after.values()) for (const o of v.occurrenceIds) placedAfter.set(o, v);
  const unscheduledBefore = new Set(previous.unscheduled.map((u) => u.occurrenceId));
  const unscheduledAfter = new Map(plan.unscheduled.map((u) => [u.occurrenceId, u]));
  const offsite = new Set(plan.offsite.map((x) => x.occurrenceId));
  const known = (o: string) => placedAfter.has(o) || unscheduledAfter.has(o) || offsite.has(o);
  const isNew = (o: string) => !placedBefore.has(o) && !unscheduledBefore.has(o);
  // Occurrences placed now that were not before, by enterprise: what changes elsewhere made room for.
  const newlyPlacedAt = new Map<string, string[]>();
  for (const [o, v] of placedAfter) {
    if (placedBefore.has(o)) continue;
    const list = newlyPlacedAt.get(v.enterpriseId);
    if (list) list.push(o);
    else newlyPlacedAt.set(v.enterpriseId, [o]);
  }

  const causes = (id: string): ReplanReason[] => {
    const k = loadedAt.get(id);
    return k === undefined ? [] : (loaded[k] as LoadedVisit).reasons;
  };
  const gainReasons = (occurrenceIds: readonly string[]): ReplanReason[] => {
    const fresh = occurrenceIds.filter(isNew);
    const late = occurrenceIds.filter((o) => !isNew(o) && !placedBefore.has(o));
    const out: ReplanReason[] = [];
    if (fresh.length > 0) out.push({ code: 'NEW_REQUEST', occurrenceIds: fresh });
    if (late.length > 0) out.push({ code: 'NOW_SCHEDULABLE', occurrenceIds: late });
    return out;
  };
  const fallback = (enterpriseId: string, reasons: ReplanReason[]): ReplanReason[] => {
    if (reasons.length > 0) return reasons;
    const room = newlyPlacedAt.get(enterpriseId);
    return room && room.length > 0 ? [{ code: 'MADE_ROOM', forOccurrenceIds: room }] : [{ code: 'KNOCK_ON' }];
  };

  const visits: VisitChange[] = [];
  let unchanged = 0;
  let changed = 0;
  let cancelled = 0;
  for (let k = 0; k < loaded.length; k++) {
    if (keptAt[k] === 1) {
      unchanged++;
      continue;
    }
    const b = (loaded[k] as LoadedVisit).visit;
    const a = after.get(b.id);
    if (!a) {
      cancelled++;
      const into = [...new Set(b.occurrenceIds.flatMap((o) => (placedAfter.has(o) ? [(placedAfter.get(o) as Visit).id] : [])))];
      let reasons = causes(b.id);
      if (reasons.length === 0 && into.length > 0) reasons = [{ code: 'MERGED', intoVisitIds: into }];
      visits.push({ kind: 'cancelled', visitId: b.id, enterpriseId: b.enterpriseId, date: b.date, occurrenceIds: [...b.occurrenceIds], reasons: fallback(b.enterpriseId, reasons) });
      continue;
    }
    const moved = a.date !== b.date || a.enterpriseId !== b.enterpriseId;
    const teamSame = sortedEqual(a.inspectorIds, b.inspectorIds);
    const occSame = sortedEqual(a.occurrenceIds, b.occurrenceIds);
    if (!moved && teamSame && occSame) {
      unchanged++;
      continue;
    }
    changed++;
    const own = causes(b.id);
    const gained = a.occurrenceIds.filter((o) => !b.occurrenceIds.includes(o));
    const lost = b.occurrenceIds.filter((o) => !a.occurrenceIds.includes(o));
    const reasons = fallback(a.enterpriseId, [...own, ...gainReasons(gained)]);
    if (moved) visits.push({ kind: 'moved', visitId: b.id, enterpriseId: a.enterpriseId, from: { date: b.date, start: b.start }, to: { date: a.date, start: a.start }, reasons });
    if (!teamSame) {
      visits.push({
        kind: 'officers-replaced',
        visitId: b.id,
        enterpriseId: a.enterpriseId,
        date: a.date,
        removed: b.inspectorIds.filter((x) => !a.inspectorIds.includes(x)),
        added: a.inspectorIds.filter((x) => !b.inspectorIds.includes(x)),
        reasons,
      });
    }
    if (!occSame) visits.push({ kind: 'occurrences-changed', visitId: b.id, enterpriseId: a.enterpriseId, date: a.date, added: gained, removed: lost, reasons });
  }
  let added = 0;
  for (const a of after.values()) {
    if (loadedAt.has(a.id)) continue;
    added++;
    // Occurrences it took over from visits that broke a rule carry those visits' causes.
    const inherited = [...new Set(a.occurrenceIds.flatMap((o) => (placedBefore.has(o) ? [placedBefore.get(o) as string] : [])))].flatMap(causes);
    visits.push({ kind: 'added', visitId: a.id, enterpriseId: a.enterpriseId, date: a.date, occurrenceIds: [...a.occurrenceIds], inspectorIds: [...a.inspectorIds], reasons: fallback(a.enterpriseId, [...inherited, ...gainReasons(a.occurrenceIds)]) });
  }

  const occurrences: OccurrenceChange[] = [];
  for (const [o, v] of placedAfter) {
    if (placedBefore.has(o)) continue;
    occurrences.push({ kind: 'scheduled', occurrenceId: o, visitId: v.id, date: v.date, reasons: gainReasons([o]) });
  }
  for (const [o, from] of placedBefore) {
    if (placedAfter.has(o)) continue;
    const reasons: ReplanReason[] = [];
    const u = unscheduledAfter.get(o);
    if (!known(o)) reasons.push({ code: 'REQUEST_WITHDRAWN', occurrenceIds: [o] });
    else if (u) for (const r of u.reasons) reasons.push({ code: 'UNSCHEDULED', reasonCode: r.code, message: r.message });
    for (const r of causes(from)) if (r.code !== 'REQUEST_WITHDRAWN') reasons.push(r);
    occurrences.push({ kind: 'dropped', occurrenceId: o, previousVisitId: from, reasons });
  }
  occurrences.sort((x, y) => (x.occurrenceId < y.occurrenceId ? -1 : x.occurrenceId > y.occurrenceId ? 1 : 0));

  const conflicts: PlanDiff['conflicts'] = [];
  for (const e of loaded) if (e.fixedBy && e.fate === 'fixed' && e.reasons.length > 0) conflicts.push({ visitId: e.id, fixedBy: e.fixedBy, reasons: [...e.reasons] });
  const diff: Omit<PlanDiff, 'summary'> = {
    visits,
    occurrences,
    counts: { previous: previous.visits.length, unchanged, changed, cancelled, added, fixed: loaded.filter((e) => e.fate === 'fixed').length },
    conflicts,
  };
  return { ...diff, summary: summarizeDiff(input.scenario, diff, input.locale, input.names) };
}

const sameList = (a: readonly string[], b: readonly string[]) => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/** The same visit, field for field (lists in the same order). */
function identical(a: Visit, b: Visit): boolean {
  // (A visit the report returned as loaded is the previous plan's entry itself.)
  if (a === b) return true;
  return (
    a.date === b.date &&
    a.enterpriseId === b.enterpriseId &&
    a.start === b.start &&
    a.end === b.end &&
    a.leadDepartmentId === b.leadDepartmentId &&
    sameList(a.occurrenceIds, b.occurrenceIds) &&
    sameList(a.inspectorIds, b.inspectorIds) &&
    sameList(a.departmentIds, b.departmentIds)
  );
}

function reasonText(r: ReplanReason, zh: boolean, n: Names): string {
  const list = (ids: readonly string[]) => (ids.length > 5 ? `${ids.slice(0, 5).join(zh ? '、' : ', ')}${zh ? ` 等 ${ids.length} 项` : ` and ${ids.length - 5} more`}` : ids.join(zh ? '、' : ', '));
  switch (r.code) {
    case 'OFFICER_UNAVAILABLE':
      return zh ? `执法人员${n.inspector(r.inspectorId)} ${r.date} 不在岗` : `officer ${n.inspector(r.inspectorId)} is unavailable on ${r.date}`;
    case 'CERTIFICATE_INVALID':
      return zh ? `执法人员${n.inspector(r.inspectorId)}的执法证 ${r.date} 无效` : `officer ${n.inspector(r.inspectorId)}'s certificate is not valid on ${r.date}`;
    case 'OFFICER_REMOVED':
      return zh ? `执法人员 ${r.inspectorId} 已不在名单中` : `officer ${r.inspectorId} is no longer listed`;
    case 'ENTERPRISE_UNAVAILABLE':
      return zh ? `企业${n.enterprise(r.enterpriseId)} ${r.date} 不能接受检查` : `enterprise ${n.enterprise(r.enterpriseId)} cannot receive visits on ${r.date}`;
    case 'ENTERPRISE_REMOVED':
      return zh ? `企业 ${r.enterpriseId} 已不在名单中` : `enterprise ${r.enterpriseId} is no longer listed`;
    case 'REQUEST_WITHDRAWN':
      return zh ? `检查任务 ${list(r.occurrenceIds)} 已撤销` : `request ${list(r.occurrenceIds)} withdrawn`;
    case 'OFFICER_NOT_ADMITTED':
      return zh ? `执法人员${n.inspector(r.inspectorId)}不能检查企业${n.enterprise(r.enterpriseId)}（辖区或回避）` : `officer ${n.inspector(r.inspectorId)} may not inspect ${n.enterprise(r.enterpriseId)} (area or recusal)`;
    case 'OFFICER_OVERBOOKED':
      return zh ? `执法人员${n.inspector(r.inspectorId)} ${r.date} 时间已排满` : `officer ${n.inspector(r.inspectorId)} has no room on ${r.date}`;
    case 'TEAM_INCOMPLETE':
      return zh ? `${n.department(r.departmentId)} ${r.date} 派出的执法人员不足或资质不全` : `${n.department(r.departmentId)} sends too few officers, or lacks a qualification, on ${r.date}`;
    case 'DAY_NOT_ALLOWED':
      return zh ? `${r.date} 不在检查任务 ${list(r.occurrenceIds)} 可安排的日期内` : `${r.date} is not a day ${list(r.occurrenceIds)} may use`;
    case 'CAP_REACHED':
      return zh ? `企业${n.enterprise(r.enterpriseId)}的检查频次上限 ${n.cap(r.capId)} 已满` : `cap ${n.cap(r.capId)} on ${n.enterprise(r.enterpriseId)} is reached`;
    case 'COMPOSITION':
      return zh ? { exclusive: '含须单独进行的检查事项', duration: '检查时长超出限制', departments: '参加部门超出上限' }[r.rule] : { exclusive: 'an item must be inspected alone', duration: 'the visit is too long', departments: 'too many departments' }[r.rule];
    case 'SECOND_VISIT_THAT_DAY':
      return zh ? `企业${n.enterprise(r.enterpriseId)} ${r.date} 已有另一检查组` : `${n.enterprise(r.enterpriseId)} has another visit on ${r.date}`;
    case 'OUTSIDE_HORIZON':
      return zh ? `${r.date} 不在计划期内` : `${r.date} is outside the horizon`;
    case 'NEW_REQUEST':
      return zh ? `新增检查任务 ${list(r.occurrenceIds)}` : `new request ${list(r.occurrenceIds)}`;
    case 'NOW_SCHEDULABLE':
      return zh ? `原未安排的检查任务 ${list(r.occurrenceIds)} 现可安排` : `${list(r.occurrenceIds)}, unscheduled before, now fit`;
    case 'MADE_ROOM':
      return zh ? `为检查任务 ${list(r.forOccurrenceIds)} 腾出位置` : `to make room for ${list(r.forOccurrenceIds)}`;
    case 'MERGED':
      return zh ? `并入检查组 ${list(r.intoVisitIds)}` : `merged into visit ${list(r.intoVisitIds)}`;
    case 'UNSCHEDULED':
      return r.message;
    case 'KNOCK_ON':
      return zh ? `其他调整的连带影响` : 'a consequence of the other changes';
  }
}

/** The diff in words, one line per change (`locale`). */
export function summarizeDiff(scenario: Scenario, diff: Omit<PlanDiff, 'summary'>, locale: Locale, names?: Names): string {
  const zh = locale === 'zh-CN';
  const n = names ?? namesOf(scenario, locale);
  const why = (rs: readonly ReplanReason[]) => rs.map((r) => reasonText(r, zh, n)).join(zh ? '；' : '; ');
  const people = (ids: readonly string[]) => ids.map((i) => n.inspector(i)).join(zh ? '、' : ', ');
  const c = diff.counts;
  const lines: string[] = [
    zh
      ? `原计划 ${c.previous} 个检查组：${c.unchanged} 个不变，${c.changed} 个调整，${c.cancelled} 个取消；新增 ${c.added} 个。`
      : `${c.previous} visits before: ${c.unchanged} unchanged, ${c.changed} changed, ${c.cancelled} cancelled; ${c.added} added.`,
  ];
  for (const v of diff.visits) {
    const ent = n.enterprise(v.enterpriseId);
    const head = zh ? `检查组 ${v.visitId}（${ent}）` : `Visit ${v.visitId} (${ent})`;
    const r = why(v.reasons);
    switch (v.kind) {
      case 'added':
        lines.push(zh ? `新增 ${head}：${v.date}，执法人员 ${people(v.inspectorIds)}。原因：${r}` : `Added ${head}: ${v.date}, officers ${people(v.inspectorIds)}. Why: ${r}`);
        break;
      case 'cancelled':
        lines.push(zh ? `取消 ${head}（原定 ${v.date}）。原因：${r}` : `Cancelled ${head} (was ${v.date}). Why: ${r}`);
        break;
      case 'moved':
        lines.push(zh ? `改期 ${head}：${v.from.date} ${v.from.start} → ${v.to.date} ${v.to.start}。原因：${r}` : `Moved ${head}: ${v.from.date} ${v.from.start} → ${v.to.date} ${v.to.start}. Why: ${r}`);
        break;
      case 'officers-replaced':
        lines.push(
          zh
            ? `换人 ${head}（${v.date}）：${people(v.removed) || '（无）'} → ${people(v.added) || '（无）'}。原因：${r}`
            : `Officers replaced in ${head} (${v.date}): ${people(v.removed) || '(none)'} → ${people(v.added) || '(none)'}. Why: ${r}`,
        );
        break;
      case 'occurrences-changed':
        lines.push(
          zh
            ? `调整任务 ${head}（${v.date}）：加入 ${v.added.join('、') || '（无）'}，移出 ${v.removed.join('、') || '（无）'}。原因：${r}`
            : `Items changed in ${head} (${v.date}): in ${v.added.join(', ') || '(none)'}, out ${v.removed.join(', ') || '(none)'}. Why: ${r}`,
        );
        break;
    }
  }
  for (const o of diff.occurrences) {
    if (o.kind === 'dropped') lines.push(zh ? `未安排：检查任务 ${o.occurrenceId}（原在检查组 ${o.previousVisitId}）。原因：${why(o.reasons)}` : `Dropped: ${o.occurrenceId} (was in visit ${o.previousVisitId}). Why: ${why(o.reasons)}`);
  }
  for (const f of diff.conflicts) {
    const by = zh ? { past: '已执行', frozen: '已冻结', pinned: '已锁定' }[f.fixedBy] : f.fixedBy;
    lines.push(zh ? `注意：检查组 ${f.visitId}（${by}，未调整）：${why(f.reasons)}` : `Note: visit ${f.visitId} (${by}, kept): ${why(f.reasons)}`);
  }
  return lines.join('\n');
}
