// The backend-spec job as two pure-ish steps the generator calls around its
// prompts: `prepare` reads everything and says what is still undecided;
// `plan` turns the decisions into the files to write and the report.
// Nothing here prompts or writes.
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { nearest } from '../answers/load.js';
import { loadConfig, type MagiConfig } from '../config/index.js';
import { EXIT, MagiError } from '../errors.js';
import { applyBackendSection, locateSection } from '../gate/index.js';
import { checkPreflight, deriveState } from '../preflight/index.js';
import { readCompanions } from '../sprint/companions.js';
import { readPlanDocument } from '../sprint/document.js';
import { locateSprint, toPosix, type Sprint } from '../sprint/index.js';
import { redactCredentials } from '../secrets.js';
import { oneLine } from '../text.js';
import { MAX_CONTRACT_BYTES, readInputFile, readRegularFile } from '../input.js';
import { acquireLock } from '../write/lock.js';
import { planGeneratedFile, planPlainFile, type PlannedFiles, type PlannedWrite } from './files.js';
import { buildReport, nextSteps } from './report.js';
import type { BackendSpecInputs, Decisions, Plan, Prepared, RunContext } from './types.js';
import { applyStackOverrides, chooseService } from './stack-choice.js';
import { chooseContractTestTemplate, placeContractTestFor, renderContractTestFor, type ContractKindOfTest, type RenderedContractTest } from './contract-test.js';
import { API_STYLES, operationKey, type ApiStyle, type OpenQuestion, type Scope, type ServiceStack, type Warning } from '../types.js';

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
    throw new MagiError('no-document', `${sprint.dir}/ has no SPEC.md, PLAN.md or TICKET.md to extend; plan the sprint first (/magi.plan in the magi workflow, or write the SPEC.md yourself)`, {
      exitCode: EXIT.preflight,
    });
  }
  const document = readPlanDocument(sprint.document.absolutePath, sprint.document.path);
  const hasSection = locateSection(document.text) !== undefined;
  const [{ detectStack }, { extractScope }] = await Promise.all([import('../stack/index.js'), import('../scope/index.js')]);
  const stackReport = await detectStack(context.root);
  // A spec-kit / Kiro feature folder is read whole: its plan, data model and contracts state facts too.
  const companions = readCompanions(context.root, document.absolutePath, document.text);
  // A credential quoted in the spec (`sk_live_…`, `whsec_…`) is never read as a name nor copied anywhere.
  const scope = extractScope(redactCredentials(document.text), companions.map((companion) => ({ ...companion, text: redactCredentials(companion.text) })));
  const warnings: Warning[] = stackReport.warnings.map((warning) => ({ ...warning }));
  const questions: OpenQuestion[] = [];
  const serviceName = inputs.service ?? inputs.stack?.service ?? (scope.services.length === 1 ? scope.services[0] : undefined);
  let service = chooseService(stackReport, serviceName);
  if (inputs.service && !service) {
    const names = stackReport.services.map((candidate) => candidate.path).join(', ') || 'none';
    throw new MagiError('service-unknown', `--service ${inputs.service}: no such service; detected: ${names}`);
  }
  if (!inputs.service && inputs.stack?.service && !service) {
    // A typo here would silently drop the whole detected stack: name the nearest service instead.
    const names = stackReport.services.flatMap((candidate) => [candidate.path, candidate.name]);
    const suggestion = nearest(inputs.stack.service, names);
    const detected = stackReport.services.map((candidate) => candidate.path).join(', ') || 'none';
    throw new MagiError('service-unknown', `${inputs.answers ?? 'answers file'}: stack.service: no service "${oneLine(inputs.stack.service)}"${suggestion ? `; did you mean "${suggestion}"?` : ''} (detected: ${detected})`);
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

export type { PlannedWrite } from './files.js';
export type { BackendSpecInputs, Decisions, Plan, Prepared, RunContext } from './types.js';

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

  const userOpenApi = inputs.openapi ? readExistingOpenApi(context.root, inputs.openapi) : undefined;
  // Outside the repository it is only read: the merged contract goes beside the document, and the report says so.
  const existingOpenApi = userOpenApi && (userOpenApi.outside ? { path: 'openapi.yaml', text: userOpenApi.text } : userOpenApi);
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

  const contractFile = existingOpenApi && !userOpenApi?.outside
    ? toPosix(path.relative(context.root, path.resolve(context.root, inputs.openapi!)))
    : `${sprint.dir}/${contract.artifact.fileName}`;
  if (userOpenApi?.outside) {
    warnings.push({
      code: 'outside-input',
      message: `--openapi ${oneLine(inputs.openapi!)} is outside the repository: it was only read, never written; the merged contract goes to ${contractFile}`,
    });
  }
  const writeContractFile = contract.placement === 'file' || decisions.scaffoldTest || Boolean(existingOpenApi);

  let contractTest: RenderedContractTest | undefined;
  if (decisions.scaffoldTest) {
    const scaffolded = await scaffoldContractTest(prepared, service, contract.artifact, contractFile);
    if ('warning' in scaffolded) warnings.push(scaffolded.warning);
    else contractTest = scaffolded.test;
  }
  // Not scaffolded now: the Test plan still names the file and command `magi contract-test` would use.
  const plannedContractTest = contractTest ? undefined : await placeContractTestFor(service, contract.artifact.kind, sprint.slug);

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
      empty: scope.operations.length === 0,
      operationNames: contract.operationNames,
    },
    apiStyle: decisions.apiStyle,
    sprint: { dir: sprint.dir, num: sprint.num, slug: sprint.slug },
    answers: { populatedTables: inputs.populatedTables, authz: inputs.authz },
    contractTest: contractTest ? { path: contractTest.path, command: contractTest.command } : undefined,
    plannedContractTest,
    extraQuestions: questions,
    extraWarnings: warnings,
  });
  const language = prepared.config?.outputLanguage ?? 'en';
  const rendered = await renderSection(spec, language);

  const baseFile = basePath(sprint);
  const base = readIfExists(path.join(context.root, baseFile));
  const gate = applyBackendSection({ document: document.text, fresh: rendered.markdown, base, mode: decisions.conflict });

  const planned: PlannedFiles = { writes: [], files: [] };
  planPlainFile(context.root, document.path, gate.text, planned);
  if (writeContractFile) {
    // A contract merged into the user's own --openapi file is theirs; one we generate gets a base like the section.
    if (existingOpenApi && !userOpenApi?.outside) planPlainFile(context.root, contractFile, contract.artifact.text, planned);
    else planGeneratedFile(context.root, sprint.dir, contractFile, contract.artifact.text, planned);
  }
  planPlainFile(context.root, baseFile, rendered.markdown, planned);
  if (contractTest) planGeneratedFile(context.root, sprint.dir, contractTest.path, contractTest.content, planned);
  const change = spec.dataModel.change;
  if (change?.file) {
    // The long change block, beside the document the section links it from (code only: no prose to translate).
    const body = `<!-- Generated by generator-magi for ${document.path}: the schema change for ${spec.dataModel.toolLabel ?? 'the migration tool'}. -->\n\n\`\`\`${change.language}\n${change.code}\n\`\`\`\n`;
    planGeneratedFile(context.root, sprint.dir, `${sprint.dir}/${change.file}`, body, planned);
  }
  const { writes, files } = planned;
  // The document is compared with what the run read, not with a second read: an edit in between is caught at the rename.
  const documentWrite = writes.find((write) => write.path === document.path);
  if (documentWrite) documentWrite.expected = document.text;

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
  // About the answers file, not the sprint: reported, never written into the section.
  report.warnings.push(...unmatchedAuthz(inputs, scope));
  return { writes, files, gate, documentBefore: document.text, documentAfter: gate.text, report, renderWarnings: rendered.notes };
}

