import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildBackendSpec } from '../../lib/model/index.js';
import { findTemplatesRoot, LINE_BUDGET, renderSection, resolveLanguage, sectionLanguages, SUBSECTION_HEADINGS } from '../../lib/render/index.js';
import { tidyMarkdown } from '../../lib/render/tidy.js';
import { refundsInput } from '../model/fixtures.js';
import { STACKS } from '../model/stacks.js';
import { lintMarkdown } from './markdown-lint.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const snapshot = (name: string) => path.join(here, '__snapshots__', `${name}.md`);
const render = (name: string, language = 'en') => renderSection(buildBackendSpec(STACKS[name]()), language);
const ZH_SNAPSHOTS = ['express-prisma-postgres', 'fastapi-sqlalchemy-postgres'];

describe('Backend section snapshots', () => {
  for (const name of Object.keys(STACKS)) {
    it(`renders ${name} in English`, async () => {
      const { markdown, languageUsed } = await render(name);
      expect(languageUsed).toBe('en');
      await expect(markdown).toMatchFileSnapshot(snapshot(`${name}.en`));
    });
  }
  for (const name of ZH_SNAPSHOTS) {
    it(`renders ${name} in zh-TW`, async () => {
      const { markdown, languageUsed } = await render(name, 'zh-TW');
      expect(languageUsed).toBe('zh-TW');
      await expect(markdown).toMatchFileSnapshot(snapshot(`${name}.zh-TW`));
    });
  }
});

