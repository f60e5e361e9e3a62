// The backend-spec job as two pure-ish steps the generator calls around its
// prompts: `prepare` reads everything and says what is still undecided;
// `plan` turns the decisions into the files to write and the report.
// Nothing here prompts or writes.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, type MagiConfig } from '../config/index.js';
import { EXIT, MagiError } from '../errors.js';
import { applyBackendSection, locateSection, type ConflictMode, type GateResult } from '../gate/index.js';
import { checkPreflight, deriveState, type PreflightResult } from '../preflight/index.js';
import { readCompanions } from '../sprint/companions.js';
import { readPlanDocument, type PlanDocument } from '../sprint/document.js';
import { locateSprint, toPosix, type Sprint } from '../sprint/index.js';
import { acquireLock } from '../write/lock.js';
import { buildReport, nextSteps } from './report.js';
import { applyStackOverrides, chooseService, declaredPackages, type StackAnswer } from './stack-choice.js';
import type { JsonReport, ReportFile } from '../report/index.js';
import { API_STYLES, type ApiStyle, type OpenQuestion, type Scope, type ServiceStack, type StackReport, type Warning } from '../types.js';

export interface RunContext {
  root: string;
  home: string;
  env: Record<string, string | undefined>;
  /** package.json version, for the report. */
  toolVersion: string;
}

export interface BackendSpecInputs {
  sprint?: string;
  apiStyle?: ApiStyle;
  scaffoldTest?: boolean;
  scaffold?: boolean;
  openapi?: string;
  conflict?: ConflictMode;
  force?: boolean;
  skipPreflight?: boolean;
  dryRun?: boolean;
  docsDir?: string;
  service?: string;
  stack?: StackAnswer;
  contractLocation?: 'auto' | 'inline' | 'file';
  populatedTables?: string[];
  authz?: Record<string, { auth?: boolean | string; roles?: string[]; ownership?: string; justification?: string }>;
  installTestDeps?: boolean;
  confirm?: boolean;
  answers?: string;
  json?: boolean;
}

export interface Prepared {
  /** Releases the sprint's lock (also released when the process exits). */
  release: () => void;
  context: RunContext;
  inputs: BackendSpecInputs;
  config?: MagiConfig;
  sprint: Sprint;
  preflight: PreflightResult;
  document: PlanDocument;
  hasSection: boolean;
  stackReport: StackReport;
  /** Undefined when the repo has several services and none was chosen yet. */
  service?: ServiceStack;
  scope: Scope;
  /** API styles worth offering, best first. */
  apiStyleCandidates: ApiStyle[];
  warnings: Warning[];
  questions: OpenQuestion[];
}

export async function prepareBackendSpec(context: RunContext, inputs: BackendSpecInputs, options: { lock?: boolean } = {}): Promise<Prepared> {
  const skip = Boolean(inputs.force || inputs.skipPreflight);
  let config: MagiConfig | undefined;
  try {
    config = loadConfig({ cwd: context.root, home: context.home, env: context.env });
  } catch (error) {
    if (!skip) throw error;
  }
  const sprint = locateSprint({ root: context.root, docsDir: inputs.docsDir ?? config?.defaults.docsDir, sprint: inputs.sprint });
  // Held until the process ends: a second run on this sprint refuses instead of racing us.
  // A read-only check takes no lock: it must write nothing, not even in the temp folder.
  const release = options.lock === false ? () => undefined : acquireLock(sprint.absoluteDir, sprint.dir);
  const preflight = checkPreflight({ config, state: deriveState(context.root, sprint), skip });
  if (!sprint.document) {
    throw new MagiError('no-document', `${sprint.dir}/ has no SPEC.md, PLAN.md or TICKET.md to extend; plan the sprint first (magi plan)`, {
      exitCode: EXIT.preflight,
    });
  }
  const document = readPlanDocument(sprint.document.absolutePath, sprint.document.path);
  const hasSection = locateSection(document.text) !== undefined;
  const [{ detectStack }, { extractScope }] = await Promise.all([import('../stack/index.js'), import('../scope/index.js')]);
  const stackReport = await detectStack(context.root);
  // A spec-kit / Kiro feature folder is read whole: its plan, data model and contracts state facts too.
  const companions = readCompanions(context.root, document.absolutePath, document.text);
  const scope = extractScope(document.text, companions);
  const warnings: Warning[] = stackReport.warnings.map((warning) => ({ ...warning }));
  const questions: OpenQuestion[] = [];
  const serviceName = inputs.service ?? inputs.stack?.service ?? (scope.services.length === 1 ? scope.services[0] : undefined);
  let service = chooseService(stackReport, serviceName);
  if (inputs.service && !service) {
    const names = stackReport.services.map((candidate) => candidate.path).join(', ') || 'none';
    throw new MagiError('service-unknown', `--service ${inputs.service}: no such service; detected: ${names}`);
  }
  if (service && inputs.stack) service = applyStackOverrides(service, inputs.stack);
  return {
    release,
    context,
    inputs,
    config,
    sprint,
    preflight,
    document,
    hasSection,
    stackReport,
    service,
    scope,
    apiStyleCandidates: apiStyleCandidates(service, scope),
    warnings,
    questions,
  };
}

