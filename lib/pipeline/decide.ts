// What is still undecided after options, answers and config, as data: the
// generator turns it into one prompt batch; a run without prompts settles it
// here (best candidate, recorded as an open question). Both paths call the
// same functions, so they decide the same way.
import { EXIT, MagiError } from '../errors.js';
import type { ConflictMode } from '../gate/index.js';
import { isOverkill } from '../model/rules.js';
import type { ApiStyle, OpenQuestion, ServiceStack } from '../types.js';
import type { Decisions, Prepared } from './types.js';
import { serviceChoices, settleAmbiguity } from './stack-choice.js';

export interface PendingQuestion {
  type: 'list' | 'confirm';
  /** Answer key: `service`, `stack.<dimension>`, `apiStyle`, `conflict`, `scaffoldTest`, `goAhead`. */
  name: string;
  message: string;
  choices?: Array<string | { name: string; value: string }>;
  default?: string | boolean;
}

/** The option that answers a prompt, for the "no terminal" message. */
const FLAG_FOR: Record<string, string> = {
  service: '--service',
  apiStyle: '--api-style',
  conflict: '--conflict',
  scaffoldTest: '--scaffold-test or --no-scaffold',
  goAhead: 'confirm: true in an answers file',
};

/** The service question comes first: the rest of the batch depends on the service. */
export function serviceQuestion(prepared: Prepared): PendingQuestion | undefined {
  const choices = serviceChoices(prepared.stackReport);
  if (prepared.service || choices.length < 2) return undefined;
  return {
    type: 'list',
    name: 'service',
    message: 'Which service is this sprint about?',
    choices: choices.map((choice) => ({ name: `${choice.name} (${choice.path})`, value: choice.path })),
  };
}

export function pendingQuestions(prepared: Prepared, service: ServiceStack | undefined): PendingQuestion[] {
  const { inputs } = prepared;
  const defaults = prepared.config?.defaults ?? {};
  const batch: PendingQuestion[] = [];
  for (const ambiguity of service?.ambiguities ?? []) {
    batch.push({
      type: 'list',
      name: `stack.${ambiguity.dimension}`,
      message: `Which ${ambiguity.dimension} does this service use?`,
      choices: ambiguity.candidates.map((candidate) => candidate.value),
    });
  }
  const candidates = prepared.apiStyleCandidates;
  if (!inputs.apiStyle && candidates.length > 1) {
    batch.push({ type: 'list', name: 'apiStyle', message: 'Which API style should the contract use?', choices: candidates, default: candidates[0] });
  }
  if (prepared.hasSection && !inputs.conflict) {
    batch.push({
      type: 'list',
      name: 'conflict',
      message: 'The document already has a ## Backend section. What should happen to it?',
      choices: ['merge', 'overwrite', 'abort'],
      default: defaults.conflict ?? 'merge',
    });
  }
  if (offersTest(prepared, service)) {
    batch.push({ type: 'confirm', name: 'scaffoldTest', message: 'Scaffold a contract test for this sprint?', default: defaults.scaffoldTest ?? false });
  }
  if (isOverkill(prepared.scope) && inputs.confirm === undefined) {
    batch.push({
      type: 'confirm',
      name: 'goAhead',
      message: 'This is a very thin change (one optional field); editing SPEC.md inline is usually enough. Write the Backend section anyway?',
      default: false,
    });
  }
  return batch;
}

function offersTest(prepared: Prepared, service: ServiceStack | undefined): boolean {
  const { inputs } = prepared;
  return inputs.scaffoldTest === undefined && inputs.scaffold !== false && Boolean(service?.framework);
}

/** One line naming what would have been asked, for a run that cannot ask. */
export function cannotAsk(questions: readonly PendingQuestion[]): MagiError {
  const names = questions.map((question) => question.name).join(', ');
  const ways = questions.map((question) => FLAG_FOR[question.name] ?? `${question.name} in an answers file`);
  return new MagiError('needs-answers', `No terminal to ask on (${names}): pass --answers <file>, or ${[...new Set(ways)].join(', ')}`, {
    exitCode: EXIT.usage,
  });
}

