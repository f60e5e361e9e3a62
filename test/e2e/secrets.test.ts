// A copy of the example full of planted secrets: detection never opens the
// secret files, and no secret value reaches stdout, stderr or a written file.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExample, SPEC, type Sandbox } from '../helpers/example.js';
import { runMagiAsync, snapshotTree, type Run } from '../helpers/spawn.js';

/** Every planted value carries this token, so one search finds any of them. */
const TOKEN = `planted${randomBytes(8).toString('hex')}`;
const secret = (label: string) => `${TOKEN}-${label}`;

/** Files that hold nothing but secrets: detection must not even open them. */
const SECRET_FILES: Record<string, string> = {
  '.env': `DATABASE_URL=postgres://admin:${secret('env-db')}@db.internal:5432/shop\nSTRIPE_SECRET_KEY=sk_live_${secret('env-stripe')}\nJWT_SECRET=${secret('env-jwt')}\n`,
  '.env.local': `REDIS_URL=redis://:${secret('env-local-redis')}@cache:6379\n`,
  '.env.production': `MONGO_URL=mongodb://root:${secret('env-prod-mongo')}@mongo/shop\n`,
  '.env.development.local': `SENTRY_DSN=https://${secret('env-dev-sentry')}@sentry.io/1\n`,
  'src/.env': `API_KEY=${secret('nested-env')}\n`,
  'config/secrets.yml': `production:\n  secret_key_base: ${secret('rails-secret')}\n`,
  'config/master.key': `${secret('rails-master-key')}\n`,
  'certs/server.key': `-----BEGIN PRIVATE KEY-----\n${secret('tls-key')}\n-----END PRIVATE KEY-----\n`,
  'certs/server.pem': `-----BEGIN RSA PRIVATE KEY-----\n${secret('pem-key')}\n-----END RSA PRIVATE KEY-----\n`,
  'id_rsa': `-----BEGIN OPENSSH PRIVATE KEY-----\n${secret('ssh-key')}\n-----END OPENSSH PRIVATE KEY-----\n`,
  'credentials.json': `{"type": "service_account", "private_key": "${secret('gcp-key')}"}\n`,
  '.npmrc': `//registry.npmjs.org/:_authToken=${secret('npm-token')}\n`,
  '.aws/credentials': `[default]\naws_secret_access_key = ${secret('aws-key')}\n`,
};

/**
 * Preloaded into the bin: records every path opened through node:fs, so the
 * test can tell which files were read (the original functions do the work).
 */
const TRACE_OPEN = `
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const log = fs.openSync(process.env.MAGI_TRACE_OPEN, 'a');
const record = (file) => {
  if (typeof file === 'string' || file instanceof URL || Buffer.isBuffer(file)) fs.writeSync(log, String(file instanceof URL ? file.pathname : file) + '\\n');
};
const wrap = (owner, name) => {
  const original = owner[name];
  owner[name] = function (file, ...rest) {
    record(file);
    return original.call(this, file, ...rest);
  };
};
for (const name of ['openSync', 'open', 'readFileSync', 'readFile', 'createReadStream']) wrap(fs, name);
for (const name of ['open', 'readFile']) wrap(fs.promises, name);
syncBuiltinESMExports();
`;

interface Outcome {
  sandbox: Sandbox;
  runs: Record<string, Run>;
  /** Repo-relative paths of every file the runs opened. */
  opened: Set<string>;
  written: string[];
}

