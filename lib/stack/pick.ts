// Which detected service a name or path means. Its own module: the pipeline
// uses it without loading the detector.
import type { ServiceStack, StackReport } from '../types.js';

function normalizePath(value: string): string {
  const trimmed = value.replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/\/+$/, '');
  return trimmed === '' ? '.' : trimmed;
}

/**
 * The service named (by name or path; a workspace package an app depends on
 * counts) or, without a name, the only app; undefined when that is ambiguous.
 */
export function pickService(report: StackReport, service?: string): ServiceStack | undefined {
  if (service !== undefined) {
    const wanted = normalizePath(service);
    const all = [...report.services, ...(report.packages ?? [])];
    return all.find((s) => s.name === service || s.path === wanted) ?? all.find((s) => s.name.toLowerCase() === service.toLowerCase());
  }
  const apps = report.services.filter((s) => s.kind === 'app');
  return apps.length === 1 ? apps[0] : undefined;
}
