// yo magi:backend-spec: a thin shell over lib/pipeline. Each priority calls
// one stage; prompting asks only what options, answers and config left open.
import path from 'node:path';
import Generator from 'yeoman-generator';
import { storedValues, yeomanOptions } from '../../lib/answers/declaration.js';
import { assertConfirmed, planBackendSpec, prepareBackendSpec, type BackendSpecInputs, type Decisions, type Plan, type Prepared } from '../../lib/pipeline/backend-spec.js';
import { flattenAnswers, pendingQuestions, serviceQuestion, settle, settleWithoutPrompts, type Settled } from '../../lib/pipeline/decide.js';
import { commitAllOrNothing } from '../shared/commit.js';
import { assertProjectConfigParses, canPrompt, failuresAsJson } from '../shared/run.js';
import { backendSpecInputs, printReport, runContext } from './inputs.js';
import { backendSpecQuestions } from './questions.js';

export default class BackendSpecGenerator extends Generator {
  declare inputs: BackendSpecInputs;
  declare prepared: Prepared;
  declare plan: Plan;
  declare decisions: Decisions;
  declare promptedDefaults: Settled['prompted'];
  declare interactive: boolean;

  constructor(args: string[], options: ConstructorParameters<typeof Generator>[1]) {
    assertProjectConfigParses(options);
    // We commit ourselves (all or nothing), so Yeoman's file-by-file commit is off.
    super(args, options, { customCommitTask: true, customInstallTask: true, tasksMatchingPriority: true });
    this.description = 'Append the ## Backend section to the sprint plan document';
    for (const option of yeomanOptions(backendSpecQuestions)) this.option(option.name, option);
    failuresAsJson(this, 'backend-spec');
  }

  get rawOptions(): Record<string, unknown> {
    return this.options as Record<string, unknown>;
  }

  /** Yeoman names the app from package.json; a broken one is detection's warning to give, not a crash. */
  override determineAppname(): string {
    return path.basename(this.destinationRoot());
  }

  async initializing(): Promise<void> {
    this.inputs = backendSpecInputs(this.rawOptions, this.destinationRoot());
    this.prepared = await prepareBackendSpec(runContext(this.destinationRoot()), this.inputs);
  }

  async prompting(): Promise<void> {
    const { prepared, inputs } = this;
    this.interactive = !inputs.answers && canPrompt(this);
    if (!this.interactive) {
      ({ decisions: this.decisions, prompted: this.promptedDefaults } = settleWithoutPrompts(prepared));
      return;
    }
    // Only what is still open is asked: the service first (the rest depends on it), then one batch.
    const answers: Record<string, unknown> = {};
    const service = serviceQuestion(prepared);
    if (service) Object.assign(answers, await this.prompt([service] as never));
    const chosen = prepared.stackReport.services.find((candidate) => candidate.path === answers.service) ?? prepared.service;
    const batch = pendingQuestions(prepared, chosen);
    if (batch.length) Object.assign(answers, await this.prompt(batch as never));
    ({ decisions: this.decisions, prompted: this.promptedDefaults } = settle(prepared, flattenAnswers(answers), true));
  }

  async writing(): Promise<void> {
    this.plan = await planBackendSpec(this.prepared, this.decisions);
    for (const write of this.plan.writes) this.fs.write(this.destinationPath(write.path), write.contents);
    // Prompted answers become the project's defaults, like any Yeoman `store: true` prompt.
    const kept = storedValues(backendSpecQuestions, this.promptedDefaults);
    if (Object.keys(kept).length && !this.inputs.dryRun) this.config.merge(kept);
  }

  async conflicts(): Promise<void> {
    const { force, dryRun } = this.inputs;
    assertConfirmed(this.inputs, this.plan);
    // Without a terminal the answers file (or its absence) is the confirmation: never wait on a prompt.
    await commitAllOrNothing(this, { force: Boolean(force), dryRun: Boolean(dryRun), interactive: this.interactive, planned: this.plan.writes });
  }

  async end(): Promise<void> {
    const { plan, prepared } = this;
    prepared.release();
    // The report is the command's output, on stdout (Yeoman's own log goes to stderr).
    printReport(prepared, plan, Boolean(this.rawOptions.json));
  }
}
