// The shape of technology knowledge: one entry per technology, one id per
// technology. An entry holds how detection finds it (signals) and the facts
// every later stage needs (label, conventions, commands), side by side.
import type { ApiStyle } from '../types.js';

export type Ecosystem = 'node' | 'python' | 'go' | 'ruby' | 'rust' | 'jvm' | 'php';
export const ECOSYSTEMS: readonly Ecosystem[] = ['node', 'python', 'go', 'ruby', 'rust', 'jvm', 'php'];

export type Kind =
  | 'language'
  | 'framework'
  | 'orm'
  | 'database'
  | 'auth'
  | 'apiStyle'
  | 'job'
  | 'testRunner'
  | 'packageManager'
  | 'validation'
  | 'logger'
  | 'migrations';

export type LanguageId = 'typescript' | 'javascript' | 'python' | 'go' | 'ruby' | 'rust' | 'java' | 'kotlin' | 'php';

export type LayerKind = 'routes' | 'services' | 'data' | 'jobs' | 'integrations';

/** A file whose presence (or content, with `contains`) is evidence. `glob` is relative to the service folder. */
export interface FileSignal {
  glob: string;
  contains?: RegExp;
  weight?: number;
  /** Also matched against repository-level files outside any service (Kubernetes manifests); the file must name the service when there are several. */
  shared?: boolean;
}

export interface Signals {
  /** Package names in the ecosystem's manifests. Go modules match by path prefix; a trailing `*` is a prefix. */
  deps?: Partial<Record<Ecosystem, string[]>>;
  /** Module specifiers that source files import (`express`, `rest_framework`, `github.com/gin-gonic/gin`). */
  imports?: Partial<Record<Ecosystem, string[]>>;
  /** Code that shows the technology is really used, matched in the service's non-test sources. */
  usage?: RegExp[];
  /** Code in test files (test runners). */
  testUsage?: RegExp[];
  files?: FileSignal[];
  /** docker-compose image names (last path segment, no tag). */
  images?: string[];
  /** URL schemes in `.env.example` values. */
  schemes?: string[];
  /** Source file extensions (languages). */
  extensions?: string[];
}

/** What every entry has: its id, kind, display name and how detection finds it. */
export interface Technology<K extends Kind = Kind> {
  id: string;
  kind: K;
  /** Display name: what the Backend section and the reports print, never the id. */
  label: string;
  /** Other names a user may give it (answers file `stack.auth: oidc`): resolved to this entry, never emitted by detection. */
  aliases?: string[];
  ecosystems: Ecosystem[];
  /** Empty for technologies that are only suggested, never detected. */
  signals: Signals;
  /** Declared and imported is not enough: a usage pattern (or a file signal) must be found. */
  requires?: 'usage' | 'file';
  /** Only considered when one of these frameworks is detected (Django auth outside Django is Flask-Login's decorator). */
  within?: string[];
  /** Dropped as a candidate when one of these is detected (it is a layer under them). */
  yieldsTo?: string[];
  /** Detecting this brings evidence for others (BullMQ → Redis). */
  implies?: { id: string; weight: number }[];
  /** Code that creates the app object, for the app entry. Named groups: `var` (assigned variable), `name` (exported symbol here), `symbol` (defined elsewhere). */
  construct?: RegExp[];
}

// ──────────────────────────────────────────────────────────────── tooling

export type ContractTestLanguage = 'typescript' | 'python' | 'go' | 'ruby' | 'rust';

export interface LanguageEntry extends Technology<'language'> {
  /** What a service in this language gets when neither the repository nor its framework names one. */
  defaults: { validation: string; logger: string; jobs?: string; packageManager?: string };
  /** The language the contract-test templates are written in for this one (JavaScript gets TypeScript). */
  contractTestLanguage?: ContractTestLanguage;
  /** Testcontainers package per database id (used when compose has no database). */
  testContainers?: Partial<Record<string, string>>;
  /** Database driver spans per database id, for ORMs without their own instrumentation. */
  driverOtel?: Partial<Record<string, string>>;
  /** Outbound HTTP client spans. */
  outboundOtel?: string;
}

