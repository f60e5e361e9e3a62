// Technology knowledge the Backend section needs, as data: one table per kind,
// keyed by the stack catalog's ids. Values are facts, commands and code
// (language-neutral); the templates phrase them.

export type LanguageId = 'typescript' | 'javascript' | 'python' | 'go' | 'ruby' | 'rust' | 'java' | 'kotlin';

// ---------------------------------------------------------------- migrations

/** How a migration tool names, creates, orders and rolls back migrations. */
export interface MigrationConvention {
  label: string;
  /** Folder the tool keeps migrations in by default (service-relative); `{dir}` in the strings below. */
  dir: string;
  /** Path pattern; {dir} the migrations folder, {name} the migration name in `nameCase`, {Name} PascalCase. */
  file: string;
  /** Ids the stack detector reports for this tool (lib/stack/catalog.ts, kind 'migrations'). */
  detectedAs: string[];
  /** Extra files the tool writes per migration (down scripts). */
  extraFiles?: string[];
  nameCase: 'snake' | 'kebab' | 'pascal';
  /** Command that creates one migration. */
  create: string;
  apply: string;
  /** Undo the last applied migration (or the tool's equivalent); {name} is the last migration of the plan. */
  rollback: string;
  /** How a migration states what it runs after. */
  dependencyStyle: 'file-order' | 'down-revision' | 'dependencies-list' | 'version-order' | 'migration-directory';
  /** Code that runs a migration outside a transaction (needed for CREATE INDEX CONCURRENTLY). */
  nonTransactional?: string;
  /** 'sql' when the migration body is SQL (the tool generates or hosts raw SQL). */
  body: 'sql' | 'code';
}

export const MIGRATIONS: Record<string, MigrationConvention> = {
  prisma: {
    dir: 'prisma/migrations',
    detectedAs: ['prisma-migrate'],
    label: 'Prisma Migrate',
    file: '{dir}/<timestamp>_{name}/migration.sql',
    nameCase: 'snake',
    create: 'prisma migrate dev --create-only --name {name}',
    apply: 'prisma migrate deploy',
    rollback: 'prisma migrate diff --from-migrations {dir} --to-schema-datamodel prisma/schema.prisma --script',
    dependencyStyle: 'migration-directory',
    body: 'sql',
  },
  drizzle: {
    dir: 'drizzle',
    detectedAs: ['drizzle-kit'],
    label: 'drizzle-kit',
    file: '{dir}/<nnnn>_{name}.sql',
    nameCase: 'snake',
    create: 'drizzle-kit generate --name {name}',
    apply: 'drizzle-kit migrate',
    rollback: 'drizzle-kit generate --custom --name revert_{name}',
    dependencyStyle: 'file-order',
    body: 'sql',
  },
  typeorm: {
    dir: 'src/migrations',
    detectedAs: ['typeorm-migrations'],
    label: 'TypeORM migrations',
    file: '{dir}/<timestamp>-{Name}.ts',
    nameCase: 'pascal',
    create: 'typeorm migration:create {dir}/{Name}',
    apply: 'typeorm migration:run -d src/data-source.ts',
    rollback: 'typeorm migration:revert -d src/data-source.ts',
    dependencyStyle: 'file-order',
    nonTransactional: 'public transaction = false;',
    body: 'code',
  },
  sequelize: {
    dir: 'migrations',
    detectedAs: ['sequelize-migrations'],
    label: 'sequelize-cli',
    file: '{dir}/<timestamp>-{name}.js',
    nameCase: 'kebab',
    create: 'sequelize-cli migration:generate --name {name}',
    apply: 'sequelize-cli db:migrate',
    rollback: 'sequelize-cli db:migrate:undo',
    dependencyStyle: 'file-order',
    nonTransactional: "queryInterface.addIndex(table, cols, { concurrently: true })",
    body: 'code',
  },
  knex: {
    dir: 'migrations',
    detectedAs: ['knex-migrations'],
    label: 'Knex migrations',
    file: '{dir}/<timestamp>_{name}.js',
    nameCase: 'snake',
    create: 'knex migrate:make {name}',
    apply: 'knex migrate:latest',
    rollback: 'knex migrate:down',
    dependencyStyle: 'file-order',
    nonTransactional: 'export const config = { transaction: false };',
    body: 'code',
  },
  alembic: {
    dir: 'alembic/versions',
    detectedAs: ['alembic'],
    label: 'Alembic',
    file: '{dir}/<rev>_{name}.py',
    nameCase: 'snake',
    create: 'alembic revision -m "{name}"',
    apply: 'alembic upgrade head',
    rollback: 'alembic downgrade -1',
    dependencyStyle: 'down-revision',
    nonTransactional: 'with op.get_context().autocommit_block():',
    body: 'code',
  },
  'django-orm': {
    dir: '<app>/migrations',
    detectedAs: ['django-migrations'],
    label: 'Django migrations',
    file: '{dir}/<nnnn>_{name}.py',
    nameCase: 'snake',
    create: 'python manage.py makemigrations <app> --name {name}',
    apply: 'python manage.py migrate',
    rollback: 'python manage.py migrate <app> <previous>',
    dependencyStyle: 'dependencies-list',
    nonTransactional: 'atomic = False  # with AddIndexConcurrently',
    body: 'code',
  },
  'active-record': {
    dir: 'db/migrate',
    detectedAs: ['rails-migrations'],
    label: 'Active Record migrations',
    file: '{dir}/<timestamp>_{name}.rb',
    nameCase: 'snake',
    create: 'bin/rails generate migration {Name}',
    apply: 'bin/rails db:migrate',
    rollback: 'bin/rails db:rollback STEP=1',
    dependencyStyle: 'file-order',
    nonTransactional: 'disable_ddl_transaction!  # add_index ..., algorithm: :concurrently',
    body: 'code',
  },
  goose: {
    dir: 'migrations',
    detectedAs: ['goose'],
    label: 'goose',
    file: '{dir}/<timestamp>_{name}.sql',
    nameCase: 'snake',
    create: 'goose -dir {dir} create {name} sql',
    apply: 'goose -dir {dir} up',
    rollback: 'goose -dir {dir} down',
    dependencyStyle: 'file-order',
    nonTransactional: '-- +goose NO TRANSACTION',
    body: 'sql',
  },
  'golang-migrate': {
    dir: 'migrations',
    detectedAs: ['golang-migrate'],
    label: 'golang-migrate',
    file: '{dir}/<version>_{name}.up.sql',
    extraFiles: ['{dir}/<version>_{name}.down.sql'],
    nameCase: 'snake',
    create: 'migrate create -ext sql -dir {dir} -seq {name}',
    apply: 'migrate -path {dir} -database "$DATABASE_URL" up',
    rollback: 'migrate -path {dir} -database "$DATABASE_URL" down 1',
    dependencyStyle: 'version-order',
    body: 'sql',
  },
  atlas: {
    dir: 'ent/migrate/migrations',
    detectedAs: ['atlas'],
    label: 'Atlas versioned migrations',
    file: '{dir}/<timestamp>_{name}.sql',
    nameCase: 'snake',
    create: 'atlas migrate diff {name} --dir file://{dir} --to ent://ent/schema --dev-url docker://postgres/16/dev',
    apply: 'atlas migrate apply --dir file://{dir} --url "$DATABASE_URL"',
    rollback: 'atlas migrate down --dir file://{dir} --url "$DATABASE_URL"',
    dependencyStyle: 'file-order',
    nonTransactional: '-- atlas:txmode none',
    body: 'sql',
  },
  sqlx: {
    dir: 'migrations',
    detectedAs: ['sqlx-migrate'],
    label: 'sqlx migrate',
    file: '{dir}/<timestamp>_{name}.up.sql',
    extraFiles: ['{dir}/<timestamp>_{name}.down.sql'],
    nameCase: 'snake',
    create: 'sqlx migrate add -r {name}',
    apply: 'sqlx migrate run',
    rollback: 'sqlx migrate revert',
    dependencyStyle: 'file-order',
    nonTransactional: '-- no-transaction',
    body: 'sql',
  },
  diesel: {
    dir: 'migrations',
    detectedAs: ['diesel-migrations'],
    label: 'Diesel migrations',
    file: '{dir}/<timestamp>_{name}/up.sql',
    extraFiles: ['{dir}/<timestamp>_{name}/down.sql'],
    nameCase: 'snake',
    create: 'diesel migration generate {name}',
    apply: 'diesel migration run',
    rollback: 'diesel migration revert',
    dependencyStyle: 'file-order',
    nonTransactional: 'run_in_transaction = false  # metadata.toml',
    body: 'sql',
  },
  flyway: {
    dir: 'src/main/resources/db/migration',
    detectedAs: ['flyway'],
    label: 'Flyway',
    file: '{dir}/V<n>__{name}.sql',
    nameCase: 'snake',
    create: 'touch {dir}/V<n>__{name}.sql',
    apply: 'flyway migrate',
    rollback: 'flyway migrate  # with a forward V<n+1>__revert_{name}.sql',
    dependencyStyle: 'version-order',
    nonTransactional: 'executeInTransaction=false  # V<n>__{name}.sql.conf',
    body: 'sql',
  },
  'migrate-mongo': {
    dir: 'migrations',
    detectedAs: ['migrate-mongo'],
    label: 'migrate-mongo',
    file: '{dir}/<timestamp>-{name}.js',
    nameCase: 'kebab',
    create: 'migrate-mongo create {name}',
    apply: 'migrate-mongo up',
    rollback: 'migrate-mongo down',
    dependencyStyle: 'file-order',
    body: 'code',
  },
};

