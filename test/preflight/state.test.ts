import { describe, expect, it } from 'vitest';
import { checkPreflight, deriveState, type WorkflowState } from '../../lib/preflight/index.js';
import { locateSprint } from '../../lib/sprint/index.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const config = { source: 'x', sourceKind: 'project' as const, outputLanguage: 'en', defaults: {}, raw: {} };

function stateOf(files: Record<string, string>): WorkflowState {
  const root = writeTree(tempDir(), files);
  let sprint;
  try {
    sprint = locateSprint({ root });
  } catch {
    sprint = undefined;
  }
  return deriveState(root, sprint);
}

const plan = { 'README.md': '# x\n', 'docs/01-a/SPEC.md': '# a\n' };

describe('workflow state, derived from the files', () => {
  it.each<[WorkflowState, Record<string, string>]>([
    ['BOOTSTRAP', {}],
    ['BOOTSTRAP', { 'docs/01-a/notes.txt': 'x' }],
    ['INITIALIZED', { 'README.md': '# x\n' }],
    ['INITIALIZED', { 'CLAUDE.md': '# x\n', 'docs/01-a/notes.txt': 'x' }],
    ['PLANNING', plan],
    ['PLANNING', { 'SPEC.md': 'x', 'docs/02-b/PLAN.md': '# b\n' }],
    ['PLANNING', { 'SPEC.md': 'x', 'docs/02-b/HOTFIX.md': '# b\n' }],
    ['PLAN_REVIEWED', { ...plan, 'docs/01-a/MAGI_PLAN_REVIEW.md': 'ok' }],
    ['TASKS_READY', { ...plan, 'docs/01-a/TASKS.md': '- [ ] T1\n- [x] T2\n' }],
    ['IN_PROGRESS', { ...plan, 'docs/01-a/TASKS.md': '- [ ] T1\n- [x] T2\n', 'docs/01-a/WORKS.md': 'w' }],
    ['WORK_DONE', { ...plan, 'docs/01-a/TASKS.md': '- [x] T1\n- [X] T2\n', 'docs/01-a/WORKS.md': 'w' }],
    ['CODE_REVIEWED', { ...plan, 'docs/01-a/TASKS.md': '- [x] T1\n', 'docs/01-a/DRIFT.md': 'd' }],
  ])('%s', (expected, files) => {
    expect(stateOf(files)).toBe(expected);
  });

  it('looks at the newest sprint only, sorted as numbers', () => {
    expect(stateOf({ 'README.md': 'x', 'docs/9-a/SPEC.md': 's', 'docs/9-a/DRIFT.md': 'd', 'docs/10-b/SPEC.md': 's' })).toBe('PLANNING');
  });
});

describe('preflight decision', () => {
  it('refuses before PLANNING with the state in the message', () => {
    expect(() => checkPreflight({ config, state: 'INITIALIZED', skip: false })).toThrow(
      'Cannot run backend-spec: no PLAN/SPEC found in current sprint (state=INITIALIZED)',
    );
    expect(() => checkPreflight({ config, state: 'BOOTSTRAP', skip: false })).toThrow(/state=BOOTSTRAP/);
  });

  it('allows PLANNING and later, naming what becomes stale', () => {
    expect(checkPreflight({ config, state: 'PLANNING', skip: false }).stale).toEqual([]);
    expect(checkPreflight({ config, state: 'PLAN_REVIEWED', skip: false }).stale).toEqual(['plan-review']);
    expect(checkPreflight({ config, state: 'TASKS_READY', skip: false }).stale).toEqual(['plan-review', 'tasks']);
    expect(checkPreflight({ config, state: 'CODE_REVIEWED', skip: false }).stale).toEqual(['plan-review', 'tasks']);
  });

  it('needs a config unless skipped', () => {
    expect(() => checkPreflight({ config: undefined, state: 'PLANNING', skip: false })).toThrow(/magi setup/);
    expect(checkPreflight({ config: undefined, state: 'BOOTSTRAP', skip: true }).state).toBe('BOOTSTRAP');
  });

});
