import { describe, expect, it } from 'vitest';
import { buildBackendSpec, isOverkill, rankQuestions, sloAlerts } from '../../lib/model/index.js';
import { column, expressService, field, refundsInput, refundsScope, rest, scope } from './fixtures.js';
import { fastapiExports, ginPayouts, koaThin, nestInvoices, railsSubscriptions, STACKS } from './stacks.js';

const codes = (input: Parameters<typeof buildBackendSpec>[0]) => buildBackendSpec(input).warnings.map((w) => w.code);

describe('rule: a backfill plan for every populated table', () => {
  it('plans the online change and the backfill for a table the spec says holds rows', () => {
    const spec = buildBackendSpec(refundsInput());
    const [orders] = spec.dataModel.populated;
    expect(orders.table).toBe('orders');
    expect(orders.source).toBe('spec');
    expect(orders.steps.map((s) => s.kind)).toEqual(['lock-timeout', 'add-column-fast-default']);
    expect(orders.backfill).toMatchObject({ batchSize: 1000, sleepMs: 100, batches: 2000, keyColumn: 'id', verificationExpect: 'zero' });
    expect(orders.backfill.verificationQuery).toBe('SELECT count(*) FROM orders WHERE refunded_cents IS NULL;');
    expect(spec.dataModel.populated.map((p) => p.table)).not.toContain('refunds');
  });

  it('warns missing-backfill and asks when existing rows have no value', () => {
    const spec = buildBackendSpec(nestInvoices());
    expect(spec.warnings.map((w) => w.code)).toContain('missing-backfill');
    expect(spec.dataModel.populated[0].backfill.value).toEqual({ kind: 'unknown' });
    expect(spec.dataModel.populated[0].steps.map((s) => s.kind)).toEqual(['lock-timeout', 'mysql-instant', 'backfill', 'mysql-modify-not-null']);
    const question = spec.openQuestions.find((q) => q.code === 'backfill-value');
    expect(question).toMatchObject({ top: true, params: { table: 'invoices', columns: 'sent_at' } });
  });

  it('uses expand/contract on PostgreSQL for a NOT NULL column without a default', () => {
    const input = refundsInput();
    input.scope.entities[1].columns = [column('refund_state', 51, { type: 'text', nullable: false })];
    const steps = buildBackendSpec(input).dataModel.populated[0].steps.map((s) => s.kind);
    expect(steps).toEqual(['lock-timeout', 'add-column-nullable', 'backfill', 'check-not-valid', 'validate-constraint', 'set-not-null']);
  });

  it('treats an existing table as populated until the answers file says otherwise, and asks', () => {
    const input = refundsInput();
    input.scope.entities[1].rowsHint = undefined;
    const spec = buildBackendSpec(input);
    expect(spec.dataModel.populated[0]).toMatchObject({ table: 'orders', source: 'existing-table' });
    expect(spec.warnings.map((w) => w.code)).toContain('missing-backfill');
    expect(spec.openQuestions.map((q) => q.code)).toContain('populated-unknown');

    const answered = buildBackendSpec({ ...input, answers: { populatedTables: [] } });
    expect(answered.dataModel.populated).toEqual([]);
    expect(answered.warnings.map((w) => w.code)).not.toContain('missing-backfill');

    const listed = buildBackendSpec({ ...input, answers: { populatedTables: ['orders'] } });
    expect(listed.dataModel.populated[0].source).toBe('answers');
    expect(listed.warnings.map((w) => w.code)).not.toContain('missing-backfill');
  });

  it('leaves nullable columns out of the backfill', () => {
    const plan = buildBackendSpec(railsSubscriptions()).dataModel.populated[0].backfill;
    expect(plan.columns).toEqual(['pause_count']);
    expect(plan.value).toEqual({ kind: 'default', value: 'pause_count = 0' });
    const nullable = buildBackendSpec(fastapiExports()).dataModel.populated[0].backfill;
    expect(nullable.value).toEqual({ kind: 'nullable' });
    expect(nullable.verificationExpect).toBe('column');
  });

  it('backs up with the database’s own tool before populated changes and their destructive rollbacks', () => {
    const backups = buildBackendSpec(refundsInput()).dataModel.backups;
    // A table created this sprint holds only this sprint's rows: no backup line for rolling it back.
    expect(backups.map((b) => b.before)).toEqual(['add_refunded_cents_to_orders', 'rollback:add_refunded_cents_to_orders']);
    expect(backups[0].command).toMatch(/^pg_dump --format=custom --table=orders /);
    expect(buildBackendSpec(nestInvoices()).dataModel.backups[0].command).toMatch(/^mysqldump --single-transaction/);
  });
});

