// Test plan: unit, integration and contract layers with this repo's runner,
// package manager and test folder; how integration tests get a database.

import type { Scope, ServiceStack } from '../types.js';
import { FRAMEWORKS, PACKAGE_MANAGERS, RUNNERS, TEST_CONTAINERS } from './conventions.js';
import { primaryDatabase } from './data-model.js';
import type { Findings } from './findings.js';
import { kebabCase, pascalCase, snakeCase } from '../naming/index.js';
import { fill, isMutating, underService } from './names.js';
import { olderFrameworkOf, type LanguageId } from '../knowledge/index.js';
import { WEIGHTS } from './rules.js';
import { languageOf } from './safety.js';
import type { IdempotencyRow, ProtocolPlan, TestCommand, TestPlan } from './spec-types.js';

const COMPOSE = /(^|\/)(docker-)?compose(\.[\w-]+)?\.ya?ml$/;

function integrationDatabase(service: ServiceStack | undefined): TestPlan['database'] {
  const db = primaryDatabase(service);
  if (!db || !service) return undefined;
  const compose = service.databases.flatMap((d) => d.evidence).find((e) => COMPOSE.test(e.file));
  if (compose) return { kind: 'compose', file: compose.file };
  if (service.framework?.value === 'rails') return { kind: 'rails-test-db' };
  if (db === 'sqlite') return { kind: 'in-memory' };
  const language = languageOf(service);
  const module = language ? TEST_CONTAINERS[language]?.[db] : undefined;
  return module ? { kind: 'testcontainers', module } : undefined;
}

/**
 * A JVM runner's tests live in a package: without a detected test folder, the app entry's package mirrored
 * under the test root (`src/main/java/com/acme/App.java` → `src/test/java/com/acme`), else `<pkg>` left for
 * the reader to fill, never the default package.
 */
function packagedTestDir(defaultDir: string | undefined, service: ServiceStack | undefined): string | undefined {
  const root = /^src\/test\/(java|kotlin|scala|groovy)$/.exec(defaultDir ?? '');
  if (!root) return undefined;
  const entry = service?.appEntry?.value.split('#')[0] ?? '';
  const base = service?.path && service.path !== '.' ? `${service.path.replace(/\/$/, '')}/` : '';
  const rel = entry.startsWith(base) ? entry.slice(base.length) : entry;
  const pkg = new RegExp(`^src/main/${root[1]}/(.+)/[^/]+$`).exec(rel)?.[1];
  return `${defaultDir}/${pkg ?? '<pkg>'}`;
}

