import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectStack } from '../../lib/stack/index.js';
import type { Detected, ServiceStack, StackReport } from '../../lib/types.js';
import { EXPECTED, type ExpectedService } from './expectations.js';

const REPOS = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/repos');

const single = (d: Detected | undefined) => d?.value ?? null;
const multi = (list: Detected[]) => list.map((d) => d.value).sort();

function allDetected(service: ServiceStack): Detected[] {
  const singles = [service.language, service.framework, service.orm, service.testRunner, service.packageManager, service.testDir, service.appEntry, service.validation, service.logger, service.migrations];
  return [...singles.filter((d): d is Detected => !!d), ...service.databases, ...service.auth, ...service.apiStyles, ...service.jobs];
}

describe('fixture repositories', () => {
  it('has an expectation for every fixture folder, and at least 24 of them', () => {
    const folders = readdirSync(REPOS).sort();
    expect(folders).toEqual(Object.keys(EXPECTED).sort());
    expect(folders.length).toBeGreaterThanOrEqual(24);
    expect(Object.values(EXPECTED).filter((repo) => repo.kind === 'monorepo').length).toBeGreaterThanOrEqual(3);
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    describe(name, () => {
      const root = path.join(REPOS, name);
      let report: StackReport;
      beforeAll(async () => {
        report = await detectStack(root);
      });

      it(`is a ${expected.kind} with services ${Object.keys(expected.services).join(', ')}`, () => {
        expect(report.kind).toBe(expected.kind);
        expect(report.services.map((s) => s.path).sort()).toEqual(Object.keys(expected.services).sort());
        expect(report.warnings.map((w) => w.code)).toEqual(expected.warnings ?? []);
      });

      for (const [servicePath, want] of Object.entries(expected.services)) {
        it(`detects ${servicePath} field by field`, () => {
          const got = report.services.find((s) => s.path === servicePath)!;
          const actual: ExpectedService = {
            name: got.name,
            kind: got.kind,
            language: single(got.language)!,
            framework: single(got.framework),
            orm: single(got.orm),
            databases: multi(got.databases),
            auth: multi(got.auth),
            apiStyles: multi(got.apiStyles),
            jobs: multi(got.jobs),
            testRunner: single(got.testRunner),
            packageManager: single(got.packageManager),
            testDir: single(got.testDir),
            appEntry: single(got.appEntry),
            validation: single(got.validation),
            logger: single(got.logger),
            migrations: single(got.migrations),
          };
          expect(actual).toEqual({ ...want, databases: [...want.databases].sort(), auth: [...want.auth].sort(), apiStyles: [...want.apiStyles].sort(), jobs: [...want.jobs].sort() });
          expect(got.ambiguities).toEqual([]);
        });
      }

      it('backs every value with evidence that exists in the repository', () => {
        for (const service of report.services) {
          for (const detected of allDetected(service)) {
            expect(detected.confidence).toBeGreaterThan(0);
            expect(detected.confidence).toBeLessThanOrEqual(1);
            for (const evidence of detected.evidence) {
              const file = path.join(root, evidence.file);
              expect(existsSync(file), `${detected.value}: ${evidence.file}`).toBe(true);
              expect(path.basename(evidence.file)).not.toMatch(/^\.env$|^\.env\.(local|production|development)$/);
              if (evidence.line !== undefined) {
                const lines = readFileSync(file, 'utf8').split('\n').length;
                expect(evidence.line, `${detected.value}: ${evidence.file}:${evidence.line}`).toBeGreaterThanOrEqual(1);
                expect(evidence.line).toBeLessThanOrEqual(lines);
              }
            }
          }
        }
      });

      if (expected.never) {
        it(`never reports ${expected.never.join(', ')}`, () => {
          const values = report.services.flatMap((s) => [...allDetected(s), ...s.ambiguities.flatMap((a) => a.candidates)]).map((d) => d.value);
          for (const trap of expected.never!) expect(values).not.toContain(trap);
        });
      }
    });
  }
});
