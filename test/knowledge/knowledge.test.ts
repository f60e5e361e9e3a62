// Technology knowledge is one table: every id detection can emit has an entry
// with the facts its kind's consumers read, and every reference between
// entries (a framework's validation library, an ORM's migration tool, a
// contract-test template) lands on an entry.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTRACT_TEST_TEMPLATES, FRAMEWORKS, KNOWLEDGE, LANGUAGES, ORMS, TEST_RUNNERS, contractTestTemplateOf, knowledgeOf,
  type Kind, type KnowledgeEntry,
} from '../../lib/knowledge/index.js';
import { EXPECTED } from '../stack/expectations.js';

/** The facts each kind's consumers read; an entry detection can emit must state them. */
const REQUIRED_FACTS: Record<Kind, string[]> = {
  language: ['defaults.validation', 'defaults.logger'],
  framework: ['language', 'defaultApiStyle', 'defaultTestDir'],
  orm: ['migrationTool', 'rawQuery.safe', 'rawQuery.unsafe'],
  migrations: ['dir', 'file', 'nameCase', 'create', 'apply', 'rollback', 'dependencyStyle', 'body'],
  database: ['store', 'backup', 'online', 'idempotencyStore'],
  auth: [],
  apiStyle: [],
  job: [],
  testRunner: ['command', 'unitFile', 'integrationFile', 'defaultDir', 'contractTool', 'contractFile'],
  // exec is '' where binaries run directly (go, cargo), so only its presence is typed.
  packageManager: [],
  validation: ['strict'],
  logger: ['bind', 'redact'],
};

const factAt = (entry: KnowledgeEntry, dotted: string): unknown =>
  dotted.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), entry);

const hasSignals = (entry: KnowledgeEntry) => Object.values(entry.signals).some((signal) => (Array.isArray(signal) ? signal.length : signal && Object.keys(signal).length));

/** Every (kind, id) detection can report: entries it scores, what they imply, and what a framework brings or defaults to. */
function emittable(): Array<{ kind: Kind; id: string; from: string }> {
  const out: Array<{ kind: Kind; id: string; from: string }> = [];
  for (const entry of KNOWLEDGE) {
    if (hasSignals(entry)) out.push({ kind: entry.kind, id: entry.id, from: `${entry.kind}:${entry.id} signals` });
    for (const implied of entry.implies ?? []) {
      const target = KNOWLEDGE.find((candidate) => candidate.id === implied.id && candidate.kind !== 'language' && candidate.kind !== 'packageManager');
      out.push({ kind: target?.kind ?? entry.kind, id: implied.id, from: `${entry.id} implies` });
    }
  }
  for (const framework of FRAMEWORKS) {
    out.push({ kind: 'apiStyle', id: framework.defaultApiStyle, from: `${framework.id} defaultApiStyle` });
    if (framework.validationBundled && framework.validation) out.push({ kind: 'validation', id: framework.validation, from: `${framework.id} bundles` });
    if (framework.logger) out.push({ kind: 'logger', id: framework.logger, from: `${framework.id} logger` });
  }
  return out;
}