export function buildTestPlan(
  scope: Scope,
  service: ServiceStack | undefined,
  slug: string,
  idempotency: IdempotencyRow[],
  contractTest: { path: string; command: string } | undefined,
  findings: Findings,
  plannedContractTest: { path: string; command: string } | undefined,
  protocol: ProtocolPlan,
): TestPlan {
  const runnerId = service?.testRunner?.value;
  const root = service?.path ?? '.';
  const runner = runnerId ? RUNNERS[runnerId] : undefined;
  const pm = service?.packageManager?.value;
  const missing: TestPlan['missing'] = [];
  if (!runner) {
    missing.push('runner');
    findings.ask('test-runner', 'Which test runner does this service use? None was detected, so the commands are left out.', WEIGHTS.testRunner, {});
  }
  if (!pm) missing.push('package-manager');

  const framework = service?.framework ? FRAMEWORKS[service.framework.value] : undefined;
  const dir = service?.testDir?.value ?? packagedTestDir(runner?.defaultDir, service) ?? runner?.defaultDir ?? 'test';
  const pkg = service?.testDir?.value ?? framework?.layers?.services ?? runner?.defaultDir ?? '.';
  const values = { dir, pkg, slug: kebabCase(slug), snake: snakeCase(slug), Pascal: pascalCase(slug) };
  const extension = runner?.extensionByLanguage?.[service?.language?.value as LanguageId];
  const inLanguage = (file: string): string => (extension ? file.replace(/\.\w+$/, extension) : file);
  const jsRunner = runnerId === 'vitest' || runnerId === 'jest' || runnerId === 'mocha';
  const exec = pm ? PACKAGE_MANAGERS[pm]?.exec ?? '' : jsRunner ? 'npx ' : '';
  const commandFor = (file: string, layer: TestCommand['layer']): string => {
    if (!runner) return '';
    const className = file.split('/').pop()?.replace(/\.\w+$/, '') ?? '';
    const specific = layer === 'integration' ? runner.integrationCommand : layer === 'contract' ? runner.contractCommand : undefined;
    const frameworkId = service?.framework?.value;
    const pattern = olderFrameworkOf(runner.olderFramework, service?.framework)?.command ?? (frameworkId && runner.byFramework?.[frameworkId]) ?? (pm && runner.byPackageManager?.[pm]) ?? specific ?? runner.command;
    // `./{pkg}/...` with the service root as the package is `./...`, never `././...`.
    return fill(pattern, { ...values, exec, path: file, class: className }).replace(/\.\/\.\//g, './').replace(/\.\/\.(?=\s|$)/g, '.');
  };

  const mutating = scope.operations.some(isMutating);
  const businessRules = scope.operations.some((op) => op.requestFields.some((f) => f.description));
  const commands: TestCommand[] = [];
  if (runner) {
    const unitFile = inLanguage(fill(runner.unitFile, values));
    commands.push({
      layer: 'unit',
      // Paths are repo-relative; commands run from the service folder.
      file: underService(root, unitFile),
      command: commandFor(unitFile, 'unit'),
      covers: ['field-rules', ...(businessRules ? ['business-rules'] : []), ...(scope.authz.length ? ['authz-policy'] : [])],
    });
    const integrationFile = inLanguage(fill(runner.integrationFile, values));
    commands.push({
      layer: 'integration',
      file: underService(root, integrationFile),
      command: commandFor(integrationFile, 'integration'),
      covers: [
        ...(scope.entities.length ? ['db-roundtrip'] : []),
        ...(mutating && scope.entities.length ? ['transaction'] : []),
        ...(idempotency.some((r) => r.mechanism === 'idempotency-key' || r.mechanism === 'request-id') ? ['idempotency-replay'] : []),
        ...(idempotency.some((r) => r.mechanism === 'event-id') ? ['webhook-replay'] : []),
        ...(idempotency.some((r) => r.mechanism === 'unique-key') ? ['duplicate-create'] : []),
        ...(scope.jobs.length ? ['job'] : []),
        ...(scope.authz.length ? ['authz-denials'] : []),
      ],
    });
  }
  if (contractTest) commands.push({ layer: 'contract', file: contractTest.path, command: contractTest.command, covers: ['contract-conformance'] });
  else if (plannedContractTest) commands.push({ layer: 'contract', file: plannedContractTest.path, command: plannedContractTest.command, covers: ['contract-conformance'] });
  else if (runner) {
    // No template for this framework: the runner's pattern, without a folder the repo's test dir already has (tests/api/routes + api/).
    const pattern = runner.contractFile.replace(/^\{dir\}\/([^/{}]+)\//, (whole, folder: string) => (dir.split('/').includes(folder) ? '{dir}/' : whole));
    const file = inLanguage(fill(pattern, values));
    commands.push({ layer: 'contract', file: underService(root, file), command: commandFor(file, 'contract'), covers: ['contract-conformance'] });
  }
  return {
    runner: runnerId,
    runnerLabel: runner?.label,
    packageManager: pm,
    commands,
    database: scope.entities.length ? integrationDatabase(service) : undefined,
    // The runner's contract tool checks HTTP responses against OpenAPI: not a proto or an SDL.
    contractTool: protocol.family === 'http' && scope.operations.some((o) => o.kind === 'rest') ? runner?.contractTool : undefined,
    contractFromGenerator: Boolean(contractTest),
    // GraphQL and tRPC contracts have templates of their own, whatever framework serves them.
    contractTemplate: Boolean(contractTest || plannedContractTest || framework?.contractTest || protocol.family === 'graphql' || scope.operations.some((op) => op.kind.startsWith('trpc'))),
    missing,
  };
}
