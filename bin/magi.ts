#!/usr/bin/env node
// `magi`: the package's own CLI. It registers our generators by path (no
// global lookup) and runs them through yeoman-environment; `detect` needs no
// Yeoman at all.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { parseCommandLine } from '../lib/answers/argv.js';
import { cliSwitch, helpLines, type Declaration } from '../lib/answers/declaration.js';
import { loadAnswersFile, nearest, validateOptionValue } from '../lib/answers/load.js';
import { EXIT, isMagiError, MagiError } from '../lib/errors.js';
import { claimJsonReport, jsonFailure } from '../lib/report/envelope.js';
import { importExternal } from '../lib/external-import.js';
import { findPackageRoot } from '../lib/paths.js';
import { oneLine } from '../lib/text.js';
import { debugEnabled, lintsOnWorker, runsHeadless, wantsHelp } from './run-plan.js';
import { writeProgress } from '../lib/write/atomic.js';

interface Command {
  name: string;
  summary: string;
  /** What follows the command name in its usage line. */
  usage: string;
  /** Positional arguments it takes. */
  positionals?: number;
  /** Loaded lazily: only the command that runs pays for its declaration. */
  questions: () => Promise<Declaration>;
  examples: ReadonlyArray<readonly [command: string, what: string]>;
}

const DETECT_QUESTIONS: Declaration = [cliSwitch('json', 'json', 'print JSON instead of text')];

const COMMANDS: Command[] = [
  {
    name: 'backend-spec',
    summary: "append the ## Backend section to the sprint's plan document",
    usage: '[options]',
    questions: async () => (await import('../generators/backend-spec/questions.js')).backendSpecQuestions,
    examples: [
      ['magi backend-spec', 'the newest sprint; asks what it cannot detect'],
      ['magi backend-spec --answers magi-answers.yaml', 'no prompts (CI, scripts)'],
      ['magi backend-spec --sprint 3 --api-style graphql --dry-run', 'show the diff, write nothing'],
      ['magi backend-spec --openapi api/openapi.yaml --scaffold-test', 'merge into an existing contract, add a test'],
    ],
  },
  {
    name: 'contract-test',
    summary: 'scaffold a contract test that checks responses against the contract',
    usage: '[options]',
    questions: async () => (await import('../generators/contract-test/questions.js')).contractTestQuestions,
    examples: [
      ["magi contract-test", "from the newest sprint's contract, for the detected framework"],
      ['magi contract-test --contract docs/03-gift-cards/openapi.yaml --framework fastify', 'pick the contract and the template'],
      ['magi contract-test --out test/api/refunds.test.ts --install-test-deps', 'choose the path, install what it needs'],
    ],
  },
  {
    name: 'setup',
    summary: 'write the output language and defaults into the magi config',
    usage: '[options]',
    questions: async () => (await import('../generators/setup/questions.js')).setupQuestions,
    examples: [
      ['magi setup', 'asks the language and the defaults'],
      ['magi setup --project --output-language zh-TW --force', "the project's .yo-rc.json, without asking"],
    ],
  },
  {
    name: 'detect',
    summary: 'print the detected stack per service, with confidence and evidence',
    usage: '[path] [--json]',
    positionals: 1,
    questions: async () => DETECT_QUESTIONS,
    examples: [
      ['magi detect', 'the current folder'],
      ['magi detect services/api --json', 'one service, as JSON'],
    ],
  },
  {
    name: 'check',
    summary: 'exit 1 with the diff when the Backend section, contract or contract test is stale (writes nothing)',
    usage: '[options]',
    questions: async () => (await import('./check.js')).checkQuestions,
    examples: [
      ['magi check --answers magi-answers.yaml', 'in CI or a pre-commit hook: same inputs as the run'],
      ['magi check --sprint 3 --api-style rest --no-scaffold --json', 'the diff per file as JSON'],
    ],
  },
];

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v' || first === '-V') {
    const { packageVersion } = await import('../lib/report/envelope.js');
    process.stdout.write(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  if (!first || first === '--help' || first === '-h' || (first === 'help' && !rest[0])) {
    process.stdout.write(`${usage()}\n`);
    return first ? EXIT.ok : EXIT.usage;
  }
  if (first === 'help') {
    // `magi help <command>`: the same text as `magi <command> --help`.
    const command = findCommand(rest[0]);
    process.stdout.write(commandHelp(command, await command.questions()));
    return EXIT.ok;
  }
  const command = findCommand(first);
  // A cheap look before parsing: whether to start the lint worker while the declaration loads.
  const mayRunHeadless = runsHeadless(command.name, rest);
  const linting = lintsOnWorker(command.name, rest) ? lintOnSecondCore() : undefined;
  // The launcher starts one by the same rule (bin/run-plan.ts); should the two ever differ, it is not left running.
  if (!linting) void adoptStartedWorker()?.terminate();
  const declaration = await command.questions();
  const line = parseCommandLine(rest, declaration, { command: command.name, positionals: command.positionals ?? 0 });
  if (line.help) {
    process.stdout.write(commandHelp(command, declaration));
    return EXIT.ok;
  }
  if (command.name === 'detect') {
    const { runDetect } = await import('./detect.js');
    return runDetect(line.positionals[0], Boolean(line.values.json));
  }
  checkInputsEarly(declaration, line.values);
  if (command.name === 'check') {
    await linting;
    const { runCheck } = await import('./check.js');
    return runCheck(rest, process.cwd());
  }
  if (mayRunHeadless) {
    // Nothing to ask: skip Yeoman's environment and prompt UI (most of a run's start-up); same bytes out.
    await linting;
    const { runHeadless } =
      command.name === 'contract-test' ? await import('../generators/contract-test/headless.js') : await import('../generators/backend-spec/headless.js');
    await runHeadless(rest, process.cwd());
    return EXIT.ok;
  }
  if (command.name === 'backend-spec' && !process.env.MAGI_YEOMAN && !wantsHelp(rest)) {
    // A terminal: the same questions through @inquirer/prompts, without Yeoman's environment (`yo magi` still uses it).
    const { runInteractive } = await import('../generators/backend-spec/interactive.js');
    await runInteractive(rest, process.cwd());
    return EXIT.ok;
  }
  await runGenerator(command.name, rest, line.values.json === true);
  return EXIT.ok;
}

