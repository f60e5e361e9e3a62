// Workflow state, derived from the files on every run (never stored), and the
// decision whether backend-spec may run in it.
import { existsSync } from 'node:fs';
import { MAX_SMALL_FILE_BYTES, readRegularFile } from '../input.js';
import path from 'node:path';
import { EXIT, MagiError } from '../errors.js';
import type { MagiConfig } from '../config/index.js';
import { PLAN_DOCUMENTS, type Sprint } from '../sprint/index.js';

export const STATES = [
  'BOOTSTRAP',
  'INITIALIZED',
  'PLANNING',
  'PLAN_REVIEWED',
  'TASKS_READY',
  'IN_PROGRESS',
  'WORK_DONE',
  'CODE_REVIEWED',
] as const;
export type WorkflowState = (typeof STATES)[number];

const ROOT_DOCUMENTS = ['README.md', 'CLAUDE.md', 'SPEC.md'];

export function deriveState(root: string, sprint: Pick<Sprint, 'absoluteDir' | 'files'> | undefined): WorkflowState {
  const initialized = ROOT_DOCUMENTS.some((name) => existsSync(path.join(root, name)));
  if (!sprint || !PLAN_DOCUMENTS.some((name) => sprint.files.includes(name))) {
    return initialized ? 'INITIALIZED' : 'BOOTSTRAP';
  }
  const has = (name: string) => sprint.files.includes(name);
  if (has('DRIFT.md')) return 'CODE_REVIEWED';
  if (has('TASKS.md') && allTasksDone(path.join(sprint.absoluteDir, 'TASKS.md'))) return 'WORK_DONE';
  if (has('WORKS.md')) return 'IN_PROGRESS';
  if (has('TASKS.md')) return 'TASKS_READY';
  if (has('MAGI_PLAN_REVIEW.md')) return 'PLAN_REVIEWED';
  return 'PLANNING';
}

/** True when TASKS.md has at least one task and every task is checked. */
export function allTasksDone(tasksFile: string): boolean {
  const text = readRegularFile(tasksFile, MAX_SMALL_FILE_BYTES * 4);
  if (text === undefined) return false;
  const tasks = text.match(/^\s*[-*] \[[ xX]\]/gm) ?? [];
  return tasks.length > 0 && tasks.every((task) => /\[[xX]\]/.test(task));
}

export interface PreflightResult {
  state: WorkflowState;
  /** Things made stale by editing the plan document now (plan review, tasks). */
  stale: Array<'plan-review' | 'tasks'>;
}

export function checkPreflight(input: { config: MagiConfig | undefined; state: WorkflowState; skip: boolean }): PreflightResult {
  const { config, state, skip } = input;
  const stale = staleArtifacts(state);
  if (skip) return { state, stale };
  if (!config) {
    throw new MagiError('config-missing', 'No magi config found: run `magi setup` (or `yo magi:setup`) first, or set MAGI_CONFIG_PATH', {
      exitCode: EXIT.preflight,
    });
  }
  if (STATES.indexOf(state) < STATES.indexOf('PLANNING')) {
    throw new MagiError(
      'state-refused',
      `Cannot run backend-spec: no PLAN/SPEC found in current sprint (state=${state}); plan the sprint first (/magi.plan in the magi workflow, or write the SPEC.md yourself), then re-run`,
      { exitCode: EXIT.preflight },
    );
  }
  return { state, stale };
}

function staleArtifacts(state: WorkflowState): PreflightResult['stale'] {
  const index = STATES.indexOf(state);
  const stale: PreflightResult['stale'] = [];
  if (index >= STATES.indexOf('PLAN_REVIEWED')) stale.push('plan-review');
  if (index >= STATES.indexOf('TASKS_READY')) stale.push('tasks');
  return stale;
}
