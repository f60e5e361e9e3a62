// The bundled bin must detect exactly what the library detects: bundling once
// broke CommonJS packages loaded lazily (YAML, TOML, XML parsers) without a sound.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stackToJson } from '../../lib/report/index.js';
import { detectStack } from '../../lib/stack/index.js';
import { BIN, PACKAGE_ROOT } from '../helpers/example.js';

const FIXTURES = path.join(PACKAGE_ROOT, 'test/fixtures/repos');

describe('magi detect (bundled) agrees with the library', () => {
  it.concurrent.each(readdirSync(FIXTURES).sort())('%s', async (name) => {
    const root = path.join(FIXTURES, name);
    const run = spawnSync(process.execPath, [BIN, 'detect', root, '--json'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const report = await detectStack(root);
    const printed = JSON.parse(run.stdout);
    expect(printed.kind).toBe(report.kind);
    expect(printed.warnings).toEqual(report.warnings);
    expect(printed.services.map((service: { stack: unknown }) => service.stack)).toEqual(report.services.map((service) => stackToJson(service)));
  });
});
