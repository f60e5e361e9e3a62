import { describe, expect, it } from 'vitest';
import { buildBackendSpec } from '../../lib/model/index.js';
import { MIGRATIONS } from '../../lib/model/conventions.js';
import { expressService, refundsInput } from './fixtures.js';
import { djangoComments, fastapiExports, fastifyBookmarks, grpcShipments, nestInvoices, nextNotes, railsSubscriptions, springReviews, STACKS } from './stacks.js';

describe('migrations in the tool’s own convention', () => {
  const files = (input: ReturnType<typeof refundsInput>) => buildBackendSpec(input).dataModel.migrations.map((m) => m.file);

  it('names each tool’s files its own way', () => {
    expect(files(refundsInput())[0]).toBe('prisma/migrations/<timestamp>_create_refunds/migration.sql');
    expect(files(fastapiExports())[0]).toBe('alembic/versions/<rev>_create_exports.py');
    expect(files(djangoComments())[0]).toBe('<app>/migrations/<nnnn>_create_comments.py');
    expect(files(railsSubscriptions())[0]).toBe('db/migrate/<timestamp>_alter_subscriptions.rb');
    expect(files(nestInvoices())[0]).toBe('src/migrations/<timestamp>-AddSentAtToInvoices.ts');
    expect(files(fastifyBookmarks())[0]).toBe('drizzle/<nnnn>_create_bookmarks.sql');
    expect(files(springReviews())[0]).toBe('src/main/resources/db/migration/V<n>__create_reviews.sql');
    expect(files(grpcShipments())[0]).toBe('services/logistics/ent/migrate/migrations/<timestamp>_create_shipments.sql');
  });

  it('falls back to the ORM’s tool and writes down files where the tool has them', () => {
    const input = refundsInput({ service: { ...expressService(), orm: undefined, migrations: { value: 'golang-migrate', confidence: 0.9, evidence: [{ file: 'migrations/000001_init.up.sql' }] } } });
    const [first] = buildBackendSpec(input).dataModel.migrations;
    expect(first.file).toBe('migrations/<version>_create_refunds.up.sql');
    expect(first.extraFiles).toEqual(['migrations/<version>_create_refunds.down.sql']);
  });

  it('orders referenced tables first and records the dependency', () => {
    const input = refundsInput();
    input.scope.entities.unshift({ table: 'refund_items', change: 'new-table', line: 60, columns: [{ name: 'refund_id', line: 60, references: 'refunds.id' }] });
    const migrations = buildBackendSpec(input).dataModel.migrations;
    expect(migrations.map((m) => m.name).slice(0, 3)).toEqual(['create_refunds', 'create_refund_items', 'add_refunded_cents_to_orders']);
    expect(migrations[1].dependsOn).toEqual(['create_refunds']);
  });

  it('asks which tool when none can be told', () => {
    const spec = buildBackendSpec(refundsInput({ service: { ...expressService(), orm: undefined } }));
    expect(spec.dataModel.tool).toBeUndefined();
    expect(spec.openQuestions.map((q) => q.code)).toContain('migration-tool');
  });

  it('has a create command and an apply command for every tool', () => {
    for (const [id, conv] of Object.entries(MIGRATIONS)) {
      expect(conv.create, id).toContain(conv.nameCase === 'pascal' ? '{Name}' : conv.create.includes('{Name}') ? '{Name}' : '{name}');
      expect(conv.apply.length, id).toBeGreaterThan(0);
    }
  });

  it('builds indexes on a populated table online, in their own non-transactional migration', () => {
    const input = refundsInput();
    input.scope.operations.push({ kind: 'rest', method: 'GET', path: '/v1/orders', name: 'listOrders', line: 70, pathParams: [], queryParams: [{ name: 'status', line: 70 }], requestFields: [], responseFields: [], list: true, retrySafe: false });
    input.scope.entities[1].columns.push({ name: 'status', line: 51 }, { name: 'created_at', line: 51 }, { name: 'id', line: 51 });
    const spec = buildBackendSpec(input);
    const index = spec.dataModel.migrations.find((m) => m.kind === 'create-index')!;
    expect(index).toMatchObject({ table: 'orders', nonTransactional: true, dependsOn: ['alter_orders'] });
    expect(spec.dataModel.populated[0].steps.at(-1)).toEqual({ kind: 'index-concurrently', code: 'CREATE INDEX CONCURRENTLY orders_status_created_at_id_idx ON orders (status, created_at DESC, id DESC);' });
  });
});

