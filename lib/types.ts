// Shared data shapes that flow between the pipeline stages.
// Each stage owns its own folder under lib/; this file only holds the
// structures more than one stage reads, so no stage imports another's internals.

/** Where a fact came from: a repo-relative path and, when known, a 1-based line. */
export interface Evidence {
  file: string;
  line?: number;
}

/** One detected value with how sure we are (0..1) and why. */
export interface Detected<T extends string = string> {
  value: T;
  confidence: number;
  evidence: Evidence[];
  /** The version the manifest declares for it (`0.6`, `^4.18.2`), for frameworks whose APIs differ by version. */
  version?: string;
}

export type ApiStyle = 'rest' | 'graphql' | 'grpc' | 'trpc';
export const API_STYLES: readonly ApiStyle[] = ['rest', 'graphql', 'grpc', 'trpc'];

/** Dimensions a service's stack is described by (single-valued ones). */
export type SingleDimension =
  | 'language'
  | 'framework'
  | 'orm'
  | 'testRunner'
  | 'packageManager'
  | 'testDir'
  | 'appEntry'
  | 'validation'
  | 'logger'
  | 'migrations';

/** Dimensions that may hold several values at once. */
export type MultiDimension = 'databases' | 'auth' | 'apiStyles' | 'jobs';

export interface ServiceStack {
  /** Service name: the package/module name, or the folder name. */
  name: string;
  /** Repo-relative folder of the service ('.' for the root). */
  path: string;
  /** 'library' for a framework's own repo, an SDK, a UI package: no backend app. */
  kind: 'app' | 'library';
  language?: Detected;
  framework?: Detected;
  orm?: Detected;
  databases: Detected[];
  auth: Detected[];
  apiStyles: Detected<ApiStyle>[];
  jobs: Detected[];
  testRunner?: Detected;
  packageManager?: Detected;
  /** Folder where tests live by the repo's convention, e.g. `tests/api`, `test`, `spec/requests`. */
  testDir?: Detected;
  /** The file a contract test imports: `src/app.ts#app` (file#export), `app/main.py#app`. */
  appEntry?: Detected;
  validation?: Detected;
  logger?: Detected;
  migrations?: Detected;
  /** The workspace package the ORM comes from when it is not this service's own (`packages/db`). */
  dataPath?: string;
  /** What the repository's own files say about where things go and how they are named (lib/stack/layout.ts). */
  layout?: RepoLayout;
  /** Competing candidates for a single dimension, best first (the best is also the value above). */
  ambiguities: Ambiguity[];
}

/** Facts read from the repository's files that decide paths and types of generated plans and tests. */
export interface RepoLayout {
  /** The folder holding the migrations (service-relative) and how existing files are prefixed. */
  migrations?: {
    dir: string;
    /** `<timestamp>` / `<nnnn>` (width of the sequence) as the existing files do; absent when there are none. */
    prefix?: string;
    /** Migration files found there. */
    count: number;
    evidence: Evidence[];
  };
  /** The primary key type the existing tables use. */
  /** `generated`: the existing uuid keys are made on insert (`@default(uuid())`, `.defaultRandom()`). */
  primaryKey?: { type: 'uuid' | 'bigint' | 'integer' | 'string'; evidence: Evidence[]; generated?: boolean };
  /** One path prefix the app puts before every route (Nest `setGlobalPrefix('api')`, Spring `server.servlet.context-path`). */
  basePath?: { path: string; evidence: Evidence[] };
  /** How the existing handlers page their lists: the query parameters they read (`limit`, `offset`). */
  paging?: RepoPaging;
  /** The tables the repository's model classes declare (TypeORM `@Entity`), with their columns as the models type them. */
  tables?: RepoTable[];
  /** The ORM alters the schema from its models at startup (TypeORM `synchronize: true`): where that is switched on. */
  schemaSync?: { orm: string; setting: string; evidence: Evidence[] };
  /** Which test files the runner picks up, when its configuration narrows them (jest testRegex / testMatch). */
  testPattern?: { runner: string; regex?: string; globs?: string[]; config?: string; rootDir?: string; evidence: Evidence[] };
}

export interface RepoTable {
  /** The table name the model declares (`@Entity('article')`), else its class name. */
  table: string;
  /** The model class (`ArticleEntity`), when it is named at the line the grammar cites. */
  className?: string;
  columns: Array<{ name: string; type?: string }>;
  evidence: Evidence[];
}

/** How the existing handlers page their lists: the query parameter pair they read, and where. */
export interface RepoPaging {
  params: [size: string, position: string];
  kind: 'offset' | 'page';
  evidence: Evidence[];
}

export interface Ambiguity {
  dimension: SingleDimension;
  candidates: Detected[];
}

