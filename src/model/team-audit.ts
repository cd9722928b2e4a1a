/**
 * The plan's optional `audit` section (added by this library; contract v1 allows added fields):
 * how each team was drawn — 双随机 made checkable. `plan(scenario, { audit: true })` writes it;
 * `verifyTeamDraw` checks it; a host that does not know it ignores it, and so does the
 * validator. The method is docs/team-audit.md.
 */
import { z } from 'zod';
import { dateSchema, idSchema, timeSchema } from './primitives.js';

/** The version of the recorded method; a verifier refuses a method it does not know. */
export const TEAM_DRAW_METHOD = 'team-draw/1';

const count = z.number().int().min(0);

export const scannedOfficerSchema = z
  .object({
    officerId: idSchema,
    status: z.enum(['eligible', 'no-room', 'area', 'recused']).describe('Why the officer was (eligible) or was not a candidate: no room that day, an area he does not serve, or recusal.'),
    draw: z.number().min(0).lt(1).optional().describe('Eligible only: the seeded draw, mixKey(fnv1a(seed␀officer␀id), fnv1a(seed␀enterprise␀id), day index).'),
    load: count.optional().describe('Eligible only: visits the officer had in the plan when the team was drawn.'),
    bonus: count.optional().describe('Eligible only, when not 0: a preference for keeping the officer (replanning); standing is load − bonus.'),
    free: z.boolean().optional().describe('Eligible only: free at the visit’s start (with travel).'),
    holds: z.array(z.string()).optional().describe('Eligible only: the required qualifications the officer holds.'),
  })
  .describe('One present officer the seeded scan looked at, in scan order.');

export const windowOfficerSchema = z.object({
  officerId: idSchema,
  load: count,
  draw: z.number().min(0).lt(1),
  eligible: z.boolean().describe('Lighter by two visits, admitted, with room, free then, and keeping the qualifications.'),
});

export const swapSchema = z
  .object({
    out: idSchema,
    outLoad: count,
    in: idSchema,
    present: count,
    offset: count,
    window: z.array(windowOfficerSchema),
  })
  .describe('An officer replaced by the load rebalancing: the first eligible one of the window with the least load + draw.');

const teamHeader = {
  visitId: idSchema,
  enterpriseId: idSchema,
  date: dateSchema,
  departmentId: idSchema,
  chosen: z.array(idSchema).describe('The team in the plan.'),
};

export const drawnTeamSchema = z.object({
  ...teamHeader,
  rule: z.enum(['draw', 'rebalanced']).describe('draw: the team is the draw’s; rebalanced: the draw’s team changed by the recorded swaps.'),
  departmentIndex: count.describe('The department’s place in the scenario’s departments (the scan offset’s label).'),
  start: timeSchema,
  need: z.number().int().min(1),
  qualifications: z.array(z.string()).describe('The distinct qualifications the department’s items in the visit require.'),
  present: count.describe('Officers of the department present that day (certified, not on leave), in id order.'),
  offset: count.describe('Where the scan began: floor(mixKey(enterprise hash, day index, departmentIndex + 7) × present).'),
  limit: z.number().int().min(1).nullable().describe('Candidates the sample takes before the scan stops (sampleBase + 2 × need); null when every present officer was looked at.'),
  scanned: z.array(scannedOfficerSchema),
  drawn: z.array(idSchema).optional().describe('rebalanced only: the team the draw made.'),
  swaps: z.array(swapSchema).optional(),
});

// Loose: the unknown-field check walks every object branch of a union, and a drawn team's fields are no misspelling here.
export const undrawnTeamSchema = z.looseObject({
  ...teamHeader,
  rule: z.literal('not-drawn').describe('The team was set without a draw (carried from a loaded plan): nothing to check.'),
});

export const teamDrawAuditSchema = z
  .object({
    kind: z.literal('team-draw'),
    method: z.string().min(1).describe(`The recorded method and its version (${TEAM_DRAW_METHOD}).`),
    seed: z.number().int(),
    // Day index 0 of the draws (no description here: the shared date schema carries its own).
    horizonStart: dateSchema,
    sampleBase: z.number().int().min(1).describe('The sample takes sampleBase + 2 × need candidates before all are considered.'),
    teams: z.array(z.union([drawnTeamSchema, undrawnTeamSchema])).describe('Per visit, per department: how its team was chosen.'),
  })
  .describe('Added by this library (plan option audit): how every team was drawn at random (双随机), for verifyTeamDraw. Ignored by the validator.');

/**
 * The plan's `audit` section: how each team was drawn (`plan(scenario, { audit: true })`).
 * @example
 * const result = planSync(scenario, { audit: true });
 * const audit: TeamDrawAudit | undefined = result.audit;
 * console.log(audit?.teams.length);
 */
export type TeamDrawAudit = z.output<typeof teamDrawAuditSchema>;
/**
 * One team of a `TeamDrawAudit`.
 * @example
 * const team: TeamDrawEntry | undefined = result.audit?.teams[0];
 * if (team?.rule === 'draw') console.log(team.scanned.filter((s) => s.status === 'eligible').length);
 */
export type TeamDrawEntry = TeamDrawAudit['teams'][number];