describe('backfills only where rows exist', () => {
  it('a new table with a stated volume, or a table with no stated columns, gets no backfill plan', () => {
    const input = refundsInput();
    input.scope.entities[0].rowsHint = { text: '100 refunds', count: 100, line: 50 };
    input.scope.entities.push({ table: 'tasks', change: 'alter-table', line: 90, columns: [], rowsHint: { text: '2 million tasks', count: 2_000_000, line: 90 } });
    const tables = buildBackendSpec(input).dataModel.populated.map((plan) => plan.table);
    expect(tables).not.toContain(input.scope.entities[0].table);
    expect(tables).not.toContain('tasks');
    expect(tables).toContain('orders');
  });
});

describe('indexes, constraints and the ER diagram', () => {
  const spec = buildBackendSpec(refundsInput());

  it('derives unique keys, FKs, checks, the list index and the job’s partial index', () => {
    const byName = Object.fromEntries(spec.dataModel.indexes.map((i) => [i.name, i]));
    expect(byName.refunds_stripe_refund_id_key).toMatchObject({ kind: 'unique', columns: ['stripe_refund_id'] });
    expect(byName.refunds_order_id_fkey).toMatchObject({ kind: 'foreign-key', references: 'orders.id' });
    expect(byName.refunds_order_id_created_at_id_idx).toMatchObject({ kind: 'index', columns: ['order_id', 'created_at DESC', 'id DESC'], why: { kind: 'list-operation' } });
    expect(byName.refunds_pending_created_at_idx).toMatchObject({ kind: 'partial-index', expression: "status = 'pending'", why: { kind: 'job-scan', ref: '53' } });
    expect(byName.refunds_status_check.expression).toBe("status IN ('pending', 'succeeded', 'failed')");
    // The list index leads with order_id, so no separate FK index.
    expect(byName.refunds_order_id_idx).toBeUndefined();
    expect(buildBackendSpec(nextNotes()).dataModel.indexes.map((i) => i.name)).toContain('notes_user_id_idx');
  });

  it('draws new and changed entities in a Mermaid erDiagram', () => {
    // No migration tool: no change block, so the diagram carries the columns.
    const plain = buildBackendSpec(refundsInput({ service: { ...expressService(), orm: undefined, migrations: undefined } }));
    expect(plain.dataModel.change).toBeUndefined();
    const diagram = plain.dataModel.erDiagram!;
    expect(diagram.split('\n')[0]).toBe('erDiagram');
    expect(diagram).toContain('orders ||--o{ refunds : "order_id"');
    expect(diagram).toContain('bigint order_id FK');
    expect(diagram).toContain('text stripe_refund_id UK');
    expect(diagram).toContain('    orders {\n        integer refunded_cents\n    }');
  });

  it('draws no diagram when the change block shows every table and its relations (it would repeat them)', () => {
    expect(spec.dataModel.change?.form).toBe('prisma-schema');
    expect(spec.dataModel.change?.code).toMatch(/^ {2}stripe_refund_id +String\? +@unique$/m);
    expect(spec.dataModel.change?.code).toMatch(/@relation\(fields: \[order_id\], references: \[id\]\)/);
    expect(spec.dataModel.erDiagram).toBeUndefined();
  });
});

