import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMagiError } from '../../lib/errors.js';
import { findUnclosedFence, readPlanDocument } from '../../lib/sprint/document.js';
import { findDocsDir, locateSprint } from '../../lib/sprint/index.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const idOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (isMagiError(error)) return error.id;
    throw error;
  }
  return 'no error';
};

describe('locating the sprint', () => {
  const root = writeTree(tempDir(), {
    'docs/01-first/SPEC.md': 's',
    'docs/02-second/PLAN.md': 'p',
    'docs/10-tenth/TICKET.md': 't',
    'docs/9-ninth/SPEC.md': 's',
    'docs/9-ninth/PLAN.md': 'p',
    'docs/notes/x.md': 'not a sprint',
  });

  it('defaults to the newest sprint, numbers sorted as numbers', () => {
    const sprint = locateSprint({ root });
    expect(sprint).toMatchObject({ dir: 'docs/10-tenth', num: '10', slug: 'tenth' });
    expect(sprint.document?.name).toBe('TICKET.md');
  });

  it('takes the folder name or the number', () => {
    expect(locateSprint({ root, sprint: '02-second' }).document?.path).toBe('docs/02-second/PLAN.md');
    expect(locateSprint({ root, sprint: '2' }).dir).toBe('docs/02-second');
    expect(locateSprint({ root, sprint: '01' }).dir).toBe('docs/01-first');
  });

  it('extends SPEC.md before PLAN.md, never renaming', () => {
    expect(locateSprint({ root, sprint: '9' }).document?.name).toBe('SPEC.md');
  });

  it('refuses paths, absolute paths and unknown sprints', () => {
    expect(idOf(() => locateSprint({ root, sprint: '../../etc' }))).toBe('sprint-path');
    expect(idOf(() => locateSprint({ root, sprint: '/etc/passwd' }))).toBe('sprint-path');
    expect(idOf(() => locateSprint({ root, sprint: 'docs/01-first' }))).toBe('sprint-path');
    expect(idOf(() => locateSprint({ root, sprint: '77' }))).toBe('sprint-unknown');
    expect(idOf(() => locateSprint({ root, sprint: 'hello world' }))).toBe('sprint-name');
  });

  it('tells the user to plan a sprint when there is none', () => {
    expect(idOf(() => locateSprint({ root: writeTree(tempDir(), { 'README.md': 'x' }) }))).toBe('no-sprint');
    expect(idOf(() => locateSprint({ root: writeTree(tempDir(), { 'docs/readme.md': 'x' }) }))).toBe('no-sprint');
  });

  it('finds magi/ in newer repositories and honours --docs-dir', () => {
    const newer = writeTree(tempDir(), { 'magi/04-search/SPEC.md': 's', 'docs/guide.md': 'g' });
    expect(findDocsDir(newer)).toBe('magi');
    expect(locateSprint({ root: newer }).dir).toBe('magi/04-search');
    const custom = writeTree(tempDir(), { 'planning/01-a/SPEC.md': 's' });
    expect(locateSprint({ root: custom, docsDir: 'planning' }).dir).toBe('planning/01-a');
    expect(idOf(() => locateSprint({ root: custom, docsDir: '../elsewhere' }))).toBe('path-outside');
  });

  it('refuses a sprint folder or document that is a symlink out of the repo', () => {
    const outside = writeTree(tempDir(), { 'SPEC.md': '# secret\n', 'sprint/SPEC.md': '# x\n' });
    const repo = writeTree(tempDir(), { 'docs/01-a/notes.md': 'n' });
    symlinkSync(path.join(outside, 'SPEC.md'), path.join(repo, 'docs/01-a/SPEC.md'));
    expect(idOf(() => locateSprint({ root: repo }))).toBe('path-outside');
    const repo2 = writeTree(tempDir(), { 'docs/.keep': '' });
    symlinkSync(path.join(outside, 'sprint'), path.join(repo2, 'docs/01-linked'));
    expect(idOf(() => locateSprint({ root: repo2 }))).toBe('path-outside');
  });
});

describe('reading the plan document', () => {
  const read = (contents: string | Buffer) => {
    const file = path.join(tempDir(), 'SPEC.md');
    writeFileSync(file, contents);
    return () => readPlanDocument(file, 'docs/01-a/SPEC.md');
  };

  it('keeps BOM and line endings', () => {
    expect(read('\uFEFF# A\r\n\r\ntext\r\n')().text).toBe('\uFEFF# A\r\n\r\ntext\r\n');
  });

  it('refuses binary, invalid UTF-8, huge files and unterminated fences', () => {
    expect(idOf(read(Buffer.from([0x23, 0x00, 0x01])))).toBe('document-binary');
    expect(idOf(read(Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x41])))).toBe('document-encoding');
    expect(idOf(read(Buffer.alloc(6 * 1024 * 1024, 0x61)))).toBe('document-too-large');
    expect(idOf(read('# A\n\n```ts\nconst x = 1;\n'))).toBe('document-fence');
  });

  it('says how much too large a document is, in bytes when the sizes would read the same', () => {
    const message = (size: number) => {
      try {
        read(Buffer.alloc(size, 0x61))();
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    };
    expect(message(6 * 1024 * 1024)).toBe('docs/01-a/SPEC.md: is 6.0 MB (limit 5.0 MB); split the plan document before adding a Backend section');
    expect(message(5 * 1024 * 1024 + 2048)).toBe('docs/01-a/SPEC.md: is 5,244,928 bytes (limit 5,242,880); split the plan document before adding a Backend section');
  });

  it('finds unclosed fences the way CommonMark closes them', () => {
    expect(findUnclosedFence('```\na\n```\n')).toBeUndefined();
    expect(findUnclosedFence('````\n```\n````\n')).toBeUndefined();
    expect(findUnclosedFence('~~~\n```\n')).toBe(1);
    expect(findUnclosedFence('text\n\n```js\n## Backend\n')).toBe(3);
    expect(findUnclosedFence('inline ```code``` here\n')).toBeUndefined();
  });
});
