// Standalone contract-test job: find the contract and the stack, render the test.
import { existsSync, realpathSync } from 'node:fs';
import { MAX_CONTRACT_BYTES, readInputFile } from '../input.js';
import path from 'node:path';
import { MagiError } from '../errors.js';
import { contractTestCommand, fromService, isTestPath, printable, repoRelativeOut } from '../contract-test/paths.js';
import type { ReportFile } from '../report/index.js';
import { envelope } from '../report/envelope.js';
import { locateSprint, toPosix } from '../sprint/index.js';
import { planGeneratedFile, type PlannedFiles, type PlannedWrite } from './files.js';
import { chooseService, contractTestTarget, declaredPackages } from './stack-choice.js';
import type { Operation, ServiceStack } from '../types.js';

export interface ContractTestInputs {
  contract?: string;
  framework?: string;
  feature?: string;
  out?: string;
  service?: string;
  installTestDeps?: boolean;
  docsDir?: string;
}

export interface ContractTestPlan {
  path: string;
  content: string;
  /** The test, plus its merge base under the sprint's `.magi/files/` (empty when nothing changes). */
  writes: PlannedWrite[];
  files: ReportFile[];
  /** One-line notes for stderr (a contract read from outside the repository). */
  notices: string[];
  installCommand: string;
  dependencies: string[];
  todos: string[];
  framework: string;
  contract: string;
  /** What the contract is: a contract file, or (`trpc`) the plan document's stated procedures. */
  kind: ContractKindOfTest;
}

const CONTRACT_FILES = /^(openapi\.(ya?ml|json)|schema\.graphql|.+\.proto)$/;

export async function planContractTest(root: string, inputs: ContractTestInputs): Promise<ContractTestPlan> {
  const { contractPath, feature, sprintDir, notices, procedures } = await findContract(root, inputs);
  const out = inputs.out === undefined ? undefined : repoRelativeOut(root, inputs.out);
  const text = readInputFile(path.resolve(root, contractPath), printable(contractPath), MAX_CONTRACT_BYTES, 'pass a smaller contract (split it per feature)').toString('utf8');
  const kind: ContractKindOfTest = procedures ? 'trpc' : contractPath.endsWith('.graphql') ? 'graphql' : contractPath.endsWith('.proto') ? 'proto' : 'openapi';
  const { detectStack } = await import('../stack/index.js');
  const report = await detectStack(root);
  const service = chooseService(report, inputs.service) ?? report.services.find((candidate) => candidate.kind === 'app');
  const choice = await chooseContractTestTemplate(service, kind, inputs.framework);
  if ('missing' in choice) {
    if (choice.missing === 'no-framework') throw new MagiError('framework-unknown', `No framework detected; pass --framework (one of ${choice.templates.join(', ')})`);
    if (inputs.framework) throw new MagiError('framework-unsupported', `--framework ${choice.framework}: no contract-test template; choose one of ${choice.templates.join(', ')}`);
    // Detected, not asked for: another stack's template would be a test in another language, so say so and stop.
    const { labelOf } = await import('../knowledge/index.js');
    throw new MagiError('framework-unsupported', `${labelOf('framework', choice.framework ?? '')} (detected) has no contract-test template yet, so nothing was written; write the test by hand against ${contractPath}, or pass --framework with one of ${choice.templates.join(', ')}`);
  }
  const framework = choice.template;
  const result = await renderContractTestFor({ root, service, contract: { kind, text, path: contractPath, ...(procedures ? { document: procedures } : {}) }, feature: inputs.feature ?? feature, out }, framework);
  if (!isTestPath(result.path)) {
    throw new MagiError('out-not-test', `--out ${printable(inputs.out ?? result.path)}: is not a test file (name it like *.test.ts, *_test.go, test_*.py or *_spec.rb, or put it under tests/); magi writes tests, never production code`);
  }
  const planned: PlannedFiles = { writes: [], files: [] };
  planGeneratedFile(root, sprintDir, result.path, result.content, planned);
  return {
    path: result.path,
    content: result.content,
    writes: planned.writes,
    files: planned.files,
    notices,
    installCommand: result.installCommand,
    dependencies: result.dependencies,
    todos: result.todos,
    framework,
    contract: contractPath,
    kind,
  };
}

export type ContractKindOfTest = 'openapi' | 'graphql' | 'proto' | 'trpc';

/** A template id, or why there is none (`templates` lists the ids there are). */
export type TemplateChoice =
  | { template: string }
  | { missing: 'no-framework' | 'no-template'; framework?: string; templates: string[] };

