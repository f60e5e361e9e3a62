// One entry per contract-test stack: which contract it reads, where its test
// goes by convention, what it imports and which packages it needs. Templates
// live in templates/contract-test/<id>/test.ejs.

export type Language = 'typescript' | 'python' | 'go' | 'ruby' | 'rust';
export type ContractKindIn = 'openapi' | 'graphql' | 'proto';

export interface StackEntry {
  id: string;
  language: Language;
  /** The contract kind this template reads. */
  contract: ContractKindIn;
  /** Templates to use instead when the contract is of another kind. */
  alternates?: Partial<Record<ContractKindIn, string>>;
  /** Runners it can render for; the first is the default. */
  runners: string[];
  /** Default test folder (service-relative). `<pkg>` means the app entry's folder. */
  testDir: string;
  /** File name; `{slug}` is kebab-case, `{snake}` snake_case. */
  fileName: string;
  /** Folder and file name for a runner whose convention differs (Rails: Minitest's test/ beside RSpec's spec/). */
  byRunner?: Record<string, { testDir: string; fileName: string }>;
  /** Default `file#export` of the app when detection found none. */
  appEntry: string;
  /** Packages the test needs, besides the runner's own. */
  dependencies: string[];
  /** Extra packages when the contract is YAML. */
  yamlDependencies?: string[];
}

const TS_YAML = ['yaml'];

export const STACKS: readonly StackEntry[] = [
  {
    id: 'express', language: 'typescript', contract: 'openapi', alternates: { graphql: 'graphql' },
    runners: ['vitest', 'jest'], testDir: 'tests/api', fileName: '{slug}.contract.test.ts', appEntry: 'src/app.ts#app',
    dependencies: ['supertest', '@types/supertest', 'ajv', 'ajv-formats'], yamlDependencies: TS_YAML,
  },
  {
    id: 'koa', language: 'typescript', contract: 'openapi', alternates: { graphql: 'graphql' },
    runners: ['vitest', 'jest'], testDir: 'tests/api', fileName: '{slug}.contract.test.ts', appEntry: 'src/app.ts#app',
    dependencies: ['supertest', '@types/supertest', 'ajv', 'ajv-formats'], yamlDependencies: TS_YAML,
  },
  {
    id: 'fastify', language: 'typescript', contract: 'openapi', alternates: { graphql: 'graphql' },
    runners: ['vitest', 'jest'], testDir: 'tests/api', fileName: '{slug}.contract.test.ts', appEntry: 'src/app.ts#buildApp',
    dependencies: ['ajv', 'ajv-formats'], yamlDependencies: TS_YAML,
  },
  {
    id: 'nestjs', language: 'typescript', contract: 'openapi', alternates: { graphql: 'graphql' },
    runners: ['jest', 'vitest'], testDir: 'test', fileName: '{slug}.e2e-spec.ts', appEntry: 'src/app.module.ts#AppModule',
    dependencies: ['@nestjs/testing', 'supertest', '@types/supertest', 'ajv', 'ajv-formats'], yamlDependencies: TS_YAML,
  },
  {
    id: 'nextjs', language: 'typescript', contract: 'openapi',
    runners: ['vitest', 'jest'], testDir: 'tests/api', fileName: '{slug}.contract.test.ts', appEntry: 'app',
    dependencies: ['ajv', 'ajv-formats'], yamlDependencies: TS_YAML,
  },
  {
    id: 'hono', language: 'typescript', contract: 'openapi', alternates: { graphql: 'graphql' },
    runners: ['vitest', 'jest'], testDir: 'tests/api', fileName: '{slug}.contract.test.ts', appEntry: 'src/app.ts#app',
    dependencies: ['ajv', 'ajv-formats'], yamlDependencies: TS_YAML,
  },
  {
    id: 'trpc', language: 'typescript', contract: 'openapi',
    runners: ['vitest', 'jest'], testDir: 'tests/api', fileName: '{slug}.contract.test.ts', appEntry: 'src/server/router.ts#appRouter',
    dependencies: ['ajv', 'ajv-formats'], yamlDependencies: TS_YAML,
  },
  {
    id: 'graphql', language: 'typescript', contract: 'graphql',
    runners: ['vitest', 'jest'], testDir: 'tests/api', fileName: '{slug}.contract.test.ts', appEntry: 'src/app.ts#app',
    dependencies: ['graphql', 'supertest', '@types/supertest'],
  },
  {
    id: 'fastapi', language: 'python', contract: 'openapi',
    runners: ['pytest'], testDir: 'tests/api', fileName: 'test_{snake}_contract.py', appEntry: 'app/main.py#app',
    dependencies: ['pytest', 'httpx', 'openapi-core'], yamlDependencies: ['pyyaml'],
  },
  {
    id: 'django', language: 'python', contract: 'openapi',
    runners: ['pytest'], testDir: 'tests/api', fileName: 'test_{snake}_contract.py', appEntry: 'config/urls.py#urlpatterns',
    dependencies: ['pytest', 'pytest-django', 'openapi-core'], yamlDependencies: ['pyyaml'],
  },
  {
    id: 'flask', language: 'python', contract: 'openapi',
    runners: ['pytest'], testDir: 'tests/api', fileName: 'test_{snake}_contract.py', appEntry: 'app/__init__.py#create_app',
    dependencies: ['pytest', 'openapi-core'], yamlDependencies: ['pyyaml'],
  },
  {
    id: 'go-net-http', language: 'go', contract: 'openapi', alternates: { proto: 'grpc-go' },
    runners: ['go-test'], testDir: '<pkg>', fileName: '{snake}_contract_test.go', appEntry: 'internal/server/server.go#NewRouter',
    dependencies: ['github.com/getkin/kin-openapi'],
  },
  {
    id: 'gin', language: 'go', contract: 'openapi', alternates: { proto: 'grpc-go' },
    runners: ['go-test'], testDir: '<pkg>', fileName: '{snake}_contract_test.go', appEntry: 'internal/server/router.go#NewRouter',
    dependencies: ['github.com/getkin/kin-openapi', 'github.com/gin-gonic/gin'],
  },
  {
    id: 'echo', language: 'go', contract: 'openapi', alternates: { proto: 'grpc-go' },
    runners: ['go-test'], testDir: '<pkg>', fileName: '{snake}_contract_test.go', appEntry: 'internal/server/server.go#NewServer',
    dependencies: ['github.com/getkin/kin-openapi'],
  },
  {
    id: 'grpc-go', language: 'go', contract: 'proto',
    runners: ['go-test'], testDir: '<pkg>', fileName: '{snake}_contract_test.go', appEntry: 'internal/server/server.go#NewServer',
    dependencies: ['google.golang.org/grpc'],
  },
  {
    id: 'rails', language: 'ruby', contract: 'openapi',
    runners: ['rspec', 'minitest'], testDir: 'spec/requests', fileName: '{snake}_contract_spec.rb', appEntry: 'config/application.rb',
    byRunner: { minitest: { testDir: 'test/integration', fileName: '{snake}_contract_test.rb' } },
    dependencies: ['rspec-rails', 'skooma'],
  },
  {
    id: 'axum', language: 'rust', contract: 'openapi',
    runners: ['cargo-test'], testDir: 'tests', fileName: '{snake}_contract.rs', appEntry: 'src/lib.rs#app',
    dependencies: ['tokio', 'tower', 'http-body-util', 'serde_json', 'jsonschema'], yamlDependencies: ['serde_yaml'],
  },
];

