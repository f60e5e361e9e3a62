// The app entry a contract test imports: `file#export`, found from the place the
// framework's app object is created.
import path from 'node:path';
import type { Detected } from '../types.js';
import type { Ecosystem } from '../knowledge/index.js';
import { lineOfIndex } from './scan.js';
import { sourcePriority } from './sources.js';

export interface ConstructHit {
  file: string;
  text: string;
  ecosystem: Ecosystem;
  match: RegExpExecArray;
  /** Function the construct sits in; undefined at module level. */
  enclosing?: string;
  /** The enclosing function is never called. */
  dead: boolean;
}

interface Candidate {
  file: string;
  name: string;
  confidence: number;
  line: number;
}

function escape(name: string): string {
  return name.replace(/[$]/g, '\\$');
}

/** How other modules import `name` from a JavaScript/TypeScript file. */
function jsExportName(text: string, name: string): { name: string; exported: boolean } {
  const n = escape(name);
  if (new RegExp(`export\\s+default\\s+${n}\\b|module\\.exports\\s*=\\s*${n}\\b|export\\s+default\\s+(async\\s+)?function\\s+${n}\\b`).test(text)) return { name: 'default', exported: true };
  if (new RegExp(`export\\s+(const|let|var|async\\s+function|function|class)\\s+${n}\\b|exports\\.${n}\\s*=|module\\.exports\\s*=\\s*\\{[^}]*\\b${n}\\b`).test(text)) return { name, exported: true };
  const alias = new RegExp(`export\\s*\\{[^}]*\\b${n}(?:\\s+as\\s+(\\w+))?[^}]*\\}`).exec(text);
  if (alias) return { name: alias[1] ?? name, exported: true };
  return { name, exported: false };
}

const DEFINITION: Record<Ecosystem, (name: string) => RegExp> = {
  node: (name) => new RegExp(`export\\s+(default\\s+)?(class|function|const)\\s+${escape(name)}\\b`),
  python: (name) => new RegExp(`^(class|def)\\s+${name}\\b|^${name}\\s*=`, 'm'),
  go: (name) => new RegExp(`^func\\s+${name}\\b`, 'm'),
  rust: (name) => new RegExp(`fn\\s+${name}\\b|struct\\s+${name}\\b`),
  ruby: (name) => new RegExp(`class\\s+${name}\\b`),
  jvm: (name) => new RegExp(`class\\s+${name}\\b`),
  php: (name) => new RegExp(`(?:class|function)\\s+${name}\\b|\\$${escape(name)}\\s*=`),
};

function candidateOf(hit: ConstructHit, sources: { file: string; text: string; ecosystem: Ecosystem }[]): Candidate {
  const groups = hit.match.groups ?? {};
  const line = lineOfIndex(hit.text, hit.match.index);
  const base = hit.dead ? 0.3 : 0.9;
  if (groups.name) {
    const module = hit.ecosystem === 'ruby' ? /^module\s+(\w+)/m.exec(hit.text)?.[1] : undefined;
    return { file: hit.file, name: module ? `${module}::${groups.name}` : groups.name, confidence: base, line };
  }
  if (groups.symbol) {
    const definition = sources.find((source) => source.ecosystem === hit.ecosystem && DEFINITION[hit.ecosystem](groups.symbol).test(source.text));
    return definition
      ? { file: definition.file, name: groups.symbol, confidence: base, line: lineOfIndex(definition.text, DEFINITION[hit.ecosystem](groups.symbol).exec(definition.text)!.index) }
      : { file: hit.file, name: groups.symbol, confidence: base - 0.3, line };
  }
  if (hit.enclosing) {
    const exported = hit.ecosystem !== 'node' || jsExportName(hit.text, hit.enclosing).exported;
    const name = hit.ecosystem === 'node' ? jsExportName(hit.text, hit.enclosing).name : hit.enclosing;
    return { file: hit.file, name, confidence: exported ? base - 0.05 : base - 0.2, line };
  }
  if (groups.var) {
    if (hit.ecosystem === 'node') {
      const { name, exported } = jsExportName(hit.text, groups.var);
      return { file: hit.file, name, confidence: exported ? base : base - 0.2, line };
    }
    return { file: hit.file, name: groups.var, confidence: base, line };
  }
  return { file: hit.file, name: hit.ecosystem === 'node' ? 'default' : 'main', confidence: base - 0.2, line };
}

function relTo(dir: string, file: string): string {
  return dir === '.' ? file : file.slice(dir.length + 1);
}

function stripExtension(file: string): string {
  return file.replace(/\.[cm]?[jt]sx?$/, '').replace(/\/index$/, '');
}

/** Files some other source imports with a relative specifier: a sub-app mounted by the real one. */
function importedFiles(sources: { file: string; imports: string[] }[]): Set<string> {
  const out = new Set<string>();
  for (const source of sources) {
    for (const spec of source.imports) {
      if (!spec.startsWith('.')) continue;
      out.add(stripExtension(path.posix.normalize(path.posix.join(path.posix.dirname(source.file), spec))));
    }
  }
  return out;
}

export function resolveAppEntry(
  serviceDir: string,
  allHits: ConstructHit[],
  sources: { file: string; text: string; ecosystem: Ecosystem; imports: string[] }[],
): { value?: Detected; rivals: Detected[] } {
  const mounted = importedFiles(sources.filter((source) => source.ecosystem === 'node'));
  const unmounted = allHits.filter((hit) => hit.ecosystem !== 'node' || !mounted.has(stripExtension(hit.file)));
  // When the app file is itself imported (by the file that starts the server), a sub-app is one another app file imports.
  const hitFiles = new Set(allHits.map((hit) => hit.file));
  const mountedByApp = importedFiles(sources.filter((source) => source.ecosystem === 'node' && hitFiles.has(source.file)));
  const notSubApps = allHits.filter((hit) => hit.ecosystem !== 'node' || !mountedByApp.has(stripExtension(hit.file)));
  const hits = unmounted.length ? unmounted : notSubApps.length ? notSubApps : allHits;
  const byValue = new Map<string, Candidate & { route: boolean }>();
  for (const hit of hits) {
    const candidate = candidateOf(hit, sources);
    const value = `${relTo(serviceDir, candidate.file)}#${candidate.name}`;
    const route = !!hit.match.groups?.name && /^(GET|POST|PUT|PATCH|DELETE)$/.test(hit.match.groups.name);
    const known = byValue.get(value);
    if (!known || known.confidence < candidate.confidence) byValue.set(value, { ...candidate, route });
  }
  // Route handlers: the shallowest route; app objects: the most entry-like file.
  const rank = (c: Candidate & { route: boolean }) => (c.route ? -c.file.split('/').length : sourcePriority(relTo(serviceDir, c.file)));
  const ranked = [...byValue.entries()].sort((a, b) => b[1].confidence - a[1].confidence || rank(b[1]) - rank(a[1]) || a[0].localeCompare(b[0]));
  if (ranked.length === 0) return { rivals: [] };
  const toDetected = ([value, c]: [string, Candidate]): Detected => ({ value, confidence: Math.round(c.confidence * 100) / 100, evidence: [{ file: c.file, line: c.line }] });
  const [best, ...rest] = ranked;
  // Route handlers (one per file) are not rival apps; two binaries that each start a server are.
  const rivals = best[1].route ? [] : rest.filter(([, c]) => !c.route && c.file !== best[1].file && c.confidence >= best[1].confidence - 0.05);
  return { value: toDetected(best), rivals: rivals.map(toDetected) };
}
