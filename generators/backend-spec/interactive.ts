// backend-spec from the `magi` bin on a terminal, without Yeoman's environment:
// the same questions (lib/pipeline/decide), asked with @inquirer/prompts (what
// Yeoman's adapter uses underneath), the same plan, the same all-or-nothing
// write, the same `.yo-rc.json` defaults. Yeoman's run loop costs about two
// seconds before the first question; `yo magi:backend-spec` still goes through it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { storedValues } from '../../lib/answers/declaration.js';
import { parseArgv } from '../../lib/answers/argv.js';
import { EXIT, MagiError } from '../../lib/errors.js';
import { importExternal } from '../../lib/external-import.js';
import { assertConfirmed, planBackendSpec, prepareBackendSpec } from '../../lib/pipeline/backend-spec.js';
import { flattenAnswers, pendingQuestions, serviceQuestion, settle, type PendingQuestion } from '../../lib/pipeline/decide.js';
import { handleSignalsSinceWrite, writeAllOrNothing } from '../../lib/write/atomic.js';
import { backendSpecInputs, printReport, runContext } from './inputs.js';
import { backendSpecQuestions } from './questions.js';

/** Where Yeoman keeps a generator's stored answers, under the package's name. */
const YO_RC = '.yo-rc.json';
const NAMESPACE = 'generator-magi';

async function ask(questions: readonly PendingQuestion[]): Promise<Record<string, unknown>> {
  const { confirm, select } = await importExternal<typeof import('@inquirer/prompts')>('@inquirer/prompts');
  const answers: Record<string, unknown> = {};
  for (const question of questions) {
    answers[question.name] =
      question.type === 'confirm'
        ? await confirm({ message: question.message, default: typeof question.default === 'boolean' ? question.default : undefined })
        : await select({
            message: question.message,
            choices: (question.choices ?? []).map((choice) => (typeof choice === 'string' ? { name: choice, value: choice } : choice)),
            default: typeof question.default === 'string' ? question.default : undefined,
          });
  }
  return answers;
}

/** `.yo-rc.json` with the prompted defaults merged under the package's key, as Yeoman's `config.merge` writes it. */
function yoRcWith(root: string, kept: Record<string, unknown>): { path: string; contents: string; expected: string | null } | undefined {
  if (!Object.keys(kept).length) return undefined;
  const file = path.join(root, YO_RC);
  let current: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      current = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch {
      throw new MagiError('yo-rc-invalid', `${YO_RC} is not valid JSON; fix or delete it, then re-run`, { exitCode: EXIT.usage });
    }
  }
  const own = (current[NAMESPACE] ?? {}) as Record<string, unknown>;
  const merged = { ...current, [NAMESPACE]: { ...own, ...kept } };
  const contents = `${JSON.stringify(merged, null, 2)}\n`;
  const before = existsSync(file) ? readFileSync(file, 'utf8') : null;
  return before === contents ? undefined : { path: YO_RC, contents, expected: before };
}

/** Asks before replacing each existing file, as Yeoman's conflicter does (same keys); "abort" writes nothing. */
async function confirmOverwrites(root: string, writes: ReadonlyArray<{ path: string; contents: string }>): Promise<void> {
  const { expand } = await importExternal<typeof import('@inquirer/prompts')>('@inquirer/prompts');
  let all = false;
  for (const write of writes) {
    const file = path.join(root, write.path);
    if (all || write.path === YO_RC || !existsSync(file)) continue;
    const before = readFileSync(file, 'utf8');
    if (before === write.contents) continue;
    for (;;) {
      const choice = await expand({
        message: `Overwrite ${write.path}?`,
        default: 'y',
        choices: [
          { key: 'y', name: 'overwrite', value: 'yes' },
          { key: 'a', name: 'overwrite this and all others', value: 'all' },
          { key: 'd', name: 'show the differences', value: 'diff' },
          { key: 'x', name: 'abort (nothing is written)', value: 'abort' },
        ],
      });
      if (choice === 'diff') {
        const { createTwoFilesPatch } = await import('diff');
        process.stdout.write(createTwoFilesPatch(write.path, write.path, before, write.contents, 'now', 'after'));
        continue;
      }
      if (choice === 'abort') throw new MagiError('write-refused', `Aborted at ${write.path}; nothing was written`, { exitCode: EXIT.write });
      all = choice === 'all';
      break;
    }
  }
}

export async function runInteractive(args: readonly string[], root: string): Promise<void> {
  const inputs = backendSpecInputs(parseArgv(args, backendSpecQuestions), root);
  const prepared = await prepareBackendSpec(runContext(root), inputs);
  try {
    // Only what is still open is asked: the service first (the rest depends on it), then one batch.
    const answers: Record<string, unknown> = {};
    const service = serviceQuestion(prepared);
    if (service) Object.assign(answers, await ask([service]));
    const chosen = prepared.stackReport.services.find((candidate) => candidate.path === answers.service) ?? prepared.service;
    Object.assign(answers, await ask(pendingQuestions(prepared, chosen)));
    const { decisions, prompted } = settle(prepared, flattenAnswers(answers), true);
    const plan = await planBackendSpec(prepared, decisions);
    assertConfirmed(inputs, plan);
    if (!inputs.dryRun) {
      const yoRc = yoRcWith(root, storedValues(backendSpecQuestions, prompted));
      const writes: Array<{ path: string; contents: string; expected?: string | null }> = [...plan.writes, ...(yoRc ? [yoRc] : [])];
      // As in `yo`, a terminal run asks about each existing file instead of refusing it.
      if (!inputs.force) await confirmOverwrites(root, writes);
      writeAllOrNothing(writes.map((write) => ({ path: path.join(root, write.path), contents: write.contents, ...(write.expected !== undefined ? { expected: write.expected } : {}) })), root);
      await handleSignalsSinceWrite();
    }
    printReport(prepared, plan, Boolean(inputs.json));
  } finally {
    prepared.release();
  }
}
