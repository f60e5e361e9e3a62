// yo magi:contract-test: writes a contract test that checks the app's responses
// against the contract. A thin shell over lib/pipeline/contract-test.
import path from 'node:path';
import Generator from 'yeoman-generator';
import { yeomanOptions } from '../../lib/answers/declaration.js';
import { loadAnswersFile } from '../../lib/answers/load.js';
import { resolveInputs } from '../../lib/answers/resolve.js';
import { planContractTest, type ContractTestInputs, type ContractTestPlan } from '../../lib/pipeline/contract-test.js';
import { commitAllOrNothing } from '../shared/commit.js';
import { assertProjectConfigParses } from '../shared/run.js';
import { contractTestQuestions } from './questions.js';

export default class ContractTestGenerator extends Generator {
  declare inputs: ContractTestInputs & { force?: boolean; dryRun?: boolean; json?: boolean; answers?: string };
  declare plan: ContractTestPlan;
  declare written: boolean;

  get rawOptions(): Record<string, unknown> {
    return this.options as Record<string, unknown>;
  }

  constructor(args: string[], options: ConstructorParameters<typeof Generator>[1]) {
    assertProjectConfigParses(options);
    super(args, options, { customCommitTask: true, customInstallTask: true });
    this.description = 'Scaffold a contract test that checks responses against the contract';
    for (const option of yeomanOptions(contractTestQuestions)) this.option(option.name, option);
  }

  /** Yeoman names the app from package.json; a broken one is detection's warning to give, not a crash. */
  override determineAppname(): string {
    return path.basename(this.destinationRoot());
  }

  initializing(): void {
    const answersFile = typeof this.rawOptions.answers === 'string' ? this.rawOptions.answers : undefined;
    const answers = answersFile ? loadAnswersFile(answersFile, contractTestQuestions, this.destinationRoot()) : undefined;
    this.inputs = resolveInputs(contractTestQuestions, { options: this.options as Record<string, unknown>, answers }) as typeof this.inputs;
  }

  async writing(): Promise<void> {
    this.plan = await planContractTest(this.destinationRoot(), this.inputs);
    this.fs.write(this.destinationPath(this.plan.path), this.plan.content);
  }

  async conflicts(): Promise<void> {
    const writes = await commitAllOrNothing(this, { force: Boolean(this.inputs.force), dryRun: Boolean(this.inputs.dryRun) });
    this.written = writes.length > 0;
  }

  async install(): Promise<void> {
    if (!this.inputs.installTestDeps || this.inputs.dryRun || !this.plan.dependencies.length) return;
    const [command, ...args] = this.plan.installCommand.split(' ');
    await this.spawn(command, args, { cwd: this.destinationRoot() });
  }

  end(): void {
    const { plan } = this;
    const report = {
      path: plan.path,
      status: this.inputs.dryRun ? 'dry-run' : this.written ? 'written' : 'unchanged',
      framework: plan.framework,
      contract: plan.contract,
      dependencies: plan.dependencies,
      installCommand: plan.installCommand,
      todos: plan.todos,
    };
    if (this.inputs.json) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return;
    }
    this.log(`${this.inputs.dryRun ? 'Would write' : this.written ? 'Wrote' : 'Unchanged'} ${plan.path} (${plan.framework}, checks responses against ${plan.contract})`);
    if (plan.dependencies.length) this.log(`The test needs: ${plan.installCommand}`);
    for (const todo of plan.todos) this.log(`TODO: ${todo}`);
  }
}
