// Render stage: BackendSpec → the `## Backend` Markdown section, one EJS
// template per subsection per language. TS computes facts; templates phrase them.

import type { Warning } from '../types.js';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BackendSpec } from '../model/index.js';
import { MagiError } from '../errors.js';
import { templatesDir } from '../paths.js';
import { helpers } from './helpers.js';
import { tidyMarkdown } from './tidy.js';

/** A folder name under templates/backend-section (a BCP 47 tag: `en`, `zh-TW`). */
export type SectionLanguage = string;

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

/** Scripts that tell one written variety from another where regions imply them (BCP 47 likely subtags). */
const LIKELY_SCRIPT: Record<string, Record<string, string>> = {
  zh: { '': 'hans', cn: 'hans', sg: 'hans', tw: 'hant', hk: 'hant', mo: 'hant' },
};

/** Language names people write instead of a tag. */
const NAMES: Record<string, string> = { english: 'en' };

interface Tag {
  language: string;
  script?: string;
  region?: string;
}

function parseTag(text: string): Tag {
  const [language = '', ...rest] = text.trim().toLowerCase().replace(/_/g, '-').split('-');
  const script = rest.find((part) => /^[a-z]{4}$/.test(part));
  const region = rest.find((part) => /^([a-z]{2}|\d{3})$/.test(part));
  return { language, ...(script ? { script } : {}), ...(region ? { region } : {}) };
}

const scriptOf = (tag: Tag): string | undefined => tag.script ?? LIKELY_SCRIPT[tag.language]?.[tag.region ?? ''];

/** The languages the section can be written in: the folders under templates/backend-section. */
export function sectionLanguages(): SectionLanguage[] {
  return readdirSync(findTemplatesRoot(), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

/** Closest language we have templates for, with a note when it is not an exact match; English when none is close. */
export function resolveLanguage(language: string): { language: SectionLanguage; note?: string } {
  const available = sectionLanguages();
  const text = NAMES[(language ?? '').trim().toLowerCase()] ?? language ?? '';
  const wanted = parseTag(text);
  const exact = available.find((folder) => folder.toLowerCase() === text.trim().toLowerCase().replace(/_/g, '-'));
  if (exact) return { language: exact };
  const close = available.find((folder) => {
    const have = parseTag(folder);
    return have.language === wanted.language && scriptOf(have) === scriptOf(wanted);
  });
  if (close) {
    const region = parseTag(close).region;
    // Another region of the same written variety (zh-HK for zh-TW) reads differently in places: say so.
    if (region && wanted.region && wanted.region !== region) return { language: close, note: `output_language "${language}": using ${close}, the closest available` };
    return { language: close };
  }
  return { language: 'en', note: `output_language "${language}" has no Backend section templates; written in English (available: ${available.join(', ')})` };
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
  // Nine small files: read at once, not one await (and one thread-pool round trip) at a time.
  const files = readdirSync(dir).filter((f) => f.endsWith('.md.ejs')).sort();
  const loaded = [];
  for (const name of SUBSECTIONS) {
    const file = files.find((f) => f.startsWith(name));
    if (!file) throw new MagiError('templates-missing', `templates/backend-section/${language}/${name}.md.ejs is missing; reinstall generator-magi`);
    const source = readFileSync(path.join(dir, file), 'utf8');
    const render = ejs.compile(source, { filename: path.join(dir, file), strict: false, rmWhitespace: false }) as (data: object) => string;
    loaded.push({ name, render });
  }
  cache.set(language, loaded);
  return loaded;
}

export async function renderSection(spec: BackendSpec, language: string): Promise<{ markdown: string; languageUsed: SectionLanguage; notes: Warning[] }> {
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
