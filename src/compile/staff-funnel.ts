/**
 * Which days an occurrence could be staffed on its own, and — when none — the filter at which
 * its department's eligible officers ran out: certificate, area, avoidance (回避),
 * qualification, availability.
 */
import type { CDepartment, CEnterprise, COfficer } from './problem.js';

export interface StaffFunnel {
  days: number[];
  /** The first filter after which too few officers remain. */
  filter: string;
  counts: Record<string, number>;
}

export function officerAdmits(o: COfficer, ent: CEnterprise): boolean {
  const area = ent.source.area;
  if (o.areas && area !== undefined && !o.areas.has(area)) return false;
  return o.avoid.size === 0 || !o.avoid.has(ent.id);
}

function covers(officers: readonly COfficer[], qualifications: readonly string[]): boolean {
  return qualifications.every((q) => officers.some((o) => o.qualifications.has(q)));
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
  const certified = own.filter((o) => candidates.some((d) => o.certified[d] === 1));
  const area = ent.source.area;
  const inArea = certified.filter((o) => !(o.areas && area !== undefined && !o.areas.has(area)));
  const notAvoiding = inArea.filter((o) => !o.avoid.has(ent.id));
  const days: number[] = [];
  let qualifiedSomeDay = false;
  for (const d of candidates) {
    const onDay = notAvoiding.filter((o) => o.certified[d] === 1);
    if (onDay.length >= need && covers(onDay, qualifications)) qualifiedSomeDay = true;
    const present = notAvoiding.filter((o) => o.available[d] === 1);
    if (present.length >= need && covers(present, qualifications)) days.push(d);
  }
  const counts = {
    department: own.length,
    certificate: certified.length,
    area: inArea.length,
    avoidance: notAvoiding.length,
  };
  let filter = 'availability';
  if (own.length < need) filter = 'department';
  else if (certified.length < need) filter = 'certificate';
  else if (inArea.length < need) filter = 'area';
  else if (notAvoiding.length < need) filter = 'avoidance';
  else if (!qualifiedSomeDay) filter = 'qualification';
  return { days, filter, counts };
}
