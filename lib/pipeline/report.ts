// Assembles the JSON report (the public interface documented in the README).
import type { GateResult } from '../gate/index.js';
import { REPORT_VERSION, stackToJson, topQuestions, type JsonReport, type ReportFile } from '../report/index.js';
import { operationKey, type OpenQuestion, type ServiceStack, type Warning } from '../types.js';
import type { Prepared, RunContext } from './types.js';

export function buildReport(input: {
  context: RunContext;
  prepared: Prepared;
  service?: ServiceStack;
  language: string;
  gate: GateResult;
  contract: JsonReport['contract'];
  contractTest: JsonReport['contractTest'];
  files: ReportFile[];
  questions: OpenQuestion[];
  warnings: Warning[];
  dryRun: boolean;
  next: string[];
  renderWarnings: Warning[];
}): JsonReport {
  const { prepared } = input;
  const warnings = [...input.warnings];
  warnings.push(...input.renderWarnings);
  return {
    version: REPORT_VERSION,
    tool: { name: 'generator-magi', version: input.context.toolVersion },
    command: 'backend-spec',
    sprint: { dir: prepared.sprint.dir, num: prepared.sprint.num, slug: prepared.sprint.slug, document: prepared.document.path },
    state: prepared.preflight.state,
    language: input.language,
    stack: stackToJson(input.service),
    operations: prepared.scope.operations.map((operation) => ({
      kind: operation.kind,
      ...(operation.method ? { method: operation.method } : {}),
      ...(operation.path ? { path: operation.path } : {}),
      name: operation.name,
      key: operationKey(operation),
    })),
    section: { outcome: input.gate.outcome, conflicts: input.gate.conflicts },
    contract: input.contract,
    contractTest: input.contractTest,
    files: input.files,
    openQuestions: topQuestions(input.questions, input.questions.length).map((question) => question.text),
    warnings,
    dryRun: input.dryRun,
    next: input.next,
  };
}

/** The next workflow step(s), in the order the user should take them. */
export function nextSteps(prepared: Prepared, questions: OpenQuestion[]): string[] {
  const steps: string[] = [];
  const { stale } = prepared.preflight;
  if (stale.includes('plan-review')) steps.push('The plan review is now stale: re-run /magi.review-plan.');
  if (stale.includes('tasks')) steps.push('TASKS.md is now stale: re-run /magi.tasks after the review.');
  if (prepared.scope.hasFrontendItems) steps.push('The sprint has frontend items: run /magi.web.frontend.spec.');
  const blocking = questions.some((question) => question.weight >= 80);
  if (!stale.length) {
    if (blocking) steps.push('Answer the open questions (the top ones block the tasks), then run /magi.review-plan for a multi-model review.');
    else if (questions.length) steps.push(`Settle the ${questions.length} open question${questions.length > 1 ? 's' : ''} in the section, then run /magi.tasks (or /magi.review-plan first).`);
    else steps.push('The spec is complete: run /magi.tasks (or /magi.review-plan first for a multi-model review).');
  }
  return steps;
}
