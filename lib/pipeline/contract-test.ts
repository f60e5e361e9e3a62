// Standalone contract-test job: find the contract and the stack, render the test.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MagiError } from '../errors.js';
import { envelope } from '../report/envelope.js';
import { locateSprint, toPosix } from '../sprint/index.js';
import { chooseService, declaredPackages } from './stack-choice.js';

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
  installCommand: string;
  dependencies: string[];
  todos: string[];
  framework: string;
  contract: string;
}

const CONTRACT_FILES = /^(openapi\.(ya?ml|json)|schema\.graphql|.+\.proto)$/;

export async function planContractTest(root: string, inputs: ContractTestInputs): Promise<ContractTestPlan> {
  const { contractPath, feature } = findContract(root, inputs);
  const text = readFileSync(path.join(root, contractPath), 'utf8');
  const kind = contractPath.endsWith('.graphql') ? 'graphql' : contractPath.endsWith('.proto') ? 'proto' : 'openapi';
  const [{ detectStack, catalogEntry }, { renderContractTest, listFrameworks }] = await Promise.all([
    import('../stack/index.js'),
    import('../contract-test/index.js'),
  ]);
  const report = await detectStack(root);
  const service = chooseService(report, inputs.service) ?? report.services.find((candidate) => candidate.kind === 'app');
  const detected = service?.framework?.value;
  const framework = inputs.framework ?? (detected ? (catalogEntry(detected)?.conventions?.contractTest ?? detected) : undefined);
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
    testRunner: service?.testRunner?.value,
    testDir: service?.testDir?.value,
    appEntry: service?.appEntry?.value,
    packageManager: service?.packageManager?.value,
    servicePath: service?.path,
    out: inputs.out,
    installed: declaredPackages(root, service?.path),
  });
  return { path: result.path, content: result.content, installCommand: result.installCommand, dependencies: result.dependencies, todos: result.todos, framework, contract: contractPath };
}

function findContract(root: string, inputs: ContractTestInputs): { contractPath: string; feature: string } {
  if (inputs.contract) {
    const absolute = path.resolve(root, inputs.contract);
    const relative = toPosix(path.relative(root, absolute));
    if (relative.startsWith('..') || path.isAbsolute(relative)) throw new MagiError('contract-outside', `--contract ${inputs.contract}: must be a file inside the repository`);
    if (!existsSync(absolute)) throw new MagiError('contract-missing', `--contract ${inputs.contract}: file not found`);
    const feature = path.basename(path.dirname(absolute)).replace(/^\d+-/, '') || 'api';
    return { contractPath: relative, feature: slug(feature) };
  }
  const sprint = locateSprint({ root, docsDir: inputs.docsDir });
  const file = sprint.files.find((name) => CONTRACT_FILES.test(name));
  if (!file) {
    throw new MagiError('contract-missing', `${sprint.dir}/ has no openapi.yaml, schema.graphql or .proto; run magi backend-spec first or pass --contract <file>`);
  }
  return { contractPath: `${sprint.dir}/${file}`, feature: sprint.slug };
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'api';
}

/** What a contract-test run prints on stdout: a JSON report, or a few lines. */
export function contractTestOutput(plan: ContractTestPlan, status: 'written' | 'unchanged' | 'dry-run', json: boolean): string {
  if (json) {
    const report = { ...envelope('contract-test'), path: plan.path, status, framework: plan.framework, contract: plan.contract, dependencies: plan.dependencies, installCommand: plan.installCommand, todos: plan.todos };
    return `${JSON.stringify(report, null, 2)}\n`;
  }
  const verb = status === 'dry-run' ? 'Would write' : status === 'written' ? 'Wrote' : 'Unchanged';
  const lines = [`${verb} ${plan.path} (${plan.framework}, checks responses against ${plan.contract})`];
  if (plan.dependencies.length) lines.push(`The test needs: ${plan.installCommand}`);
  for (const todo of plan.todos) lines.push(`TODO: ${todo}`);
  return `${lines.join('\n')}\n`;
}
