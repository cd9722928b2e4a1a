/**
 * Event UIDs that survive re-planning. A calendar client that imports a file again updates
 * the events whose UID it already holds, so the UID must name "the same visit" even when the
 * planner moves it to another day, changes its hours or its team, or renumbers the visits.
 * It is derived from the enterprise and the visit's anchor occurrence (its smallest
 * occurrence id: an occurrence is in one visit only, so anchors are unique in a valid plan),
 * within a namespace (default: the horizon's start, so next year's `R1` is another event).
 */
import type { VisitView } from './input.js';

/** Two 32-bit FNV-1a hashes (different offset bases) over UTF-16 code units: 16 hex digits. */
export function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
    b = (b ^ (b >>> 15)) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

const anchorOf = (v: VisitView) => [...v.visit.occurrenceIds].sort()[0] ?? v.visit.id;

/**
 * UID of every visit, by visit id. Should two visits share an anchor (a plan that lists an
 * occurrence twice), the later ones (in date order) also hash their visit id.
 */
export function visitUids(visits: readonly VisitView[], namespace: string): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const v of visits) {
    let key = [namespace, v.visit.enterpriseId, anchorOf(v)].join('\u0000');
    let uid = `${hash64(key)}@joint-inspection`;
    if (used.has(uid)) {
      key += `\u0000${v.visit.id}`;
      uid = `${hash64(key)}@joint-inspection`;
    }
    used.add(uid);
    out.set(v.visit.id, uid);
  }
  return out;
}
