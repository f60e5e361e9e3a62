import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildContract, validateContract } from '../../lib/contract/index.js';
import type { ContractArtifact } from '../../lib/types.js';
import { jwtStack, orderRefundsScope } from './order-refunds.scope.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/openapi/${name}`, import.meta.url), 'utf8');
const errorsOf = async (artifact: ContractArtifact) => (await validateContract(artifact)).filter((problem) => problem.severity === 'error');
const CREATE_KEY = 'POST /v1/orders/{orderId}/refunds';

async function refundsArtifact(): Promise<ContractArtifact> {
  const { artifact } = await buildContract(orderRefundsScope(), { apiStyle: 'rest', title: 'Order refunds', stack: jwtStack(), location: 'auto' });
  return artifact;
}

describe('a broken OpenAPI contract is refused', () => {
  it('flags plain-JSON errors, a missing 429, a bare-array list and a missing Idempotency-Key', async () => {
    const artifact: ContractArtifact = {
      kind: 'openapi', fileName: 'broken-contract.yaml', text: fixture('broken-contract.yaml'), fence: 'yaml', operationCount: 2, problems: [],
      expectations: { retrySafe: ['POST /v1/things'], lists: ['GET /v1/things'] },
    };
    const messages = (await errorsOf(artifact)).map((problem) => problem.message);
    expect(messages.some((message) => message.startsWith('magi/error-media-type') && message.includes('400'))).toBe(true);
    expect(messages.filter((message) => message.startsWith('magi/rate-limit-429'))).toHaveLength(2);
    expect(messages.some((message) => message.startsWith('magi/list-pagination') && message.includes('bare array'))).toBe(true);
    expect(messages.some((message) => message.startsWith('magi/idempotency-key') && message.includes('POST /v1/things'))).toBe(true);
  });

  it('catches a hand edit that drops the Idempotency-Key from the retry-safe POST', async () => {
    const artifact = await refundsArtifact();
    const edited = { ...artifact, text: artifact.text.replace('        - $ref: "#/components/parameters/IdempotencyKey"\n', '') };
    expect(edited.text).not.toBe(artifact.text);
    const errors = await errorsOf(edited);
    expect(errors.map((problem) => problem.message).join('\n')).toContain(`${CREATE_KEY} must be safe to retry`);
    expect(errors[0].location).toContain('/post');
  });

  it('catches a list that loses its cursor parameter', async () => {
    const artifact = await refundsArtifact();
    const edited = { ...artifact, text: artifact.text.replace('        - $ref: "#/components/parameters/Cursor"\n', '') };
    const messages = (await errorsOf(edited)).map((problem) => problem.message);
    expect(messages.some((message) => message.includes('accept the `cursor` query parameter'))).toBe(true);
  });

  it('catches an error response switched to application/json', async () => {
    const artifact = await refundsArtifact();
    const edited = { ...artifact, text: artifact.text.replace(/application\/problem\+json/, 'application/json') };
    const messages = (await errorsOf(edited)).map((problem) => problem.message);
    expect(messages.some((message) => message.startsWith('magi/error-media-type'))).toBe(true);
  });

  it('reports Redocly structural errors (unresolved $ref)', async () => {
    const artifact = await refundsArtifact();
    const edited = { ...artifact, text: artifact.text.replace('#/components/schemas/RefundList', '#/components/schemas/Missing') };
    const errors = await errorsOf(edited);
    expect(errors.some((problem) => problem.message.startsWith('no-unresolved-refs'))).toBe(true);
  });

  it('refuses text that is not YAML, with a line:col location', async () => {
    const errors = await errorsOf({ kind: 'openapi', fileName: 'x.yaml', text: 'openapi: 3.1.0\ninfo: [unclosed\n', fence: 'yaml', operationCount: 0, problems: [] });
    expect(errors[0].message).toMatch(/^YAML:/);
    expect(errors[0].location).toMatch(/^\d+:\d+$/);
  });

  it('refuses a document without an openapi field', async () => {
    const errors = await errorsOf({ kind: 'openapi', fileName: 'x.yaml', text: 'swagger: "2.0"\n', fence: 'yaml', operationCount: 0, problems: [] });
    expect(errors).toHaveLength(1);
  });
});