export interface StackWarning {
  code: string;
  message: string;
}

export interface StackReport {
  /** 'monorepo' when more than one service was found. */
  kind: 'app' | 'monorepo' | 'library' | 'empty';
  services: ServiceStack[];
  /** Workspace packages an app depends on (`packages/api`): not apps themselves, but `--service` may name one. */
  packages?: ServiceStack[];
  warnings: StackWarning[];
}

/** A line in the sprint document an extracted item came from (1-based). */
export interface SourceLine {
  line: number;
}

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';

export interface Field extends SourceLine {
  name: string;
  type?: FieldType;
  /** `array` item type, when stated. */
  items?: FieldType;
  required?: boolean;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
  /** Default value as written, when stated. */
  default?: string;
  description?: string;
}

export type OperationKind = 'rest' | 'graphql-query' | 'graphql-mutation' | 'grpc' | 'trpc-query' | 'trpc-mutation';

export interface Operation extends SourceLine {
  kind: OperationKind;
  /** REST: upper-case method. */
  method?: string;
  /** REST: OpenAPI-style path, `{id}` params. */
  path?: string;
  /** REST: the leading part of `path` stated elsewhere (a base URL, a controller heading), not on this line. */
  base?: string;
  /** operationId / GraphQL field / rpc / tRPC procedure (`bookmark.create`). */
  name: string;
  summary?: string;
  pathParams: string[];
  queryParams: Field[];
  requestFields: Field[];
  responseFields: Field[];
  /** Returns a collection (needs pagination). */
  list: boolean;
  /** The spec says it must be safe to retry (or it creates money/side effects). */
  retrySafe: boolean;
  /** No user session: a webhook, a vendor callback. */
  unauthenticated?: boolean;
  /** The document's code shows the handler takes no request body (a NestJS handler without `@Body()`). */
  noBody?: boolean;
  /** The largest page a list returns, as the document states it ("每页最多 50 条", "at most 50 per page"). */
  pageSizeMax?: number;
}

export interface Column extends SourceLine {
  name: string;
  type?: string;
  nullable?: boolean;
  default?: string;
  unique?: boolean;
  /** Unique among the rows that share these columns ("unique per owner": `owner_id`). */
  uniqueWith?: string[];
  /** The line that states `uniqueWith`, when it is not the column's own. */
  uniqueLine?: number;
  /** `orders` or `orders.id` for a foreign key. */
  references?: string;
  enum?: string[];
  /** The word the spec wrote when the name comes from the fixed attribute vocabulary ("登録日時" → `created_at`). */
  term?: string;
  /** The table has it already: the spec states it (a subtype's attributes) but the sprint does not add it. */
  existing?: boolean;
}

/** Rows of another kind kept in the table, told apart by a column's value ("Refund: a transaction with type `REFUND`"). */
export interface Subtype extends SourceLine {
  /** The kind as the spec names it (`Refund`). */
  name: string;
  /** The column that tells the kinds apart (`type`) and this kind's value (`REFUND`). */
  column: string;
  value: string;
  /** The new key to another row of the table, when the kind links to one (`original_transaction_id`). */
  key?: string;
}

export interface Entity extends SourceLine {
  /** Table name as the spec writes it. */
  table: string;
  change: 'new-table' | 'alter-table';
  columns: Column[];
  /** Spec says the table holds data ("about 2 million rows"). */
  rowsHint?: { text: string; count?: number; line: number };
  /** Kinds of rows the spec keeps in this table (single-table subtypes). */
  subtypes?: Subtype[];
  /**
   * A junction no line names: both sides state the many-to-many, so the table joins
   * these two entities; its name and keys are made from theirs (a fixed rule).
   */
  joins?: [string, string];
}

export interface AuthzRule extends SourceLine {
  text: string;
  roles: string[];
  /** e.g. "own orders", "self". */
  ownership?: string;
  /** Operation keys (`POST /v1/x`, `bookmark.create`) the rule applies to; empty = unclear. */
  operations: string[];
  /** Explicitly public / no session. */
  public?: boolean;
  /** Any signed-in caller, no role needed ("any signed-in user may…", "任何已登录用户可以…"). */
  anySignedIn?: boolean;
  justification?: string;
}

export interface Integration extends SourceLine {
  name: string;
  kind: 'webhook' | 'outbound';
  /** How an inbound call is verified (signature, HMAC, mTLS, shared secret). */
  verification?: string;
  text: string;
}

export interface JobItem extends SourceLine {
  text: string;
  /** A short name from what the job does ("expire-cards" for "a nightly job expires cards…"), when the text says. */
  name?: string;
  /** 'nightly', a cron expression, 'hourly'… as stated. */
  schedule?: string;
}

