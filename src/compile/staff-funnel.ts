/**
 * Which days an occurrence could be staffed on its own, and — when none — the filter at which
 * its department's eligible officers ran out: department, certificate, area, avoidance (回避),
 * qualification, availability.
 *
 * A team is a set of officers on one day, so each filter asks "could a team still be formed —
 * enough officers who together hold every required qualification, on one candidate day —
 * once this filter is applied too?". The first filter after which the answer is no is the
 * reason. (Counting officers certified on *some* day, and checking qualifications only at the
 * end, blamed `qualification` when the one qualified officer's certificate had expired, or
 * when the officers' certificates never overlapped on one day.) Qualification is the
 * reason only when the department's own officers, all filters aside, do not hold them.
 */
import type { CDepartment, CEnterprise, COfficer } from './problem.js';

export interface StaffFunnel {
  days: number[];
  /** The first filter after which too few officers remain. */
  filter: string;
  /** Officers left after each filter (certificate: valid on at least one candidate day). */
  counts: Record<string, number>;
  /**
   * When the certificate is the filter: the department's officers whose certificate does not
   * cover every candidate day (at most `CERTIFICATES_LISTED`), with its dates.
   */
  certificates?: { inspectorId: string; validFrom: string; validTo: string }[];
}

const CERTIFICATES_LISTED = 10;

export function officerAdmits(o: COfficer, ent: CEnterprise): boolean {
  const area = ent.source.area;
  if (o.areas && area !== undefined && !o.areas.has(area)) return false;
  return o.avoid.size === 0 || !o.avoid.has(ent.id);
}

function covers(officers: readonly COfficer[], qualifications: readonly string[]): boolean {
  return qualifications.every((q) => officers.some((o) => o.qualifications.has(q)));
}

/** Whether these officers could form a team on some candidate day, counting those `on` that day. */
function teamOnSomeDay(officers: readonly COfficer[], candidates: Int32Array, on: (o: COfficer, d: number) => boolean, need: number, qualifications: readonly string[]): boolean {
  for (const d of candidates) {
    const there = officers.filter((o) => on(o, d));
    if (there.length >= need && covers(there, qualifications)) return true;
  }
  return false;
}

export function staffFunnel(
  all: readonly COfficer[],
  dept: CDepartment,
  ent: CEnterprise,
  qualifications: readonly string[],
  need: number,
  candidates: Int32Array,
): StaffFunnel {
  const own = dept.officers.map((i) => all[i] as COfficer);
  const certifiedOn = (o: COfficer, d: number) => o.certified[d] === 1;
  const presentOn = (o: COfficer, d: number) => o.available[d] === 1;
  const certified = own.filter((o) => candidates.some((d) => o.certified[d] === 1));
  const area = ent.source.area;
  const inArea = (o: COfficer) => !(o.areas && area !== undefined && !o.areas.has(area));
  const notAvoiding = (o: COfficer) => !o.avoid.has(ent.id);
  const days: number[] = [];
  const eligible = own.filter((o) => inArea(o) && notAvoiding(o));
  for (const d of candidates) {
    const present = eligible.filter((o) => presentOn(o, d));
    if (present.length >= need && covers(present, qualifications)) days.push(d);
  }
  const counts = {
    department: own.length,
    certificate: certified.length,
    area: certified.filter(inArea).length,
    avoidance: certified.filter(inArea).filter(notAvoiding).length,
  };
  let filter = 'availability';
  if (days.length > 0) filter = '';
  else if (own.length < need) filter = 'department';
  else if (!covers(own, qualifications)) filter = 'qualification';
  else if (!teamOnSomeDay(own, candidates, certifiedOn, need, qualifications)) filter = 'certificate';
  else if (!teamOnSomeDay(own.filter(inArea), candidates, certifiedOn, need, qualifications)) filter = 'area';
  else if (!teamOnSomeDay(own.filter(inArea).filter(notAvoiding), candidates, certifiedOn, need, qualifications)) filter = 'avoidance';
  const funnel: StaffFunnel = { days, filter, counts };
  if (filter === 'certificate') {
    const partial = own.filter((o) => candidates.some((d) => o.certified[d] !== 1)).slice(0, CERTIFICATES_LISTED);
    funnel.certificates = partial.map((o) => ({ inspectorId: o.id, validFrom: o.source.certificate.validFrom, validTo: o.source.certificate.validTo }));
  }
  return funnel;
}
