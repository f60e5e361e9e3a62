// Renders a contract test for one stack: a pure function from the contract,
// the detected stack and the feature slug to a file path, its content, the
// packages it needs and what the user must still fill in.
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { MagiError } from '../errors.js';
import { versionBefore } from '../knowledge/index.js';
import { templatesDir } from '../paths.js';
import { camelCase, pascalCase } from '../naming/index.js';
import {
  addDevCommand, runnerDependencies, STACKS, findStack,
  type ContractKindIn, type Language, type StackEntry,
} from './catalog.js';
import { planGraphql } from './graphql.js';
import { commentText, dqString, goString, pyDoc, pyLiteral, rbString, rubyLiteral, rustRawString, tsLiteral, tsString } from './literals.js';
import { isJsonMedia, planOpenApi, type EnvVariable, type HttpCase } from './openapi.js';
import { inService, fromService, parseAppEntry, relativeFrom, relativeToDir, slugOf, testPathFor, contractTestCommand, type AppEntry } from './paths.js';
import type { Operation, RepoLayout } from '../types.js';
import { planProto } from './proto.js';
import { planTrpcRouter } from './trpc-router.js';
import { usageOf, valueSyntax } from './runtime.js';

export interface ContractTestInput {
  /** `document`: the parsed contract, when the caller already has it (saves parsing the text again). */
  /** `trpc`: the plan document that states the procedures, with `document` holding its operations. */
  contract: { kind: 'openapi' | 'graphql' | 'proto' | 'trpc'; text: string; path: string; document?: unknown };
  framework: string;
  feature: string;
  testRunner?: string;
  testDir?: string;
  /** Which files the runner picks up, read from the repository (ServiceStack.layout.testPattern). */
  testPattern?: RepoLayout['testPattern'];
  appEntry?: string;
  packageManager?: string;
  servicePath?: string;
  out?: string;
  /** The framework version the repository declares (`0.6`): templates follow its API where versions differ. */
  frameworkVersion?: string;
  /** Rust crate name (integration tests import the crate by it); guessed from the service folder when absent. */
  packageName?: string;
  /** Packages the project already declares: left out of the install command. */
  installed?: readonly string[];
}

export interface ContractTestResult {
  path: string;
  content: string;
  dependencies: string[];
  installCommand: string;
  todos: string[];
}

/**
 * Where the contract test goes and the command that runs it, without rendering it:
 * the Test plan names exactly the file `magi contract-test` writes.
 */
export function contractTestPlace(input: Pick<ContractTestInput, 'framework' | 'feature' | 'testRunner' | 'testDir' | 'testPattern' | 'appEntry' | 'packageManager' | 'servicePath' | 'out'> & { kind: ContractKindIn | 'trpc' }): { path: string; command: string; runner: string } {
  const stack = input.kind === 'trpc' ? findStack('trpc')! : pickStack(input.framework, input.kind);
  const runner = pickRunner(stack, input.testRunner);
  const { slug, snake } = slugOf(input.feature);
  const servicePath = input.servicePath ?? '.';
  const appEntry = parseAppEntry(input.appEntry ?? stack.appEntry, servicePath);
  const path = testPathFor(stack, { slug, snake, servicePath, testDir: input.testDir, out: input.out, appEntry, runner, testPattern: input.testPattern });
  return { path, runner, command: contractTestCommand(runner, input.packageManager, fromService(servicePath, path), input.testPattern) };
}

export function listFrameworks(): string[] {
  return STACKS.map((stack) => stack.id);
}

function pickStack(framework: string, kind: ContractKindIn): StackEntry {
  const requested = findStack(framework);
  if (!requested) {
    throw new MagiError('contract-test.framework', `unknown framework "${framework}"; use one of: ${listFrameworks().join(', ')}`);
  }
  if (requested.contract === kind) return requested;
  const alternate = requested.alternates?.[kind] ? findStack(requested.alternates[kind]) : undefined;
  if (alternate) return alternate;
  const fitting = STACKS.filter((stack) => stack.contract === kind).map((stack) => stack.id);
  throw new MagiError('contract-test.contract-kind', `the ${framework} template reads an ${requested.contract} contract, not ${kind}; pass --framework ${fitting.join('|')} or an ${requested.contract} contract`);
}

function pickRunner(stack: StackEntry, requested?: string): string {
  return requested && stack.runners.includes(requested) ? requested : stack.runners[0];
}

function installCommandFor(language: Language, requested: string | undefined, dependencies: string[]): string {
  const manager = addDevCommand(language, requested);
  return [manager.addDev, ...dependencies, manager.suffix].filter(Boolean).join(' ');
}