describe('knowledge', () => {
  it('has one entry per id and kind, each with a label', () => {
    const keys = KNOWLEDGE.flatMap((entry) => [entry.id, ...(entry.aliases ?? [])].map((name) => `${entry.kind}:${name}`));
    expect(new Set(keys).size).toBe(keys.length);
    for (const entry of KNOWLEDGE) {
      expect(entry.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(entry.label.trim().length, entry.id).toBeGreaterThan(0);
    }
  });

  it('has the facts of every id detection can emit', () => {
    const missing: string[] = [];
    for (const { kind, id, from } of emittable()) {
      const entry = knowledgeOf(kind, id);
      if (!entry) {
        missing.push(`${kind}:${id} (${from}) has no entry`);
        continue;
      }
      for (const fact of REQUIRED_FACTS[kind]) {
        const value = factAt(entry, fact);
        if (value === undefined || value === '') missing.push(`${kind}:${id} (${from}) lacks ${fact}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('knows every value the fixture repositories are detected as', () => {
    const DIMENSION_KIND: Record<string, Kind> = {
      language: 'language', framework: 'framework', orm: 'orm', databases: 'database', auth: 'auth', apiStyles: 'apiStyle', jobs: 'job',
      testRunner: 'testRunner', packageManager: 'packageManager', validation: 'validation', logger: 'logger', migrations: 'migrations',
    };
    const unknown: string[] = [];
    for (const [repo, expected] of Object.entries(EXPECTED)) {
      for (const service of Object.values(expected.services)) {
        for (const [dimension, kind] of Object.entries(DIMENSION_KIND)) {
          const value = service[dimension as keyof typeof service];
          for (const id of Array.isArray(value) ? value : value ? [value] : []) if (!knowledgeOf(kind, String(id))) unknown.push(`${repo}: ${kind}:${id}`);
        }
      }
    }
    expect(unknown).toEqual([]);
  });

  it('covers every framework and ORM the issue names', () => {
    const frameworks = ['express', 'fastify', 'nestjs', 'nextjs', 'hono', 'koa', 'apollo-server', 'graphql-yoga', 'fastapi', 'django', 'drf', 'flask', 'go-net-http', 'gin', 'echo', 'chi', 'fiber', 'grpc-go', 'rails', 'sinatra', 'axum', 'actix-web', 'spring-boot'];
    const orms = ['prisma', 'typeorm', 'drizzle', 'sequelize', 'mongoose', 'knex', 'kysely', 'sqlalchemy', 'sqlmodel', 'django-orm', 'gorm', 'sqlc', 'sqlx', 'ent', 'active-record', 'diesel', 'jpa', 'mybatis'];
    for (const id of frameworks) expect(knowledgeOf('framework', id), id).toBeDefined();
    for (const id of orms) expect(knowledgeOf('orm', id), id).toBeDefined();
  });

  it('resolves every reference between entries', () => {
    const broken: string[] = [];
    const check = (kind: Kind, id: string | undefined, from: string) => {
      if (id !== undefined && !knowledgeOf(kind, id)) broken.push(`${from} → ${kind}:${id}`);
    };
    for (const framework of FRAMEWORKS) {
      check('validation', framework.validation, framework.id);
      check('logger', framework.logger, framework.id);
      check('language', framework.language, framework.id);
      if (typeof framework.contractTest === 'string' && !CONTRACT_TEST_TEMPLATES.some((t) => t.id === framework.contractTest)) broken.push(`${framework.id} → template ${framework.contractTest}`);
    }
    for (const orm of ORMS) check('migrations', orm.migrationTool, orm.id);
    for (const language of LANGUAGES) {
      check('validation', language.defaults.validation, language.id);
      check('logger', language.defaults.logger, language.id);
      check('job', language.defaults.jobs, language.id);
      check('packageManager', language.defaults.packageManager, language.id);
    }
    for (const runner of TEST_RUNNERS) for (const framework of Object.keys(runner.byFramework ?? {})) check('framework', framework, runner.id);
    for (const template of CONTRACT_TEST_TEMPLATES) {
      for (const runner of template.runners) check('testRunner', runner, `template ${template.id}`);
      for (const alternate of Object.values(template.alternates ?? {})) if (!CONTRACT_TEST_TEMPLATES.some((t) => t.id === alternate)) broken.push(`template ${template.id} → template ${alternate}`);
    }
    for (const entry of KNOWLEDGE) {
      for (const id of [...(entry.within ?? []), ...(entry.yieldsTo ?? [])]) if (!KNOWLEDGE.some((other) => other.id === id)) broken.push(`${entry.id} → ${id}`);
    }
    expect(broken).toEqual([]);
  });

  it('has one contract-test template folder per template entry, named by its id', () => {
    const folders = readdirSync(path.resolve(__dirname, '../../templates/contract-test'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
      .map((entry) => entry.name)
      .sort();
    expect(CONTRACT_TEST_TEMPLATES.map((template) => template.id).sort()).toEqual(folders);
    expect(contractTestTemplateOf('express')).toBe('express');
    expect(contractTestTemplateOf('chi')).toBe('go-net-http');
    expect(contractTestTemplateOf('fiber')).toBeUndefined();
  });

  it('is listed in full where users read which templates there are (README, USAGE)', () => {
    const ids = CONTRACT_TEST_TEMPLATES.map((template) => template.id).sort();
    const listed = (text: string) => text.replace(/\s+/g, ' ').split(/,\s*/).map((id) => id.trim().replace(/\.$/, '')).sort();
    const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
    const usage = readFileSync(path.resolve(__dirname, '../../generators/contract-test/USAGE'), 'utf8');
    expect(listed(/`--framework <id>` \| template: ([^(|]+) \(default: detected\)/.exec(readme)![1])).toEqual(ids);
    expect(listed(/^Templates: ([\s\S]+?)\.$/m.exec(usage)![1])).toEqual(ids);
  });

  it('tells apart the shared id by kind', () => {
    expect(knowledgeOf('language', 'go')?.kind).toBe('language');
    expect(knowledgeOf('packageManager', 'go')?.kind).toBe('packageManager');
  });
});
