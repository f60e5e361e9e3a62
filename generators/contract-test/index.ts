// yo magi:contract-test: writes a contract test that checks the app's responses
// against the contract. A thin shell over lib/pipeline/contract-test.
import path from 'node:path';
import Generator from 'yeoman-generator';
import { yeomanOptions } from '../../lib/answers/declaration.js';
import { contractTestOutput, planContractTest, type ContractTestPlan } from '../../lib/pipeline/contract-test.js';
import { commitAllOrNothing } from '../shared/commit.js';
import { assertProjectConfigParses, canPrompt, failuresAsJson } from '../shared/run.js';
import { contractTestInputs, type ContractTestRunInputs } from './inputs.js';
import { contractTestQuestions } from './questions.js';

export default class ContractTestGenerator extends Generator {
  declare inputs: ContractTestRunInputs;
  declare plan: ContractTestPlan;
  declare written: boolean;

  get rawOptions(): Record<string, unknown> {
    return this.options as Record<string, unknown>;
  }

  constructor(args: string[], options: ConstructorParameters<typeof Generator>[1]) {
    assertProjectConfigParses(options);
    super(args, options, { customCommitTask: true, customInstallTask: true, tasksMatchingPriority: true });
    this.description = 'Scaffold a contract test that checks responses against the contract';
    for (const option of yeomanOptions(contractTestQuestions)) this.option(option.name, option);
    failuresAsJson(this, 'contract-test');
  }

  /** Yeoman names the app from package.json; a broken one is detection's warning to give, not a crash. */
  override determineAppname(): string {
    return path.basename(this.destinationRoot());
  }

  initializing(): void {
    this.inputs = contractTestInputs(this.rawOptions, this.destinationRoot());
  }

  async writing(): Promise<void> {
    this.plan = await planContractTest(this.destinationRoot(), this.inputs);
    for (const notice of this.plan.notices) process.stderr.write(`magi: ${notice}\n`);
    for (const write of this.plan.writes) this.fs.write(this.destinationPath(write.path), write.contents);
  }

  async conflicts(): Promise<void> {
    const writes = await commitAllOrNothing(this, { force: Boolean(this.inputs.force), dryRun: Boolean(this.inputs.dryRun), interactive: canPrompt(this), planned: this.plan.writes });
    this.written = writes.length > 0;
  }

  async install(): Promise<void> {
    if (!this.inputs.installTestDeps || this.inputs.dryRun || !this.plan.dependencies.length) return;
    const [command, ...args] = this.plan.installCommand.split(' ');
    await this.spawn(command, args, { cwd: this.destinationRoot() });
  }

  end(): void {
    const status = this.inputs.dryRun ? 'dry-run' : this.written ? 'written' : 'unchanged';
    process.stdout.write(contractTestOutput(this.plan, status, Boolean(this.inputs.json)));
  }
}