describe('section shape', () => {
  const all = Object.keys(STACKS).flatMap((name) => ['en', 'zh-TW'].map((language) => [name, language] as const));

  it.each(all)('%s (%s) has the Backend heading and the nine subsections in order', async (name, language) => {
    const { markdown } = await render(name, language);
    expect(markdown.startsWith('## Backend\n')).toBe(true);
    expect(markdown.endsWith('\n')).toBe(true);
    expect(markdown.endsWith('\n\n')).toBe(false);
    const headings = markdown.split('\n').filter((line) => /^#{1,3} /.test(line));
    expect(headings).toEqual(['## Backend', ...SUBSECTION_HEADINGS.map((h) => `### ${h}`)]);
  });

  it.each(all)('%s (%s) passes the markdownlint default rules', async (name, language) => {
    const { markdown } = await render(name, language);
    expect(lintMarkdown(markdown)).toEqual([]);
  });

  it.each(Object.keys(STACKS))('%s stays within the line budget', async (name) => {
    const { markdown, notes } = await render(name);
    const lines = markdown.split('\n').length - 1;
    expect(lines).toBeLessThanOrEqual(LINE_BUDGET.lines);
    expect(notes).toEqual([]);
  });

  it('writes every zh-TW prose line in Chinese (code, identifiers and tables of code aside)', async () => {
    for (const name of Object.keys(STACKS)) {
      const { markdown } = await render(name, 'zh-TW');
      let fenced = false;
      const english: string[] = [];
      for (const line of markdown.split('\n')) {
        if (line.startsWith('```')) fenced = !fenced;
        if (fenced || line.startsWith('```') || line === '' || /^#{2,3} /.test(line) || /^\|[-| ]+\|$/.test(line)) continue;
        const prose = line.replace(/`[^`]*`/g, '');
        // A table row of code, methods and `?` holds no sentence.
        if (line.startsWith('|') && !/[A-Za-z]/.test(prose.replace(/\b(GET|POST|PUT|PATCH|DELETE|rpc|query|mutation)\b/g, ''))) continue;
        if (!/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(prose)) english.push(line);
      }
      // The matrix header is a contract (DESIGN.md) and stays English (a matrix with nothing stated is one line, no table).
      const header = '| Endpoint | Method | Auth required? | Roles/scopes | Ownership rule |';
      expect({ name, english: english.filter((line) => line !== header) }).toEqual({ name, english: [] });
    }
  });

  it('keeps headings, code and identifiers English in zh-TW', async () => {
    const { markdown } = await render('express-prisma-postgres', 'zh-TW');
    expect(markdown).toContain('| Endpoint | Method | Auth required? | Roles/scopes | Ownership rule |');
    expect(markdown).toContain('`pnpm exec vitest run test/order-refunds.test.ts`');
    expect(markdown).toContain('`prisma/migrations/<timestamp>_create_refunds/migration.sql`');
  });
});

describe('edge inputs', () => {
  it.each(['en', 'zh-TW'])('renders an undetected stack and an empty scope cleanly (%s)', async (language) => {
    const bare = await renderSection(buildBackendSpec({ ...refundsInput(), service: undefined }), language);
    expect(lintMarkdown(bare.markdown)).toEqual([]);
    const empty = await renderSection(buildBackendSpec({ ...refundsInput(), scope: { ...refundsInput().scope, operations: [], entities: [], authz: [], integrations: [], jobs: [], slos: [] } }), language);
    expect(lintMarkdown(empty.markdown)).toEqual([]);
    expect(empty.markdown.split('\n').filter((l) => l.startsWith('### '))).toHaveLength(9);
  });
});

describe('an authz matrix with nothing stated', () => {
  it.each(['en', 'zh-TW'])('is one line, not a table of `?` rows, and lints clean (%s)', async (language) => {
    const input = refundsInput();
    const scope = { ...input.scope, authz: [], operations: input.scope.operations.map((op) => ({ ...op, unauthenticated: false })) };
    const { markdown } = await renderSection(buildBackendSpec({ ...input, service: undefined, scope }), language);
    const matrix = /### Authn\/authz matrix\n([\s\S]*?)\n### /.exec(markdown)?.[1] ?? '';
    expect(matrix).not.toMatch(/\| \? \| \? \|/);
    expect(matrix).toMatch(language === 'en' ? /state no access rule for/ : /未說明.*存取規則/);
    expect(lintMarkdown(markdown)).toEqual([]);
  });
});

describe('language', () => {
  it('falls back to English with a note for a language without templates', async () => {
    const result = await renderSection(buildBackendSpec(refundsInput()), 'fr');
    expect(result.languageUsed).toBe('en');
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]).toMatchObject({ code: 'language', message: expect.stringMatching(/"fr".*English/) });
  });

  it('accepts the usual spellings of Traditional Chinese and English', () => {
    expect(resolveLanguage('zh-TW')).toEqual({ language: 'zh-TW' });
    expect(resolveLanguage('zh_tw')).toEqual({ language: 'zh-TW' });
    expect(resolveLanguage('zh-Hant')).toEqual({ language: 'zh-TW' });
    expect(resolveLanguage('zh-HK').language).toBe('zh-TW');
    expect(resolveLanguage('zh-HK').note).toMatch(/closest/);
    expect(resolveLanguage('en-US')).toEqual({ language: 'en' });
    expect(resolveLanguage('zh-CN').language).toBe('en');
    expect(resolveLanguage('zh-CN').note).toBeDefined();
  });

  it('writes in the languages it has template folders for, and names them when it falls back', () => {
    const folders = readdirSync(findTemplatesRoot(), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    expect(sectionLanguages()).toEqual(folders);
    for (const folder of folders) expect(resolveLanguage(folder)).toEqual({ language: folder });
    expect(resolveLanguage('fr').note).toContain(`available: ${folders.join(', ')}`);
  });

  it('renders the same spec to the same bytes every time', async () => {
    const a = await renderSection(buildBackendSpec(refundsInput()), 'zh-TW');
    const b = await renderSection(buildBackendSpec(refundsInput()), 'zh-TW');
    expect(a.markdown).toBe(b.markdown);
  });

  it('notes a section over budget', async () => {
    const input = refundsInput();
    const long = 'line\n'.repeat(300);
    const result = await renderSection(buildBackendSpec({ ...input, contract: { ...input.contract, excerpt: long } }), 'en');
    expect(result.notes).toContainEqual({ code: 'section-length', message: expect.stringMatching(/budget 250/) });
  });
});

describe('templates', () => {
  it('has one template per subsection in each language, with the same names', () => {
    const root = findTemplatesRoot();
    const en = readdirSync(path.join(root, 'en')).sort();
    const zh = readdirSync(path.join(root, 'zh-TW')).sort();
    expect(en).toHaveLength(9);
    expect(zh).toEqual(en);
    expect(en[0]).toBe('00-stack-layers.md.ejs');
    expect(en[8]).toBe('08-open-questions.md.ejs');
  });

  it('finds the templates folder walking up from a compiled location', () => {
    const repo = path.resolve(here, '../..');
    expect(findTemplatesRoot(path.join(repo, 'dist', 'lib', 'render'))).toBe(path.join(repo, 'templates', 'backend-section'));
  });

  it('tidies whitespace but leaves fenced code alone', () => {
    expect(tidyMarkdown('a  \n\n\n\nb\n```yaml\nx: 1\n\n\ny: 2\n```\n\n')).toBe('a\n\nb\n```yaml\nx: 1\n\n\ny: 2\n```\n');
  });
});
