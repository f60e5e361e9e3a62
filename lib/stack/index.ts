// Stack detection stage: what the repository (and each service of a monorepo) is built with.
import { stat } from 'node:fs/promises';
import type { ServiceStack, StackReport } from '../types.js';
import { MagiError } from '../errors.js';
import { detect } from './detect.js';
import { pickService } from './pick.js';

export { pickService } from './pick.js';


/**
 * Detects the stack of the repository at `root`. Never throws on a broken manifest
 * (it becomes a warning); throws a MagiError when `root` is not a folder or when
 * `options.service` names no service.
 */
export async function detectStack(root: string, options: { service?: string } = {}): Promise<StackReport> {
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) throw new MagiError('stack-root-missing', `${root} is not a folder: run from the repository root or pass --cwd.`);
  const report = await detect(root);
  if (options.service === undefined || report.services.length === 0) return report;
  const chosen = pickService(report, options.service);
  if (!chosen) {
    const names = report.services.map((s) => `${s.name} (${s.path})`).join(', ');
    throw new MagiError('unknown-service', `No service "${options.service}" in this repository; found: ${names}. Pass one of these to --service.`);
  }
  return { ...report, services: [chosen] };
}
