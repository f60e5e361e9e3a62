// backend-spec without Yeoman's run loop, for runs that cannot prompt (an
// answers file, or no terminal): the same inputs, decisions, plan and
// all-or-nothing write as the generator, without loading the prompt UI and
// the environment. `magi` uses it to answer fast; the output is the same bytes.
import path from 'node:path';
import { parseArgv } from '../../lib/answers/argv.js';
import { assertConfirmed, planBackendSpec, prepareBackendSpec } from '../../lib/pipeline/backend-spec.js';
import { settleWithoutPrompts } from '../../lib/pipeline/decide.js';
import { assertNoSilentOverwrite } from '../../lib/pipeline/files.js';
import { handleSignalsSinceWrite, writeAllOrNothing } from '../../lib/write/atomic.js';
import { backendSpecInputs, printReport, runContext } from './inputs.js';
import { backendSpecQuestions } from './questions.js';

export async function runHeadless(args: readonly string[], root: string): Promise<void> {
  const inputs = backendSpecInputs(parseArgv(args, backendSpecQuestions), root);
  const prepared = await prepareBackendSpec(runContext(root), inputs);
  try {
    const { decisions } = settleWithoutPrompts(prepared);
    const plan = await planBackendSpec(prepared, decisions);
    assertConfirmed(inputs, plan);
    if (!inputs.dryRun) {
      assertNoSilentOverwrite(plan.writes, Boolean(inputs.force));
      writeAllOrNothing(plan.writes.map((write) => ({ path: path.join(root, write.path), contents: write.contents, expected: write.expected })), root);
      await handleSignalsSinceWrite();
    }
    printReport(prepared, plan, Boolean(inputs.json));
  } finally {
    prepared.release();
  }
}
