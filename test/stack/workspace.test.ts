// Workspaces: an app inherits what the packages it depends on use, and
// `--service` may name one of those packages.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBackendSpec } from '../../lib/model/index.js';
import { extractScope } from '../../lib/scope/index.js';
import { detectStack, pickService } from '../../lib/stack/index.js';
import { refundsInput } from '../model/fixtures.js';
import type { StackReport } from '../../lib/types.js';

const REPO = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/repos/fit-pnpm-api-db');

describe('a pnpm workspace with packages/api and packages/db', () => {
  let report: StackReport;
  beforeAll(async () => {
    report = await detectStack(REPO);
  });

  it('gives the app the ORM, database and migration tool of the packages it reaches through workspace dependencies', () => {
    const app = report.services.find((service) => service.path === 'apps/nextjs')!;
    expect(app.orm?.value).toBe('drizzle');
    expect(app.orm?.evidence[0].file).toMatch(/^packages\/db\//);
    expect(app.databases.map((db) => db.value)).toEqual(['postgres']);
    expect(app.dataPath).toBe('packages/db');
  });

  it('lists the packages the app uses, each completed from its own dependencies, and --service finds one by path or name', async () => {
    // packages/ui (a UI kit) has no backend part and is not named.
    expect(report.packages?.map((pkg) => pkg.path).sort()).toEqual(['packages/api', 'packages/auth', 'packages/db']);
    const api = pickService(report, 'packages/api')!;
    expect(api.name).toBe('@shelf/api');
    expect(api.orm?.value).toBe('drizzle');
    expect(api.dataPath).toBe('packages/db');
    // The auth package it depends on authenticates it.
    expect(api.auth.map((auth) => auth.value)).toEqual(['better-auth']);
    expect(pickService(report, '@shelf/api')).toBe(api);
    expect(pickService(report, 'packages/ui')).toBeUndefined();
    expect((await detectStack(REPO, { service: './packages/api/' })).services[0].path).toBe('packages/api');
  });

  it('a package is never offered as an app of its own', () => {
    expect(report.services.map((service) => service.path)).toEqual(['apps/nextjs']);
  });

  it('plans the schema change in the ORM’s package: its folder for the data layer and the migrations, never packages/api/packages/db', () => {
    const api = pickService(report, 'packages/api')!;
    const spec = buildBackendSpec(refundsInput({ service: api, scope: extractScope('# Loans\n\n## Data model\n\nNew table `loans` (id uuid, book_id uuid, due_on date).\n') }));
    expect(spec.layers.find((layer) => layer.kind === 'data')?.folder).toBe('packages/db');
    expect(spec.dataModel.migrations[0].file).toMatch(/^packages\/db\/drizzle\//);
  });
});