export interface Settled {
  decisions: Decisions;
  /** Answers that came from prompts, for `.yo-rc.json`. */
  /** The answers prompts gave, by question name; the generator keeps the ones its declaration marks `stored`. */
  prompted: Record<string, unknown>;
}

/**
 * Turns answers (from prompts, or none) into decisions. Without prompts the
 * best candidate wins and the doubt becomes an open question.
 */
export function settle(prepared: Prepared, answers: Record<string, unknown>, prompted: boolean): Settled {
  const { inputs } = prepared;
  const defaults = prepared.config?.defaults ?? {};
  const extraQuestions: OpenQuestion[] = [];
  let service = prepared.service;
  const choices = serviceChoices(prepared.stackReport);
  if (!service && choices.length > 1) {
    service = choices.find((choice) => choice.path === answers.service) ?? choices[0];
    if (answers.service === undefined) {
      extraQuestions.push({ text: `Which service is this sprint about? Assumed ${service.name} (${service.path}); set stack.service in the answers file.`, weight: 70, source: 'stack' });
    }
  }
  for (const ambiguity of service?.ambiguities ?? []) {
    const key = `stack.${ambiguity.dimension}`;
    const chosen = answers[key] as string | undefined;
    if (chosen === undefined) {
      const candidates = ambiguity.candidates.map((candidate) => candidate.value);
      extraQuestions.push({
        text: `Is the ${ambiguity.dimension} really ${candidates[0]}? Detection found ${candidates.join(' and ')}; set stack.${ambiguity.dimension} in the answers file.`,
        weight: 75,
        source: 'stack',
      });
    }
    if (service) service = settleAmbiguity(service, ambiguity.dimension, chosen ?? ambiguity.candidates[0].value);
  }
  if (answers.goAhead === false) {
    throw new MagiError('aborted', 'Stopped: the change is thin enough to edit SPEC.md inline; nothing was written', { exitCode: EXIT.aborted });
  }
  const apiStyle = (inputs.apiStyle ?? (answers.apiStyle as ApiStyle | undefined) ?? prepared.apiStyleCandidates[0]) as ApiStyle;
  const conflict = (inputs.conflict ?? (answers.conflict as ConflictMode | undefined) ?? 'merge') as ConflictMode;
  const scaffoldTest =
    inputs.scaffold !== false && Boolean(inputs.scaffoldTest ?? answers.scaffoldTest ?? (offersTest(prepared, service) ? false : (defaults.scaffoldTest ?? false)));
  const fromPrompts: Settled['prompted'] = prompted ? { ...answers } : {};
  return { decisions: { service, apiStyle, conflict, scaffoldTest, extraQuestions }, prompted: fromPrompts };
}

/**
 * Without a terminal: an answers file settles everything (best candidates for
 * the rest); without one, any open question stops the run with one line.
 */
export function settleWithoutPrompts(prepared: Prepared): Settled {
  const pending = [serviceQuestion(prepared), ...pendingQuestions(prepared, prepared.service)].filter(Boolean) as PendingQuestion[];
  if (!prepared.inputs.answers) {
    // A thin-change warning needs no answer to go on: it is reported, never a reason to stop.
    const blocking = pending.filter((question) => question.name !== 'goAhead');
    if (blocking.length) throw cannotAsk(blocking);
  }
  return settle(prepared, {}, false);
}

/** Prompt libraries nest dotted names (`stack.orm` → `{stack: {orm}}`); decisions read them flat. */
export function flattenAnswers(answers: Record<string, unknown>): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(answers)) {
    if (key === 'stack' && value && typeof value === 'object') {
      for (const [dimension, chosen] of Object.entries(value)) flat[`stack.${dimension}`] = chosen;
    } else flat[key] = value;
  }
  return flat;
}
