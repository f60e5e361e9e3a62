// A gRPC service's Backend section speaks gRPC, even when the sprint writes its
// operations as HTTP lines: statuses, credentials, metrics and retries come from
// the API style's vocabulary (lib/knowledge), the operations from the proto.
import { cpSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planBackendSpec, prepareBackendSpec, type RunContext } from '../../lib/pipeline/backend-spec.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const FIXTURES = path.resolve(__dirname, '../fixtures/repos');

const REST_WRITTEN = `# Sprint 01: quotes

## API / Data contracts

- \`POST /v1/quotes\` creates a quote: \`sku\` (string, required, max 64), \`quantity\` (integer, required). Retries must be safe.
- \`GET /v1/quotes/{quoteId}\` returns one quote.

Only the pricing-admin role may create quotes; any signed-in caller may read one.
`;

async function section(fixture: string, spec: string | undefined, apiStyle: 'grpc' | 'rest', language?: string): Promise<string> {
  const root = path.join(tempDir('magi-grpc-'), 'repo');
  cpSync(path.join(FIXTURES, fixture), root, { recursive: true });
  if (spec) writeTree(root, { 'docs/01-quotes/SPEC.md': spec });
  if (language) writeTree(root, { '.yo-rc.json': JSON.stringify({ 'generator-magi': { outputLanguage: language } }) });
  const context: RunContext = { root, home: tempDir('magi-home-'), env: {}, toolVersion: '0.0.0-test' };
  const prepared = await prepareBackendSpec(context, { skipPreflight: true }, { lock: false });
  const plan = await planBackendSpec(prepared, { apiStyle, conflict: 'merge', scaffoldTest: false });
  return plan.documentAfter.slice(plan.documentAfter.indexOf('## Backend'));
}

const part = (markdown: string, heading: string): string => {
  const start = markdown.indexOf(`### ${heading}`);
  const next = markdown.indexOf('\n### ', start + 4);
  return markdown.slice(start, next < 0 ? undefined : next);
};

describe('a gRPC section has no HTTP vocabulary', () => {
  it('names REST-written operations by their rpc and answers with gRPC statuses', async () => {
    const markdown = await section('grpc-go-dead-gin', REST_WRITTEN, 'grpc');
    const authz = part(markdown, 'Authn/authz matrix');
    expect(authz).toContain('| `CreateQuote` | rpc | yes | `pricing-admin` |');
    // GetQuote has no stated rule: it is named, by its rpc, in the one line for unstated operations.
    expect(authz).toContain('no access rule for `GetQuote`');
    expect(authz).not.toContain('GET /v1/quotes');
    expect(authz).toContain('`UNAUTHENTICATED`');
    expect(authz).toContain('`PERMISSION_DENIED`');
    expect(authz).toContain('`authorization` metadata');
    expect(authz).toContain('mTLS peer certificate');
    expect(authz).not.toMatch(/\b40[13]\b|WWW-Authenticate|Bearer/);

    const idempotency = part(markdown, 'Idempotency & retries');
    expect(idempotency).toContain('`request_id` field (AIP-155)');
    expect(idempotency).toContain('| ABORTED | FAILED_PRECONDITION |');
    expect(idempotency).toContain('Clients retry only `UNAVAILABLE`');
    expect(idempotency).toContain('`DEADLINE_EXCEEDED`');
    expect(idempotency).not.toMatch(/Idempotency-Key|\b(400|409|422)\b/);

    const observability = part(markdown, 'Observability');
    expect(observability).toContain('| `rpc.server.duration` | histogram (ms) | `rpc.system`, `rpc.service`, `rpc.method`, `rpc.grpc.status_code` |');
    expect(observability).toContain('server: `CreateQuote`, `GetQuote` via `otelgrpc`');
    expect(observability).toContain('`rpc.grpc.status_code in (2, 4, 12, 13, 14, 15) / all > 1%`');
    expect(observability).toContain("dropKeys('metadata.authorization')");
    expect(observability).not.toMatch(/http\.|5xx|status_code`, `duration_ms|headers\.authorization/);

    const validation = part(markdown, 'Validation & safety');
    expect(validation).not.toMatch(/\| (body|path|query) \|/);

    const contract = part(markdown, 'API contract');
    expect(contract).toContain('missing → INVALID_ARGUMENT, same key with a different request → FAILED_PRECONDITION, same key still in flight → ABORTED');
    expect(contract).toContain('a denied caller gets PERMISSION_DENIED');
    expect(contract).not.toMatch(/Schemes: bearerAuth|→ 4\d\d/);

    expect(part(markdown, 'Test plan')).toContain('UNAUTHENTICATED/PERMISSION_DENIED paths');
    expect(part(markdown, 'Open questions')).toContain('a token in the `authorization` metadata, or their mTLS peer certificate');
    expect(markdown).not.toContain('assumes a bearer token');
  });

  it('says the same in zh-TW', async () => {
    const markdown = await section('grpc-go-dead-gin', REST_WRITTEN, 'grpc', 'zh-TW');
    expect(part(markdown, 'Authn/authz matrix')).toContain('`PERMISSION_DENIED`：角色或擁有權規則不符');
    expect(part(markdown, 'Idempotency & retries')).toContain('用戶端只重試 `UNAVAILABLE`');
    expect(part(markdown, 'API contract')).toContain('被拒絕的呼叫者一律拿到 PERMISSION_DENIED');
    expect(markdown).not.toMatch(/\b(401|403|409|422)\b|5xx|http\.server/);
  });

  it('keys an rpc by the request_id its own message declares, and adds no second one', async () => {
    const markdown = await section('grpc-go-fulfillment', undefined, 'grpc');
    expect(part(markdown, 'Idempotency & retries')).toContain('| `CreatePickList` | `request_id` field (AIP-155) |');
    expect(part(markdown, 'Idempotency & retries')).toContain('| `ReleasePickList` | none: the spec does not ask for safe retries |');
    const proto = part(markdown, 'API contract');
    expect(proto.match(/request_id = /g)).toHaveLength(1);
    expect(proto).toContain('`CreatePickList` accepts the request_id field');
  });

  it('leaves a REST section as it was', async () => {
    const markdown = await section('grpc-go-dead-gin', REST_WRITTEN, 'rest');
    expect(part(markdown, 'Authn/authz matrix')).toContain('| `/v1/quotes` | POST |');
    expect(part(markdown, 'Idempotency & retries')).toContain('`Idempotency-Key` header (required; missing → 400)');
    expect(part(markdown, 'Observability')).toContain('`http.server.request.duration`');
  });
});