describe('authz, validation, idempotency, observability', () => {
  const spec = buildBackendSpec(refundsInput());

  it('fills the matrix from the spec’s rules and the answers file', () => {
    expect(spec.authz.rows.map((r) => [r.endpoint, r.method, r.auth, r.roles, r.ownership])).toEqual([
      ['/v1/orders/{orderId}/refunds', 'POST', 'yes', ['support', 'admin'], 'none'],
      ['/v1/orders/{orderId}/refunds', 'GET', 'yes', ['customer'], 'own orders'],
      ['/v1/refunds/{refundId}', 'GET', 'yes', ['customer'], 'own orders'],
      ['/v1/webhooks/stripe', 'POST', 'no', [], 'none'],
    ]);
    const grpc = buildBackendSpec(grpcShipments()).authz.rows[0];
    expect(grpc).toMatchObject({ endpoint: 'CreateShipment', method: 'rpc', auth: 'yes', justification: 'mTLS (orders service identity)', roles: ['orders-service'] });
  });

  it('uses the stack’s validation library and lists the surfaces the sprint opens', () => {
    expect(spec.validation).toMatchObject({ library: 'zod', detected: true });
    expect(spec.validation.surfaces.map((s) => s.kind)).toEqual(['sql-injection', 'xss', 'webhook-signature']);
    expect(spec.validation.masked).toEqual(['headers.authorization', 'headers.stripe-signature', 'note']);
    expect(buildBackendSpec(djangoComments()).validation.surfaces.map((s) => s.kind)).toContain('csrf');
    expect(buildBackendSpec(fastifyBookmarks()).validation.surfaces.map((s) => s.kind)).toContain('ssrf');
    expect(buildBackendSpec(springReviews()).validation.library).toBe('jakarta-validation');
    expect(buildBackendSpec(nestInvoices()).validation.library).toBe('class-validator');
  });

  it('gives every mutating operation a key, a window and a store', () => {
    expect(spec.idempotency.rows).toEqual([
      expect.objectContaining({ key: 'POST /v1/orders/{orderId}/refunds', mechanism: 'idempotency-key', keyName: 'Idempotency-Key', window: '24h', missing: '400', inFlight: '409', mismatch: '422', outbound: 'Stripe Idempotency-Key', storage: { kind: 'table', name: 'idempotency_keys', database: 'PostgreSQL' } }),
      expect.objectContaining({ key: 'POST /v1/webhooks/stripe', mechanism: 'event-id', keyName: 'event.id', window: '72h' }),
    ]);
    expect(spec.idempotency.webhookOrdering).toBe(true);
    expect(buildBackendSpec(grpcShipments()).idempotency.rows[0]).toMatchObject({ mechanism: 'request-id', keyName: 'request_id', missing: 'INVALID_ARGUMENT', inFlight: 'ABORTED', mismatch: 'FAILED_PRECONDITION' });
    expect(buildBackendSpec(djangoComments()).idempotency.rows.find((r) => r.key === 'DELETE /api/comments/{commentId}')).toMatchObject({ mechanism: 'natural-key' });
    // "DELETE … so the app can retry safely" asks for what the method gives: no Idempotency-Key, no key table.
    const retried = djangoComments();
    retried.scope.operations.find((op) => op.method === 'DELETE')!.retrySafe = true;
    const rows = buildBackendSpec(retried).idempotency.rows;
    expect(rows.find((r) => r.key === 'DELETE /api/comments/{commentId}')).toMatchObject({ mechanism: 'natural-key', storage: { kind: 'row', name: 'row' } });
    expect(rows.some((r) => r.mechanism === 'idempotency-key')).toBe(false);
  });

  it('plans job retries, dead letters and schedules in the detected job system', () => {
    const [job] = spec.idempotency.jobs;
    expect(job).toMatchObject({ system: 'bullmq', detected: true, scheduleCode: "queue.upsertJobScheduler(id, { pattern: '0 3 * * *' })" });
    const [celery] = buildBackendSpec(fastapiExports()).idempotency.jobs;
    expect(celery).toMatchObject({ system: 'celery', scheduleCode: undefined });
    const [weekly] = buildBackendSpec(nextNotes()).idempotency.jobs;
    expect(weekly).toMatchObject({ system: 'bullmq', detected: false, scheduleCode: "queue.upsertJobScheduler(id, { pattern: '0 3 * * 1' })" });
    expect(buildBackendSpec(nextNotes()).openQuestions.map((q) => q.code)).toContain('job-system');
  });

  it('names OpenTelemetry metrics, spans and the logger', () => {
    const names = spec.observability.metrics.map((m) => m.name);
    expect(names).toEqual(['http.server.request.duration', 'app.refund.created', 'app.webhook.events', 'app.job.runs', 'app.job.duration', 'http.client.request.duration', 'db.client.operation.duration']);
    expect(spec.observability.logger).toBe('pino');
    expect(spec.observability.redact).toBe("pino({ redact: ['headers.authorization', 'headers.stripe-signature', 'note'] })");
    expect(buildBackendSpec(grpcShipments()).observability.metrics[0]).toMatchObject({ name: 'rpc.server.duration', unit: 'ms', attributes: ['rpc.system', 'rpc.service', 'rpc.method', 'rpc.grpc.status_code'] });
    expect(buildBackendSpec(nestInvoices()).observability.metrics[1].name).toBe('app.invoice.send.requests');
  });

  it('reads the stack lines and the layers from the evidence', () => {
    expect(spec.stack.find((l) => l.dimension === 'framework')).toMatchObject({ labels: ['Express'], evidence: ['src/app.ts:3'] });
    expect(spec.layers.map((l) => [l.kind, l.folder, l.fromRepo])).toEqual([
      ['routes', 'src/routes', true],
      ['services', 'src/services', false],
      ['data', 'prisma', true],
      ['jobs', 'src/jobs', true],
      ['integrations', 'src/integrations', false],
    ]);
    const missing = buildBackendSpec(nextNotes()).stack.find((l) => l.dimension === 'jobs')!;
    expect(missing.neededButMissing).toBe(true);
  });

  it('works without a detected service', () => {
    const spec = buildBackendSpec({ ...refundsInput(), service: undefined });
    expect(spec.stack.every((l) => l.values.length === 0)).toBe(true);
    expect(spec.testPlan.commands).toEqual([]);
    expect(spec.openQuestions.map((q) => q.code)).toEqual(expect.arrayContaining(['migration-tool', 'test-runner']));
  });

  it('covers at least eight stacks', () => {
    expect(Object.keys(STACKS).length).toBeGreaterThanOrEqual(8);
  });
});

