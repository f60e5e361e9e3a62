// Options + answers file + stored defaults → the run's inputs. Shared by the
// Yeoman generator and the prompt-free runner, so both resolve alike.
import { loadAnswersFile } from '../../lib/answers/load.js';
import { resolveInputs } from '../../lib/answers/resolve.js';
import { projectDefaults } from '../../lib/config/index.js';
import type { BackendSpecInputs, Plan, Prepared, RunContext } from '../../lib/pipeline/backend-spec.js';
import { runOutput } from '../../lib/report/index.js';
import { packageVersion } from '../shared/run.js';
import { backendSpecQuestions } from './questions.js';

export function backendSpecInputs(options: Record<string, unknown>, root: string): BackendSpecInputs {
  const answersFile = typeof options.answers === 'string' ? options.answers : undefined;
  const answers = answersFile ? loadAnswersFile(answersFile, backendSpecQuestions, root) : undefined;
  const inputs = resolveInputs(backendSpecQuestions, { options, answers, stored: projectDefaults(root) as Record<string, unknown> }) as BackendSpecInputs;
  if (inputs.scaffold === false) inputs.scaffoldTest = false;
  return inputs;
}

export function runContext(root: string): RunContext {
  return { root, home: process.env.HOME ?? '', env: process.env, toolVersion: packageVersion() };
}

/** The run's report, the command's output, on stdout (coloured on a terminal unless NO_COLOR). */
export function printReport(prepared: Prepared, plan: Plan, json: boolean): void {
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  const document = { path: prepared.document.path, before: plan.documentBefore, after: plan.documentAfter };
  process.stdout.write(runOutput(plan.report, document, { json, color }));
}
