/** Exit codes of the command line (docs/cli.md). */
export const EXIT = {
  ok: 0,
  /** `validate`: the plan breaks at least one hard rule. */
  violations: 1,
  /** Bad usage or bad input: nothing was done. */
  badInput: 2,
  /** A bug: an unexpected exception. */
  internal: 3,
} as const;