const compiled = new Map<string, (data: Record<string, unknown>) => string>();

async function renderTemplate(stackId: string, data: Record<string, unknown>, template = 'test.ejs'): Promise<string> {
  const filename = join(templatesDir('contract-test'), stackId, template);
  let render = compiled.get(filename);
  if (!render) {
    const ejs = (await import('ejs')).default;
    render = ejs.compile(readFileSync(filename, 'utf8'), { filename, escape: (text: string) => text, async: false }) as (data: Record<string, unknown>) => string;
    compiled.set(filename, render);
  }
  return render(data);
}

/** Trims trailing spaces and collapses runs of blank lines (templates stay readable). */
function tidy(text: string, maxBlankLines: number): string {
  const lines = text.split('\n').map((line) => line.replace(/[ \t]+$/, ''));
  const out: string[] = [];
  let blanks = 0;
  for (const line of lines) {
    blanks = line === '' ? blanks + 1 : 0;
    if (blanks <= maxBlankLines) out.push(line);
  }
  return `${out.join('\n').replace(/^\n+/, '').replace(/\n+$/, '')}\n`;
}

const FACTORY = /^(build|create|make|get|new|setup|init)[A-Z_]/i;
const isYaml = (path: string): boolean => !/\.json$/i.test(path);

function dedupeIdentifiers<T extends { identifier: string }>(cases: T[]): T[] {
  const seen = new Map<string, number>();
  return cases.map((item) => {
    const count = seen.get(item.identifier) ?? 0;
    seen.set(item.identifier, count + 1);
    return count === 0 ? item : { ...item, identifier: `${item.identifier}_${count + 1}` };
  });
}

/** Module specifier from the test to a TS source file, in the runner's resolution style. */
function tsImportPath(testPath: string, target: string, runner: string): string {
  const withoutExt = relativeFrom(testPath, target).replace(/\.(ts|tsx|mts|js|mjs)$/, '');
  return runner === 'jest' ? withoutExt : `${withoutExt}.js`;
}

/** Test title: the operation, the status it expects, and the variables it waits for. */
function caseTitle(item: HttpCase, withNeeds = true): string {
  if (item.withoutCredentials) return `${item.name} without credentials → 401`;
  const title = `${item.name} → ${item.expectedStatus ?? 'documented status'}`;
  return withNeeds && item.requires.length > 0 ? `${title} (needs ${item.requires.join(', ')})` : title;
}

/** Header-comment lines naming each variable, aligned. */
function variableLines(variables: EnvVariable[]): string[] {
  const width = Math.max(0, ...variables.map((variable) => variable.name.length));
  return variables.map((variable) => commentText(`${variable.name.padEnd(width)}  ${variable.purpose}`));
}

function variableTodos(variables: EnvVariable[], cases: HttpCase[]): string[] {
  return variables.map((variable) => {
    const count = cases.filter((item) => !item.todo && item.requires.includes(variable.name)).length;
    return count > 0
      ? `Set ${variable.name} (${variable.purpose}): ${count === 1 ? '1 case skips' : `${count} cases skip`} until it is set`
      : `Set ${variable.name} (${variable.purpose}) when the default is not in your test data`;
  });
}

