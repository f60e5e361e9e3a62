// Templates follow the framework version the repository declares where the API
// changed: axum 0.7 moved to its own body type (read with http-body-util); 0.6
// and earlier answer with hyper's body.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderContractTest, versionBefore } from '../../lib/contract-test/index.js';
import { contractTestTarget } from '../../lib/pipeline/stack-choice.js';
import { detectStack } from '../../lib/stack/index.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPOS = path.join(HERE, '../fixtures/repos');
const OPENAPI = { kind: 'openapi' as const, text: readFileSync(path.join(HERE, '../fixtures/apps/openapi.yaml'), 'utf8'), path: 'docs/03-orders/openapi.yaml' };

async function axumTest(repo: string) {
  const service = (await detectStack(path.join(REPOS, repo))).services[0];
  return { service, rendered: await renderContractTest({ contract: OPENAPI, framework: 'axum', feature: 'order-refunds', ...contractTestTarget(service) }) };
}

describe('framework versions', () => {
  it('reads the version each manifest declares for the framework', async () => {
    expect((await axumTest('fit-axum-0-6')).service.framework?.version).toBe('0.6.20');
    expect((await axumTest('axum-sqlx')).service.framework?.version).toBe('0.7');
  });

  it('an axum 0.6 repository gets a test that reads hyper’s body and needs hyper, not http-body-util', async () => {
    const { rendered } = await axumTest('fit-axum-0-6');
    expect(rendered.content).toContain('hyper::body::to_bytes(response.into_body())');
    expect(rendered.content).not.toContain('http_body_util');
    expect(rendered.dependencies).toContain('hyper');
    expect(rendered.dependencies).not.toContain('http-body-util');
  });

  it('an axum 0.7 repository keeps http-body-util', async () => {
    const { rendered } = await axumTest('axum-sqlx');
    expect(rendered.content).toContain('use http_body_util::BodyExt;');
    expect(rendered.content).not.toContain('hyper::body::to_bytes');
  });

  it('compares declared requirements by major and minor', () => {
    expect(versionBefore('0.6', [0, 7])).toBe(true);
    expect(versionBefore('^0.6.20', [0, 7])).toBe(true);
    expect(versionBefore('0.7', [0, 7])).toBe(false);
    expect(versionBefore('1', [0, 7])).toBe(false);
    expect(versionBefore(undefined, [0, 7])).toBe(false);
    expect(versionBefore('*', [0, 7])).toBe(false);
  });
});
