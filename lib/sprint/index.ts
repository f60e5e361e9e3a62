// Locates the sprint folder (`docs|magi/<num>-<slug>/`) and its plan document.
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { MagiError } from '../errors.js';

export const DOCS_DIR_CANDIDATES = ['docs', 'magi'] as const;
/** Documents that make a sprint "planned", in the order we extend them. */
export const EXTENDABLE_DOCUMENTS = ['SPEC.md', 'PLAN.md', 'TICKET.md'] as const;
/** A spec-kit, Kiro or BMAD feature folder used as a sprint: its own main document, after the workflow's. */
export const FOREIGN_DOCUMENTS = ['spec.md', 'design.md', 'requirements.md', 'prd.md'] as const;
export const PLAN_DOCUMENTS = [...EXTENDABLE_DOCUMENTS, 'HOTFIX.md', ...FOREIGN_DOCUMENTS] as const;

const SPRINT_FOLDER = /^(\d+)-([A-Za-z0-9][A-Za-z0-9._-]*)$/;

export interface Sprint {
  /** Repo-relative docs folder, posix separators. */
  docsDir: string;
  /** Repo-relative sprint folder, e.g. `docs/03-order-refunds`. */
  dir: string;
  absoluteDir: string;
  name: string;
  num: string;
  slug: string;
  /** The document to extend, when the sprint has one. */
  document?: { name: string; path: string; absolutePath: string };
  /** File names present in the folder. */
  files: string[];
}

export interface SprintQuery {
  root: string;
  docsDir?: string;
  sprint?: string;
}

/** `docs` or `magi`, whichever holds sprints (the newer `magi` wins a tie). */
export function findDocsDir(root: string, override?: string): string | undefined {
  if (override) {
    assertInside(root, override, '--docs-dir');
    return toPosix(path.normalize(override)).replace(/\/$/, '');
  }
  const withSprints = DOCS_DIR_CANDIDATES.filter((candidate) => sprintFolders(path.join(root, candidate)).length > 0);
  if (withSprints.length) return withSprints.includes('magi') ? 'magi' : 'docs';
  return DOCS_DIR_CANDIDATES.find((candidate) => isDirectory(path.join(root, candidate)));
}

export function listSprints(root: string, docsDir: string): Sprint[] {
  const absoluteDocs = path.join(root, docsDir);
  return sprintFolders(absoluteDocs)
    .map((name) => describeSprint(root, docsDir, name))
    .sort((a, b) => Number(a.num) - Number(b.num) || a.name.localeCompare(b.name));
}

export function locateSprint({ root, docsDir: override, sprint: wanted }: SprintQuery): Sprint {
  const docsDir = findDocsDir(root, override);
  if (!docsDir || !isDirectory(path.join(root, docsDir))) {
    const where = override ? `${override}/` : 'docs/ or magi/';
    throw new MagiError('no-sprint', `No sprint found: ${where} has no <num>-<slug>/ folder; plan a sprint first (/magi.plan in the magi workflow), or pass --docs-dir`);
  }
  assertReadableFolder(path.join(root, docsDir), docsDir);
  const sprints = listSprints(root, docsDir);
  if (sprints.length === 0) {
    throw new MagiError('no-sprint', `No sprint found in ${docsDir}/: plan a sprint first (/magi.plan in the magi workflow) so that ${docsDir}/<num>-<slug>/ exists`);
  }
  let chosen: Sprint | undefined;
  if (wanted === undefined || wanted === '') {
    chosen = sprints[sprints.length - 1];
  } else {
    validateSprintArgument(wanted);
    chosen = /^\d+$/.test(wanted)
      ? sprints.find((sprint) => Number(sprint.num) === Number(wanted))
      : sprints.find((sprint) => sprint.name === wanted);
    if (!chosen) {
      const names = sprints.map((sprint) => sprint.name).join(', ');
      throw new MagiError('sprint-unknown', `--sprint ${wanted}: no such sprint in ${docsDir}/; choose one of ${names}`);
    }
  }
  assertRealPathInside(root, chosen.absoluteDir, chosen.dir);
  assertReadableFolder(chosen.absoluteDir, chosen.dir);
  if (chosen.document) assertRealPathInside(root, chosen.document.absolutePath, chosen.document.path);
  return chosen;
}

/** A sprint argument is a folder name or a number: never a path. */
export function validateSprintArgument(value: string): void {
  if (path.isAbsolute(value) || /^[A-Za-z]:/.test(value)) {
    throw new MagiError('sprint-path', `--sprint ${value}: must be a sprint folder name like 03-order-refunds or a number, not an absolute path`);
  }
  if (value.includes('/') || value.includes('\\') || value.includes('..')) {
    throw new MagiError('sprint-path', `--sprint ${value}: must be a sprint folder name like 03-order-refunds or a number, not a path`);
  }
  if (!/^\d+$/.test(value) && !SPRINT_FOLDER.test(value)) {
    throw new MagiError('sprint-name', `--sprint ${value}: expected <num>-<slug> (e.g. 03-order-refunds) or a number`);
  }
}

function describeSprint(root: string, docsDir: string, name: string): Sprint {
  const match = SPRINT_FOLDER.exec(name)!;
  const absoluteDir = path.join(root, docsDir, name);
  const files = safeReaddir(absoluteDir);
  const documentName = [...EXTENDABLE_DOCUMENTS, ...FOREIGN_DOCUMENTS].find((candidate) => files.includes(candidate));
  const dir = toPosix(path.join(docsDir, name));
  return {
    docsDir,
    dir,
    absoluteDir,
    name,
    num: match[1],
    slug: match[2],
    files,
    ...(documentName
      ? { document: { name: documentName, path: `${dir}/${documentName}`, absolutePath: path.join(absoluteDir, documentName) } }
      : {}),
  };
}

function sprintFolders(absoluteDocs: string): string[] {
  return safeReaddir(absoluteDocs).filter((name) => SPRINT_FOLDER.test(name) && isDirectory(path.join(absoluteDocs, name)));
}

function safeReaddir(folder: string): string[] {
  try {
    return readdirSync(folder).sort();
  } catch {
    return [];
  }
}

/** An unreadable folder would otherwise look empty, and the user would be told to plan a sprint that exists. */
function assertReadableFolder(folder: string, label: string): void {
  try {
    readdirSync(folder);
  } catch (cause) {
    throw new MagiError('folder-unreadable', `${label}: cannot be read (${(cause as NodeJS.ErrnoException).code ?? 'error'}); check its permissions`, { cause });
  }
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function assertInside(root: string, relative: string, label: string): void {
  if (path.isAbsolute(relative) || toPosix(path.normalize(relative)).split('/').includes('..')) {
    throw new MagiError('path-outside', `${label} ${relative}: must be a folder inside the repository, without ..`);
  }
  void root;
}

/** Refuses a sprint folder or document whose real path (after symlinks) leaves the repository. */
function assertRealPathInside(root: string, file: string, label: string): void {
  if (!existsSync(file) && !isSymlink(file)) return;
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    throw new MagiError('path-broken', `${label}: is a broken symlink; point it at a file inside the repository`);
  }
  const realRoot = realpathSync(root);
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
    throw new MagiError('path-outside', `${label}: leads outside the repository (symlink to ${real}); replace the symlink with a real file`);
  }
}

function isSymlink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

export function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
