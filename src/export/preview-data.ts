/**
 * The figures of the HTML preview, computed from the plan alone (and the scenario's names):
 * visits per day, visits per department per ISO week, unscheduled occurrences by reason,
 * and the visits saved by joint planning. Dates meet date-fns only here and in the
 * renderer: a day number becomes a local `Date` built from its civil parts and comes back
 * through `getFullYear/getMonth/getDate`, so the host time zone never moves a date.
 */
import { eachDayOfInterval, endOfISOWeek, endOfMonth, getISOWeek, getISOWeekYear, startOfISOWeek, startOfMonth } from 'date-fns';
import { dayFromParts, dayParts, formatDay, parseDay } from '../calendar/civil.js';
import type { ExportInput } from './input.js';

type UnscheduledEntry = ExportInput['plan']['unscheduled'][number];

/** A local `Date` at noon of a day number (noon: no time-zone transition moves it off its date). */
export function localDate(day: number): Date {
  const { year, month, day: d } = dayParts(day);
  const date = new Date(2000, 0, 1, 12);
  date.setFullYear(year, month - 1, d);
  return date;
}

/** The day number of a local `Date`'s calendar date. */
export function dayOfLocal(date: Date): number {
  return dayFromParts(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

export interface MonthGrid {
  /** First day of the month (day number). */
  first: number;
  /** Whole ISO weeks (Monday first) covering the month: day numbers, 7 a row. */
  weeks: number[][];
}

/** Month grids for every month from `from` to `to` (day numbers), built with date-fns. */
export function monthGrids(from: number, to: number): MonthGrid[] {
  const grids: MonthGrid[] = [];
  let month = startOfMonth(localDate(from));
  while (dayOfLocal(month) <= to) {
    const days = eachDayOfInterval({ start: startOfISOWeek(month), end: endOfISOWeek(endOfMonth(month)) }).map(dayOfLocal);
    const weeks: number[][] = [];
    for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
    grids.push({ first: dayOfLocal(month), weeks });
    const { year, month: m } = dayParts(dayOfLocal(month));
    month = localDate(dayFromParts(year, m + 1, 1));
  }
  return grids;
}

/** ISO week of a day number: `{ key: "2026-W11", year, week }`. */
export function isoWeekOf(day: number): { key: string; year: number; week: number } {
  const date = localDate(day);
  const year = getISOWeekYear(date);
  const week = getISOWeek(date);
  return { key: `${year}-W${week < 10 ? '0' : ''}${week}`, year, week };
}

export interface PreviewData {
  /** First and last day shown: the horizon, widened to any visit outside it. */
  from: number;
  to: number;
  /** Visits per date (`YYYY-MM-DD`); dates without visits are absent. */
  visitsPerDay: Map<string, number>;
  /** ISO weeks from `from` to `to`, in order. */
  weeks: { key: string; year: number; week: number }[];
  /** department id → week key → visits the department takes part in. */
  departmentWeeks: Map<string, Map<string, number>>;
  /** Unscheduled occurrences by their first reason's code, largest group first (then by code). */
  unscheduledGroups: { code: string; entries: UnscheduledEntry[] }[];
  totals: { visits: number; scheduled: number; offsite: number; unscheduled: number; personVisits: number };
  /** Visits if every department went alone: `metrics.separateVisits`, or estimated. */
  separateVisits: number;
  /** True when `separateVisits` is the estimate Σ departments per visit (the plan had no figure). */
  separateEstimated: boolean;
  saved: number;
}

export function previewData(input: ExportInput): PreviewData {
  const { scenario, plan } = input;
  let from = parseDay(scenario.horizon.from) as number;
  let to = parseDay(scenario.horizon.to) as number;
  for (const v of input.visits) {
    from = Math.min(from, v.day);
    to = Math.max(to, v.day);
  }
  const visitsPerDay = new Map<string, number>();
  const departmentWeeks = new Map<string, Map<string, number>>(scenario.departments.map((d) => [d.id, new Map()]));
  for (const v of input.visits) {
    visitsPerDay.set(v.visit.date, (visitsPerDay.get(v.visit.date) ?? 0) + 1);
    const week = isoWeekOf(v.day).key;
    for (const d of new Set(v.visit.departmentIds)) {
      const row = departmentWeeks.get(d) as Map<string, number>;
      row.set(week, (row.get(week) ?? 0) + 1);
    }
  }
  const weeks: PreviewData['weeks'] = [];
  for (let day = from; day <= to; day++) {
    const w = isoWeekOf(day);
    if (weeks[weeks.length - 1]?.key !== w.key) weeks.push(w);
  }
  const groups = new Map<string, UnscheduledEntry[]>();
  for (const u of plan.unscheduled) {
    const code = u.reasons[0]?.code ?? '';
    const list = groups.get(code);
    if (list) list.push(u);
    else groups.set(code, [u]);
  }
  const unscheduledGroups = [...groups]
    .map(([code, entries]) => ({ code, entries }))
    .sort((a, b) => b.entries.length - a.entries.length || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const totals = {
    visits: plan.visits.length,
    scheduled: plan.visits.reduce((n, v) => n + v.occurrenceIds.length, 0),
    offsite: plan.offsite.length,
    unscheduled: plan.unscheduled.length,
    personVisits: plan.visits.reduce((n, v) => n + v.inspectorIds.length, 0),
  };
  const recorded = input.separateVisits;
  const separateEstimated = recorded === undefined;
  const separateVisits = recorded ?? plan.visits.reduce((n, v) => n + new Set(v.departmentIds).size, 0);
  return { from, to, visitsPerDay, weeks, departmentWeeks, unscheduledGroups, totals, separateVisits, separateEstimated, saved: separateVisits - totals.visits };
}

export { formatDay };
