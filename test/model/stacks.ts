// Ten sprints on ten stacks, built by hand: the inputs for the snapshot and rule tests.

import type { ModelInput } from '../../lib/model/index.js';
import { column, contract, d, field, op, refundsInput, rest, scope, service, REST_CHECKLIST } from './fixtures.js';

const sprint = (num: string, slug: string) => ({ dir: `docs/${num}-${slug}`, num, slug });

/** Fastify + Drizzle + PostgreSQL, npm + node:test: bookmarks with a user-given URL. */
export function fastifyBookmarks(): ModelInput {
  return {
    scope: scope({
      title: 'Bookmarks',
      operations: [
        rest('POST', '/v1/bookmarks', 'createBookmark', 10, { retrySafe: true, requestFields: [field('url', 11, { type: 'string', format: 'uri', required: true }), field('title', 12, { type: 'string', maxLength: 200 }), field('tags', 13, { type: 'array', items: 'string' })] }),
        rest('GET', '/v1/bookmarks', 'listBookmarks', 15, { list: true, queryParams: [field('tag', 15, { type: 'string' })] }),
        rest('DELETE', '/v1/bookmarks/{bookmarkId}', 'deleteBookmark', 17),
      ],
      entities: [
        { table: 'bookmarks', change: 'new-table', line: 20, columns: [column('id', 20), column('user_id', 20, { references: 'users', nullable: false }), column('url', 21, { nullable: false }), column('title', 21), column('tag', 21), column('created_at', 22)] },
      ],
      authz: [{ line: 25, text: 'Signed-in users manage their own bookmarks.', roles: [], ownership: 'own bookmarks', operations: ['POST /v1/bookmarks', 'GET /v1/bookmarks', 'DELETE /v1/bookmarks/{bookmarkId}'] }],
      slos: [{ line: 27, text: 'Listing: p99 under 200 ms.', percentile: 'p99', thresholdMs: 200, operation: 'GET /v1/bookmarks' }],
    }),
    service: service('bookmarks-api', {
      language: d('typescript', 'tsconfig.json'),
      framework: d('fastify', 'src/server.ts', 1),
      orm: d('drizzle', 'src/db/schema.ts', 1),
      databases: [d('postgres', 'drizzle.config.ts', 5)],
      auth: [d('jwt', 'src/plugins/auth.ts', 3)],
      apiStyles: [d('rest', 'src/server.ts', 1)],
      testRunner: d('node-test', 'package.json', 8),
      packageManager: d('npm', 'package-lock.json'),
      testDir: d('test', 'test/server.test.js'),
    }),
    contract: contract('openapi', 'paths:\n  /v1/bookmarks:\n    post:\n      operationId: createBookmark', REST_CHECKLIST.slice(0, 3)),
    sprint: sprint('04', 'bookmarks'),
    answers: {},
  };
}

/** NestJS + TypeORM + MySQL, Yarn + Jest, winston: a populated table with a NOT NULL column and no default, authz unknown. */
export function nestInvoices(): ModelInput {
  return {
    scope: scope({
      title: 'Send invoices',
      operations: [rest('POST', '/v1/invoices/{invoiceId}/send', 'sendInvoice', 8, { requestFields: [field('channel', 9, { type: 'string', enum: ['email', 'postal'], required: true })] })],
      entities: [{ table: 'invoices', change: 'alter-table', line: 12, columns: [column('sent_at', 12, { type: 'timestamp', nullable: false })], rowsHint: { text: '400k invoices', count: 400_000, line: 13 } }],
    }),
    service: service('billing', {
      language: d('typescript', 'tsconfig.json'),
      framework: d('nestjs', 'src/main.ts', 2),
      orm: d('typeorm', 'src/data-source.ts', 1),
      databases: [d('mysql', 'src/data-source.ts', 4)],
      auth: [d('passport', 'src/auth/jwt.strategy.ts', 1)],
      apiStyles: [d('rest', 'src/main.ts', 2)],
      logger: d('winston', 'src/logger.ts', 1),
      testRunner: d('jest', 'package.json', 30),
      packageManager: d('yarn', 'yarn.lock'),
      testDir: d('test', 'test/app.e2e-spec.ts'),
    }),
    contract: contract('openapi', 'paths:\n  /v1/invoices/{invoiceId}/send:\n    post:\n      operationId: sendInvoice'),
    sprint: sprint('07', 'send-invoices'),
    answers: {},
  };
}

