// Render stage: BackendSpec → the `## Backend` Markdown section, one EJS
// template per subsection per language. TS computes facts; templates phrase them.

import type { Warning } from '../types.js';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BackendSpec } from '../model/index.js';
import { MagiError } from '../errors.js';
import { templatesDir } from '../paths.js';
import { helpers } from './helpers.js';
import { tidyMarkdown } from './tidy.js';

export type SectionLanguage = 'en' | 'zh-TW';

export const SUBSECTIONS = [
  '00-stack-layers',
  '01-api-contract',
  '02-data-model',
  '03-authz',
  '04-validation',
  '05-idempotency',
  '06-observability',
  '07-test-plan',
  '08-open-questions',
] as const;

/** The `###` headings, in order; a contract other tools and tests rely on. */
export const SUBSECTION_HEADINGS = [
  'Stack & layers',
  'API contract',
  'Data model changes',
  'Authn/authz matrix',
  'Validation & safety',
  'Idempotency & retries',
  'Observability',
  'Test plan',
  'Open questions',
] as const;

/** The section should stay readable: a five-operation sprint fits in this many lines. */
export const LINE_BUDGET = { lines: 250, operations: 5 };

const ALIASES: Record<string, SectionLanguage> = {
  en: 'en',
  'en-us': 'en',
  'en-gb': 'en',
  english: 'en',
  'zh-tw': 'zh-TW',
  'zh-hant': 'zh-TW',
  'zh-hant-tw': 'zh-TW',
  zh_tw: 'zh-TW',
};

/** Closest language we have templates for, with a note when it is not an exact match. */
export function resolveLanguage(language: string): { language: SectionLanguage; note?: string } {
  const key = (language ?? '').trim().toLowerCase().replace(/_/g, '-');
  if (ALIASES[key]) return { language: ALIASES[key] };
  if (/^zh-(hk|mo|hant)/.test(key)) return { language: 'zh-TW', note: `output_language "${language}": using zh-TW (Traditional Chinese), the closest available` };
  if (/^en-/.test(key)) return { language: 'en' };
  return { language: 'en', note: `output_language "${language}" has no Backend section templates; written in English (available: en, zh-TW)` };
}

/** templates/backend-section, from this module or from `from` (a compiled location). */
export function findTemplatesRoot(from?: string): string {
  return templatesDir('backend-section', from);
}

const cache = new Map<string, Array<{ name: string; render: (data: object) => string }>>();

async function loadTemplates(language: SectionLanguage): Promise<Array<{ name: string; render: (data: object) => string }>> {
  const hit = cache.get(language);
  if (hit) return hit;
  const { default: ejs } = await import('ejs');
  const dir = path.join(findTemplatesRoot(), language);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.md.ejs')).sort();
  const loaded = [];
  for (const name of SUBSECTIONS) {
    const file = files.find((f) => f.startsWith(name));
    if (!file) throw new MagiError('templates-missing', `templates/backend-section/${language}/${name}.md.ejs is missing; reinstall generator-magi`);
    const source = await readFile(path.join(dir, file), 'utf8');
    const render = ejs.compile(source, { filename: path.join(dir, file), strict: false, rmWhitespace: false }) as (data: object) => string;
    loaded.push({ name, render });
  }
  cache.set(language, loaded);
  return loaded;
}

export async function renderSection(spec: BackendSpec, language: string): Promise<{ markdown: string; languageUsed: 'en' | 'zh-TW'; notes: Warning[] }> {
  const resolved = resolveLanguage(language);
  const notes: Warning[] = resolved.note ? [{ code: 'language', message: resolved.note }] : [];
  const templates = await loadTemplates(resolved.language);
  const h = helpers(spec);
  const parts = templates.map((t) => t.render({ spec, h }).trim());
  const markdown = tidyMarkdown(['## Backend', ...parts].join('\n\n'));
  const lines = markdown.split('\n').length - 1;
  if (spec.stats.operations <= LINE_BUDGET.operations && lines > LINE_BUDGET.lines) {
    notes.push({
      code: 'section-length',
      message: `The Backend section is ${lines} lines for ${spec.stats.operations} operations (budget ${LINE_BUDGET.lines}); ${spec.contract.placement === 'file' ? 'trim what the team already knows' : 'consider placing the contract in a file (contractLocation: file)'}`,
    });
  }
  return { markdown, languageUsed: resolved.language, notes };
}
