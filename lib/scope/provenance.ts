// Provenance check: every name the scope holds must be readable at the line it
// cites. Used by tests and by `npm run bench:corpus` to prove that nothing in
// the Backend section is made up.
import type { Scope } from '../types.js';
import { attributeColumn } from './attribute-words.js';
import { prefixOf } from './base-paths.js';
import { singular } from '../naming/index.js';

/** Lower-case letters and digits only: `target_cents`, `targetCents` and "target cents" compare equal. */
// Accents are folded: a name is written without them (`Usuario` for "Usuário", `nome_do_escritorio`).
const squash = (text: string): string => text.toLowerCase().normalize('NFKC').normalize('NFD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}]/gu, '').normalize('NFC');
/** A word's stem, so "invitations" supports "invitation" and "expires" supports "expire". */
const stem = (word: string): string => squash(word).replace(/(?:ies|es|s|ed|ing)$/, '').slice(0, Math.max(4, squash(word).length - 3));

/** Suffixes the fixed naming vocabulary adds to a stated word ("user reference" → `user_id`, "creation date" → `created_at`). */
const VOCABULARY_SUFFIXES = new Set(['id', 'at']);
/** The columns an attribute list's "timestamps" stands for. */
const TIMESTAMP_PAIR = new Set(['created_at', 'updated_at']);

function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Names in `scope` that cannot be read at their cited line. `texts` are the
 * documents in the order the scope read them (plan document first).
 */
export function provenanceGaps(scope: Scope, texts: readonly string[]): string[] {
  const lines = texts.flatMap((text) => text.split(/\r\n|\r|\n/));
  const whole = squash(lines.join('\n'));
  const at = (line: number): string => squash(lines[line - 1] ?? '');
  const gaps: string[] = [];
  /** Every word of the name is at the line (or, for `anywhere`, somewhere in the documents). */
  const check = (what: string, name: string, line: number, anywhere: string[] = [], brokenOver = false): void => {
    // A column's words may run over a line break ("… issues\n  found count"): it is cited at its last words' line.
    const here = brokenOver && splitWords(name).length > 1 ? at(line - 1) + at(line) : at(line);
    const words = splitWords(name);
    for (const [index, word] of words.entries()) {
      const key = squash(word);
      if (index > 0 && index === words.length - 1 && VOCABULARY_SUFFIXES.has(key)) continue;
      if (!key || here.includes(key) || here.includes(stem(word))) continue;
      if (anywhere.includes(word) && whole.includes(key)) continue;
      gaps.push(`${what} ${name} (line ${line})`);
      return;
    }
  };
  for (const op of scope.operations) {
    if (op.kind === 'rest') {
      const segments = (op.path ?? '').split('/').filter((segment) => segment && !segment.startsWith('{'));
      // A base path (`/api/v1`) may be stated once, or by a heading, for every operation below it.
      const prefixSegments = `${prefixOf(op.path ?? '').prefix}/${op.base ?? ''}`.split('/').filter(Boolean);
      for (const segment of segments) check('path', segment, op.line, prefixSegments.includes(segment) ? [segment] : []);
    } else {
      const parts = op.name.split('.');
      check('operation', parts[parts.length - 1], op.line);
      for (const part of parts.slice(0, -1)) if (!whole.includes(squash(part))) gaps.push(`operation ${op.name} (namespace ${part})`);
    }
    for (const field of [...op.requestFields, ...op.queryParams, ...op.responseFields]) check(`field ${operationLabel(op)}`, field.name, field.line);
  }
  const tables = new Set(scope.entities.map((entity) => entity.table));
  for (const entity of scope.entities) {
    // A junction read from a many-to-many: named after the two entities it joins, by a fixed rule.
    // A side may be an existing entity the documents name without changing it.
    const joins = entity.joins && entity.joins.every((table) => table !== entity.table && (tables.has(table) || whole.includes(squash(table)))) ? entity.joins : undefined;
    if (joins) {
      if (!joinedName(entity.table, joins)) gaps.push(`entity ${entity.table} (line ${entity.line}, joins ${joins.join(', ')})`);
    } else check('entity', entity.table, entity.line);
    // The class is declared a line or two below the table's name (`@Table(name = "sys_user")`, then `class User`).
    if (entity.model && ![0, 1, 2, 3].some((offset) => at(entity.line + offset).includes(squash(entity.model!)))) gaps.push(`entity model ${entity.model} (line ${entity.line})`);
    for (const subtype of entity.subtypes ?? []) for (const name of [subtype.name, subtype.column, subtype.value]) check(`subtype ${entity.table}`, name, subtype.line);
    for (const column of entity.columns) {
      // A junction's key to one of the entities it joins: that entity's name and the vocabulary's `id`.
      if (joins && column.references && joins.includes(column.references) && squash(column.name) === `${squash(singular(column.references))}id`) continue;
      // A key to another entity of the sprint, named after it by the `_id` rule; `term` is the word the line
      // writes for that entity, also written at the entity's own line ("会員に属する" → `member_id`, beside "会員（Member）").
      const ownerKey = column.references !== undefined && tables.has(column.references) && column.references !== entity.table && [`${squash(singular(column.references))}id`].includes(squash(column.name));
      if (ownerKey && column.term !== undefined) {
        const owner = scope.entities.find((candidate) => candidate.table === column.references)!;
        if (!at(column.line).includes(squash(column.term)) || !at(owner.line).includes(squash(column.term))) gaps.push(`column ${entity.table} ${column.name} (line ${column.line}, "${column.term}")`);
        continue;
      }
      // A name from the attribute vocabulary: the word is at the line and the vocabulary maps it to this name.
      // "timestamps" is the fixed vocabulary's pair of columns (proseColumnNames' default expansion).
      if (TIMESTAMP_PAIR.has(column.name) && at(column.line).includes('timestamps')) continue;
      if (column.term !== undefined) {
        if (!at(column.line).includes(squash(column.term)) || attributeColumn(column.term) !== column.name) gaps.push(`column ${entity.table} ${column.name} (line ${column.line}, "${column.term}")`);
      } else check(`column ${entity.table}`, column.name, column.line, [], true);
    }
  }
  for (const model of scope.existingModels ?? []) {
    check('existing model', model.name, model.line);
    for (const field of model.fields) check(`field ${model.name}`, field.name, field.line);
  }
  for (const job of scope.jobs) if (job.name) check('job', job.name, job.line);
  for (const rule of scope.authz) for (const role of rule.roles) check('role', role, rule.line);
  return gaps;
}

/** `TaskTag` or `task_tags` for the entities `Task` and `Tag`: their names in order, the second singular or plural. */
function joinedName(table: string, [a, b]: readonly string[]): boolean {
  const first = squash(singular(a));
  return [squash(singular(b)), squash(b)].some((second) => squash(table) === first + second);
}

function operationLabel(op: Scope['operations'][number]): string {
  return op.kind === 'rest' ? `${op.method} ${op.path}` : op.name;
}
