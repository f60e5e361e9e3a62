// The BackendSpec: every fact the Backend section states, computed once and
// read by the templates. Values are facts, codes and identifiers; the
// templates turn codes into sentences in each language.

import type { ProtocolVocabulary } from '../knowledge/types.js';
import type { ApiStyle, OpenQuestion, Warning, ContractKind } from '../types.js';
import type { LayerKind } from './conventions.js';
import type { ChangeForm } from '../knowledge/index.js';

/** The API style the section is written for, with its vocabulary. */
export interface ProtocolPlan extends ProtocolVocabulary {
  style: ApiStyle;
}

/** What the lead maps the contract stage's result onto. */
export interface ContractSummary {
  kind: ContractKind;
  placement: 'inline' | 'file';
  /** File beside the plan document (`openapi.yaml`), linked when placement is 'file'. */
  fileName: string;
  /** The contract text shown in the section (whole when inline, an excerpt otherwise). */
  excerpt: string;
  /** Fenced-code language: `yaml`, `graphql`, `protobuf`, `ts`. */
  fence: string;
  checklist: ChecklistItem[];
  /** No operation is stated: the section shows no contract, and the open questions ask for the endpoints. */
  empty?: boolean;
  /** Operation key → the name the contract gives it, when the style renames operations (`POST /v1/quotes` → `CreateQuote` in a proto). */
  operationNames?: Record<string, string>;
}

/**
 * One contract review item, as the contract stage states it: `decision` is
 * the English sentence, `facts` the same decision as data (the zh-TW
 * template phrases the facts; see lib/contract/checklist.ts for their keys).
 */
export interface ChecklistItem {
  /** versioning, pagination, filtering, errors, idempotency, rateLimits, cors, authScopes. */
  topic: string;
  decision: string;
  /** Operation keys the decision covers. */
  applies: string[];
  /** Source of the rule (RFC 9457, AIP-158, Zalando 230…). */
  rule: string;
  facts: Record<string, unknown>;
}

export interface StackLine {
  dimension: 'language' | 'framework' | 'apiStyles' | 'orm' | 'migrations' | 'databases' | 'auth' | 'jobs' | 'validation' | 'logger' | 'testRunner' | 'packageManager';
  /** Catalog ids, in order; empty when not detected. */
  values: string[];
  /** Display labels for the ids. */
  labels: string[];
  /** `file:line` strings. */
  evidence: string[];
  /** Lowest confidence among the values (0..1), when detected. */
  confidence?: number;
  /** Needed by this sprint but not detected (e.g. jobs). */
  neededButMissing: boolean;
}

export interface Layer {
  kind: LayerKind;
  folder: string;
  /** Folder taken from the detected evidence (true) or from the framework's convention (false). */
  fromRepo: boolean;
  /** What of this sprint lands in the layer: operation keys, tables, jobs, integration names. */
  items: string[];
  /** Things with no name of their own, as prose: "nightly job (line 53)". */
  unnamed?: Array<{ schedule?: string; line: number }>;
}

export type MigrationKind = 'create-table' | 'add-columns' | 'create-index' | 'support-table';

export interface Migration {
  order: number;
  name: string;
  file: string;
  extraFiles: string[];
  kind: MigrationKind;
  table: string;
  columns: string[];
  /** Names of migrations this one must run after. */
  dependsOn: string[];
  /** Runs outside a transaction (CREATE INDEX CONCURRENTLY). */
  nonTransactional: boolean;
  /** Table already holds rows: the online plan applies. */
  populated: boolean;
  rollback: { statement: string; dataLoss: boolean };
  /** Why a support table exists (idempotency keys, webhook events). */
  purpose?: 'idempotency' | 'webhook-events';
}

export type OnlineStepKind =
  | 'lock-timeout'
  | 'add-column-fast-default'
  | 'add-column-nullable'
  | 'backfill'
  | 'set-default'
  | 'check-not-valid'
  | 'validate-constraint'
  | 'set-not-null'
  | 'fk-not-valid'
  | 'index-concurrently'
  | 'mysql-instant'
  | 'mysql-inplace-index'
  | 'mysql-modify-not-null'
  | 'sqlite-rebuild'
  | 'mongo-read-default';

export interface OnlineStep {
  kind: OnlineStepKind;
  /** The statement, in the database's own dialect. */
  code?: string;
}

export interface BackfillPlan {
  table: string;
  columns: string[];
  /** How existing rows get their value. */
  value: { kind: 'default'; value: string } | { kind: 'nullable' } | { kind: 'unknown' };
  rowsText?: string;
  rowCount?: number;
  batchSize: number;
  sleepMs: number;
  /** Number of batches for rowCount, when known. */
  batches?: number;
  keyColumn: string;
  /** One batch, in the database's dialect. */
  batchStatement?: string;
  verificationQuery: string;
  /** What the verification query must show: no row left to fill, or the new nullable column in place. */
  verificationExpect: 'zero' | 'column';
  /** Facts still missing; non-empty raises `missing-backfill`. */
  missing: Array<'row-count' | 'existing-value'>;
}

