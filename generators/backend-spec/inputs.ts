// Options + answers file + stored defaults → the run's inputs. Shared by the
// Yeoman generator and the prompt-free runner, so both resolve alike.
import { loadAnswersFile } from '../../lib/answers/load.js';
import { resolveInputs } from '../../lib/answers/resolve.js';
import { projectDefaults } from '../../lib/config/index.js';
import type { BackendSpecInputs, RunContext } from '../../lib/pipeline/backend-spec.js';
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
