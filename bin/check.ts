// `magi check`: exit 1 and print the diff when the Backend section, the
// contract file or the contract test is stale against the document and the
// repository; exit 0 when a run would change nothing. Writes nothing.
import { parseArgv } from '../lib/answers/argv.js';
import type { Declaration } from '../lib/answers/declaration.js';
import { EXIT } from '../lib/errors.js';
import { checkBackendSpec, type CheckResult } from '../lib/pipeline/check.js';
import { envelope } from '../lib/report/envelope.js';
import { unifiedDiff } from '../lib/report/index.js';
import { backendSpecInputs, runContext } from '../generators/backend-spec/inputs.js';
import { backendSpecQuestions } from '../generators/backend-spec/questions.js';

/** The flags of a run that decide what it writes; how it writes (conflict, force, dry run) is not checked. */
const CHECK_FLAGS = new Set(['sprint', 'apiStyle', 'scaffoldTest', 'scaffold', 'openapi', 'answers', 'docsDir', 'service', 'json']);
/** backend-spec's declaration with only those flags: the answers file is the same file a run takes. */
export const checkQuestions: Declaration = (backendSpecQuestions as Declaration)
  .filter((question) => CHECK_FLAGS.has(question.name) || question.inAnswersFile !== false)
  .map((question) => (CHECK_FLAGS.has(question.name) ? question : { ...question, option: undefined }));

export const STALE_EXIT = 1;

export async function runCheck(args: readonly string[], root: string): Promise<number> {
  const inputs = backendSpecInputs(parseArgv(args, checkQuestions), root);
  const result = await checkBackendSpec(runContext(root), inputs);
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  process.stdout.write(inputs.json ? checkJson(result) : checkText(result, args, color));
  return result.fresh ? EXIT.ok : STALE_EXIT;
}

function checkJson(result: CheckResult): string {
  const files = result.files.map((file) => ({
    path: file.path,
    status: file.status,
    ...(file.status === 'fresh' ? {} : { diff: unifiedDiff(file.path, file.before ?? '', file.after ?? '', false) }),
  }));
  return `${JSON.stringify({ ...envelope('check'), fresh: result.fresh, sprint: result.sprint, document: result.document, files }, null, 2)}\n`;
}

function checkText(result: CheckResult, args: readonly string[], color: boolean): string {
  const lines: string[] = [];
  for (const file of result.files) {
    if (file.status === 'fresh') continue;
    lines.push(unifiedDiff(file.path, file.before ?? '', file.after ?? '', color), '');
  }
  if (result.fresh) {
    lines.push(`magi check: up to date (${result.files.map((file) => file.path).join(', ')})`);
  } else {
    const stale = result.files.filter((file) => file.status !== 'fresh');
    lines.push(`magi check: ${stale.length} stale: ${stale.map((file) => `${file.path} (${file.status})`).join(', ')}`);
    lines.push(`Refresh with: magi backend-spec ${args.filter((arg) => arg !== '--json').join(' ')}`.trimEnd());
  }
  return `${lines.join('\n')}\n`;
}
