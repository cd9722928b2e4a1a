/**
 * The regimes a tier is generated in: what binds the planner. See docs/scenario-generator.md
 * ("Regimes") for what each one changes and the figures it gives.
 *
 * - `normal`: officers with two field days a week, sized so that staff binds for a few per cent.
 * - `ample`: the same enterprises, requests, caps and history with many more, unrestricted officers.
 * - `cap-bound`: the normal scenario plus recurring monthly and quarterly routine programmes,
 *   tighter calendar and rolling caps and a full year of history, so that caps refuse 25–40% of
 *   the occurrences (`CAP_REACHED`).
 * - `staff-bound`: the normal enterprises, requests, caps and history with officers sized below
 *   the load, so that 10–20% of the on-site occurrences end `STAFF_CAPACITY` or `DISPLACED`.
 */
export const REGIMES = ['normal', 'ample', 'cap-bound', 'staff-bound'] as const;
export type Regime = (typeof REGIMES)[number];

/** Whether `value` names a regime. */
export function isRegime(value: unknown): value is Regime {
  return typeof value === 'string' && (REGIMES as readonly string[]).includes(value);
}
