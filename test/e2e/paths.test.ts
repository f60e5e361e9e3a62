// Gate paths, sprint layouts and non-interactive rules through the bin.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample, runMagi, SPEC } from '../helpers/example.js';

const write = (root: string, file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};

describe('existing Backend section', () => {
  it('--conflict overwrite replaces the user\'s section and nothing outside it', () => {
    const sandbox = copyExample();
    runMagi(sandbox, ['backend-spec', '--answers', 'magi-answers.yaml']);
    const generated = sandbox.read(SPEC);
    write(sandbox.root, SPEC, generated.replace('### Test plan\n', '### Test plan\n\nA hand-written line.\n'));
    const run = runMagi(sandbox, ['backend-spec', '--answers', 'magi-answers.yaml', '--conflict', 'overwrite']);
    expect(run.status).toBe(0);
    expect(sandbox.read(SPEC)).toBe(generated);
  });

  it('--conflict abort exits 1 and writes nothing', () => {
    const sandbox = copyExample();
    runMagi(sandbox, ['backend-spec', '--answers', 'magi-answers.yaml']);
    const before = sandbox.read(SPEC);
    const run = runMagi(sandbox, ['backend-spec', '--answers', 'magi-answers.yaml', '--conflict', 'abort']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('magi: The document already has a ## Backend section and --conflict is abort; nothing was written (use merge or overwrite)\n');
    expect(sandbox.read(SPEC)).toBe(before);
  });

  it('two ## Backend sections are refused', () => {
    const sandbox = copyExample();
    write(sandbox.root, SPEC, `${sandbox.read(SPEC)}\n## Backend\n\nmine\n\n## Backend\n\nagain\n`);
    const before = sandbox.read(SPEC);
    const run = runMagi(sandbox, ['backend-spec', '--answers', 'magi-answers.yaml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^magi: The document has 2 "## Backend" sections \(lines \d+ and \d+\); merge them into one by hand, then re-run\n$/);
    expect(sandbox.read(SPEC)).toBe(before);
  });
});

describe('sprint layouts', () => {
  it('extends PLAN.md when the sprint has no SPEC.md, without renaming it', () => {
    const sandbox = copyExample();
    renameSync(path.join(sandbox.root, SPEC), path.join(sandbox.root, 'docs/03-gift-cards/PLAN.md'));
    const run = runMagi(sandbox, ['backend-spec', '--answers', 'magi-answers.yaml', '--json']);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).sprint.document).toBe('docs/03-gift-cards/PLAN.md');
    expect(sandbox.read('docs/03-gift-cards/PLAN.md')).toContain('\n## Backend\n');
    expect(() => sandbox.read(SPEC)).toThrow();
  });

  it('finds sprints under magi/ in newer repositories', () => {
    const sandbox = copyExample();
    renameSync(path.join(sandbox.root, 'docs'), path.join(sandbox.root, 'magi'));
    write(sandbox.root, '.yo-rc.json', '{"generator-magi": {"outputLanguage": "en"}}');
    const run = runMagi(sandbox, ['backend-spec', '--answers', 'magi-answers.yaml', '--json']);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).sprint.dir).toBe('magi/03-gift-cards');
  });

  it('from PLAN_REVIEWED on, says the review and tasks are stale', () => {
    const sandbox = copyExample();
    write(sandbox.root, 'docs/03-gift-cards/MAGI_PLAN_REVIEW.md', '# Review\n');
    write(sandbox.root, 'docs/03-gift-cards/TASKS.md', '- [ ] T1\n');
    const report = JSON.parse(runMagi(sandbox, ['backend-spec', '--answers', 'magi-answers.yaml', '--json']).stdout);
    expect(report.state).toBe('TASKS_READY');
    expect(report.next.join(' ')).toMatch(/plan review is now stale[\s\S]*TASKS\.md is now stale/);
  });
});

describe('preflight and non-interactive runs', () => {
  it('without a config: one line pointing at magi setup, exit 3', () => {
    const sandbox = copyExample();
    write(sandbox.root, '.yo-rc.json', '{}');
    const run = runMagi(sandbox, ['backend-spec', '--answers', 'magi-answers.yaml']);
    expect(run.status).toBe(3);
    expect(run.stderr).toBe('magi: No magi config found: run `magi setup` (or `yo magi:setup`) first, or set MAGI_CONFIG_PATH\n');
  });

  it('--force skips the preflight', () => {
    const sandbox = copyExample();
    write(sandbox.root, '.yo-rc.json', '{}');
    expect(runMagi(sandbox, ['backend-spec', '--answers', 'magi-answers.yaml', '--force']).status).toBe(0);
  });

  it('without a terminal and without --answers, stops at once naming --answers', () => {
    const sandbox = copyExample();
    const run = runMagi(sandbox, ['backend-spec']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^magi: No terminal to ask on \(.+\): pass --answers <file>/);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(sandbox.read(SPEC)).toBe(copyExample().read(SPEC));
  });

  it('options win over the answers file', () => {
    const sandbox = copyExample();
    const report = JSON.parse(runMagi(sandbox, ['backend-spec', '--answers', 'magi-answers.yaml', '--no-scaffold', '--json']).stdout);
    expect(report.contractTest.created).toBe(false);
  });

  it('the workflow config language drives the prose; headings stay English', () => {
    const sandbox = copyExample();
    write(sandbox.root, 'zh.json', '{"output_language": "zh-TW"}');
    const run = runMagi(sandbox, ['backend-spec', '--answers', 'magi-answers.yaml', '--json'], { MAGI_CONFIG_PATH: 'zh.json' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).language).toBe('zh-TW');
    const section = sandbox.read(SPEC).split('\n## Backend\n')[1];
    expect(section).toContain('### Data model changes');
    expect(section).toMatch(/[\u4e00-\u9fff]/);
  });

  it('an unknown language falls back to English with a note', () => {
    const sandbox = copyExample();
    write(sandbox.root, 'xx.json', '{"output_language": "tlh"}');
    const report = JSON.parse(runMagi(sandbox, ['backend-spec', '--answers', 'magi-answers.yaml', '--json'], { MAGI_CONFIG_PATH: 'xx.json' }).stdout);
    expect(report.language).toBe('en');
    expect(report.warnings.some((warning: { message: string }) => warning.message.includes('tlh'))).toBe(true);
  });
});
