/** Values the contract defines in terms of other fields (defaults that depend on context). */
import { toMinutes } from '../calendar/civil.js';
import type { Enterprise, InspectionRequest, Inspector, Policy, Scenario } from './scenario.js';

/**
 * An officer's `maxMinutesPerDay`, defaulting to dayEnd − dayStart.
 * @example
 * inspectorMinutesPerDay(scenario.inspectors[0]!, scenario); // 480 with 09:00–17:00 and no own limit
 */
export function inspectorMinutesPerDay(inspector: Inspector, scenario: Scenario): number {
  return inspector.maxMinutesPerDay ?? toMinutes(scenario.calendar.dayEnd) - toMinutes(scenario.calendar.dayStart);
}

/**
 * Officers a request asks its department to send, defaulting to the policy minimum.
 * @example
 * requestedInspectors(scenario.requests[0]!, scenario.policy); // 2 when the request names none
 */
export function requestedInspectors(request: InspectionRequest, policy: Policy): number {
  return request.inspectors ?? policy.minInspectorsPerDepartment;
}

const EARTH_RADIUS_KM = 6371;

const RAD = Math.PI / 180;

/**
 * Great-circle distance in km (haversine, earth radius 6371 km).
 * @example
 * distanceKm({ lat: 39.9042, lng: 116.4074 }, { lat: 31.2304, lng: 121.4737 }); // ≈ 1067 (Beijing–Shanghai)
 */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  return haversineKm(a.lat, a.lng, Math.cos(a.lat * RAD), b.lat, b.lng, Math.cos(b.lat * RAD));
}

/**
 * `distanceKm` from degrees and each point's cos(latitude) (which the planner computes once per
 * enterprise). The same arithmetic in the same order, so the two agree to the last bit.
 */
export function haversineKm(latA: number, lngA: number, cosLatA: number, latB: number, lngB: number, cosLatB: number): number {
  const dLat = (latB - latA) * RAD;
  const dLng = (lngB - lngA) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + cosLatA * cosLatB * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** cos(latitude) of a point given in degrees, as `haversineKm` takes it. */
export const cosLatitude = (lat: number): number => Math.cos(lat * RAD);

/**
 * Minutes an officer needs between visits at two enterprises (0 when travel is not configured).
 * @example
 * travelMinutes(enterpriseA, enterpriseB, scenario.policy); // 0 unless policy.travelMinutesPerKm is set
 */
export function travelMinutes(a: Enterprise, b: Enterprise, policy: Policy): number {
  if (policy.travelMinutesPerKm === undefined || !a.location || !b.location || a.id === b.id) return 0;
  return Math.ceil(distanceKm(a.location, b.location) * policy.travelMinutesPerKm);
}