export interface TestRunnerEntry extends Technology<'testRunner'> {
  /** Command with {path}; {exec} is the package manager's way to run a local binary. */
  command: string;
  /** Test file patterns: {dir} test folder, {slug} kebab, {snake}, {Pascal}. */
  unitFile: string;
  integrationFile: string;
  /** Folder when the repo's convention is unknown. */
  defaultDir: string;
  /** Test files in another language of the ecosystem take its extension (JUnit tests of a Kotlin service are `.kt`). */
  extensionByLanguage?: Partial<Record<LanguageId, string>>;
  /** Integration command when it differs (build tags, integration test targets). */
  integrationCommand?: string;
  /** Contract command when it differs from the unit one. */
  contractCommand?: string;
  /** Command per package manager when the build tool runs the tests (Maven/Gradle). */
  byPackageManager?: Record<string, string>;
  /** Command per framework when the framework runs the tests (Django's manage.py test). */
  byFramework?: Record<string, string>;
  /** The command under older versions of that framework (Rails before 5.0 ran its tests with rake). */
  olderFramework?: { framework: string; before: [number, number]; command: string };
  /** Contract check library for this ecosystem. */
  contractTool: string;
  contractFile: string;
  /** Packages a generated contract test needs for this runner, besides the stack's own. */
  contractTestDependencies?: string[];
}

export interface PackageManagerEntry extends Technology<'packageManager'> {
  /** Prefix that runs a locally installed binary ({exec} in runner commands), with its trailing space. */
  exec: string;
  /** Command that adds development dependencies; packages follow. */
  addDev?: string;
  /** Appended after the packages (bundler's group, cargo's features). */
  addDevSuffix?: string;
}

// ──────────────────────────────────────────────────────────────── frameworks

export type ContractKind = 'openapi' | 'graphql' | 'proto';

