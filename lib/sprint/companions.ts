// The other documents of a sprint input: a spec-kit feature folder (spec.md,
// plan.md, data-model.md, contracts/), a Kiro spec (requirements.md,
// design.md) or a BMAD PRD, found beside the plan document or in a folder the
// document links to. They are read, never written.
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { toPosix } from './index.js';
import { countBrackets, MAX_LINK_BRACKETS } from './document.js';

/** Markdown documents that describe the same feature; workflow and task files are not inputs. */
export const COMPANION_DOCUMENTS = ['spec.md', 'plan.md', 'data-model.md', 'requirements.md', 'design.md', 'prd.md', 'api.md'] as const;
/** Contract files under `contracts/` (any depth up to 2). */
const CONTRACT_FILE = /\.(?:ya?ml|json|graphql|gql|proto|md)$/i;
const CONTRACT_FOLDER = 'contracts';

/** Caps: a sprint input is a handful of documents, never a tree. */
/** With the document's own cap, these bound a run's parsing time (see MAX_DOCUMENT_BYTES). */
export const COMPANION_LIMITS = { files: 24, bytesPerFile: 512 * 1024, totalBytes: 1024 * 1024 } as const;

export type CompanionKind = 'markdown' | 'yaml' | 'json' | 'graphql' | 'proto';

export interface CompanionDocument {
  /** Repo-relative path, posix separators. */
  path: string;
  kind: CompanionKind;
  text: string;
}

function kindOf(file: string): CompanionKind {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.md') return 'markdown';
  if (ext === '.json') return 'json';
  if (ext === '.graphql' || ext === '.gql') return 'graphql';
  if (ext === '.proto') return 'proto';
  return 'yaml';
}

function isFile(file: string): boolean {
  try {
    return lstatSync(file).isFile();
  } catch {
    return false;
  }
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function listFiles(folder: string): string[] {
  try {
    return readdirSync(folder).sort();
  } catch {
    return [];
  }
}

/** Candidate files of one feature folder, in reading order (documents first, then contracts). */
function folderInputs(folder: string): string[] {
  const names = listFiles(folder);
  const found: string[] = [];
  for (const name of COMPANION_DOCUMENTS) {
    const match = names.find((candidate) => candidate.toLowerCase() === name);
    if (match && isFile(path.join(folder, match))) found.push(path.join(folder, match));
  }
  const contracts = path.join(folder, CONTRACT_FOLDER);
  if (isDirectory(contracts)) {
    for (const name of listFiles(contracts)) {
      const file = path.join(contracts, name);
      if (isFile(file) && CONTRACT_FILE.test(name) && !/^readme\.md$/i.test(name)) found.push(file);
      else if (isDirectory(file)) for (const inner of listFiles(file)) if (CONTRACT_FILE.test(inner) && isFile(path.join(file, inner))) found.push(path.join(file, inner));
    }
  }
  return found;
}

/** Relative links in the document (`[spec](../../specs/025-x/)`) that name a feature folder or one of its files. */
function linkedInputs(root: string, documentDir: string, documentText: string): string[] {
  const found: string[] = [];
  for (const match of documentText.matchAll(/\]\(\s*<?([^)\s>#?]+)>?(?:#[^)\s]*)?\s*(?:"[^"]*")?\)/g)) {
    const target = match[1];
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('/')) continue;
    const absolute = path.resolve(documentDir, decodeURI(target));
    const relative = path.relative(root, absolute);
    if (relative.startsWith('..') || path.isAbsolute(relative)) continue;
    if (isDirectory(absolute)) found.push(...folderInputs(absolute));
    else if (isFile(absolute) && (COMPANION_DOCUMENTS as readonly string[]).includes(path.basename(absolute).toLowerCase())) found.push(absolute);
    else if (isFile(absolute) && path.basename(path.dirname(absolute)) === CONTRACT_FOLDER && CONTRACT_FILE.test(absolute)) found.push(absolute);
  }
  return found;
}

/** Reads the sprint's other input documents; the plan document itself is never among them. */
export function readCompanions(root: string, documentAbsolutePath: string, documentText: string): CompanionDocument[] {
  const documentDir = path.dirname(documentAbsolutePath);
  const realRoot = realpathSync(root);
  const candidates = [...folderInputs(documentDir), ...linkedInputs(root, documentDir, documentText)];
  const seen = new Set<string>([safeRealpath(documentAbsolutePath)]);
  const documents: CompanionDocument[] = [];
  let total = 0;
  for (const file of candidates) {
    const real = safeRealpath(file);
    if (!real || seen.has(real)) continue;
    seen.add(real);
    // A link may not lead out of the repository, not even through a symlink.
    const inside = path.relative(realRoot, real);
    if (inside.startsWith('..') || path.isAbsolute(inside)) continue;
    if (documents.length >= COMPANION_LIMITS.files) break;
    let text: string;
    try {
      const stats = statSync(real);
      if (!stats.isFile()) continue;
      const size = stats.size;
      if (size > COMPANION_LIMITS.bytesPerFile || total + size > COMPANION_LIMITS.totalBytes) continue;
      const bytes = readFileSync(real);
      if (bytes.includes(0)) continue;
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      // Same pre-scan as the document: bracket-dense text would make the Markdown parser quadratic.
      if (countBrackets(text) > MAX_LINK_BRACKETS) continue;
      total += size;
    } catch {
      continue;
    }
    documents.push({ path: toPosix(path.relative(root, file)), kind: kindOf(file), text });
  }
  return documents;
}

function safeRealpath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return '';
  }
}