/** The MIGRATIONS key of a migration tool id the stack detector reports. */
export function migrationToolFor(detectedId: string | undefined): string | undefined {
  if (!detectedId) return undefined;
  if (MIGRATIONS[detectedId]) return detectedId;
  return Object.keys(MIGRATIONS).find((key) => MIGRATIONS[key].detectedAs.includes(detectedId));
}

// --------------------------------------------------------------- key types

export type KeyType = 'uuid' | 'bigint' | 'integer' | 'string';

/**
 * How a technology declares a table's primary key, per key type: read from the
 * repository's models and migrations so new tables and references use the same type.
 */
export const PRIMARY_KEY_SIGNALS: Record<string, Partial<Record<KeyType, RegExp[]>>> = {
  sql: {
    uuid: [/\bid\s+uuid\b[^,\n]*primary\s+key/i, /\bid\s+uuid\b[^,\n]*default\s+(gen_random_uuid|uuid_generate_v4)\(/i, /\bid\s+(char\(36\)|binary\(16\))[^,\n]*primary\s+key/i],
    bigint: [/\bid\s+(bigserial|bigint)\b[^,\n]*primary\s+key/i, /\bid\s+bigserial\b/i],
    integer: [/\bid\s+(serial|integer|int)\b[^,\n]*primary\s+key/i],
  },
  sqlalchemy: {
    uuid: [/\bid\s*:\s*Mapped\[\s*(uuid\.)?UUID\s*\]/, /Column\(\s*(UUID|Uuid|postgresql\.UUID)\b[^)]*\)?[^\n]*primary_key\s*=\s*True/, /\bid\s*:\s*(uuid\.)?UUID\b[^\n]*(primary_key\s*=\s*True|Field\()/, /sa\.Column\(\s*['"]id['"]\s*,\s*(sa\.)?(Uuid|UUID|postgresql\.UUID)/],
    bigint: [/Column\(\s*BigInteger\b[^\n]*primary_key\s*=\s*True/, /sa\.Column\(\s*['"]id['"]\s*,\s*sa\.BigInteger/],
    integer: [/\bid\s*:\s*Mapped\[\s*int\s*\]/, /Column\(\s*Integer\b[^\n]*primary_key\s*=\s*True/, /\bid\s*:\s*(int|Optional\[int\]|int \| None)\s*=\s*Field\([^)]*primary_key\s*=\s*True/],
  },
  'django-orm': {
    uuid: [/\bid\s*=\s*models\.UUIDField\([^)]*primary_key\s*=\s*True/],
    bigint: [/DEFAULT_AUTO_FIELD\s*=\s*['"]django\.db\.models\.BigAutoField['"]/, /default_auto_field\s*=\s*['"]django\.db\.models\.BigAutoField['"]/],
  },
  prisma: {
    uuid: [/\bid\s+String\s+@id\b[^\n]*@default\((uuid|cuid)\(\)\)/, /\bid\s+String\s+@id\b[^\n]*@db\.Uuid/],
    bigint: [/\bid\s+BigInt\s+@id\b/],
    integer: [/\bid\s+Int\s+@id\b/],
  },
  typeorm: {
    uuid: [/@PrimaryGeneratedColumn\(\s*['"]uuid['"]/, /@PrimaryColumn\(\s*['"]uuid['"]/],
    integer: [/@PrimaryGeneratedColumn\(\s*\)/],
    bigint: [/@PrimaryGeneratedColumn\(\s*['"]increment['"]\s*,\s*\{[^}]*bigint/],
  },
  'active-record': {
    uuid: [/create_table\s+:\w+\s*,[^\n]*\bid:\s*:uuid\b/, /primary_key_type\s*=\s*:uuid|primary_key_type:\s*:uuid/],
    bigint: [/create_table\s+:\w+\s*,[^\n]*\bid:\s*:bigint\b/],
  },
  gorm: {
    uuid: [/\bID\s+uuid\.UUID\b/, /gorm:"[^"]*type:uuid[^"]*primary_?key/i],
    bigint: [/\bID\s+(u?int64)\b[^\n]*primary/i],
  },
  drizzle: {
    uuid: [/\bid\s*:\s*uuid\(\s*['"]id['"]\s*\)[^\n]*\.primaryKey\(\)/],
    bigint: [/\bid\s*:\s*(bigserial|bigint)\([^\n]*\.primaryKey\(\)/],
    integer: [/\bid\s*:\s*(serial|integer)\([^\n]*\.primaryKey\(\)/],
  },
  knex: {
    uuid: [/\.uuid\(\s*['"]id['"]\s*\)[^\n]*\.primary\(\)/],
    bigint: [/\.bigIncrements\(\s*['"]id['"]/],
    integer: [/\.increments\(\s*['"]id['"]/],
  },
};

/** Column type of a key, per database family (the key type the repository uses). */
export const KEY_SQL_TYPES: Record<KeyType, Partial<Record<string, string>> & { default: string }> = {
  uuid: { default: 'uuid', mysql: 'char(36)', sqlite: 'text' },
  bigint: { default: 'bigint' },
  integer: { default: 'integer' },
  string: { default: 'text', mysql: 'varchar(255)' },
};

/** Which migration tool an ORM implies when no migration tool was detected. */
export const ORM_MIGRATION_TOOL: Record<string, string> = {
  prisma: 'prisma',
  drizzle: 'drizzle',
  typeorm: 'typeorm',
  sequelize: 'sequelize',
  knex: 'knex',
  sqlalchemy: 'alembic',
  sqlmodel: 'alembic',
  'django-orm': 'django-orm',
  'active-record': 'active-record',
  gorm: 'goose',
  ent: 'atlas',
  sqlx: 'sqlx',
  diesel: 'diesel',
  jpa: 'flyway',
  mongoose: 'migrate-mongo',
};

/** Display names of ORMs (the ones not also migration tools). */
export const ORM_LABELS: Record<string, string> = {
  prisma: 'Prisma',
  drizzle: 'Drizzle ORM',
  typeorm: 'TypeORM',
  sequelize: 'Sequelize',
  knex: 'Knex',
  sqlalchemy: 'SQLAlchemy',
  'django-orm': 'Django ORM',
  'active-record': 'Active Record',
  gorm: 'GORM',
  ent: 'ent',
  sqlx: 'sqlx',
  diesel: 'Diesel',
  jpa: 'JPA / Hibernate',
  mongoose: 'Mongoose',
};

/** Raw-query APIs of each ORM: the safe (parameterised) form and the one to forbid. */
export const RAW_QUERY: Record<string, { safe: string; unsafe: string }> = {
  prisma: { safe: 'prisma.$queryRaw`... ${value}`', unsafe: '$queryRawUnsafe / $executeRawUnsafe' },
  drizzle: { safe: 'sql`... ${value}`', unsafe: 'sql.raw(...)' },
  typeorm: { safe: 'query("... $1", [value])', unsafe: 'query(`... ${value}`)' },
  sequelize: { safe: 'sequelize.query(sql, { replacements })', unsafe: 'sequelize.query(`... ${value}`)' },
  knex: { safe: "knex.raw('... ?', [value])", unsafe: 'knex.raw(`... ${value}`)' },
  sqlalchemy: { safe: 'text("... :value").bindparams(value=...)', unsafe: 'text(f"... {value}")' },
  'django-orm': { safe: 'Model.objects.raw(sql, [value])', unsafe: '.extra() / raw(f"... {value}")' },
  'active-record': { safe: 'where("col = ?", value)', unsafe: 'where("col = #{value}")' },
  gorm: { safe: 'db.Raw("... ?", value)', unsafe: 'db.Raw(fmt.Sprintf(...))' },
  ent: { safe: 'ExecContext(ctx, "... $1", value)', unsafe: 'ExecContext(ctx, fmt.Sprintf(...))' },
  sqlx: { safe: 'sqlx::query!("... $1", value)', unsafe: 'sqlx::query(&format!(...))' },
  diesel: { safe: 'sql_query(...).bind::<T, _>(value)', unsafe: 'sql_query(format!(...))' },
  jpa: { safe: '@Query("... where x = :value")', unsafe: 'createQuery("... " + value)' },
  mongoose: { safe: "mongoose.set('sanitizeFilter', true)", unsafe: 'Model.find(req.body)' },
};

// ----------------------------------------------------------------- databases

export interface DatabaseConvention {
  label: string;
  kind: 'sql' | 'document' | 'kv';
  /** Backup command for one table before an irreversible step. {table} {name} placeholders. */
  backup: string;
  /** Online DDL family used by the data-model builder. */
  online: 'postgres' | 'mysql' | 'sqlite' | 'mongodb' | 'none';
  /** Where idempotency keys live on this store. */
  idempotencyStore: 'table' | 'collection-ttl' | 'redis';
  /** Testcontainers module name for integration tests. */
  container?: string;
}

export const DATABASES: Record<string, DatabaseConvention> = {
  postgres: {
    label: 'PostgreSQL',
    kind: 'sql',
    backup: 'pg_dump --format=custom --table={table} --file={table}-before-{name}.dump "$DATABASE_URL"',
    online: 'postgres',
    idempotencyStore: 'table',
    container: 'postgres:16',
  },
  mysql: {
    label: 'MySQL',
    kind: 'sql',
    backup: 'mysqldump --single-transaction --quick "$DB_NAME" {table} > {table}-before-{name}.sql',
    online: 'mysql',
    idempotencyStore: 'table',
    container: 'mysql:8.4',
  },
  sqlite: {
    label: 'SQLite',
    kind: 'sql',
    backup: 'sqlite3 <db-file> ".backup {table}-before-{name}.db"',
    online: 'sqlite',
    idempotencyStore: 'table',
  },
  mongodb: {
    label: 'MongoDB',
    kind: 'document',
    backup: 'mongodump --uri="$MONGODB_URI" --collection={table} --out=backup-before-{name}',
    online: 'mongodb',
    idempotencyStore: 'collection-ttl',
    container: 'mongo:7',
  },
  redis: {
    label: 'Redis',
    kind: 'kv',
    backup: 'redis-cli --rdb backup-before-{name}.rdb',
    online: 'none',
    idempotencyStore: 'redis',
    container: 'redis:7',
  },
};

// ---------------------------------------------------------------- frameworks

export type LayerKind = 'routes' | 'services' | 'data' | 'jobs' | 'integrations';

export interface FrameworkConvention {
  label: string;
  language: LanguageId;
  /** Conventional folders per layer, relative to the service root. */
  layers: Record<LayerKind, string>;
  /** Validation library id (key of VALIDATION) used when none was detected. */
  validation: string;
  /** How a handler reads the raw request body (webhook signatures are computed over raw bytes). */
  rawBody: string;
  /** OpenTelemetry instrumentation for the server spans. */
  otel: string;
}

const tsLayers = (routes: string): Record<LayerKind, string> => ({
  routes,
  services: 'src/services',
  data: 'src/db',
  jobs: 'src/jobs',
  integrations: 'src/integrations',
});
const goLayers: Record<LayerKind, string> = {
  routes: 'internal/http',
  services: 'internal/service',
  data: 'internal/store',
  jobs: 'internal/jobs',
  integrations: 'internal/clients',
};

export const FRAMEWORKS: Record<string, FrameworkConvention> = {
  express: { label: 'Express', language: 'typescript', layers: tsLayers('src/routes'), validation: 'zod', rawBody: "express.raw({ type: 'application/json' })", otel: '@opentelemetry/instrumentation-express' },
  fastify: { label: 'Fastify', language: 'typescript', layers: tsLayers('src/routes'), validation: 'typebox', rawBody: 'fastify-raw-body: request.rawBody', otel: '@fastify/otel' },
  nestjs: {
    label: 'NestJS',
    language: 'typescript',
    layers: { routes: 'src/<module>/*.controller.ts', services: 'src/<module>/*.service.ts', data: 'src/<module>/entities', jobs: 'src/<module>/*.processor.ts', integrations: 'src/<module>/clients' },
    validation: 'class-validator',
    rawBody: 'NestFactory.create(AppModule, { rawBody: true }) + req.rawBody',
    otel: '@opentelemetry/instrumentation-nestjs-core',
  },
  nextjs: { label: 'Next.js route handlers', language: 'typescript', layers: { routes: 'app/api', services: 'lib/server', data: 'lib/db', jobs: 'lib/jobs', integrations: 'lib/integrations' }, validation: 'zod', rawBody: 'await request.text()', otel: '@vercel/otel' },
  hono: { label: 'Hono', language: 'typescript', layers: tsLayers('src/routes'), validation: 'zod', rawBody: 'await c.req.text()', otel: '@hono/otel' },
  koa: { label: 'Koa', language: 'typescript', layers: tsLayers('src/routes'), validation: 'zod', rawBody: 'koaBody({ includeUnparsed: true })', otel: '@opentelemetry/instrumentation-koa' },
  fastapi: { label: 'FastAPI', language: 'python', layers: { routes: 'app/routers', services: 'app/services', data: 'app/models', jobs: 'app/tasks', integrations: 'app/clients' }, validation: 'pydantic', rawBody: 'await request.body()', otel: 'opentelemetry-instrumentation-fastapi' },
  django: { label: 'Django', language: 'python', layers: { routes: '<app>/views.py', services: '<app>/services.py', data: '<app>/models.py', jobs: '<app>/tasks.py', integrations: '<app>/clients.py' }, validation: 'django-forms', rawBody: 'request.body', otel: 'opentelemetry-instrumentation-django' },
  drf: { label: 'Django REST framework', language: 'python', layers: { routes: '<app>/views.py', services: '<app>/services.py', data: '<app>/models.py', jobs: '<app>/tasks.py', integrations: '<app>/clients.py' }, validation: 'drf-serializers', rawBody: 'request.body', otel: 'opentelemetry-instrumentation-django' },
  flask: { label: 'Flask', language: 'python', layers: { routes: 'app/routes', services: 'app/services', data: 'app/models', jobs: 'app/tasks', integrations: 'app/clients' }, validation: 'pydantic', rawBody: 'request.get_data()', otel: 'opentelemetry-instrumentation-flask' },
  gin: { label: 'Gin', language: 'go', layers: goLayers, validation: 'go-validator', rawBody: 'c.GetRawData()', otel: 'otelgin' },
  echo: { label: 'Echo', language: 'go', layers: goLayers, validation: 'go-validator', rawBody: 'io.ReadAll(c.Request().Body)', otel: 'otelecho' },
  chi: { label: 'chi', language: 'go', layers: goLayers, validation: 'go-validator', rawBody: 'io.ReadAll(r.Body)', otel: 'otelhttp' },
  fiber: { label: 'Fiber', language: 'go', layers: goLayers, validation: 'go-validator', rawBody: 'c.Body()', otel: 'otelfiber' },
  'go-net-http': { label: 'Go net/http', language: 'go', layers: goLayers, validation: 'go-validator', rawBody: 'io.ReadAll(r.Body)', otel: 'otelhttp' },
  'grpc-go': { label: 'grpc-go', language: 'go', layers: { routes: 'internal/grpc', services: 'internal/service', data: 'internal/store', jobs: 'internal/jobs', integrations: 'internal/clients' }, validation: 'protovalidate', rawBody: '', otel: 'otelgrpc' },
  rails: { label: 'Ruby on Rails', language: 'ruby', layers: { routes: 'app/controllers', services: 'app/services', data: 'app/models', jobs: 'app/jobs', integrations: 'app/clients' }, validation: 'active-model', rawBody: 'request.raw_post', otel: 'opentelemetry-instrumentation-rails' },
  sinatra: { label: 'Sinatra', language: 'ruby', layers: { routes: 'app/routes', services: 'app/services', data: 'app/models', jobs: 'app/jobs', integrations: 'app/clients' }, validation: 'dry-validation', rawBody: 'request.body.read', otel: 'opentelemetry-instrumentation-sinatra' },
  axum: { label: 'axum', language: 'rust', layers: { routes: 'src/routes', services: 'src/services', data: 'src/db', jobs: 'src/jobs', integrations: 'src/clients' }, validation: 'validator-rs', rawBody: 'body: axum::body::Bytes', otel: 'tracing-opentelemetry' },
  'actix-web': { label: 'actix-web', language: 'rust', layers: { routes: 'src/routes', services: 'src/services', data: 'src/db', jobs: 'src/jobs', integrations: 'src/clients' }, validation: 'validator-rs', rawBody: 'body: web::Bytes', otel: 'tracing-actix-web' },
  'spring-boot': {
    label: 'Spring Boot',
    language: 'java',
    layers: { routes: 'src/main/java/<pkg>/web', services: 'src/main/java/<pkg>/service', data: 'src/main/java/<pkg>/repository', jobs: 'src/main/java/<pkg>/jobs', integrations: 'src/main/java/<pkg>/client' },
    validation: 'bean-validation',
    rawBody: '@RequestBody String payload',
    otel: 'opentelemetry-spring-boot-starter',
  },
};

// ---------------------------------------------------------------- validation

export interface ValidationConvention {
  label: string;
  /** How the schema refuses unknown fields. */
  strict: string;
}

export const VALIDATION: Record<string, ValidationConvention> = {
  zod: { label: 'zod', strict: 'z.object({...}).strict()' },
  valibot: { label: 'Valibot', strict: 'v.strictObject({...})' },
  typebox: { label: 'TypeBox + Ajv (Fastify route schema)', strict: 'Type.Object({...}, { additionalProperties: false })' },
  ajv: { label: 'Ajv (JSON Schema)', strict: 'additionalProperties: false' },
  joi: { label: 'Joi', strict: 'Joi.object({...}).unknown(false)' },
  yup: { label: 'yup', strict: 'object({...}).noUnknown().strict()' },
  'class-validator': { label: 'class-validator (ValidationPipe)', strict: 'new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true })' },
  pydantic: { label: 'pydantic', strict: "model_config = ConfigDict(extra='forbid')" },
  marshmallow: { label: 'marshmallow', strict: 'class Meta: unknown = RAISE' },
  'drf-serializers': { label: 'DRF serializers', strict: 'set(self.initial_data) - set(self.fields) → ValidationError' },
  'django-forms': { label: 'Django forms', strict: 'form.cleaned_data' },
  'active-model': { label: 'ActiveModel validations + strong parameters', strict: 'params.require(...).permit(...)' },
  'dry-validation': { label: 'dry-validation', strict: 'config.validate_keys = true' },
  'go-validator': { label: 'go-playground/validator', strict: 'json.Decoder.DisallowUnknownFields()' },
  protovalidate: { label: 'protovalidate', strict: '(buf.validate.field).required = true' },
  'validator-rs': { label: 'validator (Rust)', strict: '#[serde(deny_unknown_fields)]' },
  'bean-validation': { label: 'Jakarta Bean Validation (@Valid)', strict: 'spring.jackson.deserialization.fail-on-unknown-properties=true' },
};

// -------------------------------------------------------------------- auth

export interface AuthConvention {
  label: string;
  /** Where the credential travels: decides 401 headers and CSRF exposure. */
  transport: 'bearer' | 'cookie';
}

export const AUTH: Record<string, AuthConvention> = {
  jwt: { label: 'JWT (Bearer)', transport: 'bearer' },
  paseto: { label: 'PASETO (Bearer)', transport: 'bearer' },
  oauth: { label: 'OAuth 2.0 (Bearer)', transport: 'bearer' },
  oidc: { label: 'OpenID Connect (Bearer)', transport: 'bearer' },
  'drf-jwt': { label: 'DRF Simple JWT', transport: 'bearer' },
  clerk: { label: 'Clerk', transport: 'bearer' },
  supabase: { label: 'Supabase Auth', transport: 'bearer' },
  session: { label: 'Session (cookie)', transport: 'cookie' },
  'next-auth': { label: 'Auth.js / NextAuth (cookie)', transport: 'cookie' },
  'better-auth': { label: 'Better Auth (cookie)', transport: 'cookie' },
  passport: { label: 'Passport', transport: 'bearer' },
  devise: { label: 'Devise (cookie)', transport: 'cookie' },
  'django-auth': { label: 'django.contrib.auth (cookie)', transport: 'cookie' },
};

// ------------------------------------------------------------------- jobs

export interface JobConvention {
  label: string;
  /** Retry with backoff, in the job system's own configuration. */
  retry: string;
  /** Where exhausted jobs end up. */
  /** Where exhausted jobs end up; absent when the system has none (then: alert on the last failure). */
  deadLetter?: string;
  /** How a scheduled job is declared. */
  schedule: string;
}

export const JOBS: Record<string, JobConvention> = {
  bullmq: { label: 'BullMQ', retry: "{ attempts: 5, backoff: { type: 'exponential', delay: 30_000 } }", deadLetter: "removeOnFail: false; queueEvents.on('failed', ...)", schedule: "queue.upsertJobScheduler(id, { pattern: '{cron}' })" },
  sidekiq: { label: 'Sidekiq', retry: 'sidekiq_options retry: 10', deadLetter: 'sidekiq_retries_exhausted → Dead set', schedule: "sidekiq-cron: cron: '{cron}'" },
  celery: { label: 'Celery', retry: 'autoretry_for=(...), retry_backoff=True, max_retries=5', deadLetter: 'x-dead-letter-exchange + task_failure signal', schedule: "crontab(minute='{minute}', hour='{hour}', day_of_month='{dom}', day_of_week='{dow}')" },
  rq: { label: 'RQ', retry: 'Retry(max=5, interval=[30, 120, 600])', deadLetter: 'FailedJobRegistry', schedule: "scheduler.cron('{cron}', func=...)" },
  asynq: { label: 'Asynq', retry: 'asynq.MaxRetry(5)', deadLetter: 'Inspector.ListArchivedTasks', schedule: 'scheduler.Register("{cron}", task)' },
  temporal: { label: 'Temporal', retry: 'RetryPolicy{ InitialInterval: 30s, BackoffCoefficient: 2, MaximumAttempts: 5 }', deadLetter: "ExecutionStatus = 'Failed' (visibility)", schedule: 'ScheduleSpec{ CronExpressions: []string{"{cron}"} }' },
  'cloud-tasks': { label: 'Cloud Tasks', retry: 'retryConfig { maxAttempts: 5, minBackoff: 30s, maxBackoff: 600s }', schedule: "gcloud scheduler jobs create http ... --schedule='{cron}'" },
  'k8s-cronjob': { label: 'Kubernetes CronJob', retry: 'backoffLimit: 3', deadLetter: 'failedJobsHistoryLimit', schedule: "schedule: '{cron}', concurrencyPolicy: Forbid" },
  'node-cron': { label: 'node-cron', retry: 'pRetry(task, { retries: 5 })', schedule: "cron.schedule('{cron}', task)" },
};

/** Cron expressions for the schedules specs name in words (fixed times keep output deterministic). */
export const SCHEDULES: Record<string, string> = {
  hourly: '0 * * * *',
  nightly: '0 3 * * *',
  daily: '0 3 * * *',
  weekly: '0 3 * * 1',
  monthly: '0 3 1 * *',
};

/** Job system to suggest when the sprint has a job and the repo has none. */
export const DEFAULT_JOBS_BY_LANGUAGE: Partial<Record<LanguageId, string>> = {
  typescript: 'bullmq',
  javascript: 'bullmq',
  python: 'celery',
  go: 'asynq',
  ruby: 'sidekiq',
};

// ----------------------------------------------------------------- loggers

export interface LoggerConvention {
  label: string;
  /** How request-scoped fields are attached. */
  bind: string;
  /** How secret/PII fields are masked. {fields} placeholder. */
  redact: string;
}

export const LOGGERS: Record<string, LoggerConvention> = {
  pino: { label: 'pino', bind: 'req.log.child({ ... })', redact: 'pino({ redact: [{fields}] })' },
  winston: { label: 'winston', bind: 'logger.child({ ... })', redact: 'format((info) => omit(info, [{fields}]))()' },
  structlog: { label: 'structlog', bind: 'structlog.contextvars.bind_contextvars(...)', redact: 'lambda _, __, event: {k: v for k, v in event.items() if k not in ({fields})}' },
  slog: { label: 'log/slog', bind: 'logger.With(...)', redact: 'slog.HandlerOptions{ReplaceAttr: dropKeys({fields})}' },
  zap: { label: 'zap', bind: 'logger.With(zap.String(...))', redact: 'zap.Skip() in place of {fields}' },
  'rails-logger': { label: 'Rails logger', bind: 'Rails.logger.tagged(...)', redact: 'config.filter_parameters += [{fields}]' },
  tracing: { label: 'tracing', bind: '#[instrument(fields(...))]', redact: '#[instrument(skip({fields}))]' },
  logback: { label: 'SLF4J + Logback', bind: 'MDC.put(...)', redact: 'MaskingJsonGeneratorDecorator paths: {fields}' },
};

export const DEFAULT_LOGGER_BY_LANGUAGE: Record<LanguageId, string> = {
  typescript: 'pino',
  javascript: 'pino',
  python: 'structlog',
  go: 'slog',
  ruby: 'rails-logger',
  rust: 'tracing',
  java: 'logback',
  kotlin: 'logback',
};

// ------------------------------------------------------------ test runners

export interface RunnerConvention {
  label: string;
  /** Command with {path}; {exec} is the package manager's way to run a local binary. */
  command: string;
  /** Test file patterns: {dir} test folder, {slug} kebab, {snake}, {Pascal}. */
  unitFile: string;
  integrationFile: string;
  /** Folder when the repo's convention is unknown. */
  defaultDir: string;
  /** Integration command when it differs (build tags, integration test targets). */
  integrationCommand?: string;
  /** Contract command when it differs from the unit one. */
  contractCommand?: string;
  /** Command per package manager when the build tool runs the tests (Maven/Gradle). */
  byPackageManager?: Record<string, string>;
  /** Contract check library for this ecosystem (research/contract-test-recipes.md). */
  contractTool: string;
  contractFile: string;
}

export const RUNNERS: Record<string, RunnerConvention> = {
  vitest: { label: 'Vitest', command: '{exec}vitest run {path}', unitFile: '{dir}/{slug}.test.ts', integrationFile: '{dir}/{slug}.integration.test.ts', defaultDir: 'test', contractTool: 'Ajv 2020 + ajv-formats', contractFile: '{dir}/api/{slug}.contract.test.ts' },
  jest: { label: 'Jest', command: '{exec}jest {path}', unitFile: '{dir}/{slug}.spec.ts', integrationFile: '{dir}/{slug}.integration.spec.ts', defaultDir: 'test', contractTool: 'Ajv 2020 + ajv-formats', contractFile: '{dir}/api/{slug}.contract.spec.ts' },
  mocha: { label: 'Mocha', command: '{exec}mocha {path}', unitFile: '{dir}/{slug}.test.js', integrationFile: '{dir}/{slug}.integration.test.js', defaultDir: 'test', contractTool: 'Ajv 2020 + ajv-formats', contractFile: '{dir}/api/{slug}.contract.test.js' },
  'node-test': { label: 'node:test', command: 'node --test {path}', unitFile: '{dir}/{slug}.test.js', integrationFile: '{dir}/{slug}.integration.test.js', defaultDir: 'test', contractTool: 'Ajv 2020 + ajv-formats', contractFile: '{dir}/api/{slug}.contract.test.js' },
  pytest: { label: 'pytest', command: '{exec}pytest {path}', unitFile: '{dir}/test_{snake}.py', integrationFile: '{dir}/integration/test_{snake}.py', defaultDir: 'tests', contractTool: 'schemathesis', contractFile: '{dir}/api/test_{snake}_contract.py' },
  'go-test': { label: 'go test', command: 'go test ./{pkg}/... -run Test{Pascal}', integrationCommand: 'go test -tags=integration ./{pkg}/... -run Test{Pascal}', contractCommand: 'go test ./{pkg}/... -run Test{Pascal}Contract', unitFile: '{pkg}/{snake}_test.go', integrationFile: '{pkg}/{snake}_integration_test.go', defaultDir: 'internal/service', contractTool: 'kin-openapi openapi3filter', contractFile: '{pkg}/{snake}_contract_test.go' },
  rspec: { label: 'RSpec', command: '{exec}rspec {path}', unitFile: '{dir}/services/{snake}_spec.rb', integrationFile: '{dir}/requests/{snake}_spec.rb', defaultDir: 'spec', contractTool: 'openapi_first', contractFile: '{dir}/requests/{snake}_contract_spec.rb' },
  minitest: { label: 'Minitest', command: 'bin/rails test {path}', unitFile: '{dir}/services/{snake}_test.rb', integrationFile: '{dir}/integration/{snake}_test.rb', defaultDir: 'test', contractTool: 'openapi_first', contractFile: '{dir}/integration/{snake}_contract_test.rb' },
  'cargo-test': { label: 'cargo test', command: 'cargo test {snake}', integrationCommand: 'cargo test --test {snake}', contractCommand: 'cargo test --test {snake}_contract', unitFile: 'src/services/{snake}.rs', integrationFile: 'tests/{snake}.rs', defaultDir: 'tests', contractTool: 'jsonschema crate', contractFile: 'tests/{snake}_contract.rs' },
  junit: {
    label: 'JUnit 5',
    command: './mvnw test -Dtest={class}',
    byPackageManager: { maven: './mvnw test -Dtest={class}', gradle: './gradlew test --tests {class}' },
    unitFile: 'src/test/java/<pkg>/{Pascal}ServiceTest.java',
    integrationFile: 'src/test/java/<pkg>/{Pascal}IT.java',
    defaultDir: 'src/test/java',
    contractTool: 'swagger-request-validator (OpenApiInteractionValidator)',
    contractFile: 'src/test/java/<pkg>/{Pascal}ContractTest.java',
  },
};

/** How each package manager runs a locally installed binary ({exec} in runner commands). */
export const PACKAGE_MANAGERS: Record<string, { label: string; exec: string }> = {
  npm: { label: 'npm', exec: 'npx ' },
  pnpm: { label: 'pnpm', exec: 'pnpm exec ' },
  yarn: { label: 'Yarn', exec: 'yarn ' },
  bun: { label: 'Bun', exec: 'bunx ' },
  pip: { label: 'pip', exec: 'python -m ' },
  poetry: { label: 'Poetry', exec: 'poetry run ' },
  uv: { label: 'uv', exec: 'uv run ' },
  pipenv: { label: 'Pipenv', exec: 'pipenv run ' },
  go: { label: 'Go modules', exec: '' },
  bundler: { label: 'Bundler', exec: 'bundle exec ' },
  cargo: { label: 'Cargo', exec: '' },
  maven: { label: 'Maven', exec: '' },
  gradle: { label: 'Gradle', exec: '' },
};

/** Testcontainers package per language, then per database (used when compose has no database). */
export const TEST_CONTAINERS: Partial<Record<LanguageId, Partial<Record<string, string>>>> = {
  typescript: { postgres: '@testcontainers/postgresql', mysql: '@testcontainers/mysql', mongodb: '@testcontainers/mongodb', redis: '@testcontainers/redis' },
  javascript: { postgres: '@testcontainers/postgresql', mysql: '@testcontainers/mysql', mongodb: '@testcontainers/mongodb', redis: '@testcontainers/redis' },
  python: { postgres: 'testcontainers[postgres]', mysql: 'testcontainers[mysql]', mongodb: 'testcontainers[mongodb]', redis: 'testcontainers[redis]' },
  go: { postgres: 'testcontainers-go/modules/postgres', mysql: 'testcontainers-go/modules/mysql', mongodb: 'testcontainers-go/modules/mongodb', redis: 'testcontainers-go/modules/redis' },
  java: { postgres: 'org.testcontainers:postgresql', mysql: 'org.testcontainers:mysql', mongodb: 'org.testcontainers:mongodb' },
  kotlin: { postgres: 'org.testcontainers:postgresql', mysql: 'org.testcontainers:mysql', mongodb: 'org.testcontainers:mongodb' },
};

/** Other languages when no framework was detected: label only. */
export const LANGUAGES: Record<string, { label: string; id: LanguageId }> = {
  typescript: { label: 'TypeScript', id: 'typescript' },
  javascript: { label: 'JavaScript', id: 'javascript' },
  python: { label: 'Python', id: 'python' },
  go: { label: 'Go', id: 'go' },
  ruby: { label: 'Ruby', id: 'ruby' },
  rust: { label: 'Rust', id: 'rust' },
  java: { label: 'Java', id: 'java' },
  kotlin: { label: 'Kotlin', id: 'kotlin' },
};

// ------------------------------------------------------------ integrations

/** Webhook/outbound vendors with facts that change the plan (signature header, event id, retries). */
export const VENDORS: Record<string, { label: string; signatureHeader?: string; eventId?: string; retryHorizon?: string; outboundIdempotency?: string }> = {
  stripe: { label: 'Stripe', signatureHeader: 'Stripe-Signature', eventId: 'event.id', retryHorizon: '72h', outboundIdempotency: 'Idempotency-Key' },
  github: { label: 'GitHub', signatureHeader: 'X-Hub-Signature-256', eventId: 'X-GitHub-Delivery' },
  shopify: { label: 'Shopify', signatureHeader: 'X-Shopify-Hmac-Sha256', eventId: 'X-Shopify-Webhook-Id', retryHorizon: '48h' },
  slack: { label: 'Slack', signatureHeader: 'X-Slack-Signature', eventId: 'event_id' },
  twilio: { label: 'Twilio', signatureHeader: 'X-Twilio-Signature' },
  paypal: { label: 'PayPal', signatureHeader: 'PAYPAL-TRANSMISSION-SIG', eventId: 'id', retryHorizon: '72h' },
};

/** Fallbacks when an SLO is silent, in milliseconds / ratios. */
export const DEFAULT_ALERTS = {
  latencyPercentile: 'p99' as const,
  latencyMs: 1000,
  errorRate: 0.01,
  errorWindow: '5m',
  latencyWindow: '10m',
  pageMultiplier: 2,
  pageWindow: '5m',
};

/** Idempotency replay window when the spec gives none. */
export const DEFAULT_REPLAY_WINDOW = '24h';

/** Backfill batch defaults (rows per batch, pause between batches). */
export const BACKFILL = { batchSize: 1000, sleepMs: 100, largeTableRows: 1_000_000 };

// ------------------------------------------------------------ tracing

/** Database client spans per ORM. */
export const ORM_OTEL: Record<string, string> = {
  prisma: '@prisma/instrumentation',
  knex: '@opentelemetry/instrumentation-knex',
  sqlalchemy: 'opentelemetry-instrumentation-sqlalchemy',
  'django-orm': 'opentelemetry-instrumentation-psycopg',
  'active-record': 'opentelemetry-instrumentation-active_record',
  gorm: 'gorm.io/plugin/opentelemetry',
  ent: 'github.com/XSAM/otelsql',
  sqlx: 'tracing',
  diesel: 'tracing',
  jpa: 'opentelemetry-spring-boot-starter (JDBC)',
  mongoose: '@opentelemetry/instrumentation-mongoose',
};

/** Database driver spans, for ORMs without their own instrumentation. */
export const DRIVER_OTEL: Partial<Record<LanguageId, Partial<Record<string, string>>>> = {
  typescript: { postgres: '@opentelemetry/instrumentation-pg', mysql: '@opentelemetry/instrumentation-mysql2', mongodb: '@opentelemetry/instrumentation-mongodb', redis: '@opentelemetry/instrumentation-ioredis' },
  javascript: { postgres: '@opentelemetry/instrumentation-pg', mysql: '@opentelemetry/instrumentation-mysql2', mongodb: '@opentelemetry/instrumentation-mongodb', redis: '@opentelemetry/instrumentation-ioredis' },
  python: { postgres: 'opentelemetry-instrumentation-psycopg', mysql: 'opentelemetry-instrumentation-pymysql' },
  go: { postgres: 'github.com/XSAM/otelsql', mysql: 'github.com/XSAM/otelsql' },
};

/** Outbound HTTP client spans per language. */
export const OUTBOUND_OTEL: Partial<Record<LanguageId, string>> = {
  typescript: '@opentelemetry/instrumentation-undici',
  javascript: '@opentelemetry/instrumentation-undici',
  python: 'opentelemetry-instrumentation-httpx',
  go: 'otelhttp.NewTransport',
  ruby: 'opentelemetry-instrumentation-net_http',
  rust: 'reqwest-tracing',
  java: 'opentelemetry-spring-boot-starter (RestClient)',
  kotlin: 'opentelemetry-spring-boot-starter (RestClient)',
};