/**
 * The contract-test template: the one asked for (`--framework`), else the
 * detected framework's own or borrowed one. A contract no template reads (a
 * tRPC outline) has none.
 */
export async function chooseContractTestTemplate(service: ServiceStack | undefined, kind: string, requested?: string): Promise<TemplateChoice> {
  const [{ listFrameworks }, { contractTestTemplateOf }] = await Promise.all([import('../contract-test/index.js'), import('../knowledge/index.js')]);
  const templates = listFrameworks();
  const detected = service?.framework?.value;
  // A tRPC router is tested through createCaller, whatever framework serves it.
  const framework = requested ?? (kind === 'trpc' ? 'trpc' : detected ? (contractTestTemplateOf(detected) ?? detected) : undefined);
  if (!framework) return { missing: 'no-framework', templates };
  if (!templates.includes(framework) || !isContractKind(kind)) return { missing: 'no-template', framework, templates };
  return { template: framework };
}

const isContractKind = (kind: string): kind is ContractKindOfTest => kind === 'openapi' || kind === 'graphql' || kind === 'proto' || kind === 'trpc';

export interface ContractTestRequest {
  root: string;
  service: ServiceStack | undefined;
  contract: { kind: ContractKindOfTest; text: string; path: string; document?: unknown };
  feature: string;
  out?: string;
}

export interface RenderedContractTest {
  path: string;
  content: string;
  dependencies: string[];
  installCommand: string;
  todos: string[];
  /** The command that runs it in this repository. */
  command: string;
}

/** The one contract-test planner: `magi contract-test` and `backend-spec --scaffold-test` both render through it. */
export async function renderContractTestFor(request: ContractTestRequest, template: string): Promise<RenderedContractTest> {
  const { renderContractTest } = await import('../contract-test/index.js');
  const { service } = request;
  const target = contractTestTarget(service);
  // A router test imports the router (`export type AppRouter = typeof appRouter`), not the HTTP entry.
  if (request.contract.kind === 'trpc') target.appEntry = await findTrpcRouter(request.root, service?.path ?? '.');
  const result = await renderContractTest({
    contract: request.contract,
    framework: template,
    feature: request.feature,
    ...target,
    out: request.out,
    installed: declaredPackages(request.root, service?.path),
  });
  return { ...result, command: contractTestCommand(pickedRunner(service, result.path), service?.packageManager?.value, fromService(service?.path, result.path), service?.layout?.testPattern) };
}

/** Where the test would go and the command that runs it, without rendering it (the Test plan of a run that does not scaffold). */
export async function placeContractTestFor(service: ServiceStack | undefined, kind: string, feature: string): Promise<{ path: string; command: string } | undefined> {
  const choice = await chooseContractTestTemplate(service, kind);
  if (!('template' in choice) || !isContractKind(kind)) return undefined;
  const { contractTestPlace } = await import('../contract-test/index.js');
  try {
    const place = contractTestPlace({ framework: choice.template, kind, feature, ...contractTestTarget(service) });
    return { path: place.path, command: place.command };
  } catch {
    return undefined;
  }
}

/** The runner the contract test is written for: the detected one when the template renders for it. */
function pickedRunner(service: ServiceStack | undefined, file: string): string | undefined {
  const runner = service?.testRunner?.value;
  if (runner === 'rspec' || runner === 'minitest') return /_spec\.rb$/.test(file) ? 'rspec' : 'minitest';
  return runner;
}

interface FoundContract {
  /** Repo-relative (`../…` when the contract lives outside the repository). */
  contractPath: string;
  /** A tRPC sprint: the procedures its plan document states (the contract is that document). */
  procedures?: Operation[];
  feature: string;
  /** The sprint whose `.magi/files/` keeps the test's merge base, when there is one. */
  sprintDir?: string;
  notices: string[];
}

