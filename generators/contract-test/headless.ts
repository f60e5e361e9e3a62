// contract-test never prompts: `magi contract-test` runs it without Yeoman's
// environment (same plan, same all-or-nothing write, same output).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgv } from '../../lib/answers/argv.js';
import { contractTestOutput, planContractTest } from '../../lib/pipeline/contract-test.js';
import { writeAllOrNothing } from '../../lib/write/atomic.js';
import { contractTestInputs } from './inputs.js';
import { contractTestQuestions } from './questions.js';

export async function runHeadless(args: readonly string[], root: string): Promise<void> {
  const inputs = contractTestInputs(parseArgv(args, contractTestQuestions), root);
  const plan = await planContractTest(root, inputs);
  const target = path.join(root, plan.path);
  const unchanged = existsSync(target) && readFileSync(target, 'utf8') === plan.content;
  if (!inputs.dryRun && !unchanged) writeAllOrNothing([{ path: target, contents: plan.content }], root);
  if (inputs.installTestDeps && !inputs.dryRun && plan.dependencies.length) {
    // The user asked for it (installTestDeps): their package manager changes their manifest.
    const [command, ...rest] = plan.installCommand.split(' ');
    spawnSync(command, rest, { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
  }
  process.stdout.write(contractTestOutput(plan, inputs.dryRun ? 'dry-run' : unchanged ? 'unchanged' : 'written', Boolean(inputs.json)));
}