/** A contract-test template: templates/contract-test/<entry id>/test.ejs. */
export interface ContractTestStack {
  language: ContractTestLanguage;
  /** The contract kind this template reads. */
  contract: ContractKind;
  /** Templates (entry ids) to use instead when the contract is of another kind. */
  alternates?: Partial<Record<ContractKind, string>>;
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

export interface FrameworkEntry extends Technology<'framework'> {
  language: LanguageId;
  /** Conventional folders per layer, relative to the service root. */
  layers?: Record<LayerKind, string>;
  /**
   * How the framework's apps mark the files of each layer (Spring's `@Service`): among the source files
   * `files` matches, the folder holding most files with a layer's marker is that layer's folder in this
   * repository, whatever the convention above says.
   */
  layerFiles?: { files: RegExp; markers: Partial<Record<LayerKind, RegExp>> };
  /** The validation library its apps use (a validation entry's id). */
  validation?: string;
  /** The framework's standard setup brings that library: detection reports it, with the framework's evidence, when the repository shows no other. */
  validationBundled?: boolean;
  /** The logger its standard setup brings (reported like a bundled validation library). */
  logger?: string;
  /** How a handler reads the raw request body (webhook signatures are computed over raw bytes). */
  rawBody?: string;
  /** OpenTelemetry instrumentation for the server spans. */
  otel?: string;
  /** Where an app sets one path prefix for every route (Nest `setGlobalPrefix('api')`): the files and the setting, its first group the prefix. */
  globalPrefix?: { files: RegExp; setting: RegExp };
  /**
   * The body the framework writes when a handler throws its HTTP exception (Nest `throw new NotFoundException()` gives
   * `{statusCode, message, error}`): the throw that shows handlers rely on it, and the body's top-level fields.
   */
  errorBody?: { throws: RegExp; fields: Array<{ name: string; type: 'string' | 'integer' }>; mediaType?: string };
  /** API style it serves when nothing more specific is found. */
  defaultApiStyle: ApiStyle;
  /** Test folder used when the repository has none yet. */
  defaultTestDir: string;
  /** Its own contract-test template, or the id of the entry whose template it uses. */
  contractTest?: ContractTestStack | string;
}

export interface ApiStyleEntry extends Technology<'apiStyle'> {
  id: ApiStyle;
  /** A contract-test template for the style itself (tRPC, GraphQL servers of any framework). */
  contractTest?: ContractTestStack;
  /** How calls in this style report outcomes, carry credentials and are measured. */
  protocol: ProtocolVocabulary;
}

/**
 * The words a Backend section uses for one API style: the status that answers
 * each outcome, where credentials travel, the server metric. Templates phrase
 * sentences around these; they never spell a status code themselves.
 */
export interface ProtocolVocabulary {
  /** `http`: numeric HTTP statuses (tRPC's codes map onto them); `grpc`: gRPC status names; `graphql`: `extensions.code` of an entry in `errors`. */
  family: 'http' | 'grpc' | 'graphql';
  /** What answers each outcome: `401`, `UNAUTHENTICATED`, `extensions.code UNAUTHENTICATED`. */
  status: {
    unauthenticated: string;
    denied: string;
    invalid: string;
    notFound: string;
    /** The resource (or a duplicate of it) already exists. */
    conflict: string;
    /** A retry key is still being processed. */
    inFlight: string;
    /** The same retry key came back with a different request. */
    keyMismatch: string;
    rateLimited: string;
    unavailable: string;
    /** The caller's deadline passed (gRPC only). */
    deadline?: string;
  };
  /** Where a caller's credential travels, and the log path that must be masked. */
  credential: { carrier: string; maskPath: string; /** Service-to-service identity when there is no user (mTLS peer certificate). */ peer?: string };
  /** The OpenTelemetry server duration histogram and its attributes. */
  serverMetric: { name: string; unit: string; attributes: string[]; /** What one series is: `route`, `method`, `operation`. */ per: string };
  /** The error-rate alert condition on that metric. */
  errorRate: string;
  /** The statuses `errorRate` counts, by name, when the condition spells them as numbers. */
  serverFaults?: string[];
  /** Log field that holds the outcome. */
  statusLogField: string;
  /** Statuses a client retries with backoff (only when the protocol defines them). */
  retryable?: string[];
  /** Where the fields of a request are read from: `body`/`query` for HTTP, `input` for RPC styles. */
  fieldLocation: { body: 'body' | 'input'; query: 'query' | 'input' };
  /** How a retry-safe mutation carries its key: `Idempotency-Key` header, a request field. */
  idempotencyKey: {
    name: string;
    carrier: 'header' | 'field';
    rule: string;
    /** A request field the spec's own message declares that already is the key (`string request_id = 3;`): the operation is keyed by it. */
    stated?: RegExp;
  };
}

// ──────────────────────────────────────────────────────────────── data

export type KeyType = 'uuid' | 'bigint' | 'integer' | 'string';

export interface OrmEntry extends Technology<'orm'> {
  /** The migration tool (a migrations entry's id) used when the repository shows none. */
  migrationTool?: string;
  /** Raw-query APIs: the safe (parameterised) form and the one to forbid. */
  rawQuery?: { safe: string; unsafe: string };
  /** Database client spans. */
  otel?: string;
  /** How it declares a table's primary key, per key type (read from the repository's models). */
  primaryKey?: Partial<Record<KeyType, RegExp[]>>;
  /**
   * Its mode that alters the schema from the models at startup, with no migration file
   * (TypeORM `synchronize: true`): the configuration files to read and the setting turned on.
   */
  schemaSync?: { files: RegExp; setting: RegExp; label: string };
  /**
   * The table a model class gets when it names none, by the ORM's own default: `lower` (SQLModel:
   * `Tag` → `tag`), `snake-plural` (GORM, Active Record: `GiftCard` → `gift_cards`).
   */
  tableFromClass?: 'lower' | 'snake-plural';
  /**
   * Where its model classes live and what marks one (TypeORM `*.entity.ts` with `@Entity(`): the
   * repository's existing tables, read with the document grammar of that language.
   */
  modelFiles?: { files: RegExp; marker: RegExp; language: string };
}

/**
 * How a migration plan writes the schema change for a tool: its own form.
 * `sql` is DDL (with the tool's up/down markers when it has them); the others are
 * the ORM's schema or migration code; `none` has no schema to change (documents).
 */
export type ChangeForm = 'sql' | 'prisma-schema' | 'alembic-op' | 'rails-dsl' | 'django-models' | 'drizzle-table' | 'laravel-schema' | 'none';

/** How a migration tool names, creates, orders and rolls back migrations. */
export interface MigrationToolEntry extends Technology<'migrations'> {
  /** Folder the tool keeps migrations in by default (service-relative); `{dir}` in the strings below. */
  dir: string;
  /** Path pattern; {dir} the migrations folder, {name} the migration name in `nameCase`, {Name} PascalCase. */
  file: string;
  /** Extra files the tool writes per migration (down scripts). */
  extraFiles?: string[];
  nameCase: 'snake' | 'kebab' | 'pascal';
  /**
   * The names the tool's own generator expects, where they are a convention (Laravel's make:migration reads
   * `create_{table}_table` as a new table): {table}, {column}. Default: `create_{table}`, `add_{column}_to_{table}`, `alter_{table}`.
   */
  names?: { create: string; addColumn: string; alter: string };
  /** Command that creates one migration. */
  create: string;
  /**
   * The tool writes the migration from the models when the repository's own configuration points it at them
   * (Alembic's `target_metadata = SQLModel.metadata` in env.py): `create` is then this command instead.
   */
  autogenerate?: { files: RegExp; setting: RegExp; create: string; label: string };
  apply: string;
  /** Undo the last applied migration (or the tool's equivalent); {name} is the last migration of the plan. */
  rollback: string;
  /** How a migration states what it runs after. */
  dependencyStyle: 'file-order' | 'down-revision' | 'dependencies-list' | 'version-order' | 'migration-directory';
  /** Code that runs a migration outside a transaction (needed for CREATE INDEX CONCURRENTLY). */
  nonTransactional?: string;
  /** 'sql' when the migration body is SQL (the tool generates or hosts raw SQL). */
  body: 'sql' | 'code';
  /** The form the plan shows the change in (lib/model/migration-forms has one renderer per form). */
  changeForm: ChangeForm;
  /**
   * 'author' when the create command does not number the file (`touch V<n>__x.sql`): the plan then names the
   * next versions after the repository's last one. Default: the tool numbers it.
   */
  numberedBy?: 'tool' | 'author';
  /**
   * Where a framework runs the tool itself (Spring Boot runs Flyway and Liquibase at startup): the apply
   * command under that framework, per package manager (`default` otherwise).
   */
  runByFramework?: { framework: string; apply: Record<string, string> & { default: string } };
  /** Lines that open the up and the down part of one SQL migration file (goose's annotations). */
  sqlMarkers?: { up: string; down: string };
  /** The commands under older versions of the framework the tool comes with (Rails before 5.0 ran its tasks with rake). */
  olderFramework?: { framework: string; before: [number, number]; apply: string; rollback: string };
}

export interface DatabaseEntry extends Technology<'database'> {
  store: 'sql' | 'document' | 'kv';
  /** Backup command for one table before an irreversible step. {table} {name} placeholders. */
  backup: string;
  /** Online DDL family used by the data-model builder. */
  online: 'postgres' | 'mysql' | 'sqlite' | 'mongodb' | 'none';
  /** Where idempotency keys live on this store. */
  idempotencyStore: 'table' | 'collection-ttl' | 'redis';
  /** Container image for integration tests. */
  container?: string;
}

// ──────────────────────────────────────────────────────────────── services

export interface AuthEntry extends Technology<'auth'> {
  /** Where the credential travels: decides 401 headers and CSRF exposure. Absent when the library serves both. */
  transport?: 'bearer' | 'cookie';
  /** The session cookie's name: the library's default, and the setting (in `files`) that renames it, its first group the name. */
  sessionCookie?: { defaultName?: string; files: RegExp; setting: RegExp };
}

export interface JobEntry extends Technology<'job'> {
  /** Retry with backoff, in the job system's own configuration. */
  retry?: string;
  /** Where exhausted jobs end up; absent when the system has none (then: alert on the last failure). */
  deadLetter?: string;
  /** How a scheduled job is declared ({cron}, {minute}, {hour}, {dom}, {dow}). */
  schedule?: string;
}

export interface ValidationEntry extends Technology<'validation'> {
  /** How the schema refuses unknown fields. */
  strict: string;
}

export interface LoggerEntry extends Technology<'logger'> {
  /** How request-scoped fields are attached. */
  bind: string;
  /** How secret/PII fields are masked. {fields} placeholder. */
  redact: string;
}

export type KnowledgeEntry =
  | LanguageEntry
  | FrameworkEntry
  | OrmEntry
  | DatabaseEntry
  | AuthEntry
  | ApiStyleEntry
  | JobEntry
  | TestRunnerEntry
  | PackageManagerEntry
  | ValidationEntry
  | LoggerEntry
  | MigrationToolEntry;

/** The entry type of each kind. */
export interface EntryOfKind {
  language: LanguageEntry;
  framework: FrameworkEntry;
  orm: OrmEntry;
  database: DatabaseEntry;
  auth: AuthEntry;
  apiStyle: ApiStyleEntry;
  job: JobEntry;
  testRunner: TestRunnerEntry;
  packageManager: PackageManagerEntry;
  validation: ValidationEntry;
  logger: LoggerEntry;
  migrations: MigrationToolEntry;
}