describe('rule: (none) auth on a mutation needs a justification', () => {
  it('accepts a webhook verified by signature', () => {
    const spec = buildBackendSpec(refundsInput());
    const hook = spec.authz.rows.find((r) => r.key === 'POST /v1/webhooks/stripe')!;
    expect(hook).toMatchObject({ auth: 'no', webhook: true, justification: 'Stripe signature (Stripe-Signature)' });
    expect(spec.warnings.map((w) => w.code)).not.toContain('unauthenticated-mutation');
  });

  it('warns and asks for a callback nobody verifies', () => {
    const spec = buildBackendSpec(ginPayouts());
    expect(spec.warnings).toContainEqual(expect.objectContaining({ code: 'unauthenticated-mutation', params: { operation: 'POST /v1/payouts/callback' } }));
    expect(spec.openQuestions[0]).toMatchObject({ code: 'auth-justification', weight: 95, top: true });
  });

  it('takes the justification from the answers file', () => {
    const input = ginPayouts();
    input.answers = { authz: { 'POST /v1/payouts/callback': { auth: false, justification: 'HMAC-SHA256 over the body with a shared secret' } } };
    expect(codes(input)).not.toContain('unauthenticated-mutation');
  });

  it('does not flag an unauthenticated read', () => {
    const input = refundsInput({ scope: scope({ operations: [rest('GET', '/v1/status', 'status', 3, { unauthenticated: true })] }) });
    expect(codes(input)).not.toContain('unauthenticated-mutation');
  });

  it('fills a row the spec grants to any signed-in user: auth yes, any role, no ownership rule, no question', () => {
    const op = rest('POST', '/v1/tickets', 'createTicket', 3);
    const input = refundsInput({ scope: scope({ operations: [op], authz: [{ text: 'Any signed-in user may create tickets.', line: 4, roles: [], operations: ['POST /v1/tickets'], anySignedIn: true }] }) });
    const spec = buildBackendSpec(input);
    expect(spec.authz.rows[0]).toMatchObject({ auth: 'yes', roles: 'any', ownership: 'none' });
    expect(spec.openQuestions.map((q) => q.code)).not.toContain('authz-unknown');
  });

  it('leaves unknown cells as unknown and ranks the question first for a mutation', () => {
    const spec = buildBackendSpec(nestInvoices());
    expect(spec.authz.rows[0]).toMatchObject({ auth: 'unknown', roles: 'unknown', ownership: 'unknown' });
    expect(spec.openQuestions[0]).toMatchObject({ code: 'authz-unknown', weight: 100 });
  });
});

describe('rule: overkill on a thin change', () => {
  it('flags one operation with one optional field and nothing else', () => {
    expect(isOverkill(koaThin().scope)).toBe(true);
    expect(codes(koaThin())).toContain('overkill');
  });

  it('does not flag a real sprint, a required field, or a data change', () => {
    expect(isOverkill(refundsScope())).toBe(false);
    const required = scope({ operations: [rest('POST', '/v1/x', 'x', 1, { requestFields: [field('a', 1, { required: true })] })] });
    expect(isOverkill(required)).toBe(false);
    const withTable = { ...koaThin().scope, entities: [{ table: 'profiles', change: 'alter-table' as const, line: 2, columns: [column('nickname', 2)] }] };
    expect(isOverkill(withTable)).toBe(false);
    for (const name of Object.keys(STACKS).filter((n) => n !== 'koa-knex-thin')) expect(codes(STACKS[name]())).not.toContain('overkill');
  });
});