/** FastAPI + SQLAlchemy/Alembic + PostgreSQL, uv + pytest, Celery, structlog: exports with a job; the answers file names a populated table. */
export function fastapiExports(): ModelInput {
  return {
    scope: scope({
      title: 'Data exports',
      operations: [
        rest('POST', '/v1/exports', 'createExport', 10, { retrySafe: true, requestFields: [field('format', 11, { type: 'string', enum: ['csv', 'json'], required: true }), field('since', 12, { type: 'string', format: 'date' })] }),
        rest('GET', '/v1/exports/{exportId}', 'getExport', 14),
      ],
      entities: [
        { table: 'exports', change: 'new-table', line: 18, columns: [column('id', 18), column('account_id', 18, { references: 'accounts', nullable: false }), column('format', 19, { enum: ['csv', 'json'] }), column('status', 19, { enum: ['queued', 'running', 'done', 'failed'] }), column('file_key', 20), column('created_at', 20)] },
        { table: 'accounts', change: 'alter-table', line: 22, columns: [column('export_quota', 22, { type: 'integer', nullable: true })] },
      ],
      authz: [
        { line: 25, text: 'Account admins create exports.', roles: ['account_admin'], operations: ['POST /v1/exports'] },
        { line: 26, text: 'Members of the account read its exports.', roles: ['member'], ownership: 'same account', operations: ['GET /v1/exports/{exportId}'] },
      ],
      jobs: [{ line: 28, text: 'A worker builds `queued` exports and uploads them to object storage.' }],
    }),
    service: service('api', {
      language: d('python', 'pyproject.toml'),
      framework: d('fastapi', 'app/main.py', 3),
      appEntry: d('app/main.py#app', 'app/main.py', 9),
      orm: d('sqlalchemy', 'app/db.py', 1),
      migrations: d('alembic', 'alembic.ini', 1),
      databases: [d('postgres', 'compose.yaml', 4)],
      auth: [d('oidc', 'app/auth.py', 12)],
      apiStyles: [d('rest', 'app/main.py', 3)],
      jobs: [d('celery', 'app/worker.py', 1)],
      logger: d('structlog', 'app/logging.py', 1),
      validation: d('pydantic', 'app/schemas.py', 1),
      testRunner: d('pytest', 'pyproject.toml', 40),
      packageManager: d('uv', 'uv.lock'),
      testDir: d('tests', 'tests/conftest.py'),
    }),
    contract: contract('openapi', 'paths:\n  /v1/exports:\n    post:\n      operationId: createExport', REST_CHECKLIST.filter((c) => c.topic === 'versioning' || c.topic === 'errors')),
    sprint: sprint('05', 'data-exports'),
    answers: { populatedTables: ['accounts'] },
  };
}

/** Django REST framework + PostgreSQL, Poetry + pytest, cookie sessions: comments (XSS, CSRF). */
export function djangoComments(): ModelInput {
  return {
    scope: scope({
      title: 'Comments',
      operations: [
        rest('POST', '/api/posts/{postId}/comments', 'createComment', 6, { requestFields: [field('body', 7, { type: 'string', required: true, maxLength: 5000 })] }),
        rest('PATCH', '/api/comments/{commentId}', 'editComment', 9, { requestFields: [field('body', 9, { type: 'string', required: true, maxLength: 5000 })] }),
        rest('DELETE', '/api/comments/{commentId}', 'deleteComment', 11),
        rest('GET', '/api/posts/{postId}/comments', 'listComments', 13, { list: true }),
      ],
      entities: [{ table: 'comments', change: 'new-table', line: 16, columns: [column('id', 16), column('post_id', 16, { references: 'posts', nullable: false }), column('author_id', 17, { references: 'users', nullable: false }), column('body', 17, { nullable: false }), column('created_at', 18)] }],
      authz: [
        { line: 20, text: 'Signed-in users comment; authors edit and delete their own comments; moderators delete any.', roles: ['user', 'moderator'], ownership: 'author, or moderator', operations: ['PATCH /api/comments/{commentId}', 'DELETE /api/comments/{commentId}'] },
        { line: 21, text: 'Anyone signed in may comment.', roles: ['user'], operations: ['POST /api/posts/{postId}/comments'] },
        { line: 22, text: 'Comments are public.', roles: [], public: true, justification: 'read-only, published content', operations: ['GET /api/posts/{postId}/comments'] },
      ],
    }),
    service: service('site', {
      language: d('python', 'pyproject.toml'),
      framework: d('drf', 'site/settings.py', 40),
      orm: d('django-orm', 'blog/models.py', 1),
      databases: [d('postgres', 'site/settings.py', 80)],
      auth: [d('django-auth', 'site/settings.py', 33)],
      apiStyles: [d('rest', 'blog/urls.py', 1)],
      testRunner: d('pytest', 'pyproject.toml', 50),
      packageManager: d('poetry', 'poetry.lock'),
      testDir: d('tests', 'tests/test_posts.py'),
    }),
    contract: contract('openapi', 'paths:\n  /api/posts/{postId}/comments:\n    post:\n      operationId: createComment'),
    sprint: sprint('02', 'comments'),
    answers: {},
  };
}