async function findContract(root: string, inputs: ContractTestInputs): Promise<FoundContract> {
  if (inputs.contract) {
    const absolute = path.resolve(root, inputs.contract);
    if (!existsSync(absolute)) throw new MagiError('contract-missing', `--contract ${printable(inputs.contract)}: file not found`);
    const notices: string[] = [];
    const real = realpathSync(absolute);
    const realRoot = realpathSync(root);
    const inside = (file: string, base: string) => file === base || file.startsWith(base + path.sep);
    if (!inside(path.resolve(absolute), path.resolve(root)) || !inside(real, realRoot)) {
      // Read where it is, never copied into the repository; the test reads it from there too.
      notices.push(`note: --contract ${printable(inputs.contract)} is outside the repository (${printable(real)}); it is only read, not copied, and the test refers to it there`);
    }
    const relative = toPosix(path.relative(root, absolute));
    const feature = path.basename(path.dirname(absolute)).replace(/^\d+-/, '') || 'api';
    return { contractPath: relative, feature: slug(feature), sprintDir: sprintOf(root, relative, inputs.docsDir), notices };
  }
  const sprint = locateSprint({ root, docsDir: inputs.docsDir });
  const file = sprint.files.find((name) => CONTRACT_FILES.test(name));
  if (!file) {
    // A tRPC sprint has no contract file: the procedures its plan document states are the contract.
    const procedures = sprint.document ? await statedProcedures(sprint.document.absolutePath, sprint.document.path) : [];
    if (procedures.length) return { contractPath: sprint.document!.path, feature: sprint.slug, sprintDir: sprint.dir, notices: [], procedures };
    throw new MagiError('contract-missing', `${sprint.dir}/ has no openapi.yaml, schema.graphql or .proto and its plan document states no tRPC procedure; run magi backend-spec first or pass --contract <file>`);
  }
  return { contractPath: `${sprint.dir}/${file}`, feature: sprint.slug, sprintDir: sprint.dir, notices: [] };
}

/** The sprint folder holding a contract, else the newest sprint, else none. */
function sprintOf(root: string, contractPath: string, docsDir?: string): string | undefined {
  const match = /^((?:docs|magi)\/\d+-[A-Za-z0-9][A-Za-z0-9._-]*)\//.exec(contractPath);
  if (match) return match[1];
  try {
    return locateSprint({ root, docsDir }).dir;
  } catch {
    return undefined;
  }
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'api';
}

/** What a contract-test run prints on stdout: a JSON report, or a few lines. */
export function contractTestOutput(plan: ContractTestPlan, status: 'written' | 'unchanged' | 'dry-run', json: boolean): string {
  if (json) {
    const report = { ...envelope('contract-test'), path: plan.path, status, files: plan.files, framework: plan.framework, contract: plan.contract, dependencies: plan.dependencies, installCommand: plan.installCommand, todos: plan.todos };
    return `${JSON.stringify(report, null, 2)}\n`;
  }
  const verb = status === 'dry-run' ? 'Would write' : status === 'written' ? 'Wrote' : 'Unchanged';
  const checks = plan.kind === 'trpc' ? 'checks procedure inputs against the procedures stated in' : 'checks responses against';
  const lines = [`${verb} ${printable(plan.path)} (${plan.framework}, ${checks} ${printable(plan.contract)})`];
  const conflicts = plan.files.find((file) => file.path === plan.path)?.conflicts;
  if (conflicts) lines.push(`Merge conflicts: ${conflicts} region${conflicts > 1 ? 's' : ''} where your edits and the new version collided; your lines were kept`);
  if (plan.dependencies.length) lines.push(`The test needs: ${plan.installCommand}`);
  for (const todo of plan.todos) lines.push(`TODO: ${printable(todo)}`);
  return `${lines.join('\n')}\n`;
}

/** The tRPC procedures a plan document states (the Backend section's outline is generated from them). */
async function statedProcedures(absolutePath: string, shown: string): Promise<Operation[]> {
  const text = readInputFile(absolutePath, printable(shown), MAX_CONTRACT_BYTES, 'split the plan document').toString('utf8');
  const { extractScope } = await import('../scope/index.js');
  return extractScope(text).operations.filter((op) => op.kind === 'trpc-query' || op.kind === 'trpc-mutation');
}

/**
 * The file and export of the service's tRPC router, read from the convention every
 * tRPC app follows to share its types (`export type AppRouter = typeof appRouter`).
 */
async function findTrpcRouter(root: string, servicePath: string): Promise<string | undefined> {
  const { glob } = await import('tinyglobby');
  const base = path.join(root, servicePath);
  const files = (await glob(['**/*.{ts,mts,tsx}'], { cwd: base, ignore: ['**/node_modules/**', '**/dist/**', '**/.next/**', '**/*.d.ts', '**/*.test.*', '**/*.spec.*'] })).sort();
  for (const file of files.slice(0, 2000)) {
    let text: string;
    try {
      text = readInputFile(path.join(base, file), file, 512 * 1024, '').toString('utf8');
    } catch {
      continue;
    }
    const exported = /export\s+type\s+AppRouter\s*=\s*typeof\s+([A-Za-z_$][\w$]*)/.exec(text);
    if (exported && new RegExp(`export\\s+const\\s+${exported[1]}\\b`).test(text)) return `${file}#${exported[1]}`;
  }
  return undefined;
}
