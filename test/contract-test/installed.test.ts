import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderContractTest } from '../../lib/contract-test/index.js';

const contract = { kind: 'openapi' as const, path: 'openapi.yaml', text: readFileSync(path.resolve(import.meta.dirname, '../fixtures/apps/openapi.yaml'), 'utf8') };

describe('the install command names only what the project lacks', () => {
  it('leaves out packages the project already declares', async () => {
    const all = await renderContractTest({ contract, framework: 'express', feature: 'orders', packageManager: 'npm' });
    expect(all.dependencies).toEqual(expect.arrayContaining(['supertest', 'vitest']));
    const some = await renderContractTest({ contract, framework: 'express', feature: 'orders', packageManager: 'npm', installed: ['supertest', 'vitest'] });
    expect(some.dependencies).not.toContain('supertest');
    expect(some.dependencies).not.toContain('vitest');
    expect(some.installCommand).toMatch(/^npm i -D /);
    expect(some.installCommand.split(' ')).not.toContain('supertest');
    expect(some.installCommand.split(' ')).not.toContain('vitest');
  });

  it('has no install command when nothing is missing', async () => {
    const all = await renderContractTest({ contract, framework: 'express', feature: 'orders' });
    const none = await renderContractTest({ contract, framework: 'express', feature: 'orders', installed: all.dependencies });
    expect(none.dependencies).toEqual([]);
    expect(none.installCommand).toBe('');
  });
});