/** Gin + GORM/goose + PostgreSQL, Go modules, asynq, zap: payouts with an unverified callback. */
export function ginPayouts(): ModelInput {
  return {
    scope: scope({
      title: 'Payouts',
      operations: [
        rest('POST', '/v1/payouts', 'createPayout', 5, { retrySafe: true, requestFields: [field('amount_cents', 6, { type: 'integer', required: true, minimum: 100 }), field('destination_id', 7, { type: 'string', required: true })] }),
        rest('POST', '/v1/payouts/callback', 'payoutCallback', 9, { unauthenticated: true }),
      ],
      entities: [{ table: 'payouts', change: 'new-table', line: 12, columns: [column('id', 12), column('destination_id', 12, { nullable: false }), column('amount_cents', 13, { type: 'integer', nullable: false }), column('status', 13, { enum: ['requested', 'paid', 'failed'] }), column('created_at', 14)] }],
      authz: [{ line: 16, text: 'Only the finance role creates payouts.', roles: ['finance'], operations: ['POST /v1/payouts'] }],
      jobs: [{ line: 18, text: 'Every hour, retry `failed` payouts.', schedule: 'hourly' }],
      slos: [{ line: 20, text: 'Payout creation p99 under 800 ms.', percentile: 'p99', thresholdMs: 800, operation: 'POST /v1/payouts' }],
    }),
    service: service('payouts', {
      language: d('go', 'go.mod', 1),
      framework: d('gin', 'cmd/api/main.go', 12),
      orm: d('gorm', 'internal/store/db.go', 5),
      migrations: d('goose', 'migrations/00001_init.sql', 1),
      databases: [d('postgres', 'internal/store/db.go', 9)],
      auth: [d('jwt', 'internal/http/auth.go', 7)],
      apiStyles: [d('rest', 'cmd/api/main.go', 12)],
      jobs: [d('asynq', 'internal/jobs/worker.go', 3)],
      logger: d('zap', 'internal/log/log.go', 1),
      testRunner: d('go-test', 'internal/http/auth_test.go', 1),
      packageManager: d('go', 'go.mod', 1),
    }),
    contract: contract('openapi', 'paths:\n  /v1/payouts:\n    post:\n      operationId: createPayout'),
    sprint: sprint('09', 'payouts'),
    answers: {},
  };
}