function nextRouteModules(cases: HttpCase[], appDir: string, basePath: string, testPath: string, runner: string) {
  const modules = new Map<string, { importName: string; importPath: string }>();
  const routeOf = new Map<string, string>();
  for (const item of cases) {
    const segments = `${basePath}${item.path}`.split('/').filter(Boolean).map((segment) => segment.replace(/\{([^}]+)\}/g, '[$1]'));
    const file = posix.join(appDir, ...segments, 'route.ts');
    if (!modules.has(file)) {
      const words = segments.map((segment) => segment.replace(/[^A-Za-z0-9]+/g, '_'));
      // An identifier even when the path starts with a digit, and one per module even when two paths sanitize alike.
      let importName = camelCase(`${words.join('_') || 'root'}_route`).replace(/[^A-Za-z0-9_$]/g, '_').replace(/^(?=[0-9])/, 'r');
      const taken = new Set([...modules.values()].map((module) => module.importName));
      for (let count = 2; taken.has(importName); count++) importName = `${importName.replace(/\d+$/, '')}${count}`;
      modules.set(file, { importName, importPath: tsImportPath(testPath, file, runner) });
    }
    routeOf.set(item.identifier, modules.get(file)!.importName);
  }
  return { modules: [...modules.values()], routeOf };
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PYTHON_MODULE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export async function renderContractTest(input: ContractTestInput): Promise<ContractTestResult> {
  if (input.contract.kind === 'trpc') return renderTrpcRouterTest(input, (input.contract.document ?? []) as Operation[]);
  const todosFirst: string[] = [];
  const stack = pickStack(input.framework, input.contract.kind);
  const runner = pickRunner(stack, input.testRunner);
  const { slug, snake } = slugOf(input.feature);
  const servicePath = input.servicePath ?? '.';
  const appEntry: AppEntry = parseAppEntry(input.appEntry ?? stack.appEntry, servicePath);
  const conventional = parseAppEntry(stack.appEntry, servicePath);
  if (appEntry.exportName !== undefined && !IDENTIFIER.test(appEntry.exportName)) {
    // A name from the repository that is not an identifier would be pasted into code: the convention instead, and a todo.
    todosFirst.push(`The app's export ${JSON.stringify(commentText(appEntry.exportName))} is not an identifier; the test imports ${conventional.exportName ?? 'the default export'} instead: fix the import`);
    appEntry.exportName = conventional.exportName;
  }
  const testPath = testPathFor(stack, { slug, snake, servicePath, testDir: input.testDir, out: input.out, appEntry, runner, testPattern: input.testPattern });
  const contractPath = input.contract.path.replace(/\\/g, '/').replace(/^\.\//, '');
  const yamlContract = isYaml(contractPath);
  const todos: string[] = [...todosFirst];
  if (!input.appEntry) todos.push(`Check the app entry the test imports: ${appEntry.file}${appEntry.exportName ? `#${appEntry.exportName}` : ''} is the ${stack.id} convention, not detected`);

  const common = {
    // Shown in comments, docstrings and test titles only (the test finds the file through contractFromTest).
    feature: slug, snake, pascal: pascalCase(slug), contractPath: commentText(contractPath), runner, yamlContract, testPath,
    tsString, tsLiteral, dqString, rbString, pyLiteral, rubyLiteral, goString, rustRawString, isJsonMedia, commentText, pyDoc,
    contractFromTest: relativeFrom(testPath, contractPath),
    variableLines: [] as string[],
  };
  let data: Record<string, unknown>;

  if (stack.contract === 'openapi') {
    const plan = await planOpenApi(input.contract.text, contractPath, input.contract.document);
    let cases = dedupeIdentifiers(plan.cases);
    const procedures = new Map<string, string>();
    if (stack.id === 'trpc') {
      // createCaller takes a context, not headers: credentials go in by hand.
      cases = cases.filter((item) => !item.withoutCredentials);
      for (const item of cases) {
        if (item.secured) item.todo ??= 'TODO: needs a createCaller context carrying credentials';
        if (!item.operationId) item.todo ??= 'TODO: needs an operationId naming the procedure (router.procedure)';
        else procedures.set(item.identifier, item.operationId.split('.').map((part) => (/^[A-Za-z_$][\w$]*$/.test(part) ? `.${part}` : `[${tsString(part)}]`)).join(''));
      }
    }
    for (const item of cases) if (item.todo) todos.push(`${item.name}: ${item.todo.replace(/^TODO: /, '')}`);
    const runnable = cases.filter((item) => !item.todo);
    const variables = plan.variables.filter((variable) => runnable.some((item) => item.pathParams.some((param) => param.value.some((piece) => 'env' in piece && piece.env === variable.name)) || item.requires.includes(variable.name)));
    todos.push(...variableTodos(variables, runnable));
    const GP = pascalCase(slug).replace(/[^A-Za-z0-9]/g, '');
    const gp = GP.charAt(0).toLowerCase() + GP.slice(1);
    const syntax = valueSyntax(stack.language, gp);
    data = {
      ...common, plan, cases, runnable, basePath: plan.basePath, version: plan.version,
      variableLines: variableLines(variables),
      value: syntax.value,
      caseTitle,
      GP,
      gp,
      gated: runnable.some((item) => item.requires.length > 0),
      usage: usageOf(runnable.flatMap((item) => [item.url, ...item.pathParams.map((param) => param.value), ...item.headers.map((header) => header.value)])),
    };
    if (stack.language === 'typescript') {
      data.usesUuid = (data.usage as { uuid: boolean }).uuid;
      data.tsIt = (item: HttpCase): string => {
        if (item.requires.length === 0) return 'it';
        const names = item.requires.map(tsString).join(', ');
        return runner === 'jest' ? `(unset(${names}) ? it.skip : it)` : `it.skipIf(unset(${names}))`;
      };
      /** An object literal from [key, code] pairs. */
      data.tsObject = (entries: Array<[string, string]>): string => (entries.length === 0 ? '{}' : `{ ${entries.map(([key, code]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : tsString(key)}: ${code}`).join(', ')} }`);
      data.helperPackages = [
        plan.version === '3.0' ? ['ajv', "import { Ajv } from 'ajv';"] : ['ajv/dist/2020.js', "import { Ajv2020 } from 'ajv/dist/2020.js';"],
        ['ajv-formats', "import ajvFormats from 'ajv-formats';"],
        ...(yamlContract ? [['yaml', "import { parse } from 'yaml';"]] : []),
      ];
      const exportName = appEntry.exportName ?? 'default';
      Object.assign(data, {
        app: {
          importPath: tsImportPath(testPath, appEntry.file, runner),
          exportName,
          isDefault: exportName === 'default',
          localName: exportName === 'default' ? (stack.id === 'nestjs' ? 'AppModule' : 'app') : exportName,
          isFactory: FACTORY.test(exportName),
        },
      });
      if (stack.id === 'nextjs') {
        // Detection may name a route file; the handlers hang off the app router folder.
        const appDir = /\.[cm]?[jt]sx?$/.test(appEntry.file) ? (/^(.*?(?:^|\/)app)\//.exec(appEntry.file)?.[1] ?? posix.dirname(appEntry.file)) : appEntry.file;
        Object.assign(data, nextRouteModules(cases, appDir, plan.basePath, testPath, runner));
      }
      if (stack.id === 'trpc') {
        data.procedures = procedures;
        todos.push('Pass a real context to createCaller (session, database) if procedures read it');
      }
    } else if (stack.language === 'python') {
      /** A dict literal from [key, code] pairs. */
      data.pyDict = (entries: Array<[string, string]>): string => `{${entries.map(([key, code]) => `${dqString(key)}: ${code}`).join(', ')}}`;
      const modulePath = posix.relative(inService(servicePath, '.') === '.' ? '' : inService(servicePath, '.'), appEntry.file)
        .replace(/\/__init__\.py$/, '').replace(/\.py$/, '').split('/').join('.');
      const exportName = appEntry.exportName ?? 'app';
      const module = PYTHON_MODULE.test(modulePath) ? modulePath : 'app';
      if (module !== modulePath) todos.push(`The app entry ${JSON.stringify(commentText(appEntry.file))} is not importable as a Python module; the test imports app.${exportName} instead: fix the import`);
      data.app = { module, exportName, isFactory: FACTORY.test(exportName) };
      data.contractFromTestDir = relativeToDir(posix.dirname(testPath), contractPath);
    } else if (stack.language === 'go') {
      const pkgDir = posix.dirname(testPath);
      const base = pkgDir === '.' || pkgDir === inService(servicePath, '.') ? 'main' : posix.basename(pkgDir);
      const exportName = appEntry.exportName ?? 'NewRouter';
      data.go = {
        packageName: base.toLowerCase().replace(/[^a-z0-9_]/g, ''),
        handlerExpr: FACTORY.test(exportName) ? `${exportName}()` : exportName,
        contractFromPkg: relativeToDir(pkgDir, contractPath),
        needsStrings: cases.some((item) => !item.todo && item.requestBody),
        methodConst: (method: string) => `http.Method${method.charAt(0)}${method.slice(1).toLowerCase()}`,
      };
    } else if (stack.language === 'ruby') {
      data.contractFromService = relativeToDir(inService(servicePath, '.'), contractPath);
    } else {
      const crate = (input.packageName ?? (servicePath === '.' ? 'app' : posix.basename(servicePath))).replace(/[^A-Za-z0-9_]/g, '_').replace(/^(?=[0-9_]|$)/, 'app_');
      if (!input.packageName) todos.push(`Check the crate name the test imports (${crate}): integration tests use the library crate's name`);
      data.rust = {
        crate,
        // axum before 0.7 answers with hyper's body: read it with hyper::body::to_bytes, not http-body-util.
        hyperBody: stack.id === 'axum' && versionBefore(input.frameworkVersion, [0, 7]),
        appFn: appEntry.exportName ?? 'app',
        contractFromTest: relativeFrom(testPath, contractPath),
        needsHeaderImport: false,
      };
    }
  } else if (stack.contract === 'graphql') {
    const plan = await planGraphql(input.contract.text, contractPath);
    const cases = dedupeIdentifiers(plan.cases);
    for (const item of cases) if (item.todo) todos.push(`${item.name}: ${item.todo.replace(/^TODO: /, '')}`);
    const exportName = appEntry.exportName ?? 'app';
    data = {
      ...common, cases, runnable: cases.filter((item) => !item.todo),
      app: { importPath: tsImportPath(testPath, appEntry.file, runner), exportName, isDefault: exportName === 'default', localName: exportName === 'default' ? 'app' : exportName, isFactory: FACTORY.test(exportName) },
    };
    todos.push('Set GRAPHQL_PATH in the test if the server is not mounted at /graphql');
  } else {
    const plan = await planProto(input.contract.text, contractPath);
    for (const item of plan.cases) if (item.todo) todos.push(`${item.name}: ${item.todo.replace(/^TODO: /, '')}`);
    if (!plan.goImportPath) todos.push(`Add option go_package to ${contractPath}, or fix the generated-code import path in the test`);
    const pkgDir = posix.dirname(testPath);
    const exportName = appEntry.exportName ?? 'NewServer';
    todos.push('Fill each RPC request with values that reach the happy path (seed data)');
    data = {
      ...common, plan, cases: plan.cases, runnable: plan.cases.filter((item) => !item.todo),
      go: {
        packageName: (pkgDir === '.' ? 'main' : posix.basename(pkgDir)).toLowerCase().replace(/[^a-z0-9_]/g, ''),
        pbImport: plan.goImportPath ?? `example.com/TODO/gen/${snake}pb`,
        pbAlias: plan.goPackage ?? `${snake.replace(/_/g, '')}pb`,
        serverExpr: FACTORY.test(exportName) ? `${exportName}()` : exportName,
      },
    };
  }

  const content = tidy(await renderTemplate(stack.id, data), stack.language === 'python' ? 2 : 1);
  const hyperBody = Boolean((data.rust as { hyperBody?: boolean } | undefined)?.hyperBody);
  const dependencies = [...new Set([
    ...(hyperBody ? stack.dependencies.map((name) => (name === 'http-body-util' ? 'hyper' : name)) : stack.dependencies),
    ...(yamlContract && stack.contract === 'openapi' ? stack.yamlDependencies ?? [] : []),
    ...runnerDependencies(runner),
  ])].filter((name) => !input.installed?.includes(name));
  return { path: testPath, content, dependencies, installCommand: dependencies.length ? installCommandFor(stack.language, input.packageManager, dependencies) : '', todos };
}