/** Runner packages, added to a stack's own dependencies. */
export const RUNNER_DEPENDENCIES: Readonly<Record<string, string[]>> = {
  vitest: ['vitest'],
  jest: ['jest', '@jest/globals'],
  pytest: [],
  'go-test': [],
  rspec: [],
  minitest: [],
  'cargo-test': [],
};

export interface PackageManagerEntry {
  language: Language;
  /** Command that adds development dependencies; packages follow. */
  addDev: string;
  /** Appended after the packages (e.g. bundler's group). */
  suffix?: string;
}

export const PACKAGE_MANAGERS: Readonly<Record<string, PackageManagerEntry>> = {
  npm: { language: 'typescript', addDev: 'npm i -D' },
  pnpm: { language: 'typescript', addDev: 'pnpm add -D' },
  yarn: { language: 'typescript', addDev: 'yarn add -D' },
  bun: { language: 'typescript', addDev: 'bun add -d' },
  pip: { language: 'python', addDev: 'pip install' },
  poetry: { language: 'python', addDev: 'poetry add --group dev' },
  uv: { language: 'python', addDev: 'uv add --dev' },
  go: { language: 'go', addDev: 'go get' },
  bundler: { language: 'ruby', addDev: 'bundle add', suffix: '--group test' },
  cargo: { language: 'rust', addDev: 'cargo add --dev', suffix: '--features tokio/macros,tokio/rt,tower/util' },
};

export const DEFAULT_PACKAGE_MANAGER: Readonly<Record<Language, string>> = {
  typescript: 'npm',
  python: 'pip',
  go: 'go',
  ruby: 'bundler',
  rust: 'cargo',
};

export function findStack(id: string): StackEntry | undefined {
  return STACKS.find((stack) => stack.id === id);
}