/** Rails + Active Record + MySQL, Bundler + RSpec, Devise, Sidekiq: pause a subscription (PUT), populated table. */
export function railsSubscriptions(): ModelInput {
  return {
    scope: scope({
      title: 'Pause subscriptions',
      operations: [
        rest('PUT', '/subscriptions/{subscriptionId}/pause', 'pauseSubscription', 4, { requestFields: [field('resume_on', 5, { type: 'string', format: 'date' })] }),
        rest('DELETE', '/subscriptions/{subscriptionId}/pause', 'resumeSubscription', 7),
      ],
      entities: [{ table: 'subscriptions', change: 'alter-table', line: 10, columns: [column('paused_until', 10, { type: 'date', nullable: true }), column('pause_count', 11, { type: 'integer', default: '0', nullable: false })], rowsHint: { text: '80,000 subscriptions', count: 80_000, line: 12 } }],
      authz: [{ line: 14, text: 'Customers pause their own subscription.', roles: ['customer'], ownership: 'own subscription', operations: ['PUT /subscriptions/{subscriptionId}/pause', 'DELETE /subscriptions/{subscriptionId}/pause'] }],
      jobs: [{ line: 16, text: 'Each morning, resume subscriptions whose pause has ended.', schedule: 'daily' }],
    }),
    service: service('store', {
      language: d('ruby', 'Gemfile', 1),
      framework: d('rails', 'config/application.rb', 1),
      orm: d('active-record', 'config/database.yml', 1),
      databases: [d('mysql', 'config/database.yml', 3)],
      auth: [d('devise', 'Gemfile', 12)],
      apiStyles: [d('rest', 'config/routes.rb', 1)],
      jobs: [d('sidekiq', 'Gemfile', 15)],
      logger: d('rails-logger', 'config/environments/production.rb', 40),
      testRunner: d('rspec', 'Gemfile', 30),
      packageManager: d('bundler', 'Gemfile.lock'),
      testDir: d('spec', 'spec/rails_helper.rb'),
    }),
    contract: contract('openapi', 'paths:\n  /subscriptions/{subscriptionId}/pause:\n    put:\n      operationId: pauseSubscription'),
    sprint: sprint('11', 'pause-subscriptions'),
    answers: {},
  };
}

/** grpc-go + ent/Atlas + PostgreSQL in a monorepo service, mTLS caller identity from the answers file. */
export function grpcShipments(): ModelInput {
  return {
    scope: scope({
      title: 'Shipments',
      operations: [
        op('grpc', 'CreateShipment', 5, { retrySafe: true, requestFields: [field('order_id', 6, { type: 'string', required: true }), field('carrier', 7, { type: 'string', enum: ['ups', 'dhl'], required: true })] }),
        op('grpc', 'GetShipment', 9, { requestFields: [field('shipment_id', 9, { type: 'string', required: true })] }),
        op('grpc', 'ListShipments', 11, { list: true, requestFields: [field('order_id', 11, { type: 'string' })] }),
      ],
      entities: [{ table: 'shipments', change: 'new-table', line: 14, columns: [column('id', 14), column('order_id', 14, { nullable: false }), column('carrier', 15, { enum: ['ups', 'dhl'] }), column('tracking_code', 15, { unique: true }), column('created_at', 16)] }],
      services: ['logistics'],
    }),
    service: {
      ...service('logistics', {
        language: d('go', 'services/logistics/go.mod', 1),
        framework: d('grpc-go', 'services/logistics/cmd/server/main.go', 20),
        orm: d('ent', 'services/logistics/ent/schema/shipment.go', 1),
        databases: [d('postgres', 'docker-compose.yml', 6)],
        apiStyles: [d('grpc', 'services/logistics/proto/logistics.proto', 1)],
        testRunner: d('go-test', 'services/logistics/internal/service/shipments_test.go', 1),
        packageManager: d('go', 'services/logistics/go.mod', 1),
      }),
      path: 'services/logistics',
    },
    contract: contract('proto', 'service Logistics {\n  rpc CreateShipment(CreateShipmentRequest) returns (Shipment);\n}'),
    sprint: sprint('06', 'shipments'),
    answers: {
      authz: {
        CreateShipment: { auth: 'mTLS (orders service identity)', roles: ['orders-service'], ownership: 'none' },
        GetShipment: { auth: true, roles: ['orders-service', 'support'] },
        ListShipments: { auth: true, roles: ['orders-service', 'support'] },
      },
    },
  };
}

/** Next.js + tRPC + Prisma + SQLite, Bun + Vitest, NextAuth: notes (no job system, no logger detected). */
export function nextNotes(): ModelInput {
  return {
    scope: scope({
      title: 'Notes',
      operations: [
        op('trpc-mutation', 'note.create', 4, { requestFields: [field('text', 5, { type: 'string', required: true })] }),
        op('trpc-query', 'note.list', 7, { list: true }),
      ],
      entities: [{ table: 'notes', change: 'new-table', line: 10, columns: [column('id', 10), column('user_id', 10, { references: 'users', nullable: false }), column('text', 11, { nullable: false }), column('created_at', 11)] }],
      authz: [{ line: 13, text: 'Users see and write only their own notes.', roles: [], ownership: 'own notes', operations: ['note.create', 'note.list'] }],
      jobs: [{ line: 15, text: 'Weekly, delete notes older than a year.', schedule: 'weekly' }],
    }),
    service: service('web', {
      language: d('typescript', 'tsconfig.json'),
      framework: d('nextjs', 'next.config.mjs', 1),
      orm: d('prisma', 'prisma/schema.prisma', 1),
      databases: [d('sqlite', 'prisma/schema.prisma', 3)],
      auth: [d('next-auth', 'app/api/auth/[...nextauth]/route.ts', 1)],
      apiStyles: [d('trpc', 'server/routers/_app.ts', 1)],
      testRunner: d('vitest', 'vitest.config.ts', 1),
      packageManager: d('bun', 'bun.lockb'),
    }),
    contract: contract('trpc', "note: router({\n  create: protectedProcedure.input(z.object({ text: z.string() })).mutation(...),\n})"),
    sprint: sprint('03', 'notes'),
    answers: {},
  };
}