/** A tRPC sprint: the test comes from the procedures its document states, not from an OpenAPI file. */
async function renderTrpcRouterTest(input: ContractTestInput, operations: Operation[]): Promise<ContractTestResult> {
  const stack = findStack('trpc')!;
  const runner = pickRunner(stack, input.testRunner);
  const { slug, snake } = slugOf(input.feature);
  const servicePath = input.servicePath ?? '.';
  const appEntry = parseAppEntry(input.appEntry ?? stack.appEntry, servicePath);
  const todos: string[] = [];
  if (!input.appEntry) todos.push(`Check the router the test imports: ${appEntry.file}${appEntry.exportName ? `#${appEntry.exportName}` : ''} is the tRPC convention, not detected`);
  if (appEntry.exportName !== undefined && !IDENTIFIER.test(appEntry.exportName)) appEntry.exportName = 'appRouter';
  const testPath = testPathFor(stack, { slug, snake, servicePath, testDir: input.testDir, out: input.out, appEntry, runner, testPattern: input.testPattern });
  const contractPath = input.contract.path.replace(/\\/g, '/').replace(/^\.\//, '');
  const cases = planTrpcRouter(operations);
  for (const item of cases) if (item.gap) todos.push(`${item.procedure}: no valid input could be made (${item.gap})`);
  todos.push('Pass a real context to createCaller (session, database) if procedures read it');
  const exportName = appEntry.exportName ?? 'appRouter';
  const importPath = tsImportPath(testPath, appEntry.file, runner);
  const localName = exportName === 'default' ? 'appRouter' : exportName;
  const data = {
    feature: slug, runner, contractPath: commentText(contractPath), cases, tsString, tsLiteral,
    app: { localName },
    appImport: exportName === 'default' ? `import ${localName} from ${tsString(importPath)};` : `import { ${localName} } from ${tsString(importPath)};`,
  };
  const content = tidy(await renderTemplate(stack.id, data, 'router.ejs'), 1);
  const dependencies = [...new Set(['@trpc/server', ...runnerDependencies(runner)])].filter((name) => !input.installed?.includes(name));
  return { path: testPath, content, dependencies, installCommand: dependencies.length ? installCommandFor(stack.language, input.packageManager, dependencies) : '', todos };
}

export { versionBefore } from '../knowledge/index.js';