export interface PopulatedTablePlan {
  table: string;
  /** Where we learnt the table holds rows. */
  source: 'answers' | 'spec' | 'existing-table';
  sourceLine?: number;
  database: string;
  steps: OnlineStep[];
  backfill: BackfillPlan;
}

export interface IndexPlan {
  name: string;
  table: string;
  kind: 'unique' | 'foreign-key' | 'index' | 'partial-index' | 'check';
  columns: string[];
  /** Predicate of a partial index or a CHECK constraint. */
  expression?: string;
  /** Foreign key target `table.column`. */
  references?: string;
  /** `ref`: the spec line for spec-unique/foreign-key/enum/job-scan, the operation key for list-operation, the FK name for fk-index. */
  why: { kind: 'spec-unique' | 'foreign-key' | 'fk-index' | 'list-operation' | 'job-scan' | 'enum'; ref: string };
  /** Built without blocking writes (table is populated). */
  online: boolean;
}

export interface Backup {
  table: string;
  before: string;
  command: string;
}

export interface AuthzRow {
  key: string;
  endpoint: string;
  method: string;
  mutating: boolean;
  /** An inbound webhook/callback: verified by the sender's signature, not a user session. */
  webhook: boolean;
  auth: 'yes' | 'no' | 'unknown';
  /** Non-user authentication (HMAC signature, mTLS, shared secret) or the stated reason for `no`. */
  justification?: string;
  roles: string[] | 'unknown' | 'any';
  ownership: string | 'none' | 'unknown';
  /** Where the row's facts came from. */
  sources: Array<'spec' | 'answers' | 'integration'>;
}

export interface FieldRule {
  operation: string;
  field: string;
  /** `input`: a GraphQL/gRPC/tRPC input field. */
  location: 'path' | 'query' | 'body' | 'input';
  type?: string;
  required: boolean;
  /** Schema constraints as code: `> 0`, `enum: a | b`, `maxLength: 500`. */
  constraints: string[];
  /** Rule text the schema cannot express (checked in the service). */
  businessRule?: string;
  /** Free text without a stated length limit. */
  unboundedText: boolean;
}

export type SurfaceKind = 'sql-injection' | 'xss' | 'csrf' | 'ssrf' | 'path-traversal' | 'upload' | 'webhook-signature' | 'mass-assignment';

export interface Surface {
  kind: SurfaceKind;
  /** Operation keys or fields it concerns. */
  where: string[];
  /** Stack-specific code: safe raw-query form, raw-body reader… */
  code?: string;
  avoid?: string;
}

export interface Validation {
  library: string;
  libraryLabel: string;
  detected: boolean;
  /** Where the library comes from: the repository, its framework's or language's usual choice, or nothing known (none named). */
  basis: 'repo' | 'framework' | 'language' | 'none';
  strict: string;
  rules: FieldRule[];
  surfaces: Surface[];
  logged: string[];
  masked: string[];
}

export interface IdempotencyRow {
  key: string;
  /** What makes a retry recognisable. */
  mechanism: 'idempotency-key' | 'request-id' | 'event-id' | 'natural-key' | 'unique-key' | 'none';
  /** Header/field/column holding it (`Idempotency-Key`, `event.id`, `request_id`; a unique key's columns). */
  keyName: string;
  /** The spec's line that makes a `unique-key` unique. */
  keyLine?: number;
  /** Replay/dedupe window (`24h`, `3 days`); empty for natural keys. */
  window: string;
  storage: { kind: 'table' | 'collection-ttl' | 'redis' | 'row' | 'unknown' | 'none'; name: string; database?: string };
  /** What answers a missing key, a duplicate in flight, a changed payload, in the style's vocabulary (`409`, `ABORTED`). */
  missing?: string;
  inFlight?: string;
  mismatch?: string;
  /** Vendor call that must reuse the key (Stripe `Idempotency-Key`). */
  outbound?: string;
}

export interface JobPlan {
  text: string;
  line: number;
  /** What the job is called in code and dashboards: its name from the spec, else its schedule. */
  label?: string;
  schedule?: string;
  system?: string;
  systemLabel?: string;
  detected: boolean;
  retry?: string;
  deadLetter?: string;
  scheduleCode?: string;
}

export interface MetricPlan {
  name: string;
  instrument: 'histogram' | 'counter';
  unit: string;
  attributes: string[];
  /** What it is for: per-route latency, a business count… */
  role: 'latency' | 'business' | 'webhook' | 'job' | 'outbound' | 'database';
  /** Operation key or job it belongs to. */
  subject?: string;
}