function findCommand(name: string): Command {
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command) return command;
  const suggestion = nearest(name, COMMANDS.map((candidate) => candidate.name));
  throw new MagiError('unknown-command', `Unknown command "${name}"${suggestion ? `; did you mean "${suggestion}"?` : ''}; run magi --help`);
}

function commandHelp(command: Command, declaration: Declaration): string {
  const width = Math.max(...command.examples.map(([example]) => example.length)) + 2;
  return [
    `Usage: magi ${command.name} ${command.usage}`,
    '',
    command.summary,
    '',
    'Options:',
    ...helpLines(declaration, [['-h, --help', 'show this help']]),
    '',
    'Examples:',
    ...command.examples.map(([example, what]) => `  ${example.padEnd(width)}${what}`),
    '',
  ].join('\n');
}

/**
 * The answers file and the string options' values, checked before Yeoman loads
 * (about a second): a mistake gets its line at once. The generator checks them
 * again with the same functions, so the messages are the same either way.
 */
function checkInputsEarly(declaration: Declaration, values: Record<string, string | boolean>): void {
  const answers = typeof values.answers === 'string' && values.answers ? values.answers : undefined;
  if (answers && declaration.some((question) => question.name === 'answers')) loadAnswersFile(answers, declaration, process.cwd());
  for (const question of declaration) {
    if (question.option?.type !== 'string' || question.name === 'answers') continue;
    const given = values[question.option.flag];
    if (typeof given === 'string' && given !== '') validateOptionValue(declaration, question.name, given, question.option.flag);
  }
}

/** Ends the lint worker, if one was started: the process must not wait on it. */
let stopWorker = (): void => undefined;

/**
 * The OpenAPI linter takes a third of a run to load; a worker thread loads it
 * on the other core while this one reads the repository and the sprint.
 */
async function lintOnSecondCore(): Promise<void> {
  const started = adoptStartedWorker();
  const workerFile = new URL('./lint-worker.js', import.meta.url);
  if (!started && !existsSync(workerFile)) return;
  const worker = started ?? new Worker(workerFile);
  worker.unref();
  stopWorker = () => void worker.terminate();
  const { useOpenApiLinter } = await import('../lib/contract/openapi-lint.js');
  const pending = new Map<number, { resolve: (problems: never) => void; reject: (error: Error) => void }>();
  let next = 0;
  worker.on('message', ({ id, problems, error }) => {
    const waiting = pending.get(id);
    pending.delete(id);
    if (pending.size === 0) worker.unref();
    if (error) waiting?.reject(new Error(error));
    else waiting?.resolve(problems as never);
  });
  worker.on('error', (error) => pending.forEach((waiting) => waiting.reject(error)));
  useOpenApiLinter(
    (text, expectations, absoluteRef) =>
      new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        worker.ref();
        worker.postMessage({ id, text, expectations, absoluteRef });
      }),
  );
}

const STARTED_WORKER = Symbol.for('generator-magi.lintWorker');

