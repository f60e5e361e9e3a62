// Worker thread of the `magi` bin: loads the OpenAPI linter while the main
// thread reads the repository, then lints the contracts it is sent.
import { parentPort } from 'node:worker_threads';
import { lintOpenApiHere, warmOpenApiLinter } from '../lib/contract/openapi-lint.js';
import type { ContractExpectations } from '../lib/types.js';

interface LintRequest {
  id: number;
  text: string;
  expectations?: ContractExpectations;
  absoluteRef?: string;
}

const warm = warmOpenApiLinter();
parentPort!.on('message', async ({ id, text, expectations, absoluteRef }: LintRequest) => {
  try {
    await warm;
    const problems = await lintOpenApiHere(text, expectations, absoluteRef);
    // Only while the build records the code cache (bin/code-cache.ts): the linter's code is compiled by now.
    // Before the answer: once it has it, the main thread may end this thread at any moment.
    (globalThis as { __magiRecordCodeCache?: () => void }).__magiRecordCodeCache?.();
    parentPort!.postMessage({ id, problems });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error)?.message ?? String(error) });
  }
});
