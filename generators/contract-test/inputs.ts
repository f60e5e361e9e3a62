// Options + answers file → the contract-test run's inputs (generator and fast path alike).
import { loadAnswersFile } from '../../lib/answers/load.js';
import { resolveInputs } from '../../lib/answers/resolve.js';
import type { ContractTestInputs } from '../../lib/pipeline/contract-test.js';
import { contractTestQuestions } from './questions.js';

export type ContractTestRunInputs = ContractTestInputs & { force?: boolean; dryRun?: boolean; json?: boolean; answers?: string };

export function contractTestInputs(options: Record<string, unknown>, root: string): ContractTestRunInputs {
  const answersFile = typeof options.answers === 'string' ? options.answers : undefined;
  const answers = answersFile ? loadAnswersFile(answersFile, contractTestQuestions, root) : undefined;
  return resolveInputs(contractTestQuestions, { options, answers }) as ContractTestRunInputs;
}