export interface Slo extends SourceLine {
  text: string;
  percentile?: 'p50' | 'p90' | 'p95' | 'p99';
  thresholdMs?: number;
  /** Operation key it refers to, when it can be told. */
  operation?: string;
}

export interface ScopeNote extends SourceLine {
  text: string;
  /** The columns a "types are not stated" question asks about: a later stage that learns their types drops it. */
  untypedColumns?: Array<{ table: string; column: string }>;
}

/** One input document: its lines are numbered `offset + 1 … offset + lines` in a Scope. */
export interface ScopeSource {
  path: string;
  offset: number;
  lines: number;
}

export interface Scope {
  /** The document's title (first heading). */
  title?: string;
  /** The documents read, in order; absent or one entry when only the plan document was read. */
  sources?: ScopeSource[];
  operations: Operation[];
  entities: Entity[];
  authz: AuthzRule[];
  integrations: Integration[];
  jobs: JobItem[];
  slos: Slo[];
  outOfScope: ScopeNote[];
  /** Service names the document mentions (for monorepos). */
  services: string[];
  /** The sprint also has frontend work (UI items, even when out of scope here). */
  hasFrontendItems: boolean;
  /** What the text leaves open, found while reading it. */
  questions: ScopeNote[];
  /**
   * Models the document says exist already (a model file, "the `Ticket` model") that
   * the sprint reads or writes without a schema change, with the fields its
   * examples show for them.
   */
  existingModels?: ExistingModel[];
}

export interface ExistingModel extends SourceLine {
  name: string;
  fields: Field[];
}

/** Where a Scope line is: the file and its own line (the plan document's lines are unchanged). */
export function locateLine(sources: readonly ScopeSource[] | undefined, line: number): { path?: string; line: number } {
  const source = sources?.find((entry) => line > entry.offset && line <= entry.offset + entry.lines);
  return source && source.offset > 0 ? { path: source.path, line: line - source.offset } : { line };
}

const PAGING_PARAM = /^(?:offset|skip|take|page|page_?number|per_?page|page_?size|size|limit|cursor|after|before|first|last|page_?token|next_?token)$/i;

/** The position parameter of an offset pair (`offset`, `skip`) counts rows from 0; a size or a page number starts at 1. */
export function startsAtZero(paging: Pick<RepoPaging, 'params' | 'kind'>, name: string): boolean {
  return paging.kind === 'offset' && name === paging.params[1];
}

/** Paging parameters the document states for an operation (`limit` + `offset`, `page` + `per_page`…): they win over any default style. */
export function statedPaging(op: Pick<Operation, 'queryParams' | 'requestFields'>): string[] {
  const names = [...op.queryParams, ...op.requestFields].map((field) => field.name).filter((name) => PAGING_PARAM.test(name));
  // A `limit` alone fits the default cursor style; an offset or a page number is a style of its own.
  return names.some((name) => OWN_STYLE.test(name)) ? names : [];
}
const OWN_STYLE = /^(?:offset|skip|take|page|page_?number|per_?page)$/i;

/** Operation key used in matrices and answers: `POST /v1/x` or the operation name. */
export function operationKey(op: Pick<Operation, 'kind' | 'method' | 'path' | 'name'>): string {
  return op.kind === 'rest' && op.method && op.path ? `${op.method} ${op.path}` : op.name;
}

export interface Problem {
  severity: 'error' | 'warning';
  message: string;
  /** JSON pointer or line:col where the problem is. */
  location?: string;
}

export type ContractKind = 'openapi' | 'graphql' | 'proto' | 'trpc';

export interface ContractArtifact {
  kind: ContractKind;
  /** File name beside the plan document when written out (`openapi.yaml`). */
  fileName: string;
  /** Full contract text. */
  text: string;
  /** The parsed document (OpenAPI object) for later stages, when there is one. */
  document?: unknown;
  /** Fenced-code language for the excerpt (`yaml`, `graphql`, `protobuf`, `ts`). */
  fence: string;
  operationCount: number;
  problems: Problem[];
  /** What the contract promised, so a hand-edited or merged copy can be checked again (REST). */
  expectations?: ContractExpectations;
}

export interface ContractExpectations {
  /** Operation keys (`POST /v1/x`) that must accept an Idempotency-Key. */
  retrySafe: string[];
  /** Operation keys that return a collection and must paginate. */
  lists: string[];
  /** JSON pointers this run generated; lint errors elsewhere (an existing file's own parts) become warnings. */
  owned?: string[];
}

export interface Warning {
  code: string;
  message: string;
}

export interface OpenQuestion {
  text: string;
  /** Higher blocks more; used to rank the top three. */
  weight: number;
  /** Stage that raised it. */
  source: string;
}