/** Styles the repo or the spec points at, best first; REST when nothing does. */
export function apiStyleCandidates(service: ServiceStack | undefined, scope: Scope): ApiStyle[] {
  const fromScope = new Set<ApiStyle>();
  for (const operation of scope.operations) {
    if (operation.kind === 'rest') fromScope.add('rest');
    else if (operation.kind.startsWith('graphql')) fromScope.add('graphql');
    else if (operation.kind === 'grpc') fromScope.add('grpc');
    else fromScope.add('trpc');
  }
  const detected = (service?.apiStyles ?? []).map((style) => style.value);
  const ordered = [...new Set([...fromScope].filter((style) => detected.includes(style)).concat([...fromScope], detected))];
  return ordered.length ? ordered.filter((style) => API_STYLES.includes(style)) : ['rest'];
}

export interface Decisions {
  service?: ServiceStack;
  apiStyle: ApiStyle;
  conflict: ConflictMode;
  scaffoldTest: boolean;
  /** The user was asked and went on despite an `overkill` warning. */
  extraQuestions?: OpenQuestion[];
}

export interface PlannedWrite {
  /** Repo-relative path, posix separators. */
  path: string;
  contents: string;
  status: ReportFile['status'];
}

export interface Plan {
  writes: PlannedWrite[];
  /** Every file we considered, with its status (unchanged ones included). */
  files: ReportFile[];
  gate: GateResult;
  documentBefore: string;
  documentAfter: string;
  report: JsonReport;
  renderWarnings: Warning[];
}

/** `confirm: false` in the answers file refuses every write (a dry run still shows the diff). */
export function assertConfirmed(inputs: BackendSpecInputs, plan: Plan): void {
  if (inputs.confirm === false && !inputs.dryRun && plan.writes.length) {
    throw new MagiError('write-refused', 'The answers file says confirm: false; nothing was written (use --dry-run to see the diff)', { exitCode: EXIT.write });
  }
}

/** Where we keep the section as last generated: the merge base for the next run. */
export function basePath(sprint: Sprint): string {
  return `${sprint.dir}/.magi/backend-section.md`;
}