async function runAll(): Promise<Outcome> {
  const sandbox = copyExample();
  for (const [file, contents] of Object.entries(SECRET_FILES)) {
    mkdirSync(path.dirname(path.join(sandbox.root, file)), { recursive: true });
    writeFileSync(path.join(sandbox.root, file), contents);
  }
  // Secrets also sit in files detection does read: an example env file, compose, source.
  writeFileSync(path.join(sandbox.root, '.env.example'), `DATABASE_URL=postgresql://shop:${secret('example-db')}@localhost:5432/shop\nJWT_PUBLIC_KEY=\n`);
  writeFileSync(path.join(sandbox.root, 'docker-compose.yml'), sandbox.read('docker-compose.yml').replace('POSTGRES_PASSWORD: example', `POSTGRES_PASSWORD: ${secret('compose')}`));
  writeFileSync(path.join(sandbox.root, 'src/db/client.ts'), `${sandbox.read('src/db/client.ts')}\nexport const fallbackUrl = 'postgres://app:${secret('source')}@localhost/shop';\n`);

  const hook = path.join(sandbox.home, 'trace-open.mjs');
  const log = path.join(sandbox.home, 'opened.log');
  writeFileSync(hook, TRACE_OPEN);
  writeFileSync(log, '');
  const before = snapshotTree(sandbox.root);
  const options = { nodeArgs: ['--import', hook], env: { MAGI_TRACE_OPEN: log } };
  const runs: Record<string, Run> = {};
  runs.write = await runMagiAsync(sandbox, ['backend-spec', '--answers', 'magi-answers.yaml'], options);
  const [json, debug, detect, detectJson] = await Promise.all([
    runMagiAsync(sandbox, ['backend-spec', '--answers', 'magi-answers.yaml', '--json', '--dry-run', '--conflict', 'overwrite'], options),
    runMagiAsync(sandbox, ['backend-spec', '--answers', 'magi-answers.yaml', '--dry-run', '--sprint', '99'], { ...options, env: { ...options.env, DEBUG: 'magi*' } }),
    runMagiAsync(sandbox, ['detect'], options),
    runMagiAsync(sandbox, ['detect', '--json'], options),
  ]);
  Object.assign(runs, { json, debug, detect, detectJson });
  const after = snapshotTree(sandbox.root);
  const written = [...after.keys()].filter((file) => !file.endsWith('/') && after.get(file) !== before.get(file));
  const opened = new Set(
    readFileSync(log, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((file) => path.relative(sandbox.root, path.resolve(sandbox.root, file)).split(path.sep).join('/')),
  );
  return { sandbox, runs, opened, written };
}

describe('a repository full of planted secrets', () => {
  let outcome: Outcome;
  beforeAll(async () => {
    outcome = await runAll();
  }, 120_000);

  it('every run did its job', () => {
    const { runs } = outcome;
    expect(runs.write.status, runs.write.stderr).toBe(0);
    expect(runs.json.status, runs.json.stderr).toBe(0);
    expect(runs.detect.status, runs.detect.stderr).toBe(0);
    expect(runs.detectJson.status, runs.detectJson.stderr).toBe(0);
    // The DEBUG run fails on purpose: its stack trace and message must not leak either.
    expect(runs.debug.status).toBe(2);
    expect(runs.debug.stderr).toMatch(/^\s+at /m);
    const report = JSON.parse(runs.json.stdout);
    expect(report.stack.databases.map((db: { value: string }) => db.value)).toContain('postgres');
  });

  it('detection never opens a secret file, and does read .env.example', () => {
    const { opened } = outcome;
    expect(opened.has('.env.example')).toBe(true);
    expect(opened.has('docker-compose.yml')).toBe(true);
    expect(Object.keys(SECRET_FILES).filter((file) => opened.has(file))).toEqual([]);
  });

  it('no planted value appears on stdout or stderr', () => {
    for (const [name, run] of Object.entries(outcome.runs)) {
      expect(run.stdout.includes(TOKEN), `${name} stdout`).toBe(false);
      expect(run.stderr.includes(TOKEN), `${name} stderr`).toBe(false);
    }
  });

  it('no planted value appears in any file written', () => {
    const { sandbox, written } = outcome;
    expect(written).toEqual(expect.arrayContaining([SPEC, 'docs/03-gift-cards/openapi.yaml', 'tests/api/gift-cards.contract.test.ts', 'docs/03-gift-cards/.magi/backend-section.md']));
    for (const file of written) expect(readFileSync(path.join(sandbox.root, file), 'latin1').includes(TOKEN), file).toBe(false);
    // The secret files themselves are untouched.
    for (const [file, contents] of Object.entries(SECRET_FILES)) expect(existsSync(path.join(sandbox.root, file)) && sandbox.read(file)).toBe(contents);
  });
});