/** authz keys in the answers file that name no operation: each would be ignored silently. */
export function unmatchedAuthz(inputs: BackendSpecInputs, scope: Scope): Warning[] {
  const keys = scope.operations.flatMap((operation) => [operationKey(operation), operation.name]);
  return Object.keys(inputs.authz ?? {})
    .filter((key) => !keys.includes(key))
    .map((key) => {
      const suggestion = nearest(key, keys);
      return {
        code: 'authz-unmatched',
        message: `authz "${oneLine(key)}" in the answers file matches no operation, so it is ignored${suggestion ? `; did you mean "${suggestion}"?` : `; operations: ${keys.filter((_, index) => index % 2 === 0).join(', ')}`}`,
      };
    });
}

/** The contract test `--scaffold-test` writes, or the warning that says why there is none. A plan step reads its input, never changes it. */
async function scaffoldContractTest(
  prepared: Prepared,
  service: ServiceStack | undefined,
  artifact: { kind: string; text: string; document?: unknown },
  contractFile: string,
): Promise<{ test: RenderedContractTest } | { warning: Warning }> {
  const choice = await chooseContractTestTemplate(service, artifact.kind);
  if ('missing' in choice) {
    return {
      warning: {
        code: 'no-contract-test-template',
        message: `No contract-test template for ${service?.framework?.value ?? 'an undetected framework'}; run \`magi contract-test --framework <id>\` to pick one`,
      },
    };
  }
  // A tRPC test is built from the procedures the document states (the outline is generated from them).
  const document = artifact.kind === 'trpc' ? prepared.scope.operations : artifact.document;
  const contract = { kind: artifact.kind as ContractKindOfTest, text: artifact.text, path: contractFile, document };
  return { test: await renderContractTestFor({ root: prepared.context.root, service, contract, feature: prepared.sprint.slug }, choice.template) };
}

/** The user's OpenAPI file; one outside the repository (or leading out of it) is only read, never written. */
function readExistingOpenApi(root: string, file: string): { path: string; text: string; outside: boolean } {
  const absolute = path.resolve(root, file);
  const relative = path.relative(root, absolute);
  if (!existsSync(absolute)) throw new MagiError('openapi-missing', `--openapi ${oneLine(file)}: file not found; pass the path of an existing OpenAPI document`);
  const realRoot = realpathSync(root);
  const real = realpathSync(absolute);
  const outside = relative.startsWith('..') || path.isAbsolute(relative) || !(real === realRoot || real.startsWith(realRoot + path.sep));
  let text: string;
  try {
    text = readInputFile(absolute, `--openapi ${oneLine(file)}`, MAX_CONTRACT_BYTES, 'pass a smaller OpenAPI file', EXIT.usage, 'pass the path of an OpenAPI file').toString('utf8');
  } catch (cause) {
    if (cause instanceof MagiError) throw cause;
    throw new MagiError('openapi-unreadable', `--openapi ${oneLine(file)}: cannot be read (${(cause as NodeJS.ErrnoException).code}); pass a readable OpenAPI file`, { cause });
  }
  if (!/^\s*["']?openapi["']?\s*:/m.test(text)) {
    throw new MagiError('openapi-not-openapi', `--openapi ${oneLine(file)}: is not an OpenAPI document (no top-level "openapi" key); pass an OpenAPI 3.x file`);
  }
  return { path: toPosix(relative), text, outside };
}

function readIfExists(file: string): string | undefined {
  return readRegularFile(file, MAX_CONTRACT_BYTES);
}