describe('rule: SLO figures become alerts', () => {
  const create = rest('POST', '/v1/orders/{orderId}/refunds', 'createRefund', 1);
  const list = rest('GET', '/v1/orders/{orderId}/refunds', 'listRefunds', 2, { list: true });
  const metric = 'http.server.request.duration';

  it('warns at the SLO and pages at twice the SLO for that operation', () => {
    const alerts = sloAlerts([{ line: 9, text: 'p95 under 300 ms', percentile: 'p95', thresholdMs: 300, operation: 'POST /v1/orders/{orderId}/refunds' }], [create, list], metric, '5xx / all');
    expect(alerts.filter((a) => a.source.kind === 'slo').map((a) => [a.subject, a.condition, a.window, a.severity])).toEqual([
      ['POST /v1/orders/{orderId}/refunds', 'p95 > 300 ms', '10m', 'warn'],
      ['POST /v1/orders/{orderId}/refunds', 'p95 > 600 ms', '5m', 'page'],
    ]);
    expect(alerts.find((a) => a.subject === 'GET /v1/orders/{orderId}/refunds')).toMatchObject({ condition: 'p99 > 1000 ms', source: { kind: 'default' } });
    expect(alerts.at(-1)).toMatchObject({ subject: '*', condition: '5xx / all > 1%', severity: 'page' });
  });

  it('uses defaults when the sprint states no SLO, and applies a sprint-wide SLO to every operation', () => {
    expect(sloAlerts([], [create], metric, '5xx / all').map((a) => a.condition)).toEqual(['p99 > 1000 ms', '5xx / all > 1%']);
    const wide = sloAlerts([{ line: 4, text: 'p99 under 150 ms', percentile: 'p99', thresholdMs: 150 }], [create, list], metric, '5xx / all');
    expect(wide.map((a) => a.condition)).toEqual(['p99 > 150 ms', 'p99 > 300 ms', '5xx / all > 1%']);
  });

  it('a target stated twice (a requirement and a success criterion) gives one alert pair, from its first line; another figure keeps its own', () => {
    const twice = sloAlerts(
      [
        { line: 42, text: 'p95 under 200 ms', percentile: 'p95', thresholdMs: 200 },
        { line: 48, text: 'p95 latency at most 200 ms', percentile: 'p95', thresholdMs: 200 },
        { line: 50, text: 'refunds p95 under 200 ms', percentile: 'p95', thresholdMs: 200, operation: 'POST /v1/orders/{orderId}/refunds' },
      ],
      [create, list],
      metric,
      '5xx / all',
    );
    expect(twice.filter((a) => a.source.kind === 'slo').map((a) => [a.subject, a.condition, a.source.kind === 'slo' ? a.source.line : 0])).toEqual([
      ['*', 'p95 > 200 ms', 42],
      ['*', 'p95 > 400 ms', 42],
      ['POST /v1/orders/{orderId}/refunds', 'p95 > 200 ms', 50],
      ['POST /v1/orders/{orderId}/refunds', 'p95 > 400 ms', 50],
    ]);
  });

  it('carries the SLO line into the spec', () => {
    const alerts = buildBackendSpec(refundsInput()).observability.alerts;
    expect(alerts[0]).toMatchObject({ condition: 'p95 > 300 ms', source: { kind: 'slo', line: 55 } });
  });
});

