// The bin on a gRPC Go service: the Backend section it appends speaks gRPC
// (status names, metadata credentials, the OpenTelemetry RPC metric, retries by
// status), and the whole section is a reviewed snapshot.
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT, runMagi, type Sandbox } from '../helpers/example.js';
import { tempDir } from '../helpers/tmp.js';

const SPEC = 'docs/01-pick-lists/SPEC.md';

function copyFixture(name: string): Sandbox {
  const base = tempDir('magi-e2e-grpc-');
  const root = path.join(base, 'repo');
  const home = path.join(base, 'home');
  cpSync(path.join(PACKAGE_ROOT, 'test/fixtures/repos', name), root, { recursive: true });
  mkdirSync(home);
  return { root, home, read: (file) => readFileSync(path.join(root, file), 'utf8') };
}

describe('magi backend-spec on a grpc-go service', () => {
  it('writes the Backend section in gRPC terms', async () => {
    const sandbox = copyFixture('grpc-go-fulfillment');
    const run = runMagi(sandbox, ['backend-spec', '--skip-preflight', '--no-scaffold']);
    expect(run.status, run.stderr).toBe(0);
    const document = sandbox.read(SPEC);
    const section = document.slice(document.indexOf('## Backend'));
    await expect(section).toMatchFileSnapshot(path.join(PACKAGE_ROOT, 'test/e2e/__snapshots__/grpc-go-fulfillment.md'));

    expect(section).toContain('- **API style**: gRPC');
    expect(section).toContain('| `CreatePickList` | rpc | yes | `warehouse-lead` |');
    expect(section).toContain('`UNAUTHENTICATED`');
    expect(section).toContain('`PERMISSION_DENIED`');
    expect(section).toContain('`rpc.server.duration` | histogram (ms) | `rpc.system`, `rpc.service`, `rpc.method`, `rpc.grpc.status_code`');
    expect(section).toContain('Clients retry only `UNAVAILABLE`');
    expect(section).not.toMatch(/http\.server\.request\.duration|\b(401|403|409|422)\b|5xx|Idempotency-Key|WWW-Authenticate/);
  });
});
