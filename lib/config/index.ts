// The magi workflow's config: where it lives, what we read from it, and how
// setup updates it without dropping keys that belong to the rest of the workflow.
import { existsSync } from 'node:fs';
import { MAX_SMALL_FILE_BYTES, readInputFile } from '../input.js';
import path from 'node:path';
import { EXIT, MagiError } from '../errors.js';

/** Our own defaults, kept under this key (in the workflow config and in `.yo-rc.json`). */
export const CONFIG_KEY = 'generator-magi';
export const DEFAULT_LANGUAGE = 'zh-TW';

export interface ProjectDefaults {
  docsDir?: string;
  apiStyle?: string;
  scaffoldTest?: boolean;
  conflict?: string;
  contractLocation?: string;
}

export interface MagiConfig {
  /** File the config came from. */
  source: string;
  sourceKind: 'env' | 'workflow' | 'workflow-new' | 'project';
  outputLanguage: string;
  defaults: ProjectDefaults;
  /** The whole parsed object, so setup can write it back with every key kept. */
  raw: Record<string, unknown>;
}

export interface ConfigLookup {
  cwd: string;
  home: string;
  env: Record<string, string | undefined>;
}

export interface ConfigCandidate {
  file: string;
  kind: MagiConfig['sourceKind'];
}

/** Lookup order: $MAGI_CONFIG_PATH, the workflow's two global paths, then the project's .yo-rc.json. */
export function configCandidates({ cwd, home, env }: ConfigLookup): ConfigCandidate[] {
  const candidates: ConfigCandidate[] = [];
  if (env.MAGI_CONFIG_PATH) candidates.push({ file: path.resolve(cwd, env.MAGI_CONFIG_PATH), kind: 'env' });
  candidates.push(
    { file: path.join(home, '.config', 'magi-workflow-workflow', 'config.json'), kind: 'workflow' },
    { file: path.join(home, '.config', 'magi-workflow', 'config.json'), kind: 'workflow-new' },
    { file: path.join(cwd, '.yo-rc.json'), kind: 'project' },
  );
  return candidates;
}

export function loadConfig(lookup: ConfigLookup): MagiConfig | undefined {
  for (const candidate of configCandidates(lookup)) {
    if (!existsSync(candidate.file)) {
      if (candidate.kind === 'env') {
        throw new MagiError('config-missing', `MAGI_CONFIG_PATH points to ${candidate.file}, which does not exist; fix the variable or run \`magi setup\``, {
          exitCode: EXIT.preflight,
        });
      }
      continue;
    }
    const raw = readJsonObject(candidate.file);
    if (candidate.kind === 'project') {
      // .yo-rc.json counts only when setup wrote our key into it.
      const own = raw[CONFIG_KEY];
      if (isObject(own) && own.outputLanguage !== undefined) assertLanguageTag(own.outputLanguage, candidate.file, `${CONFIG_KEY}.outputLanguage`);
      if (!isObject(own) || typeof own.outputLanguage !== 'string') continue;
      return { source: candidate.file, sourceKind: 'project', outputLanguage: own.outputLanguage, defaults: pickDefaults(own), raw };
    }
    const own = isObject(raw[CONFIG_KEY]) ? raw[CONFIG_KEY] : {};
    if (raw.output_language !== undefined) assertLanguageTag(raw.output_language, candidate.file, 'output_language');
    const language = typeof raw.output_language === 'string' ? raw.output_language.trim() : DEFAULT_LANGUAGE;
    return { source: candidate.file, sourceKind: candidate.kind, outputLanguage: language, defaults: pickDefaults(own), raw };
  }
  return undefined;
}

/** Project defaults from `.yo-rc.json`, which win over the global config's. */
export function projectDefaults(cwd: string): ProjectDefaults {
  const file = path.join(cwd, '.yo-rc.json');
  if (!existsSync(file)) return {};
  const own = readJsonObject(file)[CONFIG_KEY];
  return isObject(own) ? pickDefaults(own) : {};
}

export function readJsonObject(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readInputFile(file, file, MAX_SMALL_FILE_BYTES, 'check it is the JSON config file', EXIT.preflight).toString('utf8');
  } catch (cause) {
    if (cause instanceof MagiError) throw cause;
    throw new MagiError('config-unreadable', `${file}: cannot be read (${(cause as NodeJS.ErrnoException).code ?? 'error'}); check its permissions`, {
      exitCode: EXIT.preflight,
      cause,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    throw new MagiError('config-invalid', `${file}: is not valid JSON (${(cause as Error).message}); fix it or delete it, then re-run`, {
      exitCode: EXIT.preflight,
      cause,
    });
  }
  if (!isObject(parsed)) {
    throw new MagiError('config-invalid', `${file}: must hold a JSON object; fix it or delete it, then re-run`, { exitCode: EXIT.preflight });
  }
  return parsed;
}

/**
 * The config object setup writes: every existing key kept, ours updated.
 * The workflow reads `output_language`; our defaults live under CONFIG_KEY.
 */
export function mergeConfig(
  existing: Record<string, unknown>,
  update: { outputLanguage: string; defaults: ProjectDefaults },
  kind: MagiConfig['sourceKind'],
): Record<string, unknown> {
  const own = isObject(existing[CONFIG_KEY]) ? { ...existing[CONFIG_KEY] } : {};
  Object.assign(own, dropUndefined(update.defaults));
  if (kind === 'project') {
    return { ...existing, [CONFIG_KEY]: { ...own, outputLanguage: update.outputLanguage } };
  }
  return { ...existing, output_language: update.outputLanguage, [CONFIG_KEY]: own };
}

function pickDefaults(own: Record<string, unknown>): ProjectDefaults {
  const defaults: ProjectDefaults = {};
  if (typeof own.docsDir === 'string') defaults.docsDir = own.docsDir;
  if (typeof own.apiStyle === 'string') defaults.apiStyle = own.apiStyle;
  if (typeof own.scaffoldTest === 'boolean') defaults.scaffoldTest = own.scaffoldTest;
  if (typeof own.conflict === 'string') defaults.conflict = own.conflict;
  if (typeof own.contractLocation === 'string') defaults.contractLocation = own.contractLocation;
  return defaults;
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A BCP 47-shaped tag (`en`, `zh-TW`, `pt-BR`); anything else (a number, an empty string) is refused, never replaced by a default. */
function assertLanguageTag(value: unknown, file: string, key: string): void {
  if (typeof value === 'string' && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(value.trim())) return;
  throw new MagiError('config-language', `${file}: ${key}: must be a language tag such as "en" or "zh-TW", not ${JSON.stringify(value)}; fix it or run \`magi setup\``, {
    exitCode: EXIT.preflight,
  });
}