describe('rule: commands match the package manager and the runner', () => {
  const unitCommand = (name: string) => buildBackendSpec(STACKS[name]()).testPlan.commands.find((c) => c.layer === 'unit')!.command;
  it.each([
    ['express-prisma-postgres', 'pnpm exec vitest run test/order-refunds.test.ts'],
    ['fastify-drizzle-postgres', 'node --test test/bookmarks.test.js'],
    ['nestjs-typeorm-mysql', 'yarn jest test/send-invoices.spec.ts'],
    ['fastapi-sqlalchemy-postgres', 'uv run pytest tests/test_data_exports.py'],
    ['drf-django-postgres', 'poetry run pytest tests/test_comments.py'],
    ['gin-gorm-postgres', 'go test ./internal/service/... -run TestPayouts'],
    ['rails-activerecord-mysql', 'bundle exec rspec spec/services/pause_subscriptions_spec.rb'],
    ['grpc-ent-postgres', 'go test ./internal/service/... -run TestShipments'],
    ['nextjs-trpc-sqlite', 'bunx vitest run test/notes.test.ts'],
    ['koa-knex-thin', 'npx mocha test/show-nickname.test.js'],
    ['spring-graphql-postgres', './gradlew test --tests ProductReviewsServiceTest'],
  ])('%s → %s', (name, command) => {
    expect(unitCommand(name)).toBe(command);
  });

  it('uses the build tag for Go integration tests and the contract-test generator’s command when given', () => {
    const go = buildBackendSpec(ginPayouts()).testPlan.commands.find((c) => c.layer === 'integration')!;
    expect(go.command).toBe('go test -tags=integration ./internal/service/... -run TestPayouts');
    const withGenerator = buildBackendSpec(refundsInput({ contractTest: { path: 'test/api/order-refunds.contract.test.ts', command: 'pnpm vitest run test/api/order-refunds.contract.test.ts' } }));
    expect(withGenerator.testPlan.commands.find((c) => c.layer === 'contract')).toMatchObject({ command: 'pnpm vitest run test/api/order-refunds.contract.test.ts' });
    expect(withGenerator.testPlan.contractFromGenerator).toBe(true);
  });

  it('asks for the runner when none was detected', () => {
    const input = refundsInput({ service: { ...expressService(), testRunner: undefined } });
    const spec = buildBackendSpec(input);
    expect(spec.testPlan.commands).toEqual([]);
    expect(spec.openQuestions.map((q) => q.code)).toContain('test-runner');
  });
});

describe('ranking of open questions', () => {
  it('puts the most blocking first, keeps raise order on ties, marks the top three', () => {
    const ranked = rankQuestions([
      { text: 'a', weight: 20, source: 'x' },
      { text: 'b', weight: 100, source: 'x' },
      { text: 'c', weight: 20, source: 'x' },
      { text: 'd', weight: 80, source: 'stack' },
      { text: 'b', weight: 100, source: 'x' },
    ]);
    expect(ranked.map((q) => q.text)).toEqual(['b', 'd', 'a', 'c']);
    expect(ranked.map((q) => q.top)).toEqual([true, true, true, false]);
  });

  it('merges questions from other stages by their weight', () => {
    const spec = buildBackendSpec(refundsInput({ extraQuestions: [{ text: 'Which ORM: prisma or drizzle?', weight: 80, source: 'stack' }] }));
    expect(spec.openQuestions[0]).toMatchObject({ text: 'Which ORM: prisma or drizzle?', top: true });
  });
});

describe('determinism', () => {
  it('builds the same spec twice, with no dates in it', () => {
    for (const make of Object.values(STACKS)) {
      const a = JSON.stringify(buildBackendSpec(make()));
      expect(JSON.stringify(buildBackendSpec(make()))).toBe(a);
      expect(a).not.toMatch(/20\d\d-?\d\d-?\d\d/);
    }
  });

  it('does not mutate its input', () => {
    const input = refundsInput();
    const before = JSON.stringify(input);
    buildBackendSpec(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});

