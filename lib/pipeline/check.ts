// `magi check`: would a backend-spec run with these inputs change anything?
// The same prepare and plan as a run (three-way merge, so the user's own lines
// count as fresh), compared with the files on disk. Nothing is written.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { basePath, planBackendSpec, prepareBackendSpec, type BackendSpecInputs, type RunContext } from './backend-spec.js';
import { settleWithoutPrompts } from './decide.js';

export interface CheckedFile {
  /** Repo-relative, posix separators. */
  path: string;
  /** `missing`: a run would create it; `stale`: a run would change it. */
  status: 'fresh' | 'stale' | 'missing';
  before?: string;
  /** What a run would write; only for stale and missing files. */
  after?: string;
}

export interface CheckResult {
  sprint: string;
  document: string;
  files: CheckedFile[];
  fresh: boolean;
}

export async function checkBackendSpec(context: RunContext, inputs: BackendSpecInputs): Promise<CheckResult> {
  // A run without a terminal merges; the preflight asks about the workflow, not about freshness.
  const runInputs: BackendSpecInputs = { ...inputs, conflict: 'merge', skipPreflight: true, dryRun: true, force: false };
  const prepared = await prepareBackendSpec(context, runInputs, { lock: false });
  try {
    const { decisions } = settleWithoutPrompts(prepared);
    const plan = await planBackendSpec(prepared, decisions);
    // The merge base is our own bookkeeping (often git-ignored), not something a reader sees.
    const internal = basePath(prepared.sprint);
    const files: CheckedFile[] = plan.files
      .filter((file) => file.path !== internal)
      .map((file) => {
        if (file.status === 'unchanged') return { path: file.path, status: 'fresh' };
        const after = plan.writes.find((write) => write.path === file.path)?.contents;
        if (file.status === 'created') return { path: file.path, status: 'missing', after };
        return { path: file.path, status: 'stale', before: readFileSync(path.join(context.root, file.path), 'utf8'), after };
      });
    return { sprint: prepared.sprint.dir, document: prepared.document.path, files, fresh: files.every((file) => file.status === 'fresh') };
  } finally {
    prepared.release();
  }
}