export async function planBackendSpec(prepared: Prepared, decisions: Decisions): Promise<Plan> {
  const { context, sprint, scope, document, inputs } = prepared;
  const service = decisions.service ?? prepared.service;
  const warnings = [...prepared.warnings];
  const questions = [...prepared.questions, ...(decisions.extraQuestions ?? [])];

  const [{ draftContract }, { buildBackendSpec }, { renderSection }] = await Promise.all([
    import('../contract/index.js'),
    import('../model/index.js'),
    import('../render/index.js'),
  ]);

  const existingOpenApi = inputs.openapi ? readExistingOpenApi(context.root, inputs.openapi) : undefined;
  const { result: contract, validation } = draftContract(scope, {
    apiStyle: decisions.apiStyle,
    title: scope.title ?? sprint.slug,
    serviceName: service?.name,
    stack: service,
    location: inputs.contractLocation ?? prepared.config?.defaults.contractLocation as 'auto' | 'inline' | 'file' | undefined ?? 'auto',
    existingOpenApi,
  });
  // The linter runs while the rest is planned; its verdict is awaited before anything is returned to be written.
  const validated = validation.then(
    (problems) => ({ problems }),
    (error: unknown) => ({ error }),
  );
  warnings.push(...contract.warnings);
  questions.push(...contract.questions);

  const contractFile = existingOpenApi
    ? toPosix(path.relative(context.root, path.resolve(context.root, inputs.openapi!)))
    : `${sprint.dir}/${contract.artifact.fileName}`;
  const writeContractFile = contract.placement === 'file' || decisions.scaffoldTest || Boolean(existingOpenApi);

  let contractTest: { path: string; contents: string; installCommand: string; command: string } | undefined;
  if (decisions.scaffoldTest) {
    contractTest = await planContractTest(prepared, service, contract.artifact, contractFile);
  }

  const spec = buildBackendSpec({
    scope,
    service,
    contract: {
      kind: contract.artifact.kind,
      placement: contract.placement,
      fileName: writeContractFile ? path.posix.relative(sprint.dir, contractFile) : contract.artifact.fileName,
      excerpt: contract.excerpt,
      fence: contract.artifact.fence,
      checklist: contract.checklist,
    },
    sprint: { dir: sprint.dir, num: sprint.num, slug: sprint.slug },
    answers: { populatedTables: inputs.populatedTables, authz: inputs.authz },
    contractTest: contractTest ? { path: contractTest.path, command: contractTest.command } : undefined,
    extraQuestions: questions,
    extraWarnings: warnings,
  });
  const language = prepared.config?.outputLanguage ?? 'en';
  const rendered = await renderSection(spec, language);

  const baseFile = basePath(sprint);
  const base = readIfExists(path.join(context.root, baseFile));
  const gate = applyBackendSection({ document: document.text, fresh: rendered.markdown, base, mode: decisions.conflict });

  const candidates: Array<{ path: string; contents: string }> = [{ path: document.path, contents: gate.text }];
  if (writeContractFile) candidates.push({ path: contractFile, contents: contract.artifact.text });
  candidates.push({ path: baseFile, contents: rendered.markdown });
  if (contractTest) candidates.push({ path: contractTest.path, contents: contractTest.contents });

  const files: ReportFile[] = [];
  const writes: PlannedWrite[] = [];
  for (const candidate of candidates) {
    const before = readIfExists(path.join(context.root, candidate.path));
    const status: ReportFile['status'] = before === undefined ? 'created' : before === candidate.contents ? 'unchanged' : 'modified';
    files.push({ path: candidate.path, status });
    if (status !== 'unchanged') writes.push({ ...candidate, status });
  }

  const verdict = await validated;
  if ('error' in verdict) throw verdict.error;
  contract.artifact.problems = verdict.problems;
  const errors = verdict.problems.filter((problem) => problem.severity === 'error');
  if (errors.length) {
    const shown = errors.slice(0, 5).map((problem) => `${problem.location ? `${problem.location}: ` : ''}${problem.message}`).join('; ');
    throw new MagiError('contract-invalid', `The generated ${contract.artifact.kind} contract does not validate (${errors.length} error${errors.length > 1 ? 's' : ''}: ${shown}); nothing was written`, {
      exitCode: EXIT.contract,
    });
  }

  const allQuestions = spec.openQuestions as OpenQuestion[];
  const report = buildReport({
    context,
    prepared,
    service,
    language: rendered.languageUsed,
    gate,
    contract: { kind: contract.artifact.kind, placement: contract.placement, file: writeContractFile ? contractFile : undefined },
    contractTest: contractTest ? { created: true, path: contractTest.path, installCommand: contractTest.installCommand } : { created: false },
    files,
    questions: allQuestions,
    warnings: spec.warnings as Warning[],
    dryRun: Boolean(inputs.dryRun),
    next: nextSteps(prepared, allQuestions),
    renderWarnings: rendered.notes,
  });
  return { writes, files, gate, documentBefore: document.text, documentAfter: gate.text, report, renderWarnings: rendered.notes };
}

