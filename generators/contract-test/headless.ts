// contract-test never prompts: `magi contract-test` runs it without Yeoman's
// environment (same plan, same all-or-nothing write, same output).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgv } from '../../lib/answers/argv.js';
import { contractTestOutput, planContractTest } from '../../lib/pipeline/contract-test.js';
import { assertNoSilentOverwrite } from '../../lib/pipeline/files.js';
import { handleSignalsSinceWrite, writeAllOrNothing } from '../../lib/write/atomic.js';
import { contractTestInputs } from './inputs.js';
import { contractTestQuestions } from './questions.js';

export async function runHeadless(args: readonly string[], root: string): Promise<void> {
  const inputs = contractTestInputs(parseArgv(args, contractTestQuestions), root);
  const plan = await planContractTest(root, inputs);
  for (const notice of plan.notices) process.stderr.write(`magi: ${notice}\n`);
  const unchanged = plan.files.every((file) => file.status === 'unchanged');
  if (!inputs.dryRun && plan.writes.length) {
    assertNoSilentOverwrite(plan.writes, Boolean(inputs.force));
    writeAllOrNothing(plan.writes.map((write) => ({ path: path.join(root, write.path), contents: write.contents, expected: write.expected })), root);
    await handleSignalsSinceWrite();
  }
  if (inputs.installTestDeps && !inputs.dryRun && plan.dependencies.length) {
    // The user asked for it (installTestDeps): their package manager changes their manifest.
    const [command, ...rest] = plan.installCommand.split(' ');
    spawnSync(command, rest, { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
  }
  process.stdout.write(contractTestOutput(plan, inputs.dryRun ? 'dry-run' : unchanged ? 'unchanged' : 'written', Boolean(inputs.json)));
}
