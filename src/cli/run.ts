/**
 * `runCli`: the whole command line as a function of argv and an `io` object, returning the
 * exit code. It never throws: an unexpected exception is a bug, reported as
 * `internal error: <message>` with exit code 3 (the stack only with JOINT_INSPECTION_DEBUG=1).
 */
import { version } from '../../package.json';
import { parseCommandLine } from './args.js';
import { commandUsage, usageErrorText, usageText } from './help.js';
import { runPlan } from './commands/plan.js';
import { runValidate } from './commands/validate.js';
import { runExport } from './commands/export.js';
import { runEdit } from './commands/edit.js';
import { runRecommend } from './commands/recommend.js';
import { runExplain } from './commands/explain.js';
import { runReplan } from './commands/replan.js';
import { runDraw, runVerifyDraw } from './commands/draw.js';
import { EXIT } from './exit.js';
import type { CliIo } from './io.js';

export type { CliIo, Problem } from './io.js';
export { EXIT } from './exit.js';

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const cmd = parseCommandLine(argv, io.env);
    switch (cmd.kind) {
      case 'help':
        io.stdout(cmd.command === undefined ? usageText(cmd.locale) : commandUsage(cmd.command, cmd.locale));
        return EXIT.ok;
      case 'version':
        io.stdout(`${version}\n`);
        return EXIT.ok;
      case 'usage-error':
        io.stderr(usageErrorText(cmd.message, cmd.command, cmd.locale));
        return EXIT.badInput;
      case 'plan':
        return await runPlan(cmd, io);
      case 'validate':
        return await runValidate(cmd, io);
      case 'export':
        return await runExport(cmd, io);
      case 'edit':
        return await runEdit(cmd, io);
      case 'explain':
        return await runExplain(cmd, io);
      case 'recommend':
        return await runRecommend(cmd, io);
      case 'replan':
        return await runReplan(cmd, io);
      case 'draw':
        return await runDraw(cmd, io);
      case 'verify-draw':
        return await runVerifyDraw(cmd, io);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`internal error: ${message}\n`);
    if (io.env?.JOINT_INSPECTION_DEBUG === '1' && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT.internal;
  }
}
