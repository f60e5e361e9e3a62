// `magi detect [path] [--json]` (parsed by the bin): what detection found, per service, with
// confidence and evidence (for users to check and to paste into bug reports).
import { statSync } from 'node:fs';
import path from 'node:path';
import { EXIT, MagiError } from '../lib/errors.js';
import { envelope } from '../lib/report/envelope.js';
import { stackToJson } from '../lib/report/index.js';
import { detectStack } from '../lib/stack/index.js';
import type { Detected, ServiceStack } from '../lib/types.js';

export async function runDetect(folder: string | undefined, json: boolean): Promise<number> {
  const root = path.resolve(folder ?? '.');
  let isFolder = false;
  try {
    isFolder = statSync(root).isDirectory();
  } catch {
    // handled below
  }
  if (!isFolder) throw new MagiError('detect-path', `${folder ?? '.'}: not a folder; pass the repository's folder`);
  const report = await detectStack(root);
  if (json) {
    const out = {
      ...envelope('detect'),
      kind: report.kind,
      services: report.services.map((service) => ({ name: service.name, path: service.path, kind: service.kind, stack: stackToJson(service), ambiguities: service.ambiguities })),
      ...(report.packages?.length ? { packages: report.packages.map((pkg) => ({ name: pkg.name, path: pkg.path, kind: pkg.kind, stack: stackToJson(pkg), ambiguities: pkg.ambiguities })) } : {}),
      warnings: report.warnings,
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return EXIT.ok;
  }
  const lines = [`Repository: ${report.kind}${report.services.length ? `, ${report.services.length} service${report.services.length > 1 ? 's' : ''}` : ''}`];
  for (const service of report.services) lines.push('', ...describeService(service));
  // Workspace packages an app depends on: `--service` may name one of them.
  for (const pkg of report.packages ?? []) lines.push('', ...describeService(pkg).map((line, index) => (index === 0 ? `${pkg.name} (${pkg.path}) — workspace package used by the app` : line)));
  for (const warning of report.warnings) lines.push('', `warning [${warning.code}]: ${warning.message}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

function describeService(service: ServiceStack): string[] {
  const lines = [`${service.name} (${service.path})${service.kind === 'library' ? ' — library, no backend app' : ''}`];
  const show = (label: string, values: Detected[]) => {
    if (!values.length) return;
    const text = values
      .map((value) => {
        const where = value.evidence[0] ? ` ${value.evidence[0].file}${value.evidence[0].line ? `:${value.evidence[0].line}` : ''}` : '';
        return `${value.value}${value.version ? ` ${value.version}` : ''} (${Math.round(value.confidence * 100)}%${where})`;
      })
      .join(', ');
    lines.push(`  ${label.padEnd(16)}${text}`);
  };
  const one = (value: Detected | undefined) => (value ? [value] : []);
  show('language', one(service.language));
  show('framework', one(service.framework));
  show('orm', one(service.orm));
  show('migrations', one(service.migrations));
  show('databases', service.databases);
  show('auth', service.auth);
  show('api styles', service.apiStyles);
  show('jobs', service.jobs);
  show('validation', one(service.validation));
  show('logger', one(service.logger));
  show('test runner', one(service.testRunner));
  show('package manager', one(service.packageManager));
  show('test folder', one(service.testDir));
  show('app entry', one(service.appEntry));
  for (const ambiguity of service.ambiguities) {
    lines.push(`  ambiguous ${ambiguity.dimension}: ${ambiguity.candidates.map((candidate) => candidate.value).join(' or ')}`);
  }
  return lines;
}
