// --openapi: the sprint's operations go into the team's own OpenAPI file, which
// keeps its comments, key order and formatting.
import { writeFileSync, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample, runMagi } from '../helpers/example.js';

const EXISTING = `# The shop's public API. Hand-maintained: keep comments.
openapi: 3.1.0
info:
  title: Corner Shop API
  version: 1.4.0 # bumped by release-please
paths:
  # Catalog
  /v1/products:
    get:
      operationId: listProducts
      summary: Lists products.
      security: []
      responses:
        "200":
          description: A page of products.
          content:
            application/json:
              schema:
                type: object
                properties:
                  items: { type: array, items: { type: object } }
                  next_cursor: { type: [string, "null"] }
        "429":
          description: Too many requests.
          headers:
            Retry-After: { schema: { type: integer } }
          content:
            application/problem+json:
              schema: { type: object }
`;

describe('magi backend-spec --openapi', () => {
  it('adds the new operations and keeps every comment and existing line', () => {
    const sandbox = copyExample();
    mkdirSync(path.join(sandbox.root, 'api'));
    writeFileSync(path.join(sandbox.root, 'api/openapi.yaml'), EXISTING);
    const run = runMagi(sandbox, ['backend-spec', '--answers', 'magi-answers.yaml', '--openapi', 'api/openapi.yaml', '--no-scaffold', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.contract).toMatchObject({ kind: 'openapi', placement: 'file', file: 'api/openapi.yaml' });
    const merged = sandbox.read('api/openapi.yaml');
    for (const line of EXISTING.split('\n')) expect(merged.split('\n')).toContain(line);
    expect(merged.startsWith('# The shop\'s public API. Hand-maintained: keep comments.\nopenapi: 3.1.0\n')).toBe(true);
    expect(merged).toContain('operationId: createGiftCard');
    expect(merged).toContain('/v1/orders/{orderId}/gift-card-redemptions:');
    expect(existsSync(path.join(sandbox.root, 'docs/03-gift-cards/openapi.yaml'))).toBe(false);
    expect(sandbox.read('docs/03-gift-cards/SPEC.md')).toContain('api/openapi.yaml');
  });

  it('a second run leaves the merged file as it is', () => {
    const sandbox = copyExample();
    mkdirSync(path.join(sandbox.root, 'api'));
    writeFileSync(path.join(sandbox.root, 'api/openapi.yaml'), EXISTING);
    const args = ['backend-spec', '--answers', 'magi-answers.yaml', '--openapi', 'api/openapi.yaml', '--no-scaffold'];
    expect(runMagi(sandbox, args).status).toBe(0);
    const first = sandbox.read('api/openapi.yaml');
    expect(runMagi(sandbox, args).status).toBe(0);
    expect(sandbox.read('api/openapi.yaml')).toBe(first);
  });
});