describe('other contract kinds are validated too', () => {
  it('graphql: an unknown type fails buildSchema', async () => {
    const errors = await errorsOf({ kind: 'graphql', fileName: 'schema.graphql', text: 'type Query {\n  refund: Refundd\n}\n', fence: 'graphql', operationCount: 1, problems: [] });
    expect(errors[0].message).toContain('Refundd');
  });

  it('graphql: validateSchema catches a schema without Query', async () => {
    const errors = await errorsOf({ kind: 'graphql', fileName: 'schema.graphql', text: 'type Refund {\n  id: ID!\n}\n', fence: 'graphql', operationCount: 0, problems: [] });
    expect(errors.some((problem) => problem.message.includes('Query root type'))).toBe(true);
  });

  it('proto: an unresolved message type fails resolveAll', async () => {
    const text = 'syntax = "proto3";\npackage shop.v1;\nmessage GetRefundRequest {\n  Missing refund = 1;\n}\n';
    const errors = await errorsOf({ kind: 'proto', fileName: 'shop.proto', text, fence: 'protobuf', operationCount: 1, problems: [] });
    expect(errors[0].message).toContain('Missing');
  });

  it('proto: a syntax error is reported', async () => {
    const errors = await errorsOf({ kind: 'proto', fileName: 'shop.proto', text: 'syntax = "proto3";\nmessage {\n', fence: 'protobuf', operationCount: 0, problems: [] });
    expect(errors).toHaveLength(1);
  });

  it('trpc: a syntax error in the outline is reported', async () => {
    const text = "import { z } from 'zod';\nexport const appRouter = router({\n  get: publicProcedure.input(z.object({ id: z.string() }).query(() => 1),\n});\n";
    const errors = await errorsOf({ kind: 'trpc', fileName: 'app.router.ts', text, fence: 'ts', operationCount: 1, problems: [] });
    expect(errors.some((problem) => problem.message.startsWith('tRPC outline:'))).toBe(true);
  });
});

describe('no-ambiguous-paths (switched off only when it would report nothing)', () => {
  const documentWith = (paths: string[]) =>
    [
      'openapi: 3.1.0',
      'info: { title: t, version: 1.0.0 }',
      'paths:',
      ...paths.flatMap((path) => [`  ${JSON.stringify(path)}:`, '    get:', '      responses:', "        '200': { description: ok }"]),
    ].join('\n') + '\n';
  const ambiguity = async (paths: string[]) => {
    const { lintOpenApiHere } = await import('../../lib/contract/openapi-lint.js');
    return (await lintOpenApiHere(documentWith(paths))).filter((problem) => problem.message.startsWith('no-ambiguous-paths')).map((problem) => problem.message);
  };

  it('still reports paths with variables in the same places', async () => {
    expect(await ambiguity(['/v1/things/{id}', '/v1/others/{id}', '/v1/things/{thingId}'])).toEqual([
      'no-ambiguous-paths: Paths should resolve unambiguously. Found two ambiguous paths: `/v1/things/{id}` and `/v1/things/{thingId}`.',
    ]);
  });

  it('still reports paths with variables in different places', async () => {
    const messages = await ambiguity(['/v1/things/{id}/items', '/v1/{kind}/things/items']);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('`/v1/things/{id}/items` and `/v1/{kind}/things/items`');
  });

  it('agrees with the rule itself on random sets of paths', async () => {
    const require = createRequire(import.meta.url);
    const { NoAmbiguousPaths } = require('@redocly/openapi-core/lib/rules/common/no-ambiguous-paths');
    const { mayHaveAmbiguousPaths } = await import('../../lib/contract/openapi-lint.js');
    const segments = ['v1', 'things', 'parts', 'items', '{id}', '{kind}', '{}'];
    let seed = 7;
    const next = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % below;
    };
    let reported = 0;
    for (let round = 0; round < 400; round++) {
      const pathMap: Record<string, object> = {};
      const count = 1 + next(12);
      for (let index = 0; index < count; index++) {
        const length = 1 + next(4);
        pathMap['/' + Array.from({ length }, () => segments[next(segments.length)]).join('/')] = {};
      }
      let reports = 0;
      const location = { child: () => ({ key: () => ({}) }) };
      NoAmbiguousPaths().Paths(pathMap, { report: () => reports++, location });
      if (reports) reported++;
      expect(mayHaveAmbiguousPaths(pathMap), Object.keys(pathMap).join(' ')).toBe(reports > 0);
    }
    // Both verdicts were exercised.
    expect(reported).toBeGreaterThan(20);
    expect(reported).toBeLessThan(380);
  });

  it('reports nothing for distinct paths', async () => {
    expect(await ambiguity(['/v1/things', '/v1/things/{id}', '/v1/others/{id}', '/v1/things/{id}/items', '/v1/{kind}/parts/{id}/x', '/v2/things/{id}'])).toEqual([]);
  });
});
