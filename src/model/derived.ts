/** Values the contract defines in terms of other fields (defaults that depend on context). */
import { toMinutes } from '../calendar/civil.js';
import type { Enterprise, InspectionRequest, Inspector, Policy, Scenario } from './scenario.js';

/** An officer's `maxMinutesPerDay`, defaulting to dayEnd − dayStart. */
export function inspectorMinutesPerDay(inspector: Inspector, scenario: Scenario): number {
  return inspector.maxMinutesPerDay ?? toMinutes(scenario.calendar.dayEnd) - toMinutes(scenario.calendar.dayStart);
}

/** Officers a request asks its department to send, defaulting to the policy minimum. */
export function requestedInspectors(request: InspectionRequest, policy: Policy): number {
  return request.inspectors ?? policy.minInspectorsPerDepartment;
}

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance in km (haversine, earth radius 6371 km). */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Minutes an officer needs between visits at two enterprises (0 when travel is not configured). */
export function travelMinutes(a: Enterprise, b: Enterprise, policy: Policy): number {
  if (policy.travelMinutesPerKm === undefined || !a.location || !b.location || a.id === b.id) return 0;
  return Math.ceil(distanceKm(a.location, b.location) * policy.travelMinutesPerKm);
}