/** Koa + Knex + PostgreSQL, npm + Mocha: one optional response field (overkill). */
export function koaThin(): ModelInput {
  return {
    scope: scope({
      title: 'Show nickname',
      operations: [rest('GET', '/v1/profile', 'getProfile', 4, { responseFields: [field('nickname', 4, { type: 'string' })] })],
    }),
    service: service('profile', {
      language: d('javascript', 'package.json'),
      framework: d('koa', 'src/app.js', 2),
      orm: d('knex', 'knexfile.js', 1),
      databases: [d('postgres', 'knexfile.js', 3)],
      apiStyles: [d('rest', 'src/app.js', 2)],
      testRunner: d('mocha', 'package.json', 9),
      packageManager: d('npm', 'package-lock.json'),
    }),
    contract: contract('openapi', 'paths:\n  /v1/profile:\n    get:\n      operationId: getProfile'),
    sprint: sprint('12', 'show-nickname'),
    answers: {},
  };
}

/** Spring Boot + JPA/Flyway + PostgreSQL, Gradle + JUnit: GraphQL reviews with a mutation whose authz is unknown. */
export function springReviews(): ModelInput {
  return {
    scope: scope({
      title: 'Product reviews',
      operations: [
        op('graphql-mutation', 'addReview', 6, { requestFields: [field('productId', 6, { type: 'string', required: true }), field('rating', 7, { type: 'integer', required: true, minimum: 1, maximum: 5 }), field('text', 8, { type: 'string', maxLength: 2000 })] }),
        op('graphql-query', 'reviews', 10, { list: true }),
      ],
      entities: [{ table: 'reviews', change: 'new-table', line: 13, columns: [column('id', 13), column('product_id', 13, { references: 'products', nullable: false }), column('rating', 14, { type: 'integer', nullable: false }), column('text', 14), column('created_at', 15)] }],
      slos: [{ line: 18, text: 'All review operations p95 under 250 ms.', percentile: 'p95', thresholdMs: 250 }],
    }),
    service: service('catalog', {
      language: d('java', 'build.gradle.kts', 1),
      framework: d('spring-boot', 'build.gradle.kts', 5),
      orm: d('jpa', 'build.gradle.kts', 9),
      migrations: d('flyway', 'src/main/resources/db/migration/V1__init.sql', 1),
      databases: [d('postgres', 'src/main/resources/application.yml', 4)],
      auth: [d('oauth', 'src/main/java/shop/SecurityConfig.java', 20)],
      apiStyles: [d('graphql', 'src/main/resources/graphql/schema.graphqls', 1)],
      testRunner: d('junit', 'build.gradle.kts', 30),
      packageManager: d('gradle', 'build.gradle.kts'),
    }),
    contract: contract('graphql', 'type Mutation {\n  addReview(input: AddReviewInput!): AddReviewPayload!\n}'),
    sprint: sprint('08', 'product-reviews'),
    answers: {},
  };
}

export const STACKS: Record<string, () => ModelInput> = {
  'express-prisma-postgres': () => refundsInput(),
  'fastify-drizzle-postgres': fastifyBookmarks,
  'nestjs-typeorm-mysql': nestInvoices,
  'fastapi-sqlalchemy-postgres': fastapiExports,
  'drf-django-postgres': djangoComments,
  'gin-gorm-postgres': ginPayouts,
  'rails-activerecord-mysql': railsSubscriptions,
  'grpc-ent-postgres': grpcShipments,
  'nextjs-trpc-sqlite': nextNotes,
  'koa-knex-thin': koaThin,
  'spring-graphql-postgres': springReviews,
};