async function planContractTest(
  prepared: Prepared,
  service: ServiceStack | undefined,
  artifact: { kind: string; text: string; document?: unknown },
  contractFile: string,
): Promise<{ path: string; contents: string; installCommand: string; command: string } | undefined> {
  const { renderContractTest, listFrameworks } = await import('../contract-test/index.js');
  const { catalogEntry } = await import('../stack/index.js');
  const framework = service?.framework?.value;
  const template = framework ? (catalogEntry(framework)?.conventions?.contractTest ?? framework) : undefined;
  if (!template || !listFrameworks().includes(template) || artifact.kind === 'trpc') {
    prepared.warnings.push({
      code: 'no-contract-test-template',
      message: `No contract-test template for ${framework ?? 'an undetected framework'}; run \`magi contract-test --framework <id>\` to pick one`,
    });
    return undefined;
  }
  const result = await renderContractTest({
    contract: { kind: artifact.kind as 'openapi' | 'graphql' | 'proto', text: artifact.text, path: contractFile, document: artifact.document },
    framework: template,
    feature: prepared.sprint.slug,
    testRunner: service?.testRunner?.value,
    testDir: service?.testDir?.value,
    appEntry: service?.appEntry?.value,
    packageManager: service?.packageManager?.value,
    servicePath: service?.path,
    installed: declaredPackages(prepared.context.root, service?.path),
  });
  return { path: result.path, contents: result.content, installCommand: result.installCommand, command: testCommandFor(service, result.path) };
}

function testCommandFor(service: ServiceStack | undefined, file: string): string {
  const runner = service?.testRunner?.value;
  const manager = service?.packageManager?.value ?? 'npm';
  const exec = manager === 'npm' ? 'npx' : manager === 'pnpm' ? 'pnpm exec' : manager === 'yarn' ? 'yarn' : manager === 'bun' ? 'bunx' : 'npx';
  switch (runner) {
    case 'vitest':
      return `${exec} vitest run ${file}`;
    case 'jest':
      return `${exec} jest ${file}`;
    case 'pytest':
      return `${manager === 'poetry' ? 'poetry run ' : manager === 'uv' ? 'uv run ' : ''}pytest ${file}`;
    case 'go-test':
      return `go test ./${path.posix.dirname(file)}/...`;
    case 'rspec':
      return `bundle exec rspec ${file}`;
    case 'cargo-test':
      return `cargo test --test ${path.posix.basename(file, '.rs')}`;
    default:
      return `${exec} vitest run ${file}`;
  }
}

function readExistingOpenApi(root: string, file: string): { path: string; text: string } {
  const absolute = path.resolve(root, file);
  const relative = path.relative(root, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new MagiError('openapi-outside', `--openapi ${file}: must be a file inside the repository`);
  }
  if (!existsSync(absolute)) throw new MagiError('openapi-missing', `--openapi ${file}: file not found; pass the path of an existing OpenAPI document`);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (cause) {
    throw new MagiError('openapi-unreadable', `--openapi ${file}: cannot be read (${(cause as NodeJS.ErrnoException).code}); pass a readable OpenAPI file`, { cause });
  }
  if (!/^\s*["']?openapi["']?\s*:/m.test(text)) {
    throw new MagiError('openapi-not-openapi', `--openapi ${file}: is not an OpenAPI document (no top-level "openapi" key); pass an OpenAPI 3.x file`);
  }
  return { path: toPosix(relative), text };
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
