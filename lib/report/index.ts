// Step 7: what the user reads at the end (a coloured diff, the files, the top
// questions, the next step) and the same facts as one JSON object for machines.
import { createTwoFilesPatch } from 'diff';
import pc from 'picocolors';
import { oneLine, terminalSafe } from '../text.js';
import type { Detected, OpenQuestion, ServiceStack, Warning } from '../types.js';

export const REPORT_VERSION = 1;

export type FileStatus = 'created' | 'modified' | 'unchanged';

export interface ReportFile {
  path: string;
  status: FileStatus;
  /** Regions where your edits and the new version collided (yours were kept). */
  conflicts?: number;
}

export interface ReportOperation {
  kind: string;
  method?: string;
  path?: string;
  name: string;
  /** `METHOD /path` or the operation name: the key answers files use. */
  key: string;
}

export interface JsonReport {
  version: number;
  tool: { name: 'generator-magi'; version: string };
  /** The command that printed it (`backend-spec`). */
  command: string;
  sprint: { dir: string; num: string; slug: string; document: string };
  state: string;
  language: string;
  stack: Record<string, { value: string; confidence: number; evidence: Array<{ file: string; line?: number }> } | Array<{ value: string; confidence: number; evidence: Array<{ file: string; line?: number }> }>>;
  operations: ReportOperation[];
  section: { outcome: string; conflicts: number };
  contract: { kind: string; placement: string; file?: string };
  contractTest: { created: boolean; path?: string; installCommand?: string };
  files: ReportFile[];
  openQuestions: string[];
  warnings: Warning[];
  dryRun: boolean;
  next: string[];
}

const SINGLE: Array<keyof ServiceStack> = ['language', 'framework', 'orm', 'testRunner', 'packageManager', 'testDir', 'appEntry', 'validation', 'logger', 'migrations'];
const MULTI: Array<keyof ServiceStack> = ['databases', 'auth', 'apiStyles', 'jobs'];

/** The stack as the JSON report and `magi detect --json` both print it. */
export function stackToJson(service: ServiceStack | undefined): JsonReport['stack'] {
  const out: JsonReport['stack'] = {};
  if (!service) return out;
  const plain = (detected: Detected) => ({ value: detected.value, ...(detected.version ? { version: detected.version } : {}), confidence: detected.confidence, evidence: detected.evidence });
  out.service = { value: service.name, confidence: 1, evidence: [{ file: service.path }] };
  for (const key of SINGLE) {
    const detected = service[key] as Detected | undefined;
    if (detected) out[key] = plain(detected);
  }
  for (const key of MULTI) {
    const list = service[key] as Detected[];
    if (list?.length) out[key] = list.map(plain);
  }
  return out;
}

export function topQuestions(questions: readonly OpenQuestion[], count = 3): OpenQuestion[] {
  return [...questions].sort((a, b) => b.weight - a.weight).slice(0, count);
}

export function unifiedDiff(file: string, before: string, after: string, color: boolean): string {
  if (before === after) return '';
  // Raw escape sequences (from a file name or the document) never reach the terminal; our colours are added after.
  const patch = terminalSafe(createTwoFilesPatch(`a/${oneLine(file)}`, `b/${oneLine(file)}`, before, after, undefined, undefined, { context: 2 }));
  const colors = pc.createColors(color);
  return patch
    .split('\n')
    .filter((line) => !line.startsWith('====='))
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return colors.bold(line);
      if (line.startsWith('+')) return colors.green(line);
      if (line.startsWith('-')) return colors.red(line);
      if (line.startsWith('@@')) return colors.cyan(line);
      return line;
    })
    .join('\n')
    .trimEnd();
}

export function formatReport(report: JsonReport, diffs: string[], color: boolean): string {
  const colors = pc.createColors(color);
  const safe = oneLine;
  const lines: string[] = [];
  if (diffs.length) lines.push(...diffs, '');
  lines.push(colors.bold(report.dryRun ? 'Dry run: nothing was written. Files that would change:' : 'Files:'));
  for (const file of report.files) {
    const conflicts = file.conflicts ? colors.yellow(` (${file.conflicts} merge conflict${file.conflicts > 1 ? 's' : ''}: your lines kept)`) : '';
    lines.push(`  ${statusLabel(file.status, colors)} ${safe(file.path)}${conflicts}`);
  }
  if (report.section.conflicts) {
    lines.push(
      '',
      colors.yellow(
        `Merge conflicts: ${report.section.conflicts} place${report.section.conflicts > 1 ? 's' : ''} in the ## Backend section where your edits and the new version differ; your lines were kept there: review them against \`--dry-run --conflict overwrite\`.`,
      ),
    );
  }
  lines.push('');
  lines.push(
    report.contractTest.created
      ? `Contract test: ${safe(report.contractTest.path ?? '')}${report.contractTest.installCommand ? ` (needs: ${safe(report.contractTest.installCommand)})` : ''}`
      : 'Contract test: not created',
  );
  if (report.warnings.length) {
    lines.push('', colors.bold('Warnings:'));
    for (const warning of report.warnings) lines.push(`  ${colors.yellow(`[${warning.code}]`)} ${safe(warning.message)}`);
  }
  if (report.openQuestions.length) {
    lines.push('', colors.bold('Top open questions:'));
    report.openQuestions.slice(0, 3).forEach((question, index) => lines.push(`  ${index + 1}. ${safe(question)}`));
  }
  lines.push('', colors.bold('Next:'));
  for (const step of report.next) lines.push(`  ${safe(step)}`);
  return lines.join('\n');
}

function statusLabel(status: FileStatus, colors: ReturnType<typeof pc.createColors>): string {
  if (status === 'created') return colors.green('created  ');
  if (status === 'modified') return colors.yellow('modified ');
  return colors.dim('unchanged');
}

/** What a finished run prints on stdout: the JSON report, or the diff and the human report. */
export function runOutput(report: JsonReport, document: { path: string; before: string; after: string }, options: { json: boolean; color: boolean }): string {
  if (options.json) return `${JSON.stringify(report, null, 2)}\n`;
  const diff = unifiedDiff(document.path, document.before, document.after, options.color);
  return `${formatReport(report, diff ? [diff] : [], options.color)}\n`;
}
