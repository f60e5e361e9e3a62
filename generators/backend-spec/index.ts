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
import { prepareBackendSpec, planBackendSpec, type BackendSpecInputs, type Plan, type Prepared } from '../../lib/pipeline/backend-spec.js';
import { serviceChoices, settleAmbiguity } from '../../lib/pipeline/stack-choice.js';
import { formatReport, unifiedDiff } from '../../lib/report/index.js';
import type { ApiStyle, OpenQuestion, ServiceStack } from '../../lib/types.js';
import { commitAllOrNothing } from '../shared/commit.js';
import { canPrompt, packageVersion } from '../shared/run.js';
import { backendSpecQuestions } from './questions.js';

/** The option that answers a prompt, for the "no terminal" message. */
const FLAG_FOR: Record<string, string> = {
  apiStyle: '--api-style',
  conflict: '--conflict',
  scaffoldTest: '--scaffold-test or --no-scaffold',
};

export default class BackendSpecGenerator extends Generator {
  declare inputs: BackendSpecInputs;
  declare prepared: Prepared;
  declare plan: Plan;
  declare decisions: { service?: ServiceStack; apiStyle: ApiStyle; conflict: ConflictMode; scaffoldTest: boolean; extraQuestions: OpenQuestion[] };
  declare promptedDefaults: ProjectDefaults;
  declare interactive: boolean;

  get rawOptions(): Record<string, unknown> {
    return this.options as Record<string, unknown>;
  }

  constructor(args: string[], options: ConstructorParameters<typeof Generator>[1]) {
    // We commit ourselves (all or nothing), so Yeoman's file-by-file commit is off.
    super(args, options, { customCommitTask: true, customInstallTask: true });
    this.description = 'Append the ## Backend section to the sprint plan document';
    for (const option of yeomanOptions(backendSpecQuestions)) this.option(option.name, option);
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
      const interactive = !inputs.answers && canPrompt(this);
      this.interactive = interactive;
      const defaults = prepared.config?.defaults ?? {};
      const extraQuestions: OpenQuestion[] = [];
      this.promptedDefaults = {};
      const ask = async <T>(questions: Array<Record<string, unknown>>): Promise<Record<string, T>> => {
        if (questions.length === 0) return {};
        if (!interactive) {
          const names = questions.map((question) => question.name).join(', ');
          throw new MagiError('needs-answers', `No terminal to ask on (${names}): pass --answers <file> (see the README) or the matching options`, {
            exitCode: EXIT.usage,
          });
        }
        return (await this.prompt(questions as never)) as Record<string, T>;
      };

      let service = prepared.service;
      const choices = serviceChoices(prepared.stackReport);
      if (!service && choices.length > 1) {
        if (interactive) {
          const answer = await ask<string>([
            { type: 'list', name: 'service', message: 'Which service is this sprint about?', choices: choices.map((choice) => ({ name: `${choice.name} (${choice.path})`, value: choice.path })) },
          ]);
          service = choices.find((choice) => choice.path === answer.service);
        } else {
          service = choices[0];
          extraQuestions.push({ text: `Which service is this sprint about? Assumed ${service.name} (${service.path}); set stack.service in the answers file.`, weight: 70, source: 'stack' });
        }
      }

      const batch: Array<Record<string, unknown>> = [];
      for (const ambiguity of service?.ambiguities ?? []) {
        batch.push({
          type: 'list',
          name: `stack.${ambiguity.dimension}`,
          message: `Which ${ambiguity.dimension} does this service use?`,
          choices: ambiguity.candidates.map((candidate) => candidate.value),
        });
      }
      const candidates = prepared.apiStyleCandidates;
      if (!inputs.apiStyle && candidates.length > 1) {
        batch.push({ type: 'list', name: 'apiStyle', message: 'Which API style should the contract use?', choices: candidates, default: candidates[0] });
      }
      if (prepared.hasSection && !inputs.conflict) {
        batch.push({ type: 'list', name: 'conflict', message: 'The document already has a ## Backend section. What should happen to it?', choices: ['merge', 'overwrite', 'abort'], default: defaults.conflict ?? 'merge' });
      }
      const offerTest = inputs.scaffoldTest === undefined && inputs.scaffold !== false && Boolean(service?.framework);
      if (offerTest) {
        batch.push({ type: 'confirm', name: 'scaffoldTest', message: 'Scaffold a contract test for this sprint?', default: defaults.scaffoldTest ?? false });
      }

      let answers: Record<string, unknown> = {};
      if (interactive) answers = await ask(batch);
      else if (!inputs.answers && batch.length) {
        // No terminal and no answers file: say what would have been asked instead of guessing.
        const flags = batch.map((question) => FLAG_FOR[String(question.name)] ?? `stack.${String(question.name).slice(6)} in an answers file`);
        throw new MagiError('needs-answers', `No terminal to ask on (${batch.map((question) => question.name).join(', ')}): pass --answers <file>, or ${flags.join(', ')}`, {
          exitCode: EXIT.usage,
        });
      } else {
        // Without prompts: the best candidate, recorded as an open question.
        for (const question of batch) {
          const name = String(question.name);
          if (!name.startsWith('stack.')) continue;
          const best = (question.choices as string[])[0];
          answers[name] = best;
          extraQuestions.push({ text: `Is the ${name.slice(6)} really ${best}? Detection found ${(question.choices as string[]).join(' and ')}; set stack.${name.slice(6)} in the answers file.`, weight: 75, source: 'stack' });
        }
      }
      for (const [name, value] of Object.entries(answers)) {
        if (name.startsWith('stack.') && service) service = settleAmbiguity(service, name.slice(6), String(value));
      }
      const apiStyle = (inputs.apiStyle ?? (answers.apiStyle as ApiStyle | undefined) ?? candidates[0]) as ApiStyle;
      const conflict = (inputs.conflict ?? (answers.conflict as ConflictMode | undefined) ?? 'merge') as ConflictMode;
      const scaffoldTest = Boolean(inputs.scaffoldTest ?? answers.scaffoldTest ?? (offerTest ? false : defaults.scaffoldTest ?? false)) && inputs.scaffold !== false;
      if (answers.apiStyle) this.promptedDefaults.apiStyle = apiStyle;
      if (answers.conflict) this.promptedDefaults.conflict = conflict;
      if (answers.scaffoldTest !== undefined) this.promptedDefaults.scaffoldTest = scaffoldTest;
      this.decisions = { service, apiStyle, conflict, scaffoldTest, extraQuestions };
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
