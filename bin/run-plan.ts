// How a `magi` run goes, read off its arguments alone. The launcher (bin/magi-launch.ts)
// decides from it whether to start the lint worker early; the CLI, which path to take.

/** `--help` or `-h` among the arguments. */
export function wantsHelp(args: readonly string[]): boolean {
  return args.includes('--help') || args.includes('-h');
}

/** contract-test never prompts; backend-spec does not when it has an answers file or no terminal. */
export function canSkipYeoman(command: string, args: readonly string[]): boolean {
  if (command === 'contract-test') return true;
  const answers = args.some((arg) => arg === '--answers' || arg.startsWith('--answers='));
  return command === 'backend-spec' && (answers || !process.stdin.isTTY);
}

/** Runs straight through, without Yeoman's environment. check never uses it: it has nothing to ask and nothing to write. */
export function runsHeadless(command: string, args: readonly string[]): boolean {
  return command === 'check' || (!process.env.MAGI_YEOMAN && !wantsHelp(args) && canSkipYeoman(command, args));
}

/** Lints its OpenAPI contract on the worker thread (an interactive or Yeoman run lints on its own thread). */
export function lintsOnWorker(command: string, args: readonly string[]): boolean {
  return runsHeadless(command, args) && !wantsHelp(args) && (command === 'backend-spec' || command === 'check');
}

/** DEBUG=magi* (or *): stack traces and the start-up path are printed. */
export function debugEnabled(): boolean {
  return (process.env.DEBUG ?? '').split(/[\s,]+/).some((pattern) => pattern === '*' || pattern.startsWith('magi'));
}