export interface AlertPlan {
  subject: string;
  metric: string;
  condition: string;
  window: string;
  severity: 'warn' | 'page';
  source: { kind: 'slo'; line: number; text: string } | { kind: 'default' };
}

export interface Observability {
  /** The detected logger, else the language's usual one; none when the language is unknown too. */
  logger?: string;
  loggerLabel?: string;
  loggerDetected: boolean;
  bind: string;
  redact: string;
  /** The fields never logged (what `redact` masks). */
  masked: string[];
  logFields: string[];
  metrics: MetricPlan[];
  spans: Array<{ kind: 'server' | 'database' | 'client' | 'job'; name: string; instrumentation?: string }>;
  alerts: AlertPlan[];
}

export interface TestCommand {
  layer: 'unit' | 'integration' | 'contract';
  file: string;
  command: string;
  /** What this layer proves: field rules, transactions, webhook replay… */
  covers: string[];
}

export interface TestPlan {
  runner?: string;
  runnerLabel?: string;
  packageManager?: string;
  commands: TestCommand[];
  /** How integration tests get a database. */
  database?: { kind: 'compose'; file: string } | { kind: 'testcontainers'; module: string } | { kind: 'rails-test-db' } | { kind: 'in-memory' };
  databaseLabel?: string;
  contractTool?: string;
  contractFromGenerator: boolean;
  /** `magi contract-test` has a template for this stack; without one the test is written by hand. */
  contractTemplate: boolean;
  missing: Array<'runner' | 'package-manager'>;
}

export interface RankedQuestion extends OpenQuestion {
  /** Code the templates phrase; absent for questions from other stages (use `text`). */
  code?: string;
  params?: Record<string, string>;
  top: boolean;
}

export interface ModelWarning extends Warning {
  params?: Record<string, string>;
}

export interface BackendSpec {
  sprint: { dir: string; num: string; slug: string };
  title?: string;
  service?: { name: string; path: string };
  stack: StackLine[];
  layers: Layer[];
  contract: ContractSummary;
  /** The API style's vocabulary every subsection speaks: statuses, credential carrier, server metric. */
  protocol: ProtocolPlan;
  dataModel: {
    tool?: string;
    toolLabel?: string;
    /** 'detected' from the repository's files; 'orm-standard' when the repository is silent and the ORM's standard tool is used. */
    toolSource?: 'detected' | 'orm-standard';
    /** Repo-relative migrations folder the files below go in. */
    migrationsDir?: string;
    /** 'repository' when existing migrations decided folder and naming, 'standard' when there are none. */
    migrationsFrom?: 'repository' | 'standard';
    migrationsEvidence?: string;
    /** Primary key type read from the existing models or migrations. */
    keyType?: string;
    keyEvidence?: { file: string; line?: number };
    database?: string;
    databaseLabel?: string;
    applyCommand?: string;
    rollbackCommand?: string;
    /** The tool's command that creates one migration (`<migration>` stands for each name of the table). */
    createCommand?: string;
    /** The sprint's whole schema change in the tool's own form: one fenced block (lib/model/migration-forms). */
    /** `file`: a long change goes to this file beside the document (the section links it), like a large contract. */
    change?: { form: ChangeForm; language: string; code: string; lines: number; file?: string };
    dependencyStyle?: string;
    /** 'author' when the create command leaves the version to whoever writes the file (Flyway's `touch V<n>__…`). */
    numberedBy?: 'tool' | 'author';
    nonTransactionalCode?: string;
    migrations: Migration[];
    populated: PopulatedTablePlan[];
    indexes: IndexPlan[];
    backups: Backup[];
    erDiagram?: string;
    /** Tables the spec names without their columns: listed, never planned (the open questions ask for them). */
    /**
     * The ORM builds the schema from its entities at startup (TypeORM `synchronize: true`) and the repository has
     * no migrations: `migrations` then lists entity changes, not files; `entities` names the entity per table.
     */
    schemaSync?: { orm: string; ormLabel: string; setting: string; evidence: string; entities: Record<string, string> };
    unstated: string[];
    /** Kinds of rows kept in a table by a column's value (`Refund`: `Transaction` rows with `type` = `REFUND`), with the table's columns they use. */
    subtypes: Array<{ name: string; table: string; column: string; value: string; line: number; columns: string[] }>;
    /** Existing models the sprint reads or writes unchanged, with the fields the spec's examples show. */
    existing: Array<{ name: string; fields: string[]; line: number }>;
  };
  authz: { transport?: 'bearer' | 'cookie'; schemeLabel?: string; rows: AuthzRow[] };
  validation: Validation;
  idempotency: { rows: IdempotencyRow[]; jobs: JobPlan[]; webhookOrdering: boolean };
  observability: Observability;
  testPlan: TestPlan;
  openQuestions: RankedQuestion[];
  warnings: ModelWarning[];
  /** Counts the renderer and report use (length budget, overkill). */
  stats: { operations: number; mutating: number; entities: number };
}
