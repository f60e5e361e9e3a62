// yo magi:setup: writes the output language and our defaults into the
// workflow's config (or the project's .yo-rc.json), keeping every other key.
import { existsSync } from 'node:fs';
import path from 'node:path';
import Generator from 'yeoman-generator';
import { yeomanOptions, type QuestionSpec } from '../../lib/answers/declaration.js';
import { loadAnswersFile } from '../../lib/answers/load.js';
import { resolveInputs } from '../../lib/answers/resolve.js';
import { configCandidates, DEFAULT_LANGUAGE, mergeConfig, readJsonObject, type ConfigCandidate } from '../../lib/config/index.js';
import { EXIT, MagiError } from '../../lib/errors.js';
import { envelope } from '../../lib/report/envelope.js';
import { commitAllOrNothing } from '../shared/commit.js';
import { assertProjectConfigParses, canPrompt, failuresAsJson } from '../shared/run.js';
import { setupQuestions } from './questions.js';

interface SetupInputs {
  outputLanguage?: string;
  docsDir?: string;
  apiStyle?: string;
  scaffoldTest?: boolean;
  conflict?: string;
  project?: boolean;
  answers?: string;
  force?: boolean;
  json?: boolean;
}

export default class SetupGenerator extends Generator {
  declare inputs: SetupInputs;
  declare target: ConfigCandidate;
  declare writtenLanguage: string;

  get rawOptions(): Record<string, unknown> {
    return this.options as Record<string, unknown>;
  }

  constructor(args: string[], options: ConstructorParameters<typeof Generator>[1]) {
    assertProjectConfigParses(options);
    super(args, options, { customCommitTask: true, customInstallTask: true, tasksMatchingPriority: true });
    this.description = "Write magi's output language and defaults into the workflow config";
    for (const option of yeomanOptions(setupQuestions)) this.option(option.name, option);
    failuresAsJson(this, 'setup');
  }

  /** Yeoman names the app from package.json; a broken one is detection's warning to give, not a crash. */
  override determineAppname(): string {
    return path.basename(this.destinationRoot());
  }

  initializing(): void {
    const answersFile = typeof this.rawOptions.answers === 'string' ? this.rawOptions.answers : undefined;
    const answers = answersFile ? loadAnswersFile(answersFile, setupQuestions, this.destinationRoot()) : undefined;
    this.inputs = resolveInputs(setupQuestions, { options: this.options as Record<string, unknown>, answers }) as SetupInputs;
    const candidates = configCandidates({ cwd: this.destinationRoot(), home: process.env.HOME ?? '', env: process.env });
    const project = candidates.find((candidate) => candidate.kind === 'project')!;
    // Update the file the workflow already reads; else create the newer global path.
    this.target = this.inputs.project
      ? project
      : (candidates.find((candidate) => candidate.kind !== 'project' && (candidate.kind === 'env' || existsSync(candidate.file))) ??
        candidates.find((candidate) => candidate.kind === 'workflow-new')!);
  }

  async prompting(): Promise<void> {
    const existing = existsSync(this.target.file) ? readJsonObject(this.target.file) : {};
    const current = mergeConfig(existing, { outputLanguage: DEFAULT_LANGUAGE, defaults: {} }, this.target.kind);
    const ours = (current['generator-magi'] ?? {}) as Record<string, unknown>;
    const missing = (setupQuestions as readonly QuestionSpec[]).filter((question) => question.prompt && this.inputs[question.name as keyof SetupInputs] === undefined);
    if (!missing.length || this.inputs.answers) return;
    if (!canPrompt(this)) {
      // Without a terminal only the language is needed: the defaults are optional and stay unset (the generators' own apply).
      if (this.inputs.outputLanguage !== undefined) return;
      throw new MagiError('needs-answers', 'No terminal to ask on (outputLanguage): pass --output-language <tag> (en, zh-TW, …) or --answers <file>', {
        exitCode: EXIT.usage,
      });
    }
    const defaults: Record<string, unknown> = {
      outputLanguage: (existing.output_language as string | undefined) ?? (ours.outputLanguage as string | undefined) ?? DEFAULT_LANGUAGE,
      docsDir: ours.docsDir ?? (existsSync(this.destinationPath('magi')) ? 'magi' : 'docs'),
      apiStyle: ours.apiStyle ?? 'rest',
      scaffoldTest: ours.scaffoldTest ?? false,
      conflict: ours.conflict ?? 'merge',
    };
    const answers = await this.prompt(
      missing.map((question) => ({ type: question.prompt!.type, name: question.name, message: question.prompt!.message, choices: question.prompt!.choices, default: defaults[question.name] })) as never,
    );
    Object.assign(this.inputs, answers);
  }

  writing(): void {
    const existing = existsSync(this.target.file) ? readJsonObject(this.target.file) : {};
    const { outputLanguage, docsDir, apiStyle, scaffoldTest, conflict } = this.inputs;
    this.writtenLanguage = outputLanguage ?? (existing.output_language as string | undefined) ?? DEFAULT_LANGUAGE;
    const next = mergeConfig(existing, { outputLanguage: this.writtenLanguage, defaults: { docsDir, apiStyle, scaffoldTest, conflict } }, this.target.kind);
    this.fs.write(this.target.file, `${JSON.stringify(next, null, 2)}\n`);
  }

  async conflicts(): Promise<void> {
    // The workflow's global config lives outside the project: the one file allowed there.
    await commitAllOrNothing(this, { force: Boolean(this.inputs.force), dryRun: false, interactive: canPrompt(this), outside: [path.resolve(this.target.file)] });
  }

  end(): void {
    const relative = path.relative(this.destinationRoot(), this.target.file);
    const shown = relative.startsWith('..') ? this.target.file : relative;
    if (!this.inputs.json) {
      this.log(`magi config written to ${shown}`);
      return;
    }
    const { docsDir, apiStyle, scaffoldTest, conflict } = this.inputs;
    const defaults = Object.fromEntries(Object.entries({ docsDir, apiStyle, scaffoldTest, conflict }).filter(([, value]) => value !== undefined));
    const report = { ...envelope('setup'), config: { file: shown, kind: this.target.kind, outputLanguage: this.writtenLanguage, defaults } };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  }
}