/** The lint worker the launcher started before this module was read (bin/magi-launch.ts), if any; taken once. */
function adoptStartedWorker(): Worker | undefined {
  const store = globalThis as Record<symbol, Worker | undefined>;
  const worker = store[STARTED_WORKER];
  store[STARTED_WORKER] = undefined;
  return worker;
}

async function runGenerator(name: string, args: string[], json: boolean): Promise<void> {
  const [{ createEnv }, { QueuedAdapter }] = await Promise.all([
    importExternal<typeof import('yeoman-environment')>('yeoman-environment'),
    importExternal<typeof import('@yeoman/adapter')>('@yeoman/adapter'),
  ]);
  // With --json, stdout carries only the report: everything Yeoman logs goes to stderr.
  const adapter = new QueuedAdapter(json ? { stdout: process.stderr, stderr: process.stderr } : {});
  // Yeoman logs "An error occured while running …" before rethrowing; we print one line of our own instead.
  if (!debugEnabled()) (adapter.log as unknown as { error: (...args: unknown[]) => void }).error = () => undefined;
  const env = createEnv({ adapter: adapter as never, skipInstall: true });
  const generators = path.join(distRoot(), 'generators');
  for (const generator of ['app', 'backend-spec', 'contract-test', 'setup']) {
    env.register(path.join(generators, generator, 'index.js'), { namespace: generator === 'app' ? 'magi:app' : `magi:${generator}` });
  }
  await env.run([`magi:${name}`, ...args], { skipInstall: true });
}

/** dist/ (where the compiled generators are), from the source or the build alike. */
function distRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.basename(path.dirname(here)) === 'dist' ? path.dirname(here) : path.join(findPackageRoot(), 'dist');
}

function usage(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length)) + 2;
  return [
    'Usage: magi <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}${command.summary}`),
    '',
    'Examples:',
    ...COMMANDS.map((command) => `  ${command.examples[0][0]}`),
    '',
    'Run magi help <command> (or magi <command> --help) for its options and examples. Also: magi -V, --version.',
  ].join('\n');
}

/** `--json` or `--json=true` anywhere before `--`; decided from the raw words, since parsing itself may be what failed. */
function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((arg) => arg === '--json' || (arg.startsWith('--json=') && !/=(false|0|no)$/i.test(arg)));
}

/** Exit codes for the signals a run stops on: 128 + the signal's number, as shells report them. */
const SIGNAL_EXITS: Array<[NodeJS.Signals, number]> = [
  ['SIGINT', EXIT.interrupted],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
];

/** What an interrupted run says: the truth about what reached the disk. */
export function interruptedMessage(): string {
  const { renamed } = writeProgress;
  if (renamed === 0) return 'Interrupted: nothing was written.';
  return `Interrupted after the run's ${renamed} file${renamed > 1 ? 's were' : ' was'} written (all of them, complete); the report was not printed.`;
}

export async function cli(argv: string[]): Promise<void> {
  const interrupted = () => process.stderr.write(`\n${interruptedMessage()}\n`);
  for (const [signal, code] of SIGNAL_EXITS) {
    process.once(signal, () => {
      // Files are written in one synchronous step at the very end: a signal lands before it (nothing
      // written) or after it (everything written), never in between. The lock goes with the exit.
      interrupted();
      if (wantsJson(argv)) process.stdout.write(`${JSON.stringify(jsonFailure(argv[0] ?? '', new MagiError('interrupted', interruptedMessage().replace(/\.$/, ''), { exitCode: code })), null, 2)}\n`);
      process.exit(code);
    });
  }
  // A reader that went away (`magi … | head`, `| true`) is not an error: the work is done, stop quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
      throw error;
    });
  }
  try {
    process.exitCode = await main(argv);
    stopWorker();
  } catch (error) {
    stopWorker();
    if (debugEnabled()) process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    // --json promises one object on stdout, failures included; the line below still goes to stderr for people.
    if (wantsJson(argv) && claimJsonReport(error)) process.stdout.write(`${JSON.stringify(jsonFailure(argv[0] ?? '', error), null, 2)}\n`);
    if ((error as Error)?.name === 'ExitPromptError') {
      // Ctrl-C inside a prompt: the terminal is in raw mode, so inquirer gets it instead of our SIGINT handler.
      interrupted();
      process.exitCode = EXIT.interrupted;
    } else if (isMagiError(error)) {
      process.stderr.write(`magi: ${oneLine(error.message)}\n`);
      process.exitCode = error.exitCode;
    } else {
      const message = (error as Error)?.message ?? String(error);
      process.stderr.write(`magi: unexpected error: ${oneLine(message.split('\n')[0])} (run with DEBUG=magi* for details)\n`);
      process.exitCode = 1;
    }
  }
}

void cli(process.argv.slice(2));
