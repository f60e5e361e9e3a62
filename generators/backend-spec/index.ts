// yo magi:backend-spec: a thin shell over lib/pipeline. Each priority calls
// one stage; prompting asks only what options, answers and config left open.
import path from 'node:path';
import Generator from 'yeoman-generator';
import { yeomanOptions } from '../../lib/answers/declaration.js';
import { loadAnswersFile } from '../../lib/answers/load.js';
import { resolveInputs } from '../../lib/answers/resolve.js';
import { projectDefaults, type ProjectDefaults } from '../../lib/config/index.js';
import { EXIT, MagiError } from '../../lib/errors.js';
import type { ConflictMode } from '../../lib/gate/index.js';
import { prepareBackendSpec, planBackendSpec, type BackendSpecInputs, type Decisions, type Plan, type Prepared } from '../../lib/pipeline/backend-spec.js';
import { pendingQuestions, serviceQuestion, settle, settleWithoutPrompts, type Settled } from '../../lib/pipeline/decide.js';
import { formatReport, unifiedDiff } from '../../lib/report/index.js';
import type { ApiStyle, OpenQuestion, ServiceStack } from '../../lib/types.js';
import { commitAllOrNothing } from '../shared/commit.js';
import { assertProjectConfigParses, canPrompt, packageVersion } from '../shared/run.js';
import { backendSpecQuestions } from './questions.js';

/** Inquirer nests dotted names (`stack.orm`); our answers use them flat. */
function unflatten(answers: Record<string, unknown>): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(answers)) {
    if (key === 'stack' && value && typeof value === 'object') {
      for (const [dimension, chosen] of Object.entries(value)) flat[`stack.${dimension}`] = chosen;
    } else flat[key] = value;
  }
  return flat;
}

export default class BackendSpecGenerator extends Generator {
  declare inputs: BackendSpecInputs;
  declare prepared: Prepared;
  declare plan: Plan;
  declare decisions: Decisions;
  declare promptedDefaults: Settled['prompted'];
  declare interactive: boolean;

  get rawOptions(): Record<string, unknown> {
    return this.options as Record<string, unknown>;
  }

  constructor(args: string[], options: ConstructorParameters<typeof Generator>[1]) {
    assertProjectConfigParses(options);
    // We commit ourselves (all or nothing), so Yeoman's file-by-file commit is off.
    super(args, options, { customCommitTask: true, customInstallTask: true });
    this.description = 'Append the ## Backend section to the sprint plan document';
    for (const option of yeomanOptions(backendSpecQuestions)) this.option(option.name, option);
  }

  /** Yeoman names the app from package.json; a broken one is detection's warning to give, not a crash. */
  override determineAppname(): string {
    return path.basename(this.destinationRoot());
  }

  async initializing(): Promise<void> {
      const answersFile = typeof this.rawOptions.answers === 'string' ? this.rawOptions.answers : undefined;
      const answers = answersFile ? loadAnswersFile(answersFile, backendSpecQuestions, this.destinationRoot()) : undefined;
      const root = this.destinationRoot();
      this.inputs = resolveInputs(backendSpecQuestions, {
        options: this.options as Record<string, unknown>,
        answers,
        stored: projectDefaults(root) as Record<string, unknown>,
      }) as BackendSpecInputs;
      if (this.inputs.scaffold === false) this.inputs.scaffoldTest = false;
      this.prepared = await prepareBackendSpec(
        { root, home: process.env.HOME ?? '', env: process.env, toolVersion: packageVersion() },
        this.inputs,
      );
  }

  async prompting(): Promise<void> {
    const { prepared, inputs } = this;
    this.interactive = !inputs.answers && canPrompt(this);
    if (!this.interactive) {
      ({ decisions: this.decisions, prompted: this.promptedDefaults } = settleWithoutPrompts(prepared));
      return;
    }
    // Options first: only what is still open is asked, the service first (the rest depends on it), then one batch.
    const answers: Record<string, unknown> = {};
    const service = serviceQuestion(prepared);
    if (service) Object.assign(answers, await this.prompt([service] as never));
    const chosen = prepared.stackReport.services.find((candidate) => candidate.path === answers.service) ?? prepared.service;
    const batch = pendingQuestions(prepared, chosen);
    if (batch.length) Object.assign(answers, await this.prompt(batch as never));
    ({ decisions: this.decisions, prompted: this.promptedDefaults } = settle(prepared, unflatten(answers), true));
  }

  async writing(): Promise<void> {
      this.plan = await planBackendSpec(this.prepared, this.decisions);
      for (const write of this.plan.writes) this.fs.write(this.destinationPath(write.path), write.contents);
      // Prompted answers become the project's defaults, like any Yeoman `store: true` prompt.
      if (Object.keys(this.promptedDefaults).length && !this.inputs.dryRun) this.config.merge(this.promptedDefaults as Record<string, unknown>);
  }

  async conflicts(): Promise<void> {
      const { force, confirm, dryRun } = this.inputs;
      if (confirm === false && !dryRun && this.plan.writes.length) {
        throw new MagiError('write-refused', 'The answers file says confirm: false; nothing was written (use --dry-run to see the diff)', { exitCode: EXIT.write });
      }
      // Without a terminal the answers file (or its absence) is the confirmation: never wait on a prompt.
      await commitAllOrNothing(this, { force: Boolean(force) || !this.interactive, dryRun: Boolean(dryRun) });
  }

  async end(): Promise<void> {
      const { plan } = this;
      this.prepared.release();
      if (this.rawOptions.json) {
        process.stdout.write(`${JSON.stringify(plan.report, null, 2)}\n`);
        return;
      }
      const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
      const diff = unifiedDiff(this.prepared.document.path, plan.documentBefore, plan.documentAfter, color);
      // The report is the command's output: stdout, like the JSON report.
      process.stdout.write(`${formatReport(plan.report, diff ? [diff] : [], color)}\n`);
  }

}

export const generatorRoot = path.dirname(new URL(import.meta.url).pathname);
