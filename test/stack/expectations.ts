// What each fixture repository under test/fixtures/repos is, field by field.
// `null` means "must not be detected".
import type { StackReport } from '../../lib/types.js';

export interface ExpectedService {
  name: string;
  kind: 'app' | 'library';
  language: string;
  framework: string | null;
  orm: string | null;
  databases: string[];
  auth: string[];
  apiStyles: string[];
  jobs: string[];
  testRunner: string | null;
  packageManager: string | null;
  testDir: string | null;
  appEntry: string | null;
  validation: string | null;
  logger: string | null;
  migrations: string | null;
}

export interface ExpectedRepo {
  kind: StackReport['kind'];
  /** Keyed by service path. */
  services: Record<string, ExpectedService>;
  /** Values that must appear nowhere in the report (traps). */
  never?: string[];
  warnings?: string[];
}

const none = { orm: null, databases: [], auth: [], jobs: [], validation: null, logger: null, migrations: null };

export const EXPECTED: Record<string, ExpectedRepo> = {
  'express-prisma': {
    kind: 'app',
    never: ['mysql'],
    services: {
      '.': { name: 'orders-api', kind: 'app', language: 'typescript', framework: 'express', orm: 'prisma', databases: ['postgres'], auth: ['jwt'], apiStyles: ['rest'], jobs: [], testRunner: 'vitest', packageManager: 'pnpm', testDir: 'test', appEntry: 'src/app.ts#app', validation: 'zod', logger: 'pino', migrations: 'prisma-migrate' },
    },
  },
  'fastify-drizzle': {
    kind: 'app',
    services: {
      '.': { name: 'billing', kind: 'app', language: 'typescript', framework: 'fastify', orm: 'drizzle', databases: ['postgres', 'redis'], auth: ['jwt'], apiStyles: ['rest'], jobs: ['bullmq'], testRunner: 'node-test', packageManager: 'npm', testDir: 'test', appEntry: 'src/app.ts#buildApp', validation: 'typebox', logger: 'pino', migrations: 'drizzle-kit' },
    },
  },
  'koa-sequelize': {
    kind: 'app',
    services: {
      '.': { name: 'catalog', kind: 'app', language: 'javascript', framework: 'koa', orm: 'sequelize', databases: ['mysql'], auth: ['session'], apiStyles: ['rest'], jobs: [], testRunner: 'mocha', packageManager: 'yarn', testDir: 'test', appEntry: 'src/app.js#default', validation: 'joi', logger: null, migrations: 'sequelize-migrations' },
    },
  },
  'hono-kysely': {
    kind: 'app',
    services: {
      '.': { name: 'notes', kind: 'app', language: 'typescript', framework: 'hono', orm: 'kysely', databases: ['sqlite'], auth: ['better-auth'], apiStyles: ['rest'], jobs: [], testRunner: 'vitest', packageManager: 'bun', testDir: 'test', appEntry: 'src/index.ts#default', validation: 'zod', logger: null, migrations: null },
    },
  },
  'nestjs-typeorm': {
    kind: 'app',
    never: ['express'],
    services: {
      '.': { name: 'inventory', kind: 'app', language: 'typescript', framework: 'nestjs', orm: 'typeorm', databases: ['postgres'], auth: ['jwt', 'passport'], apiStyles: ['rest'], jobs: [], testRunner: 'jest', packageManager: 'npm', testDir: 'test', appEntry: 'src/app.module.ts#AppModule', validation: 'class-validator', logger: 'nestjs-logger', migrations: 'typeorm-migrations' },
    },
  },
  'nextjs-trpc': {
    kind: 'app',
    services: {
      '.': { name: 'bookmarks', kind: 'app', language: 'typescript', framework: 'nextjs', orm: 'prisma', databases: ['sqlite'], auth: ['next-auth'], apiStyles: ['rest', 'trpc'], jobs: [], testRunner: 'vitest', packageManager: 'npm', testDir: '__tests__', appEntry: 'src/app/api/health/route.ts#GET', validation: 'zod', logger: null, migrations: null },
    },
  },
  'apollo-mongoose': {
    kind: 'app',
    services: {
      '.': { name: 'reviews', kind: 'app', language: 'javascript', framework: 'apollo-server', orm: 'mongoose', databases: ['mongodb'], auth: [], apiStyles: ['graphql'], jobs: [], testRunner: 'jest', packageManager: 'npm', testDir: '__tests__', appEntry: 'src/server.js#server', validation: null, logger: null, migrations: null },
    },
  },
  'yoga-knex': {
    kind: 'app',
    services: {
      '.': { name: 'events-gql', kind: 'app', language: 'typescript', framework: 'graphql-yoga', orm: 'knex', databases: ['postgres'], auth: ['clerk'], apiStyles: ['graphql'], jobs: [], testRunner: 'vitest', packageManager: 'pnpm', testDir: 'test', appEntry: 'src/yoga.ts#yoga', validation: null, logger: null, migrations: 'knex-migrations' },
    },
  },
  'fastapi-sqlalchemy': {
    kind: 'app',
    services: {
      '.': { name: 'payments', kind: 'app', language: 'python', framework: 'fastapi', orm: 'sqlalchemy', databases: ['postgres'], auth: ['jwt'], apiStyles: ['rest'], jobs: [], testRunner: 'pytest', packageManager: 'uv', testDir: 'tests/api', appEntry: 'app/main.py#app', validation: 'pydantic', logger: 'python-logging', migrations: 'alembic' },
    },
  },
  'fastapi-sqlmodel': {
    kind: 'app',
    never: ['sqlalchemy'],
    services: {
      '.': { name: 'todo', kind: 'app', language: 'python', framework: 'fastapi', orm: 'sqlmodel', databases: ['redis', 'sqlite'], auth: [], apiStyles: ['rest'], jobs: ['rq'], testRunner: 'pytest', packageManager: 'poetry', testDir: 'tests', appEntry: 'todo/main.py#api', validation: 'pydantic', logger: 'python-logging', migrations: null },
    },
  },
  'django-drf': {
    kind: 'app',
    never: ['npm', 'django'],
    services: {
      '.': { name: 'django-drf', kind: 'app', language: 'python', framework: 'drf', orm: 'django-orm', databases: ['postgres', 'redis'], auth: ['django-auth', 'drf-jwt'], apiStyles: ['rest'], jobs: ['celery'], testRunner: 'pytest', packageManager: 'pip', testDir: 'orders/tests', appEntry: 'shop/wsgi.py#application', validation: 'drf-serializers', logger: 'python-logging', migrations: 'django-migrations' },
    },
  },
  'django-plain': {
    kind: 'app',
    services: {
      '.': { name: 'django-plain', kind: 'app', language: 'python', framework: 'django', orm: 'django-orm', databases: ['sqlite'], auth: ['django-auth'], apiStyles: ['rest'], jobs: [], testRunner: 'unittest', packageManager: 'pipenv', testDir: 'posts', appEntry: 'blog/wsgi.py#application', validation: 'django-forms', logger: 'python-logging', migrations: 'django-migrations' },
    },
  },
  'flask-sqlalchemy': {
    kind: 'app',
    never: ['django-auth'],
    services: {
      '.': { name: 'flask-sqlalchemy', kind: 'app', language: 'python', framework: 'flask', orm: 'sqlalchemy', databases: ['mysql'], auth: ['session'], apiStyles: ['rest'], jobs: [], testRunner: 'pytest', packageManager: 'pip', testDir: 'tests', appEntry: 'app/__init__.py#create_app', validation: 'marshmallow', logger: 'python-logging', migrations: null },
    },
  },
  'go-net-http-sqlc': {
    kind: 'app',
    never: ['gorm', 'mysql'],
    services: {
      '.': { name: 'ledger', kind: 'app', language: 'go', framework: 'go-net-http', orm: 'sqlc', databases: ['postgres'], auth: ['jwt'], apiStyles: ['rest'], jobs: [], testRunner: 'go-test', packageManager: 'go', testDir: 'internal/api', appEntry: 'cmd/ledger/main.go#main', validation: null, logger: 'slog', migrations: 'golang-migrate' },
    },
  },
  'gin-gorm': {
    kind: 'app',
    services: {
      '.': { name: 'shipping', kind: 'app', language: 'go', framework: 'gin', orm: 'gorm', databases: ['postgres', 'redis'], auth: [], apiStyles: ['rest'], jobs: ['asynq'], testRunner: 'go-test', packageManager: 'go', testDir: 'internal/http', appEntry: 'cmd/api/main.go#main', validation: 'go-playground-validator', logger: null, migrations: null },
    },
  },
  'echo-ent': {
    kind: 'app',
    services: {
      '.': { name: 'tickets', kind: 'app', language: 'go', framework: 'echo', orm: 'ent', databases: ['mysql'], auth: ['paseto'], apiStyles: ['rest'], jobs: [], testRunner: 'go-test', packageManager: 'go', testDir: '.', appEntry: 'main.go#main', validation: null, logger: null, migrations: 'atlas' },
    },
  },
  'chi-sqlx': {
    kind: 'app',
    never: ['go-net-http'],
    services: {
      '.': { name: 'inventory', kind: 'app', language: 'go', framework: 'chi', orm: 'sqlx', databases: ['postgres'], auth: ['session'], apiStyles: ['rest'], jobs: [], testRunner: 'go-test', packageManager: 'go', testDir: '.', appEntry: 'hello.go#main', validation: null, logger: 'zerolog', migrations: 'golang-migrate' },
    },
  },
  'fiber-mongo': {
    kind: 'app',
    never: ['jwt', 'redis'],
    services: {
      '.': { name: 'chat', kind: 'app', language: 'go', framework: 'fiber', orm: null, databases: ['mongodb'], auth: [], apiStyles: ['rest'], jobs: [], testRunner: 'go-test', packageManager: 'go', testDir: '.', appEntry: 'internal/server/server.go#New', validation: null, logger: null, migrations: null },
    },
  },
  'grpc-go-dead-gin': {
    kind: 'app',
    never: ['gin', 'rest'],
    services: {
      '.': { name: 'pricing', kind: 'app', language: 'go', framework: 'grpc-go', orm: null, databases: ['postgres'], auth: [], apiStyles: ['grpc'], jobs: [], testRunner: 'go-test', packageManager: 'go', testDir: 'internal/service', appEntry: 'cmd/server/main.go#main', validation: null, logger: null, migrations: null },
    },
  },
  'rails-devise-sidekiq': {
    kind: 'app',
    never: ['yarn'],
    services: {
      '.': { name: 'rails-devise-sidekiq', kind: 'app', language: 'ruby', framework: 'rails', orm: 'active-record', databases: ['postgres', 'redis'], auth: ['devise'], apiStyles: ['rest'], jobs: ['sidekiq'], testRunner: 'rspec', packageManager: 'bundler', testDir: 'spec/requests', appEntry: 'config/application.rb#Storefront::Application', validation: 'active-model-validations', logger: 'rails-logger', migrations: 'rails-migrations' },
    },
  },
  'sinatra-sequel': {
    kind: 'app',
    services: {
      '.': { name: 'sinatra-sequel', kind: 'app', language: 'ruby', framework: 'sinatra', orm: 'sequel', databases: ['sqlite'], auth: [], apiStyles: ['rest'], jobs: [], testRunner: 'minitest', packageManager: 'bundler', testDir: 'test', appEntry: 'app.rb#TodoApp', validation: null, logger: null, migrations: null },
    },
  },
  // `tracing` is declared but never used, and axum does not bring a logger: none is reported.
  'axum-sqlx': {
    kind: 'app',
    services: {
      '.': { name: 'links', kind: 'app', language: 'rust', framework: 'axum', orm: 'sqlx', databases: ['postgres'], auth: ['jwt'], apiStyles: ['rest'], jobs: [], testRunner: 'cargo-test', packageManager: 'cargo', testDir: 'tests', appEntry: 'src/lib.rs#app', validation: null, logger: null, migrations: 'sqlx-migrate' },
    },
  },
  'actix-diesel': {
    kind: 'app',
    services: {
      '.': { name: 'blog-api', kind: 'app', language: 'rust', framework: 'actix-web', orm: 'diesel', databases: ['postgres'], auth: ['session'], apiStyles: ['rest'], jobs: [], testRunner: 'cargo-test', packageManager: 'cargo', testDir: 'tests', appEntry: 'src/main.rs#main', validation: null, logger: null, migrations: 'diesel-migrations' },
    },
  },
  'spring-boot-jpa': {
    kind: 'app',
    services: {
      '.': { name: 'accounts', kind: 'app', language: 'java', framework: 'spring-boot', orm: 'jpa', databases: ['postgres'], auth: ['jwt', 'oauth-oidc', 'spring-security'], apiStyles: ['rest'], jobs: [], testRunner: 'junit', packageManager: 'maven', testDir: 'src/test/java/com/acme/accounts', appEntry: 'src/main/java/com/acme/accounts/AccountsApplication.java#AccountsApplication', validation: 'jakarta-validation', logger: 'logback', migrations: 'flyway' },
    },
  },
  'spring-boot-mybatis-kotlin': {
    kind: 'app',
    services: {
      '.': { name: 'quotes', kind: 'app', language: 'kotlin', framework: 'spring-boot', orm: 'mybatis', databases: ['mysql'], auth: [], apiStyles: ['rest'], jobs: ['spring-scheduling'], testRunner: 'junit', packageManager: 'gradle', testDir: 'src/test/kotlin/com/acme/quotes', appEntry: 'src/main/kotlin/com/acme/quotes/QuotesApplication.kt#QuotesApplication', validation: 'jakarta-validation', logger: 'logback', migrations: null },
    },
  },
  // Ktor with Exposed, every dependency through the Gradle version catalog (libraries, bundles, plugins); the
  // build's name from settings.gradle.kts; JWT through Ktor's auth plugin, validation through RequestValidation.
  'ktor-exposed': {
    kind: 'app',
    services: {
      '.': { name: 'shelf-service', kind: 'app', language: 'kotlin', framework: 'ktor', orm: 'exposed', databases: ['postgres'], auth: ['jwt'], apiStyles: ['rest'], jobs: [], testRunner: 'junit', packageManager: 'gradle', testDir: 'src/test/kotlin/com/acme/shelf', appEntry: 'src/main/kotlin/com/acme/shelf/Application.kt#module', validation: 'ktor-request-validation', logger: 'logback', migrations: null },
    },
  },
  // Laravel 11 with Eloquent, Sanctum, a FormRequest, a queued job and PHPUnit; the database from .env.example.
  'laravel-eloquent': {
    kind: 'app',
    services: {
      '.': { name: 'acme/lending-library', kind: 'app', language: 'php', framework: 'laravel', orm: 'eloquent', databases: ['postgres'], auth: ['sanctum'], apiStyles: ['rest'], jobs: ['laravel-queue'], testRunner: 'phpunit', packageManager: 'composer', testDir: 'tests/Feature', appEntry: 'bootstrap/app.php#Application', validation: 'laravel-validation', logger: 'laravel-log', migrations: 'laravel-migrations' },
    },
  },
  'library-framework': {
    kind: 'library',
    warnings: ['no-backend-app'],
    services: {
      '.': { name: 'express', kind: 'library', language: 'javascript', framework: null, ...none, apiStyles: [], testRunner: 'mocha', packageManager: null, testDir: 'test', appEntry: null },
    },
  },
  'library-go-sdk': {
    kind: 'library',
    never: ['gin'],
    warnings: ['no-backend-app'],
    services: {
      '.': { name: 'payments-go', kind: 'library', language: 'go', framework: null, ...none, apiStyles: [], testRunner: 'go-test', packageManager: 'go', testDir: '.', appEntry: null },
    },
  },
  'monorepo-pnpm': {
    kind: 'monorepo',
    services: {
      'apps/api': { name: '@acme/api', kind: 'app', language: 'typescript', framework: 'express', orm: 'prisma', databases: ['postgres'], auth: [], apiStyles: ['rest'], jobs: [], testRunner: 'vitest', packageManager: 'pnpm', testDir: 'test', appEntry: 'src/app.ts#app', validation: null, logger: null, migrations: null },
      'services/worker': { name: '@acme/worker', kind: 'app', language: 'typescript', framework: null, orm: null, databases: ['redis'], auth: [], apiStyles: [], jobs: ['bullmq'], testRunner: 'vitest', packageManager: 'pnpm', testDir: null, appEntry: null, validation: null, logger: null, migrations: null },
    },
  },
  'monorepo-gowork': {
    kind: 'monorepo',
    services: {
      'services/orders': { name: 'orders', kind: 'app', language: 'go', framework: 'grpc-go', orm: null, databases: ['redis'], auth: [], apiStyles: ['grpc'], jobs: [], testRunner: 'go-test', packageManager: 'go', testDir: '.', appEntry: 'cmd/orders/main.go#main', validation: null, logger: null, migrations: null },
      'services/users': { name: 'users', kind: 'app', language: 'go', framework: 'gin', orm: 'gorm', databases: ['postgres'], auth: [], apiStyles: ['rest'], jobs: [], testRunner: 'go-test', packageManager: 'go', testDir: '.', appEntry: 'main.go#main', validation: 'go-playground-validator', logger: null, migrations: null },
    },
  },
  'monorepo-polyglot': {
    kind: 'monorepo',
    never: ['express'],
    services: {
      backend: { name: 'backend', kind: 'app', language: 'python', framework: 'fastapi', orm: 'sqlalchemy', databases: ['postgres'], auth: [], apiStyles: ['rest'], jobs: [], testRunner: 'pytest', packageManager: 'pip', testDir: 'tests', appEntry: 'app/main.py#app', validation: 'pydantic', logger: 'python-logging', migrations: null },
      worker: { name: 'worker', kind: 'app', language: 'python', framework: null, orm: null, databases: ['redis'], auth: [], apiStyles: [], jobs: ['celery'], testRunner: null, packageManager: 'pip', testDir: null, appEntry: null, validation: null, logger: null, migrations: null },
    },
  },
  'trap-unused-deps': {
    kind: 'app',
    never: ['koa', 'mongoose', 'mongodb', 'passport'],
    services: {
      '.': { name: 'profiles', kind: 'app', language: 'javascript', framework: 'express', orm: null, databases: ['postgres'], auth: ['jwt'], apiStyles: ['rest'], jobs: [], testRunner: 'node-test', packageManager: 'npm', testDir: 'test', appEntry: 'src/app.js#app', validation: null, logger: null, migrations: null },
    },
  },
  'trap-jwt-side-purpose': {
    kind: 'app',
    never: ['jwt'],
    services: {
      '.': { name: 'members', kind: 'app', language: 'javascript', framework: 'express', orm: null, databases: ['redis', 'sqlite'], auth: ['session'], apiStyles: ['rest'], jobs: [], testRunner: 'jest', packageManager: 'npm', testDir: 'test', appEntry: 'src/app.js#default', validation: null, logger: null, migrations: null },
    },
  },
  'trap-prisma-leftover': {
    kind: 'app',
    never: ['prisma', 'mysql', 'prisma-migrate'],
    services: {
      '.': { name: 'tasks', kind: 'app', language: 'javascript', framework: 'fastify', orm: 'knex', databases: ['postgres'], auth: [], apiStyles: ['rest'], jobs: [], testRunner: 'vitest', packageManager: 'npm', testDir: 'test', appEntry: 'src/server.js#fastify', validation: 'typebox', logger: 'pino', migrations: 'knex-migrations' },
    },
  },
  'broken-manifests': {
    kind: 'app',
    warnings: ['unparsable-manifest', 'unparsable-manifest'],
    services: {
      '.': { name: 'broken-manifests', kind: 'app', language: 'python', framework: 'flask', orm: null, databases: [], auth: [], apiStyles: ['rest'], jobs: [], testRunner: null, packageManager: 'pip', testDir: 'tests', appEntry: 'app.py#app', validation: 'marshmallow', logger: 'python-logging', migrations: null },
    },
  },
  'fit-fastapi-alembic-nested': {
    kind: 'app',
    services: {
      backend: { name: 'fit-backend', kind: 'app', language: 'python', framework: 'fastapi', orm: 'sqlmodel', databases: ['postgres'], auth: [], apiStyles: ['rest'], jobs: [], testRunner: 'pytest', packageManager: 'uv', testDir: 'tests/api', appEntry: 'app/main.py#app', validation: 'pydantic', logger: 'python-logging', migrations: 'alembic' },
    },
  },
  'fit-fastapi-routes-folder': {
    kind: 'app',
    services: {
      '.': { name: 'notes-api', kind: 'app', language: 'python', framework: 'fastapi', orm: 'sqlmodel', databases: ['postgres'], auth: [], apiStyles: ['rest'], jobs: [], testRunner: 'pytest', packageManager: 'uv', testDir: 'tests/api/routes', appEntry: 'app/main.py#app', validation: 'pydantic', logger: 'python-logging', migrations: 'alembic' },
    },
  },
  'fit-go-migrate-seq': {
    kind: 'app',
    services: {
      '.': { name: 'ledger', kind: 'app', language: 'go', framework: 'chi', orm: null, databases: ['postgres'], auth: [], apiStyles: ['rest'], jobs: [], testRunner: 'go-test', packageManager: 'go', testDir: '.', appEntry: 'main.go#main', validation: null, logger: null, migrations: 'golang-migrate' },
    },
  },
  'fit-typeorm-synchronize': {
    kind: 'app',
    services: {
      '.': { name: 'reading-list', kind: 'app', language: 'typescript', framework: 'express', orm: 'typeorm', databases: ['postgres'], auth: [], apiStyles: ['rest'], jobs: [], testRunner: 'vitest', packageManager: 'npm', testDir: 'tests', appEntry: 'src/app.ts#app', validation: null, logger: null, migrations: null },
    },
  },
  'grpc-go-fulfillment': {
    kind: 'app',
    never: ['rest'],
    services: {
      '.': { name: 'fulfillment', kind: 'app', language: 'go', framework: 'grpc-go', orm: null, databases: ['postgres'], auth: [], apiStyles: ['grpc'], jobs: [], testRunner: 'go-test', packageManager: 'go', testDir: 'internal/service', appEntry: 'cmd/server/main.go#main', validation: null, logger: null, migrations: null },
    },
  },
  'fit-express-jest-config': {
    kind: 'app',
    services: {
      '.': { name: 'accounts-api', kind: 'app', language: 'typescript', framework: 'express', orm: null, databases: ['postgres'], auth: [], apiStyles: ['rest'], jobs: [], testRunner: 'jest', packageManager: 'npm', testDir: 'test', appEntry: 'src/app.ts#app', validation: null, logger: null, migrations: null },
    },
  },
  // axum 0.6: hyper's body type; the contract test must read it the 0.6 way.
  'fit-axum-0-6': {
    kind: 'app',
    services: {
      '.': { name: 'pantry', kind: 'app', language: 'rust', framework: 'axum', orm: null, databases: [], auth: [], apiStyles: ['rest'], jobs: [], testRunner: 'cargo-test', packageManager: 'cargo', testDir: 'tests', appEntry: 'src/lib.rs#app', validation: null, logger: null, migrations: null },
    },
  },
  // A workspace: the app serves packages/api, whose ORM and database come from packages/db.
  'fit-pnpm-api-db': {
    kind: 'app',
    services: {
      'apps/nextjs': { name: '@shelf/nextjs', kind: 'app', language: 'typescript', framework: 'nextjs', orm: 'drizzle', databases: ['postgres'], auth: ['better-auth'], apiStyles: ['trpc'], jobs: [], testRunner: null, packageManager: 'pnpm', testDir: '__tests__', appEntry: 'src/app/api/trpc/[trpc]/route.ts#GET', validation: 'zod', logger: null, migrations: 'drizzle-kit' },
    },
  },
  'fit-rails-minitest': {
    kind: 'app',
    never: ['rspec'],
    services: {
      '.': { name: 'fit-rails-minitest', kind: 'app', language: 'ruby', framework: 'rails', orm: 'active-record', databases: ['postgres'], auth: [], apiStyles: ['rest'], jobs: [], testRunner: 'minitest', packageManager: 'bundler', testDir: 'test/integration', appEntry: 'config/application.rb#Shelf::Application', validation: 'active-model-validations', logger: 'rails-logger', migrations: 'rails-migrations' },
    },
  },
  // Postgres only in docker-compose (postgres:16) and DATABASE_URL in .env.example; pg is not declared (connect-pg-simple brings it).
  'fit-compose-postgres': {
    kind: 'app',
    services: {
      '.': { name: 'guestbook', kind: 'app', language: 'javascript', framework: 'express', orm: null, databases: ['postgres'], auth: ['session'], apiStyles: ['rest'], jobs: [], testRunner: 'node-test', packageManager: null, testDir: 'test', appEntry: 'src/app.js#app', validation: null, logger: null, migrations: null },
    },
  },
  // Supabase: its tables are Postgres (supabase.from, supabase/config.toml [db]); its auth is Supabase Auth.
  'fit-supabase': {
    kind: 'app',
    services: {
      '.': { name: 'recipes-api', kind: 'app', language: 'typescript', framework: 'hono', orm: null, databases: ['postgres'], auth: ['supabase-auth'], apiStyles: ['rest'], jobs: [], testRunner: 'vitest', packageManager: null, testDir: 'test', appEntry: 'src/app.ts#app', validation: 'zod', logger: null, migrations: null },
    },
  },
  'fit-spring-h2': {
    kind: 'app',
    never: ['postgres'],
    services: {
      '.': { name: 'notes', kind: 'app', language: 'java', framework: 'spring-boot', orm: 'jpa', databases: ['h2'], auth: [], apiStyles: ['rest'], jobs: [], testRunner: 'junit', packageManager: 'gradle', testDir: 'src/test/java/com/acme/notes', appEntry: 'src/main/java/com/acme/notes/NotesApplication.java#NotesApplication', validation: 'jakarta-validation', logger: 'logback', migrations: null },
    },
  },
  // Spring Boot 2 with MyBatis and Flyway in the package org.example.shelf (a package named `example` is no demo
  // folder): javax.validation imports, tables and string keys only in the SQL migrations.
  'fit-spring-mybatis-flyway': {
    kind: 'app',
    services: {
      '.': { name: 'shelf', kind: 'app', language: 'java', framework: 'spring-boot', orm: 'mybatis', databases: ['postgres'], auth: [], apiStyles: ['rest'], jobs: [], testRunner: 'junit', packageManager: 'gradle', testDir: 'src/test/java/org/example/shelf/api', appEntry: 'src/main/java/org/example/shelf/ShelfApplication.java#ShelfApplication', validation: 'javax-validation', logger: 'logback', migrations: 'flyway' },
    },
  },
  // golang-jwt v5 under an alias, verified through its Parser.
  'fit-gin-golang-jwt': {
    kind: 'app',
    services: {
      '.': { name: 'roster', kind: 'app', language: 'go', framework: 'gin', orm: null, databases: ['postgres'], auth: ['jwt'], apiStyles: ['rest'], jobs: [], testRunner: 'go-test', packageManager: 'go', testDir: 'internal/http', appEntry: 'internal/http/router.go#NewRouter', validation: 'go-playground-validator', logger: null, migrations: null },
    },
  },
  // GORM v1 (github.com/jinzhu/gorm): the dialect named in gorm.Open("sqlite3", …) with the driver only indirect,
  // jwt-go's request.ParseFromRequest, tables built by db.AutoMigrate, integer keys from gorm.Model and `ID uint`.
  'fit-gin-gorm-v1': {
    kind: 'app',
    services: {
      '.': { name: 'pinboard', kind: 'app', language: 'go', framework: 'gin', orm: 'gorm', databases: ['sqlite'], auth: ['jwt'], apiStyles: ['rest'], jobs: [], testRunner: 'go-test', packageManager: 'go', testDir: 'notes', appEntry: 'main.go#main', validation: 'go-playground-validator', logger: null, migrations: null },
    },
  },
  // REST first: an Express app that calls one gRPC service (a client: not served) and serves one small internal gRPC service.
  'fit-express-grpc-side': {
    kind: 'app',
    never: ['grpc-node'],
    services: {
      '.': { name: 'storefront-api', kind: 'app', language: 'javascript', framework: 'express', orm: null, databases: [], auth: [], apiStyles: ['rest', 'grpc'], jobs: [], testRunner: 'jest', packageManager: null, testDir: 'test', appEntry: 'src/app.js#default', validation: null, logger: null, migrations: null },
    },
  },
  // Two gRPC servers, Node and Python, implementing services from a shared protos/ folder.
  'monorepo-grpc-polyglot': {
    kind: 'monorepo',
    never: ['rest'],
    services: {
      'services/catalog': { name: 'catalog', kind: 'app', language: 'javascript', framework: 'grpc-node', orm: null, databases: [], auth: [], apiStyles: ['grpc'], jobs: [], testRunner: 'node-test', packageManager: null, testDir: 'test', appEntry: 'src/server.js#createServer', validation: null, logger: null, migrations: null },
      'services/pricing': { name: 'pricing', kind: 'app', language: 'python', framework: 'grpc-python', orm: null, databases: [], auth: [], apiStyles: ['grpc'], jobs: [], testRunner: 'pytest', packageManager: 'pip', testDir: 'tests', appEntry: 'pricing/server.py#serve', validation: null, logger: null, migrations: null },
    },
  },
  // cookiecutter-django layout: settings in a package (config/settings/base.py, production.py), requirements/*.txt only.
  'fit-django-settings-package': {
    kind: 'app',
    never: ['drf'],
    services: {
      '.': { name: 'fit-django-settings-package', kind: 'app', language: 'python', framework: 'django', orm: 'django-orm', databases: ['postgres'], auth: ['django-auth'], apiStyles: ['rest'], jobs: [], testRunner: 'pytest', packageManager: 'pip', testDir: 'events/tests', appEntry: 'config/wsgi.py#application', validation: 'django-forms', logger: 'python-logging', migrations: 'django-migrations' },
    },
  },
};
