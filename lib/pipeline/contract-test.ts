// Standalone contract-test job: find the contract and the stack, render the test.
import { existsSync, realpathSync } from 'node:fs';
import { MAX_CONTRACT_BYTES, readInputFile } from '../input.js';
import path from 'node:path';
import { MagiError } from '../errors.js';
import { isTestPath, printable, repoRelativeOut } from '../contract-test/paths.js';
import type { ReportFile } from '../report/index.js';
import { envelope } from '../report/envelope.js';
import { locateSprint, toPosix } from '../sprint/index.js';
import { planGeneratedFile, type PlannedFiles, type PlannedWrite } from './files.js';
import { chooseService, contractTestTarget, declaredPackages } from './stack-choice.js';

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
}

const CONTRACT_FILES = /^(openapi\.(ya?ml|json)|schema\.graphql|.+\.proto)$/;

export async function planContractTest(root: string, inputs: ContractTestInputs): Promise<ContractTestPlan> {
  const { contractPath, feature, sprintDir, notices } = findContract(root, inputs);
  const out = inputs.out === undefined ? undefined : repoRelativeOut(root, inputs.out);
  const text = readInputFile(path.resolve(root, contractPath), printable(contractPath), MAX_CONTRACT_BYTES, 'pass a smaller contract (split it per feature)').toString('utf8');
  const kind = contractPath.endsWith('.graphql') ? 'graphql' : contractPath.endsWith('.proto') ? 'proto' : 'openapi';
  const [{ detectStack }, { renderContractTest, listFrameworks }, { contractTestTemplateOf }] = await Promise.all([
    import('../stack/index.js'),
    import('../contract-test/index.js'),
    import('../knowledge/index.js'),
  ]);
  const report = await detectStack(root);
  const service = chooseService(report, inputs.service) ?? report.services.find((candidate) => candidate.kind === 'app');
  const detected = service?.framework?.value;
  const framework = inputs.framework ?? (detected ? (contractTestTemplateOf(detected) ?? detected) : undefined);
  const frameworks = listFrameworks();
  if (!framework) {
    throw new MagiError('framework-unknown', `No framework detected; pass --framework (one of ${frameworks.join(', ')})`);
  }
  if (!frameworks.includes(framework)) {
    throw new MagiError('framework-unsupported', `--framework ${framework}: no contract-test template; choose one of ${frameworks.join(', ')}`);
  }
  const result = await renderContractTest({
    contract: { kind, text, path: contractPath },
    framework,
    feature: inputs.feature ?? feature,
    ...contractTestTarget(service),
    out,
    installed: declaredPackages(root, service?.path),
  });
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
  };
}

interface FoundContract {
  /** Repo-relative (`../…` when the contract lives outside the repository). */
  contractPath: string;
  feature: string;
  /** The sprint whose `.magi/files/` keeps the test's merge base, when there is one. */
  sprintDir?: string;
  notices: string[];
}

function findContract(root: string, inputs: ContractTestInputs): FoundContract {
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
    throw new MagiError('contract-missing', `${sprint.dir}/ has no openapi.yaml, schema.graphql or .proto; run magi backend-spec first or pass --contract <file>`);
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
  const lines = [`${verb} ${printable(plan.path)} (${plan.framework}, checks responses against ${printable(plan.contract)})`];
  const conflicts = plan.files.find((file) => file.path === plan.path)?.conflicts;
  if (conflicts) lines.push(`Merge conflicts: ${conflicts} region${conflicts > 1 ? 's' : ''} where your edits and the new version collided; your lines were kept`);
  if (plan.dependencies.length) lines.push(`The test needs: ${plan.installCommand}`);
  for (const todo of plan.todos) lines.push(`TODO: ${printable(todo)}`);
  return `${lines.join('\n')}\n`;
}
