// Repository-level signals that are not a service's manifest: docker-compose
// services and `.env.example` URL schemes (never `.env` itself, never a value).
import path from 'node:path';
import type { Evidence } from '../types.js';
import { lineOfIndex, type RepoReader } from './scan.js';
import { namedExports } from '../interop.js';

export interface ComposeService {
  name: string;
  /** Repo-relative build context, when the image is built from the repo. */
  buildDir?: string;
  /** Image name without registry path or tag (`postgres`, `redis`). */
  image?: string;
  dependsOn: string[];
  evidence: Evidence;
}

export interface ComposeFile {
  file: string;
  dir: string;
  services: ComposeService[];
}

const COMPOSE = /^(docker-)?compose(\.[\w-]+)?\.ya?ml$/;

export function isComposeFile(rel: string): boolean {
  return COMPOSE.test(path.posix.basename(rel));
}

export async function readCompose(reader: RepoReader, file: string): Promise<ComposeFile | undefined> {
  const text = await reader.read(file);
  if (text === undefined) return undefined;
  const { parse } = namedExports(await import('yaml'), 'parse');
  let doc: { services?: Record<string, Record<string, unknown>> };
  try {
    doc = parse(text) ?? {};
  } catch {
    return undefined;
  }
  const dir = path.posix.dirname(file);
  const services: ComposeService[] = [];
  for (const [name, body] of Object.entries(doc.services ?? {})) {
    if (!body || typeof body !== 'object') continue;
    const build = body.build;
    const context = typeof build === 'string' ? build : typeof build === 'object' && build ? (build as { context?: string }).context : undefined;
    const buildDir = context !== undefined ? path.posix.normalize(path.posix.join(dir, context)) : undefined;
    const rawImage = typeof body.image === 'string' ? body.image : undefined;
    const image = rawImage?.split('@')[0].split(':')[0].split('/').pop()?.toLowerCase();
    const depends = body.depends_on;
    const dependsOn = Array.isArray(depends) ? depends.map(String) : depends && typeof depends === 'object' ? Object.keys(depends) : [];
    const at = rawImage ? text.indexOf(rawImage) : text.indexOf(`${name}:`);
    services.push({ name, buildDir: buildDir === '' ? '.' : buildDir, image, dependsOn, evidence: { file, line: at >= 0 ? lineOfIndex(text, at) : undefined } });
  }
  return { file, dir, services };
}

export interface EnvScheme {
  scheme: string;
  evidence: Evidence;
}

/** URL schemes of the values in an example env file; the values themselves are never kept. */
export async function readEnvSchemes(reader: RepoReader, file: string): Promise<EnvScheme[]> {
  const text = await reader.read(file, 32 * 1024);
  if (text === undefined) return [];
  const out: EnvScheme[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const match = /^\s*(?:export\s+)?[A-Za-z0-9_]+\s*=\s*['"]?([a-z][a-z0-9+.-]*):\/\//i.exec(lines[i]);
    if (match) out.push({ scheme: match[1].toLowerCase().split('+')[0], evidence: { file, line: i + 1 } });
  }
  return out;
}