describe('observability names no logger it cannot know', () => {
  it('without a detected logger or language: no logger, the fields and what is never logged; one span name per table', async () => {
    const { service } = await import('./fixtures.js');
    const spec = buildBackendSpec(refundsInput({ service: service('api', {}) }));
    expect(spec.observability.logger).toBeUndefined();
    expect(spec.observability.masked.length).toBeGreaterThan(0);
    expect(spec.observability.spans.filter((span) => span.kind === 'database').map((span) => span.name).every((name) => !name.includes(','))).toBe(true);
    const { renderSection } = await import('../../lib/render/index.js');
    const { markdown } = await renderSection(spec, 'en');
    expect(markdown).toContain('No language or logger was detected, so no logger is named.');
    expect(markdown).not.toMatch(/pino|suggested; none detected/);
  });

  it('with a known language and no logger: the language’s usual logger, marked as a suggestion', () => {
    const spec = buildBackendSpec(refundsInput({ service: { ...expressService(), logger: undefined } }));
    expect(spec.observability.logger).toBe('pino');
    expect(spec.observability.loggerDetected).toBe(false);
  });
});

describe('a test plan without a detected runner', () => {
  it('says so instead of naming an empty runner, and lists only the contract test it can place', async () => {
    const service = { ...expressService(), path: 'packages/api', testRunner: undefined };
    const spec = buildBackendSpec(refundsInput({ service, plannedContractTest: { path: 'packages/api/tests/api/order-refunds.contract.test.ts', command: 'pnpm exec vitest run tests/api/order-refunds.contract.test.ts' } }));
    const { renderSection } = await import('../../lib/render/index.js');
    const en = (await renderSection(spec, 'en')).markdown;
    expect(en).toContain('Run from `packages/api/` via pnpm. No test runner detected (see Open questions), so only the contract test is listed:');
    expect(en).not.toMatch(/with {2}via|with {2}\(/);
    const zh = (await renderSection(spec, 'zh-TW')).markdown;
    expect(zh).toContain('未偵測到測試執行器（見待釐清問題），因此只列出契約測試：');
  });
});

describe('where the change block goes', () => {
  it('inline while short; beside the document (schema-change.md) once it is over 30 lines', async () => {
    const long = buildBackendSpec(refundsInput());
    expect(long.dataModel.change?.lines).toBeGreaterThan(30);
    expect(long.dataModel.change?.file).toBe('schema-change.md');
    const { extractScope } = await import('../../lib/scope/index.js');
    const short = buildBackendSpec(refundsInput({ scope: extractScope('# N\n\n## Data model\n\nNew table `notes` (id uuid, body text).\n') }));
    expect(short.dataModel.change?.lines).toBeLessThanOrEqual(30);
    expect(short.dataModel.change?.file).toBeUndefined();
  });
});

describe('text fields without a length limit', () => {
  it('are one open question naming each field with its operations; an id is never asked about', async () => {
    const { extractScope } = await import('../../lib/scope/index.js');
    const scope = extractScope([
      '# Notes',
      '',
      '## API',
      '',
      '- `POST /v1/notes` creates a note. Body: `title` (string), `body` (string).',
      '- `PATCH /v1/notes/{id}` edits a note. Body: `id` (string), `title` (string).',
      '',
    ].join('\n'));
    const questions = buildBackendSpec(refundsInput({ scope })).openQuestions.filter((q) => q.code === 'text-length');
    expect(questions).toHaveLength(1);
    expect(questions[0].params?.fields?.split('\n')).toEqual(['title\tPOST /v1/notes\tPATCH /v1/notes/{id}', 'body\tPOST /v1/notes']);
  });
});
