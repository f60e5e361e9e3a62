// Entities: new tables with their columns, new columns on existing tables,
// "Key Entities" lists, SQL fences, and hints that a table already holds data.
import type { Column, Entity, ScopeNote } from '../types.js';
import { listedAttributes, translatedAttributes } from './attribute-words.js';
import { parseAttributes, splitTopLevel, toColumn, type Attributes } from './fields.js';
import { isDtoName, ADDED_COLUMNS_LABEL, ATTRIBUTE_LABEL, ENTITIES_HEADING, EXAMPLE_MARKER, EXTENDED_TABLE_WORD, JOIN_PHRASES, MESSAGE_FIELDS_HEADING, NOT_STORED_ENTITY, TABLE_WORD_AFTER, UI_NOUN, UNIQUE_WORD, VERB_FAMILIES } from './vocabulary.js';
import { camelCase, isPlural, pascalCase, singular, snakeCase } from '../naming/index.js';
import { COUNT_PHRASE, parseCount } from './numbers.js';
import { lineAt, proseOf, sentences, type Unit } from './units.js';

const NEW_TABLE = [
  // "New Exposed table `X`", "a new Postgres table `x`": the tool or database named between the words.
  /\b(?:[Nn]ew|[Cc]reates?|[Aa]dd(?:s|ing)?|[Ii]ntroduces?)\s+(?:a\s+)?(?:new\s+)?[A-Z][A-Za-z0-9]+\s+table\s*[:：]?\s*`([\w.]+)`/g,
  /\b(?:new|create|creates|add|adds|adding|introduce|introduces)\s+(?:a\s+)?(?:new\s+)?(?:db\s+|database\s+|sql\s+)?table\s*[:：]?\s*`([\w.]+)`/gi,
  /\b(?:new|create|creates|add|adds)\s+(?:a\s+)?(?:new\s+)?`([\w.]+)`\s+table\b/gi,
  /\btable\s+`([\w.]+)`\s*\(new\)/gi,
  // "System MUST support `Account` model with `id`, `name`, `type` (CHECKING, CASH)".
  /`([A-Za-z_][\w.]*)`\s+(?:model|entity|table|class|record|collection)\s+(?:with|having|containing|that has)\b/gi,
  /新(?:增|建)?(?:的)?\s*(?:資料表|表格|表)\s*[:：]?\s*`([\w.]+)`/g,
  /(?:新增|建立)\s*(?:一個|一張)?\s*`([\w.]+)`\s*(?:資料表|表)/g,
  // "Criar a tabela `reports`", "Crear la tabla `reports`", "Nova tabela `reports`".
  /(?:^|[^\p{L}])(?:criar|crie|cria|crear|cree|crea|nova|nueva|adicionar|adicione|agregar|agregue|añadir|añada)\s+(?:(?:a|uma|la|una)\s+)?(?:(?:nova|nueva)\s+)?(?:tabela|tabla)\s*[:：]?\s*`([\w.]+)`/giu,
  /\b(?:tabela|tabla)\s+`([\w.]+)`\s*\((?:nova|nueva)\)/gi,
  // "Bảng mới `file_shares` (…)", "Tạo bảng `x`", "Thêm một bảng mới `x`", "bảng `x` (mới)".
  /(?:^|[^\p{L}])(?:bảng\s+mới|(?:tạo|thêm)\s+(?:một\s+)?bảng(?:\s+mới)?)\s*[:：]?\s*`([\w.]+)`/giu,
  /(?:^|[^\p{L}])bảng\s+`([\w.]+)`\s*\(mới\)/giu,
  // Korean: "새 테이블 `reports`를 만든다", "신규 테이블: `reports`", "`reports` 테이블을 새로 만든다", "새 `reports` 테이블".
  // The particle and the verb are part of the match, so a column list in parentheses after them still follows it.
  /(?:새|신규|새로운)\s*테이블\s*[:：]?\s*`([\w.]+)`(?:\s*(?:을|를)\s*(?:새로\s*)?(?:만들|만든|생성|추가)[가-힣]*)?/gu,
  /(?:새|신규|새로운)\s+`([\w.]+)`\s*테이블(?:\s*(?:을|를)\s*(?:만들|만든|생성|추가)[가-힣]*)?/gu,
  /`([\w.]+)`\s*테이블(?:을|를)\s*(?:새로\s*|신규로\s*)?(?:만들|만든|생성|추가)[가-힣]*/gu,
];
/** "com as colunas motivo, status e resolução", "con las columnas …": the words after it list columns. */
const WORDED_COLUMNS = /^\s*,?\s*(?:com|con|with)\s+(?:(?:as|las|the)\s+)?(?:colunas|columnas|columns|campos|fields)\s*[:：]?\s*/iu;
/** "A tabela `reports` guarda o motivo, o status e a resolução": what the table keeps. */
const TABLE_KEEPS = /(?:^|[^\p{L}])(?:a|la)\s+(?:tabela|tabla)\s+`?([A-Za-z_][\w.]*)`?\s+(?:guarda|guardará|armazena|armazenará|registra|contém|conterá|tem|terá|almacena|almacenará|contiene|tiene|tendrá)\s+/giu;
/** "2 new tables (`savings_goals`, `goal_allocations`)", "new tables: `a`, `b` and `c`". */
const NEW_TABLE_LIST = /\bnew\s+(?:db\s+|database\s+|sql\s+)?tables\s*[:：(（]\s*((?:`[\w.]+`\s*(?:[,，、]|\band\b)?\s*)+)/gi;
const NEW_COLUMN_DOTTED = /`([A-Za-z_]\w*)\.([A-Za-z_]\w*)`/g;
const COLUMN_WORD = /\bcolumns?\b|欄位/i;
const ADD_WORD = /\bnew\b|\badd(?:s|ed|ing)?\b|\bintroduce|新增|加入|增加|新/i;
const COLUMN_TO_TABLE = [
  /\bcolumns?\s+`(\w+)`(\s*\([^)]*\))?\s+(?:to|on|in|into)\s+(?:the\s+)?(?:existing\s+)?`(\w+)`/gi,
  /\badd(?:s|ing)?\s+(?:a\s+)?(?:nullable\s+|optional\s+)?`(\w+)`(\s*\([^)]*\))?\s+(?:column\s+)?(?:to|on)\s+(?:the\s+)?(?:existing\s+)?`(\w+)`/gi,
];
/** "Adicionar a coluna `x` na tabela `y`", "Agregar las columnas `a` y `b` a la tabla `y`". */
const COLUMNS_TO_TABLE_ROMANCE = /(?:^|[^\p{L}])(?:adicionar|adicione|adiciona|incluir|inclua|criar|crie|agregar|agregue|añadir|añada|crear|cree)\s+(?:(?:a|as|uma|la|las|una)\s+)?(?:(?:novas?|nuevas?)\s+)?(?:colunas?|columnas?|campos?)\s+((?:`\w+`(?:\s*\([^)]*\))?(?:\s*,\s*|\s+(?:e|y)\s+)?)+)\s*(?:na|à|em|no|a|en|para)\s+(?:(?:a|la)\s+)?(?:tabela|tabla)\s+`?([A-Za-z_][\w.]*)`?/giu;
/** "Add `returned_at` (timestamp, nullable) and `return_condition` (varchar(20)) to `loans`": the columns, then the table. */
const COLUMNS_TO_TABLE_EN = /\badd(?:s|ing)?\s+((?:`\w+`(?:\s*\((?:[^()]|\([^()]*\))*\))?(?:\s*,\s*(?:and\s+)?|\s+and\s+)?){2,})\s*(?:columns?\s+)?(?:to|on)\s+(?:the\s+)?(?:existing\s+)?(?:table\s+)?`([A-Za-z_][\w.]*)`/gi;
/** "Thêm (các) cột `a`, `b` vào bảng `y`": Vietnamese puts the columns first, as Portuguese and Spanish do. */
const COLUMNS_TO_TABLE_VI = /(?:^|[^\p{L}])thêm\s+(?:các\s+|hai\s+|\d+\s+)?(?:cột|trường)(?:\s+mới)?\s+((?:`\w+`(?:\s*\([^)]*\))?(?:\s*,\s*|\s+và\s+)?)+)\s*(?:vào|cho)\s+(?:bảng\s+)?`?([A-Za-z_][\w.]*)`?/giu;
const COLUMNS_ON_TABLE = [
  /\b(?:new\s+)?columns?\s+(?:on|to|in|for)\s+(?:the\s+)?(?:existing\s+)?`(\w+)`(?:\s+table)?\s*[:：]?/gi,
  // "The existing `articles` table gets two columns:", "`orders` gains a new column:".
  /`(\w+)`\s+(?:table\s+|model\s+)?(?:gets|gains|receives|will\s+get|will\s+gain|will\s+receive|now\s+has|will\s+have)\s+(?:(?:a|one|two|three|four|five|six|\d+|several|some|these|the\s+following|a\s+few)\s+)?(?:new\s+|additional\s+|extra\s+)?(?:columns?|fields?)\b\s*[:：]?/gi,
  // "Two columns are added to the `articles` table:".
  /\b(?:columns?|fields?)\s+(?:are|is|get|gets|will\s+be)\s+added\s+(?:to|on)\s+(?:the\s+)?(?:existing\s+)?`(\w+)`(?:\s+table)?\s*[:：]?/gi,
  /`(\w+)`\s*(?:資料表|表)?\s*(?:新增|加入|增加)(?:以下)?\s*(?:欄位)\s*[:：]?/g,
  // "Table `loans` gets `returned_at` (…) and `return_condition` (…)", "Table `loans`: add `returned_at` (…)": the columns follow at once.
  /\btable\s+`(\w+)`\s*(?:(?:gets|gains|receives|will\s+get|will\s+gain)|[:：]\s*add(?:s)?)\s+(?=`)/gi];
/**
 * Korean: "`comments` 테이블에 `hidden_at` 컬럼(TIMESTAMP, null 허용)을 추가한다",
 * "`orders`에 `a`, `b` 컬럼을 추가": the table, then the columns with their attributes, then the verb.
 */
const COLUMNS_TO_TABLE_KOREAN = /`(\w+)`\s*(?:테이블)?\s*에\s*((?:`\w+`\s*(?:(?:컬럼|칼럼|열|필드)\s*)?(?:[(（][^)）]*[)）])?\s*(?:[,，、]|와|과|및)?\s*)+)(?:(?:컬럼|칼럼|열|필드)(?:들)?\s*)?(?:을|를)?\s*(?:새로\s*)?(?:추가|만든|생성)/gu;
const KOREAN_LISTED_COLUMN = /`(\w+)`\s*(?:(?:컬럼|칼럼|열|필드)\s*)?(?:[(（]([^)）]*)[)）])?/gu;

export interface EntityMention {
  entity: Entity;
  unit: Unit;
  /** Columns in this unit come after here. */
  at: number;
  /** The unit defines a kind of the entity's rows (a subtype), not the entity. */
  subtype?: boolean;
  /**
   * The unit names an existing entity the sprint does not change ("**Item** (existing): …"):
   * not a data-model change, but a side a junction may join. `entity` is not in the list.
   */
  context?: boolean;
}

/** `Savings Goal`, `savings_goals` and `SavingsGoal` name one entity. */
// Each word in the singular: Portuguese and Spanish put the plural on the first word (`contratos_aluguel` is
// `ContratoAluguel`), English on the last (`order_items`).
const entityKey = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((word) => singular(word))
    .join('');
/** The name two spellings of one entity share (`LabPurchase`, `lab_purchases`). */
export const entityKeyOf = entityKey;
/** A name written as code (a table or class) beats the prose name of the same thing. */
const codeLike = (name: string): boolean => !/\s/.test(name);
/**
 * Entities named in prose ("Savings Goal"): stored as an identifier (`SavingsGoal`), since
 * SQL, Mermaid and file names take no spaces, and still replaced by a name written as code.
 */
const namedInProse = new WeakSet<Entity>();

/**
 * The first entity (in array order) with a table name, and with an entity key:
 * what `entities.find(…)` answers, without a scan per lookup (a long document
 * states thousands). Kept per array; entities appended by anyone are indexed on
 * the next lookup; a rename goes through `renameEntity`.
 */
interface EntityIndex {
  indexed: number;
  position: Map<Entity, number>;
  byTable: Map<string, Entity>;
  byKey: Map<string, Entity>;
}
const entityIndexes = new WeakMap<readonly Entity[], EntityIndex>();

function entityIndex(entities: readonly Entity[]): EntityIndex {
  let index = entityIndexes.get(entities);
  // Shorter than indexed: something was removed; start over.
  if (!index || index.indexed > entities.length) {
    index = { indexed: 0, position: new Map(), byTable: new Map(), byKey: new Map() };
    entityIndexes.set(entities, index);
  }
  for (; index.indexed < entities.length; index.indexed++) {
    const entity = entities[index.indexed];
    index.position.set(entity, index.indexed);
    if (!index.byTable.has(entity.table)) index.byTable.set(entity.table, entity);
    const key = entityKey(entity.table);
    if (!index.byKey.has(key)) index.byKey.set(key, entity);
    // The class's name finds the table it is kept in (`ContactInterne` → `contacts_internes`).
    if (entity.model && !index.byKey.has(entityKey(entity.model))) index.byKey.set(entityKey(entity.model), entity);
  }
  return index;
}

/** `entities.find((entity) => entity.table === table)`. */
export function entityByTable(entities: readonly Entity[], table: string): Entity | undefined {
  return entityIndex(entities).byTable.get(table);
}

/** `entities.find((entity) => entityKey(entity.table) === entityKey(name))`. */
function entityByKey(entities: readonly Entity[], name: string): Entity | undefined {
  return entityIndex(entities).byKey.get(entityKey(name));
}

/** Renames an entity to a name with the same entity key, keeping the index exact. */
function renameEntity(entities: readonly Entity[], entity: Entity, table: string): void {
  const index = entityIndex(entities);
  const old = entity.table;
  entity.table = table;
  if (index.byTable.get(old) === entity) {
    const next = entities.find((candidate) => candidate.table === old);
    if (next) index.byTable.set(old, next);
    else index.byTable.delete(old);
  }
  const current = index.byTable.get(table);
  if (!current || index.position.get(entity)! < index.position.get(current)!) index.byTable.set(table, entity);
}

/**
 * "- **Table**: `clients`" under "## Entity: Client": the model's rows live in that table, and the class keeps its
 * name beside it. A table already read under that name takes the model's columns instead.
 */
export function nameModelTable(entities: Entity[], entity: Entity, table: string): Entity {
  if (entity.table === table) return entity;
  const other = entityByTable(entities, table);
  if (other && other !== entity) {
    addColumns(other, entity.columns);
    other.model ??= entity.table;
    if (entity.change === 'new-table') other.change = 'new-table';
    // The index notices the shorter list and is rebuilt on its next use.
    entities.splice(entities.indexOf(entity), 1);
    return other;
  }
  entity.model ??= entity.table;
  renameEntity(entities, entity, table);
  const index = entityIndex(entities);
  if (!index.byKey.has(entityKey(table))) index.byKey.set(entityKey(table), entity);
  if (!index.byKey.has(entityKey(entity.model))) index.byKey.set(entityKey(entity.model), entity);
  return entity;
}

function upsert(entities: Entity[], table: string, change: Entity['change'], line: number): Entity {
  const existing = entityByTable(entities, table) ?? entityByKey(entities, table);
  if (existing) {
    if (change === 'new-table') existing.change = 'new-table';
    if (existing.table !== table && codeLike(table) && namedInProse.has(existing)) {
      namedInProse.delete(existing);
      renameEntity(entities, existing, table);
      existing.line = line;
    }
    return existing;
  }
  const entity: Entity = { table: codeLike(table) ? table : pascalCase(table), change, columns: [], line };
  if (!codeLike(table)) namedInProse.add(entity);
  entities.push(entity);
  return entity;
}

/** `created_at` and `createdAt` are one column; so are `proyecto` and `proyectoId` (the key names the reference). */
const columnKey = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');
const sameColumn = (a: string, b: string): boolean => {
  const [x, y] = [columnKey(a), columnKey(b)];
  return x === y || `${x}id` === y || `${y}id` === x;
};

export function addColumns(entity: Entity, columns: Column[]): void {
  for (const column of columns) {
    const existing = entity.columns.find((candidate) => candidate.name === column.name) ?? entity.columns.find((candidate) => sameColumn(candidate.name, column.name));
    // The name that says it holds a key (`proyectoId`) is the one a schema uses.
    if (existing && existing.name !== column.name && columnKey(column.name).endsWith('id') && !columnKey(existing.name).endsWith('id')) {
      existing.name = column.name;
      existing.line = column.line;
    }
    if (!existing) entity.columns.push(column);
    else for (const [key, value] of Object.entries(column)) if ((existing as unknown as Record<string, unknown>)[key] === undefined) (existing as unknown as Record<string, unknown>)[key] = value;
  }
}

/** Code-span columns in text[from, to): `name` (attrs) at paren depth 0; `leading` reads "`name`: attrs". */
function columnsIn(unit: Unit, from: number, to: number, leading = false): Column[] {
  const columns: Column[] = [];
  const values = new Set<string>();
  let depth = 0;
  let cursor = from;
  for (const code of unit.codes) {
    if (code.start < from || code.start >= to) continue;
    for (const char of proseOf(unit.text.slice(cursor, code.start))) {
      if (char === '(' || char === '（') depth++;
      if (char === ')' || char === '）') depth = Math.max(0, depth - 1);
    }
    cursor = code.end;
    // "- `endDate: DateTime?` - Application deadline": a field item written as its declaration.
    if (leading && TYPED_NAME.test(code.value.trim())) {
      columns.push(declaredColumn(code.value, lineAt(unit, code.start), parseAttributes(unit.text.slice(code.end, to).replace(/^\s*[:：—–-]\s*/, '')))!);
      break;
    }
    if (depth > 0 || !/^[A-Za-z_]\w*\??$/.test(code.value)) continue;
    // "with a foreign key to `repository_configs`": the table it points at, not a column.
    if (/\b(?:to|references?|referencing|into|from|of|on)(?:\s+(?:the|an?|existing|its|their))*\s*$/i.test(proseOf(unit.text.slice(Math.max(from, code.start - 28), code.start)))) continue;
    // "a transaction with type `REFUND`": a value of a field, not a column.
    // "roles such as `ADMIN`, `EDITOR`", "el rol de `DOCENTE`": values too; so is a value met again.
    if (/^[A-Z][A-Z0-9_]+$/.test(code.value)) {
      const before = proseOf(unit.text.slice(from, code.start));
      const sentence = before.slice(before.search(/[^.;!?。]*$/));
      if (/(?:\b(?:type|status|state|kind|role|mode|value|set to|equals?)|(?<![\p{L}])(?:rol|tipo|estado|papel|perfil))(?:\s+(?:de|do|da|del|of|is|es|é))?\s*[:=]?\s*$/iu.test(before.slice(-20)) || EXAMPLE_MARKER.test(sentence) || values.has(code.value)) {
        values.add(code.value);
        continue;
      }
    }
    // One level of nesting: "(varchar(20), nullable)".
    const paren = /^\s*[(（]((?:[^()（）]|\([^()]*\))*)[)）]/.exec(unit.text.slice(code.end, to));
    const rest = leading ? unit.text.slice(code.end, to).replace(/^\s*[:：—–-]\s*/, '') : '';
    const attrs = paren ? (valueList(paren[1]) ? { enum: valueList(paren[1]) } : parseAttributes(paren[1])) : rest.trim() ? parseAttributes(rest) : {};
    if (/\b(?:optional|nullable)\s*$/i.test(unit.text.slice(Math.max(from, code.start - 12), code.start))) attrs.nullable ??= true;
    if (code.value.endsWith('?')) attrs.nullable ??= true;
    columns.push(toColumn(code.value.replace(/\?$/, ''), attrs, lineAt(unit, code.start)));
    if (leading) break;
  }
  return columns;
}

/** The types DDL writes after a column's name. */
const SQL_TYPE_WORD = /^(?:uuid|text|varchar|char|character|int|int2|int4|int8|integer|bigint|smallint|tinyint|serial|bigserial|boolean|bool|timestamptz|timestamp|datetime|date|time|numeric|decimal|real|float|double|json|jsonb|bytea|blob|citext|inet|money)\b/i;

/** `endDate: DateTime?`, `tags?: string[]`: a name, perhaps optional, then its type. */
const TYPED_NAME = /^([A-Za-z_]\w*)(\?)?\s*:\s*([A-Za-z][\w.<>\[\], ]*?)(\?)?$/;

/**
 * A column written as one code span: `id: uuid`, `endDate: DateTime?`, or a bare lower-case name. `said`: what the
 * text around it adds ("(nullable)", "non-null"); the declaration wins where both speak.
 */
function declaredColumn(written: string, line: number, said: Attributes = {}): Column | undefined {
  const typed = TYPED_NAME.exec(written.trim());
  if (typed) return toColumn(typed[1], { ...said, ...parseAttributes(typed[3]), ...(typed[2] || typed[4] ? { nullable: true } : {}) }, line);
  return /^[a-z_]\w*$/.test(written.trim()) ? toColumn(written.trim(), {}, line) : undefined;
}

const BASE_CLASS_LABEL = /^(?:extends|inherits(?: from)?|base(?:\s+class)?)\s*[:：]?$/i;

/**
 * "- **Extends**: `BaseEntity` (inherits `id: uuid`, `createdAt`)": the base class a model extends, and the columns
 * the item says it gives (none when it only names the base).
 */
export function baseClassItem(unit: Unit): { base?: string; columns: Column[] } | undefined {
  if (unit.kind !== 'item' || !BASE_CLASS_LABEL.test(unit.lead?.trim() ?? '')) return undefined;
  const base = /^[A-Z]\w*$/.test(unit.codes[0]?.value ?? '') ? unit.codes[0].value : undefined;
  const columns = /\binherit/i.test(unit.text) ? unit.codes.flatMap((span) => declaredColumn(span.value, lineAt(unit, span.start)) ?? []) : [];
  return { base, columns };
}

/**
 * "**Post**: 게시글 정보 (title, content, isPrivate)", "**User**: member info (email, password, name)": the
 * description's parenthesis lists the attributes, each a name as code writes it or one to three lower-case words
 * ("postId 매핑": the name, then a word of the document's language about it). Values in capitals, examples
 * ("e.g.", "such as") and a single item are no attribute list.
 */
function parenthesisedAttributes(unit: Unit, from: number): Column[] {
  for (const match of unit.text.slice(from).matchAll(/[（(]([^()（）]*)[)）]/g)) {
    const inner = match[1];
    if (/\b(?:e\.g\.|i\.e\.|such as|like|for example|etc)\b|例如|예:|예\)|例：/i.test(inner) || valueList(inner)) continue;
    const items = inner.split(/\s*[,，、]\s*|\s+and\s+/).map((item) => item.replace(/`/g, '').trim()).filter(Boolean);
    if (items.length < 2) continue;
    const names = items.map((item) => /^([A-Za-z_][A-Za-z0-9_]*)(?:\s+[^\x00-\x7F][^,]*)?$/.exec(item)?.[1] ?? (/^[a-z]+(?: [a-z]+){1,2}$/.test(item) ? item.split(' ').join('_') : undefined));
    if (names.some((name) => !name)) continue;
    const at = from + match.index! + 1;
    // "Retains all current fields (title, …)": columns the table has.
    const kept = /\b(?:current|existing|retains?|keeps?|already)\b/i.test(proseOf(unit.text.slice(from, at)));
    return names.map((name) => ({ ...toColumn(name!, {}, lineAt(unit, at)), ...(kept ? { existing: true } : {}) }));
  }
  return [];
}

/** "(PENDING, ACCEPTED, REVOKED)": values in upper case list an enum; anything with lower case is a type or constraint. */
function valueList(inner: string): string[] | undefined {
  const plain = inner.replace(/`/g, '');
  if (/[a-z]/.test(plain) || !/[A-Z]/.test(plain)) return undefined;
  const values = plain.split(/\s*[,|/、]\s*/).map((value) => value.trim()).filter(Boolean);
  return values.every((value) => /^[A-Z][A-Z0-9_]*$/.test(value)) ? values : undefined;
}

/**
 * "New table `documents` (id uuid, owner_id, size_bytes bigint NOT NULL DEFAULT 0, status (PENDING, DONE))":
 * the list in parentheses right after the table names its columns, each with what follows its name.
 */
export function parenthesisedColumns(unit: Unit, at: number): Column[] {
  const text = unit.text;
  let open = at;
  while (open < text.length && /\s/.test(text[open])) open++;
  if (text[open] !== '(' && text[open] !== '（') return [];
  let depth = 0;
  let close = -1;
  for (let index = open; index < text.length; index++) {
    if (text[index] === '(' || text[index] === '（') depth++;
    else if ((text[index] === ')' || text[index] === '）') && --depth === 0) {
      close = index;
      break;
    }
  }
  if (close < 0) return [];
  const inner = text.slice(open + 1, close);
  const columns: Column[] = [];
  let offset = 0;
  const items = splitTopLevel(inner, /[,，、;]/, '(（');
  // "(alembic migration in services/pipeline)": one phrase is a note about the table, not its one column.
  if (items.length === 1 && items[0].replace(/`/g, '').trim().split(/\s+/).length >= 3 && !SQL_TYPE_WORD.test(items[0].trim().split(/\s+/)[1] ?? '')) return [];
  for (const item of items) {
    const position = inner.indexOf(item, offset);
    offset = position >= 0 ? position + item.length : offset;
    const match = /^`?([A-Za-z_]\w*)`?\??\s*([\s\S]*)$/.exec(item.trim());
    if (!match) continue;
    const rest = match[2].trim();
    const nested = /^[（(]([\s\S]*)[）)]$/.exec(rest);
    // "status (PENDING, ACCEPTED)" lists values; anything else is type and constraints.
    const values = nested ? valueList(nested[1]) : undefined;
    const attrs = values ? { enum: values } : parseAttributes(nested ? nested[1] : rest);
    columns.push(toColumn(match[1], attrs, lineAt(unit, open + 1 + Math.max(0, position))));
  }
  return columns;
}

/** Entity statements in one unit; returns the mentions so nested lists/tables can add columns. */
export function entitiesInUnit(unit: Unit, entities: Entity[]): EntityMention[] {
  const mentions: EntityMention[] = [];
  const text = unit.text;
  for (const sentence of sentences(text)) {
    const end = sentence.at + sentence.text.length;
    for (const pattern of NEW_TABLE) {
      for (const match of sentence.text.matchAll(pattern)) {
        const at = sentence.at + match.index;
        let entity = upsert(entities, match[1], 'new-table', lineAt(unit, at));
        let after = sentence.at + match.index + match[0].length;
        // "`PartnershipNotesTable` (`partnership_notes`)": the class, then the table's own name.
        const tableName = /^\s*[（(]\s*`([a-z][a-z0-9_]*)`\s*[)）]/.exec(text.slice(after));
        if (tableName && tableName[1] !== entity.table) {
          entity = nameModelTable(entities, entity, tableName[1]);
          after += tableName[0].length;
        }
        addColumns(entity, columnsIn(unit, after, end));
        addColumns(entity, parenthesisedColumns(unit, after));
        const worded = WORDED_COLUMNS.exec(text.slice(after, end));
        if (worded) addColumns(entity, listedAttributes(unit, after + worded[0].length, end));
        mentions.push({ entity, unit, at: after });
      }
    }
    for (const match of sentence.text.matchAll(TABLE_KEEPS)) {
      const at = sentence.at + match.index + match[0].indexOf(match[1]) - (match[0].includes('`') ? 1 : 0);
      const after = sentence.at + match.index + match[0].length;
      const columns = [...columnsIn(unit, after, end), ...listedAttributes(unit, after, end)];
      if (!columns.length) continue;
      const entity = upsert(entities, match[1], entityByTable(entities, match[1]) ? 'alter-table' : 'new-table', lineAt(unit, at));
      addColumns(entity, columns);
      mentions.push({ entity, unit, at: after });
    }
    for (const match of [...sentence.text.matchAll(COLUMNS_TO_TABLE_ROMANCE), ...sentence.text.matchAll(COLUMNS_TO_TABLE_VI), ...sentence.text.matchAll(COLUMNS_TO_TABLE_EN)]) {
      const at = sentence.at + match.index;
      const listAt = at + match[0].indexOf(match[1]);
      const entity = upsert(entities, match[2], 'alter-table', lineAt(unit, at));
      addColumns(entity, columnsIn(unit, listAt, listAt + match[1].length));
    }
    for (const match of sentence.text.matchAll(COLUMNS_TO_TABLE_KOREAN)) {
      const at = sentence.at + match.index;
      const entity = upsert(entities, match[1], 'alter-table', lineAt(unit, at));
      for (const column of match[2].matchAll(KOREAN_LISTED_COLUMN)) {
        addColumns(entity, [toColumn(column[1], column[2] ? parseAttributes(column[2]) : {}, lineAt(unit, at + match[0].indexOf(match[2]) + column.index))]);
      }
    }
    for (const match of sentence.text.matchAll(NEW_TABLE_LIST)) {
      const listAt = sentence.at + match.index + match[0].indexOf(match[1]);
      for (const name of match[1].matchAll(/`([\w.]+)`/g)) upsert(entities, name[1], 'new-table', lineAt(unit, listAt + name.index));
    }
    const prose = proseOf(sentence.text);
    if (COLUMN_WORD.test(prose) && ADD_WORD.test(prose)) {
      for (const match of sentence.text.matchAll(NEW_COLUMN_DOTTED)) {
        const at = sentence.at + match.index;
        const entity = upsert(entities, match[1], 'alter-table', lineAt(unit, at));
        const paren = /^\s*[(（]([^)）]*)[)）]/.exec(text.slice(at + match[0].length));
        addColumns(entity, [toColumn(match[2], paren ? parseAttributes(paren[1]) : {}, lineAt(unit, at))]);
        mentions.push({ entity, unit, at: at + match[0].length });
      }
    }
    for (const pattern of COLUMN_TO_TABLE) {
      for (const match of sentence.text.matchAll(pattern)) {
        const at = sentence.at + match.index;
        const entity = upsert(entities, match[3], 'alter-table', lineAt(unit, at));
        const attrs = match[2] ? parseAttributes(match[2].trim().slice(1, -1)) : {};
        addColumns(entity, [toColumn(match[1], attrs, lineAt(unit, at))]);
      }
    }
    for (const pattern of COLUMNS_ON_TABLE) {
      for (const match of sentence.text.matchAll(pattern)) {
        const at = sentence.at + match.index;
        const entity = upsert(entities, match[1], 'alter-table', lineAt(unit, at));
        const after = at + match[0].length;
        addColumns(entity, columnsIn(unit, after, end));
        mentions.push({ entity, unit, at: after });
      }
    }
  }
  return mentions;
}

/** Adds a model read from code: one entity per name, columns merged. */
export function mergeEntity(entities: Entity[], found: Entity): void {
  const entity = upsert(entities, found.table, found.change, found.line);
  addColumns(entity, found.columns);
  // A composite key the code states (`PRIMARY KEY (product_id, tag_id)`) makes the table a junction wherever it was first named.
  if (found.joins && !entity.joins) entity.joins = found.joins;
  if (found.model && !entity.model) entity.model = found.model;
}

/** Adds each shape's columns to the entity it mirrors; shapes that mirror none are left out. */
export function mergeShapes(entities: Entity[], shapes: readonly Entity[]): void {
  for (const shape of shapes) {
    const target = entityByKey(entities, shape.table);
    if (target) addColumns(target, shape.columns);
    if (target && shape.joins && !target.joins) target.joins = shape.joins;
  }
}

/** Words a heading puts before the model's name ("New Model: Project", "Tabla `cart_items`"). */
const HEADING_LABEL = /^(?:(?:new|extended|modified|updated|existing)\s+)?(?:model|entity|table|tabla|entidad|modelo|tabela|bảng|thực thể|テーブル|エンティティ|테이블|엔티티|表|实体|實體|資料表)\s*[:：-]?\s*/i;
/** Headings that describe request/response shapes or other non-stored things. */
const NOT_A_MODEL = /\b(?:schemas?|dto|request|response|input|payload|params|filters?|create|update|read|errors?|pagination|enums?|events?|overview|relationships?|indexes|rules?|migrations?|diagram|constraints?|summary|transitions?|states?|fields|columns|attributes|properties|details|definitions?|structure|changes|notes|examples?|types|rationale|decisions?|purpose|reasons?|descriptions?|alternatives?)$|^(?:index|context|goals?|scope|background)$/i;
const EXISTING_HEADING = /\b(?:existing|extended|modified|updated|changes? to)\b|既有|現有|已有|đã có|existente/i;
/**
 * Nouns NOT_A_MODEL keeps out as section words ("Domain Events", "Validation Rules", "States") that, in the singular,
 * also name a stored thing: a model where the document says models stand (a Key Entities item, `## Event` under "# Data Model").
 */
const MODEL_NOUN = /(?:^|\s)(?:event|rule|state|filter)$/i;

/** The model a heading names, for the field table below it; undefined for DTOs and topical headings. */
export function entityFromHeading(heading: Unit, entities: Entity[]): Entity | undefined {
  const named = headingModel(heading);
  return named ? upsert(entities, named.name, named.existing ? 'alter-table' : 'new-table', named.line) : undefined;
}

/**
 * "### Post" then "- `id`: Int (PK)", "- `title`: String": field items right under a heading that names a model,
 * where the document sets out its models. Only items that define a column (a type, a key) count, so a
 * "- `email`: must be unique" under "### Validation" adds no model.
 */
export function headingFieldColumns(unit: Unit, entities: Entity[]): Column[] {
  const first = unit.codes[0];
  if (unit.kind !== 'item' || unit.parent || !unit.heading || !first || unit.text.slice(0, first.start).trim()) return [];
  const modelsSection = unit.section === 'entities' || ENTITIES_HEADING.test(unit.heading.headings[unit.heading.headings.length - 2] ?? '');
  // The heading right above names the model: "- `stray` text" under "## Data model" in "# Recipe ratings" names none.
  const named = headingModel(unit.heading, true);
  if (!modelsSection || !named || isDtoName(named.name)) return [];
  // "- `fk_cookbooks_user` FOREIGN KEY (user_id) …", "- `idx_x` on `user_id`": a constraint or index, not a column.
  if (CONSTRAINT_ITEM.test(unit.text.slice(first.end)) || /^(?:fk|idx|ix|uq|uk|pk|chk|ck)_/i.test(first.value)) return [];
  const columns = nestedColumns(unit).filter((column) => column.type || column.primaryKey || column.references);
  if (!columns.length) return [];
  addColumns(entityFromHeading(unit.heading, entities)!, columns);
  return columns;
}

const CONSTRAINT_ITEM = /^\s*[:：—–-]?\s*(?:foreign\s+key|primary\s+key\s*\(|unique\s*\(|check\s*\(|index\b|constraint\b|on\s+[`(])/i;

/** The model a heading (or the heading it sits under) names, without recording it. */
export function headingModel(heading: Unit, ownOnly = false): { name: string; existing: boolean; line: number } | undefined {
  // "### New fields:" under "## Extended Model: Task" names the model one level up.
  const texts = heading.headings.slice(ownOnly ? -1 : -2).reverse();
  // "### Campos de Entrada" under a contract: an operation's message, not the model above it.
  if (texts.length && isMessageFields(texts[0])) return undefined;
  for (const [index, text] of texts.entries()) {
    // "## Event" right under "# Data Model" names a model; "### State" under "## Entity: Order" does not.
    const underModels = index === 0 && texts.length > 1 && ENTITIES_HEADING.test(texts[1]) && /^\S+$/.test(text.trim());
    const name = modelName(text.trim(), index === 0 ? heading.codes : [], underModels);
    if (!name) continue;
    const existing = texts.slice(index).some((candidate) => EXISTING_HEADING.test(candidate) || EXTENDED_TABLE_WORD.test(candidate));
    return { name, existing, line: (index === 0 ? heading : heading.above ?? heading).line };
  }
  return undefined;
}

/** A list of columns opened by a label: the model is the one the heading names, or the one the label names. */
export interface FieldList {
  heading: Unit | undefined;
  entity?: Entity;
}

/**
 * A paragraph that only opens a list of attributes ("Key columns:", "Fields:", "Add:") under the heading that names
 * the model, or names the model in code before the label ("`SystemSetting` key fields:").
 */
export function fieldListLead(unit: Unit, entities: Entity[]): FieldList | undefined {
  if (unit.kind !== 'paragraph' || unit.parent || !/[:：]\s*$/.test(unit.text)) return undefined;
  const label = (text: string): boolean => {
    const bare = text.replace(/\*/g, '').replace(/[:：]\s*$/, '').trim();
    return ATTRIBUTE_LABEL_ONLY.test(bare) || ADDED_COLUMNS_LABEL.test(bare);
  };
  if (unit.heading && label(unit.text)) return { heading: unit.heading };
  const code = unit.codes.length === 1 && !unit.text.slice(0, unit.codes[0].start).replace(/\*/g, '').trim() ? unit.codes[0] : undefined;
  const name = code && label(unit.text.slice(code.end)) ? modelName(code.value, unit.codes) : undefined;
  return name ? { heading: unit.heading, entity: upsert(entities, name, 'new-table', unit.line) } : undefined;
}

/** A bullet in such a list: `- \`id\` (PK, text)`, or only names (`- \`createdAt\`, \`updatedAt\``), one column each. */
export function fieldListColumns(item: Unit, list: FieldList, entities: Entity[]): void {
  const onlyNames = item.codes.length > 1 && !item.text.replace(/`[^`]*`/g, '').replace(/,|\band\b/g, '').trim() && item.codes.every((code) => /^[A-Za-z_]\w*$/.test(code.value));
  const columns = onlyNames ? item.codes.map((code) => toColumn(code.value, {}, item.line)) : nestedColumns(item);
  if (!columns.length) return;
  const entity = list.entity ?? (list.heading && entityFromHeading(list.heading, entities));
  if (entity) addColumns(entity, columns);
}

/** "Minimum fields", "최소 필드", "Campos obligatorios": an attribute label, perhaps with one qualifying word beside it. */
const INLINE_FIELDS_LABEL = new RegExp(`^(?:[\\p{L}]+\\s+)?(?:${ATTRIBUTE_LABEL.source})(?:\\s+[\\p{L}]+)?$`, 'iu');
/** "## Audit Log Schema", "## Audit Log Minimum Schema": the model's name, then a word for its shape. */
const SHAPE_AFTER_NAME = /\s+(?:(?:minimum|minimal|required|core|base)\s+)?(?:schema|shape|record)$/i;
/** Words before "Schema" that name a store or a format, not a model ("Database Schema"). */
const NOT_A_SCHEMA_OWNER = /^(?:database|db|data|api|graphql|json|sql|storage|persistence|payload|message|event)$/i;

/**
 * A bullet or paragraph that labels and lists a model's fields at once, under the heading that names the model:
 * "- 최소 필드: `eventId`, `userId?`, `occurredAt`" under "## Audit Log Minimum Schema". Only code names
 * follow the label (a "?" marks one optional); the columns are added to that model and returned.
 */
export function inlineFieldList(unit: Unit, entities: Entity[]): Column[] {
  if ((unit.kind !== 'item' && unit.kind !== 'paragraph') || unit.parent || !unit.heading || unit.codes.length < 2) return [];
  const colon = /[:：]/.exec(unit.text);
  if (!colon || !INLINE_FIELDS_LABEL.test(unit.text.slice(0, colon.index).replace(/\*/g, '').trim())) return [];
  const codes = unit.codes.filter((code) => code.start > colon.index);
  const between = unit.text.slice(colon.index + 1).replace(/`[^`]*`/g, '').replace(/,|，|、|\band\b|\bor\b|및|和/g, '').replace(/[.。]\s*$/, '').trim();
  if (between || codes.length < 2 || !codes.every((code) => /^[A-Za-z_]\w*\??$/.test(code.value))) return [];
  const entity = schemaHeadingEntity(unit.heading, entities);
  if (!entity) return [];
  const columns = codes.map((code) => toColumn(code.value.replace(/\?$/, ''), code.value.endsWith('?') ? { nullable: true } : {}, lineAt(unit, code.start)));
  addColumns(entity, columns);
  return columns;
}

/** The model the nearest heading names, as a model heading does ("## Audit Log") or as "<Name> [Minimum] Schema". */
function schemaHeadingEntity(heading: Unit, entities: Entity[]): Entity | undefined {
  const text = heading.text.replace(/^#+\s*/, '').replace(/^\d+(?:\.\d+)*\.?\s*/, '').trim();
  // Only a heading that says it names a model: "… Schema", "Entity: …", a code span, or one right under "Data Model";
  // "## Validation" over "- Required fields: `email`, `password`" names none.
  const underModels = heading.headings.length > 1 && ENTITIES_HEADING.test(heading.headings[heading.headings.length - 2]);
  if (!SHAPE_AFTER_NAME.test(text) && !HEADING_LABEL.test(text) && !heading.codes.length && !underModels) return undefined;
  const owner = text.replace(SHAPE_AFTER_NAME, '').trim();
  const name = NOT_A_SCHEMA_OWNER.test(owner) || isMessageFields(text) ? undefined : modelName(owner, heading.codes);
  return name ? upsert(entities, name, 'new-table', heading.line) : undefined;
}

/** A paragraph that is only a bold name, perhaps with a note in parentheses: `**Task** (extends existing Task entity):`. */
export function isModelLabel(unit: Unit): boolean {
  if (unit.kind !== 'paragraph' || !unit.lead) return false;
  const after = unit.text.slice(unit.text.indexOf(unit.lead) + unit.lead.length);
  return /^\**\s*(?:[（(][^)）]*[)）])?\s*[:：]?\s*$/.test(after) && Boolean(modelName(unit.lead.replace(/[:：]$/, '').trim(), unit.codes));
}

/** The model a bold label names, for the field table below it. */
export function entityFromLabel(unit: Unit, entities: Entity[]): Entity | undefined {
  if (!unit.lead) return undefined;
  const name = modelName(unit.lead.replace(/[:：]$/, '').trim(), unit.codes);
  if (!name) return undefined;
  const existing = /\bexisting\b|\bextends?\b|既有|現有|已存在|既存/i.test(unit.text);
  return upsert(entities, name, existing ? 'alter-table' : 'new-table', unit.line);
}

/**
 * The model a heading or label names. A label before it ("Entity: Event", "ContentTags 表") or a code span says it is
 * a model whatever its word; `amongModels` (it stands where models are listed) lets only a MODEL_NOUN through.
 */
function modelName(text: string, codes: Unit['codes'], amongModels = false): string | undefined {
  let name = codes.find((span) => /^[A-Za-z_][\w.]*$/.test(span.value))?.value;
  const coded = Boolean(name);
  let labelled = coded;
  if (!name) {
    const numbered = text.replace(/^\d+(?:\.\d+)*\.?\s*/, '').replace(/`/g, '');
    // "Entity Definition: Transaction (Extended)", "Tabla: carts": the name follows the label.
    const parts = numbered.split(/[:：]/);
    const last = parts.pop()!;
    // "Entity: Event", "New Model: Project": a label, then a colon, then the name.
    if (parts.length && !parts.join(':').trim().replace(/\s+definition$/i, '').replace(HEADING_LABEL, '')) labelled = true;
    const bare = last.replace(HEADING_LABEL, '').trim();
    const written = bare.replace(/[（(][^）)]*[）)]/g, ' ').replace(/\s[-–—]\s.*$/, '').trim();
    // "Data Model" heads the models; it is none of them.
    if (ENTITIES_HEADING.test(written)) return undefined;
    // "ContentTags 表（新增）", "JobOffer Entity": the table word after the name says it is a model.
    if (TABLE_WORD_AFTER.test(written) && written.replace(TABLE_WORD_AFTER, '')) labelled = true;
    const outside = written.replace(TABLE_WORD_AFTER, '').trim();
    // A translation in parentheses names it only when the heading itself is not in Latin letters ("ユーザー（User）"),
    // or is a word of the document's language with letters code does not use ("Usuário (User)").
    const inside = /[A-Za-z]/.test(outside) ? codeNameBeside(outside, bare) : /[（(]\s*([A-Za-z_][\w ]*?)\s*[）)]/.exec(bare)?.[1];
    name = /^[A-Za-z_][\w]*(?: [A-Za-z_]\w*){0,2}$/.test(outside) ? outside : inside;
  }
  if (!name || !/^[A-Za-z_][\w.]*(?: [A-Za-z_]\w*){0,2}$/.test(name)) return undefined;
  // "Data Model", "Key Entities": the heading over the models, never one of them; "Atributos", "Campos de Entrada": parts of one.
  if ((!coded && ENTITIES_HEADING.test(name)) || ATTRIBUTE_LABEL_ONLY.test(name) || isMessageFields(name)) return undefined;
  return labelled || !NOT_A_MODEL.test(name) || (amongModels && MODEL_NOUN.test(name)) ? name : undefined;
}

/** "Usuário (User)": one PascalCase word in parentheses beside a name with accented letters is the name code uses. */
function codeNameBeside(outside: string, whole: string): string | undefined {
  if (!/[^\x00-\x7F]/.test(outside)) return undefined;
  return /[（(]\s*([A-Z][A-Za-z0-9]*)\s*[）)]/.exec(whole)?.[1];
}

/** A heading or label over a request's or response's fields ("Request fields", "2. Campos de Entrada"). */
function isMessageFields(text: string): boolean {
  return MESSAGE_FIELDS_HEADING.test(text.replace(/^\d+(?:\.\d+)*[.)]?\s*/, '').replace(/[*`]/g, '').replace(/[（(][^）)]*[）)]/g, ' ').replace(/[:：]\s*$/, '').trim());
}

/**
 * Names a heading uses for request shapes and topics ("Domain Events", "Create Request") that a
 * Key Entities item uses for what it stores: "**Event**", "**Audit Event**", "**Refund Request**".
 */
const KEY_ENTITY_NOUN = /^(?:[A-Z][A-Za-z0-9]*[ -]){0,2}(?:Event|Request|Response)$/;

/** "- Customer: `defaultMessagingLanguage` (ISO code), `optIn`": a model's name unmarked, then only code-named fields. */
const PLAIN_NAME_BEFORE_FIELDS = /^([A-Z][A-Za-z0-9]*(?: [A-Z][A-Za-z0-9]*){0,2})\s*[:：]\s*(?=`[A-Za-z_]\w*`\s*(?:[(（][^)）]*[)）])?\s*(?:[,，、]\s*`[A-Za-z_]\w*`\s*(?:[(（][^)）]*[)）])?\s*)*[.。]?\s*$)/;

/** A "Key Entities" item: `**Bookmark**: … attributes: url, title`, `**Cookbook (레시피북)**`, or `` `bookmarks` — … ``. */
export function keyEntity(unit: Unit, entities: Entity[]): EntityMention | undefined {
  const leadingCode = unit.codes[0] && !unit.text.slice(0, unit.codes[0].start).trim() ? unit.codes[0] : undefined;
  const written = unit.lead?.replace(/[:：]$/, '').trim() || leadingCode?.value || PLAIN_NAME_BEFORE_FIELDS.exec(unit.text)?.[1];
  // "Institución Educativa": a table name is written without accents (`InstitucionEducativa`); "Usuário (User)" names
  // the model as code does in parentheses.
  const alias = written ? codeNameBeside(written.replace(/[（(][^）)]*[）)]/g, ''), written) : undefined;
  const plain = alias ?? written?.normalize('NFD').replace(/\p{M}/gu, '');
  // A Key Entities item is a model by where it stands: "**Event**: A scheduled activity …".
  const name = plain ? modelName(plain, [], true) ?? (KEY_ENTITY_NOUN.test(plain) ? plain : undefined) : undefined;
  if (!written || !name || name.split(' ').length > 3) return undefined;
  const existing = /\bexisting\b|\balready\b|\bextends?\b|既有|現有|已存在|既存/i.test(proseOf(unit.text));
  const start = leadingCode ? leadingCode.end : unit.text.indexOf(written) + written.length;
  // "**Bookmark**: …" defines an entity; "**User** has many **Accounts**" only relates two.
  if (!/[:：]$/.test(unit.lead ?? '') && !/^\**\s*(?:[（(][^）)]*[）)]\s*)?[:：—–-]/.test(unit.text.slice(start))) return undefined;
  // "**Home Page**: …" is a part of the interface; "**Access Token**: … Not persisted" is never stored.
  const words = name.split(' ');
  if (words.length > 1 && UI_NOUN.test(words[words.length - 1])) return undefined;
  const description = proseOf(unit.text.slice(start)).replace(/^[\s*]*(?:[（(][^）)]*[）)]\s*)?[:：—–-]\s*/, '').replace(/\s+/g, ' ');
  if (NOT_STORED_ENTITY.test(description)) return undefined;
  const columns = columnsIn(unit, start, unit.text.length);
  if (!columns.length) columns.push(...attributeList(unit, start, true));
  if (!columns.length) columns.push(...parenthesisedAttributes(unit, start));
  // "`id`、`title`（タイトル）、作成日時、更新日時": code names and vocabulary words in one list; each names a column.
  columns.push(...translatedAttributes(unit, start).filter((word) => !columns.some((seen) => sameColumn(seen.name, word.name))));
  if (!columns.length) columns.push(...joinedKeys(unit, start, written, description, entities));
  columns.unshift(...ownerKeys(unit, start, columns));
  // An existing entity the sprint does not change is context, not a data-model change.
  if (existing && !columns.length) return { entity: { table: name, change: 'alter-table', columns: [], line: unit.line }, unit, at: start, context: true };
  const subtype = subtypeOf(unit, start, name, columns, entities);
  if (subtype) return subtype;
  const entity = upsert(entities, name, existing ? 'alter-table' : 'new-table', unit.line);
  addColumns(entity, columns);
  childTables(unit, start, entity, entities);
  return { entity, unit, at: start };
}

/**
 * "**Refund**: A transaction with type `REFUND` …", "**Hold**: is a booking whose status is `HOLD`":
 * one word for an existing noun, then its type (or kind) and a value written as code, quoted or in capitals.
 */
const SUBTYPE = /^\**\s*[:：—–-]\s*(?:(?:[Ii]t\s+)?is\s+)?(?:[Aa]n?)\s+([A-Za-z][a-z]+)\s+(?:with|whose|where)\s+(?:(?:a|its|the)\s+)?([Tt]ype|[Kk]ind)\s*(?:=|:|is|of|equal\s+to|set\s+to)?\s*(?:`([A-Za-z][\w-]*)`|"([A-Za-z][\w-]*)"|([A-Z][A-Z0-9_]+)\b)/;
/** "a link to exactly one original expense transaction": the first word before the noun names the key's role. */
const linkTo = (noun: string): RegExp =>
  new RegExp(`\\b(?:links?|linked|references?|referencing|refers|points?|pointing|belongs?)\\s+(?:back\\s+)?(?:to|with)\\s+(?:(?:a|an|the|its|their|one|exactly\\s+one|a\\s+single|single)\\s+)*([a-z]+)\\s+(?:[a-z]+\\s+)?${noun}s?\\b`, 'gi');
const NOT_A_ROLE = /^(?:another|other|same|existing|given|specific|particular|corresponding|related|single|one|exactly|an?|the|its|their)$/i;

/**
 * A kind of rows kept in an existing table, told apart by its type: the rows live in
 * that table, so the sprint changes it (alter) instead of adding a table of the kind's
 * name. The stated attributes are that table's columns (already there: the sprint does
 * not add them); a link to another row of the table is a new self-referencing key
 * named by its role (`original_transaction_id`). Undefined when the item is not such a kind.
 */
function subtypeOf(unit: Unit, start: number, name: string, columns: Column[], entities: Entity[]): EntityMention | undefined {
  const rest = unit.text.slice(start);
  const match = SUBTYPE.exec(rest);
  if (!match) return undefined;
  const noun = singular(match[1].toLowerCase());
  // "**Transaction**: A transaction with type …" defines the table itself.
  if (entityKey(noun) === entityKey(name) || noun.length < 3) return undefined;
  const column = match[2].toLowerCase();
  const value = match[3] ?? match[4] ?? match[5];
  const line = lineAt(unit, start + match.index);
  const known = entityByKey(entities, noun);
  const parent = upsert(entities, pascalCase(noun), 'alter-table', line);
  if (!known) namedInProse.add(parent);
  const camel = [...parent.columns, ...columns].some((candidate) => /[a-z][A-Z]/.test(candidate.name));
  const after = start + match.index + match[0].length;
  let keyName: string | undefined;
  for (const link of unit.text.slice(after).matchAll(linkTo(noun))) {
    if (NOT_A_ROLE.test(link[1])) continue;
    const role = link[1].toLowerCase();
    const key = camel ? `${camelCase(role)}${pascalCase(noun)}Id` : `${snakeCase(role)}_${snakeCase(noun)}_id`;
    // Only rows of this kind have it: nullable.
    addColumns(parent, [{ name: key, references: parent.table, nullable: true, line: lineAt(unit, after + link.index) }]);
    keyName = key;
    break;
  }
  const stated: Column[] = [{ name: column, line }, ...columns];
  // Attributes the table is already known to have in this sprint keep what was said of them.
  addColumns(parent, stated.filter((candidate) => !parent.columns.some((known) => sameColumn(known.name, candidate.name))).map((candidate) => ({ ...candidate, existing: true })));
  (parent.subtypes ??= []).push({ name: pascalCase(name), column, value, line, ...(keyName ? { key: keyName } : {}) });
  return { entity: parent, unit, at: start, subtype: true };
}

/** "**UserRole (Join)**", "(junction table)": the item names a table that joins two others. */
const JOIN_MARK = /[（(]\s*(?:join|junction|pivot|link|linking|association)(?:\s+(?:table|entity))?\s*[)）]/i;
/** "the many-to-many relationship between User and Role". */
const RELATIONSHIP_BETWEEN = /\brelationship\s+between\s+(?:an?\s+|the\s+)?`?([A-Za-z]\w*)`?\s+and\s+(?:an?\s+|the\s+)?`?([A-Za-z]\w*)`?/i;

/**
 * A row that joins two entities holds a key to each: "Links a user ID to a role ID" names them;
 * so does "the relationship between User and Role" in an item marked as a join. Never a new entity.
 */
function joinedKeys(unit: Unit, from: number, written: string, prose: string, entities: readonly Entity[]): Column[] {
  const sides = JOIN_PHRASES.map((phrase) => phrase.exec(prose)).find(Boolean) ?? (JOIN_MARK.test(written) || /\b(?:join|junction|pivot)\b|many[\s-]+to[\s-]+many/i.test(prose) ? RELATIONSHIP_BETWEEN.exec(prose) : null);
  if (!sides) return [];
  const camel = writesCamelColumns(entities);
  const line = lineAt(unit, from);
  return [sides[1], sides[2]].map((side) => {
    const noun = singular(side.normalize('NFD').replace(/\p{M}/gu, '').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase());
    return { name: camel ? `${camelCase(noun)}Id` : `${snakeCase(noun)}_id`, nullable: false, line };
  });
}

const BELONGS_TO = /\bbelongs?\s+to\s+(?:(?:a|an|the|one|exactly\s+one|its|their)\s+)?([A-Za-z][a-z]+)\b/gi;

/** "Belongs to a child": the row holds its owner's key (`child_id`, or `childId` beside camelCase columns). */
function ownerKeys(unit: Unit, from: number, columns: readonly Column[]): Column[] {
  const camel = columns.some((column) => /[a-z][A-Z]/.test(column.name));
  const keys: Column[] = [];
  for (const match of proseOf(unit.text.slice(from)).matchAll(BELONGS_TO)) {
    const owner = singular(match[1].toLowerCase());
    const name = camel ? `${camelCase(owner)}Id` : `${snakeCase(owner)}_id`;
    if (!columns.some((column) => sameColumn(column.name, name)) && !keys.some((key) => key.name === name)) keys.push({ name, nullable: false, line: lineAt(unit, from + match.index) });
  }
  return keys;
}

/**
 * "reference to parent schedule", once every entity is read: a key to the one entity the words
 * name (its whole name, or its last word: "schedule" → `ReorderSchedule`, `reorder_schedule_id`).
 * No such entity, or several: the column is left out and the document is asked.
 */
export function settleProseReferences(entities: readonly Entity[]): ScopeNote[] {
  const questions: ScopeNote[] = [];
  const camel = writesCamelColumns(entities);
  for (const entity of entities) {
    entity.columns = entity.columns.filter((column) => {
      const reference = proseReferences.get(column);
      if (!reference) return true;
      proseReferences.delete(column);
      const whole = entityKey(reference.words.join(''));
      const noun = reference.words[reference.words.length - 1];
      const named = entities.filter((candidate) => candidate !== entity && entityKey(candidate.table) === whole);
      const byLastWord = entities.filter((candidate) => candidate !== entity && entityKey(candidate.table.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[\s_]+/).pop() ?? '') === entityKey(noun));
      const target = named.length === 1 ? named[0] : !named.length && byLastWord.length === 1 ? byLastWord[0] : undefined;
      if (!target) {
        questions.push({ text: `${entity.table}: "${reference.written}" — which table does it point at, and what is the key column called?`, line: column.line });
        return false;
      }
      const key = singular(target.table.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase());
      column.name = camel ? `${camelCase(key)}Id` : `${snakeCase(key)}_id`;
      column.references = target.table;
      // The word the line writes for the entity, also in the entity's own name (provenance).
      column.term = noun;
      return !entity.columns.some((other) => other !== column && other.name === column.name);
    });
  }
  return questions;
}

/**
 * `goal_id` beside a stated `savings_goals` table: a key named after one entity
 * of the sprint (its whole name or its last word) references that entity.
 * Several candidates, or none, leave the column unlinked (the type question covers it).
 */
export function linkReferences(entities: readonly Entity[]): void {
  const byKey = new Map<string, Entity[]>();
  const add = (key: string, entity: Entity): void => {
    const list = byKey.get(key) ?? [];
    if (!list.includes(entity)) list.push(entity);
    byKey.set(key, list);
  };
  for (const entity of entities) {
    add(entityKey(entity.table), entity);
    const words = entity.table.replace(/([a-z0-9])([A-Z])/g, '$1_$2').split(/[_\s]+/).filter(Boolean);
    if (words.length > 1) add(entityKey(words[words.length - 1]), entity);
  }
  const tables = new Set(entities.map((entity) => entity.table));
  for (const entity of entities) {
    for (const column of entity.columns) {
      // "foreign key reference to parent invoice": the word names the sprint's `Invoice`, itself included.
      // Only a lower-case word: a name as written (`Book`) may be a model of the repository's.
      if (column.references && /^[a-z]+$/.test(column.references) && !tables.has(column.references)) {
        const named = entities.filter((candidate) => !candidate.joins && entityKey(candidate.table) === entityKey(column.references!));
        if (named.length === 1) column.references = named[0].table;
      }
      if (column.references || (column.type && !/^(?:uuid|bigint|int|integer|int8|bigserial|serial)$/i.test(column.type))) continue;
      // `goal_id` or `goalId`: the entity name before the key suffix.
      const owner = /^(.+)_id$/.exec(column.name)?.[1] ?? /^(.*[a-z0-9])Id$/.exec(column.name)?.[1];
      if (!owner) continue;
      const candidates = (byKey.get(entityKey(owner)) ?? []).filter((candidate) => candidate !== entity);
      if (candidates.length === 1) column.references = candidates[0].table;
    }
  }
}

const NESTED_LIST = /^([A-Za-z_]\w*)\s*:\s*\[\s*\{([^{}[\]]*)\}\s*\]$/;

/**
 * "`items: [{ productId, qtyReceived }]`": a list of records inside an entity is
 * a child table in a relational schema — one row per item, keyed to its parent.
 * Its name joins the parent's and the field's (`GoodsReceipt` + `items` →
 * `GoodsReceiptItem`), in the parent's own casing.
 */
function childTables(unit: Unit, from: number, parent: Entity, entities: Entity[]): void {
  for (const code of unit.codes) {
    if (code.start < from) continue;
    const nested = NESTED_LIST.exec(code.value.trim());
    if (!nested) continue;
    const names = nested[2].split(',').map((name) => name.trim().replace(/\?$/, '')).filter((name) => /^[A-Za-z_]\w*$/.test(name));
    if (!names.length) continue;
    const line = lineAt(unit, code.start);
    const snake = /_|^[a-z0-9]+$/.test(parent.table);
    const parentSingular = singular(parent.table);
    const table = snake ? `${snakeCase(parentSingular)}_${snakeCase(nested[1])}` : pascalCase(parentSingular) + pascalCase(singular(nested[1]));
    const child = upsert(entities, table, parent.change === 'alter-table' ? 'new-table' : parent.change, line);
    const camel = names.some((name) => /[a-z][A-Z]/.test(name));
    const key = camel ? `${camelCase(parentSingular)}Id` : `${snakeCase(parentSingular)}_id`;
    // Each row needs its own key, named as the parent's is.
    const parentKey = parent.columns.find((column) => /^id$/i.test(column.name));
    if (parentKey) addColumns(child, [{ name: parentKey.name, line }]);
    addColumns(child, [{ name: key, references: parent.table, nullable: false, line }]);
    addColumns(child, names.map((name) => toColumn(name, {}, line)));
  }
}

/**
 * "Attributes: name, target amount, emoji icon (optional), status (active/completed)":
 * each item becomes a column (words joined in snake_case, as written otherwise);
 * what the parentheses say becomes its attributes. Computed values are not columns.
 */
export function attributeList(unit: Unit, from: number, bare = false): Column[] {
  const prose = unit.text.slice(from);
  const label =
    // "Attributes: …", and "Contains: …" (a listing word made a label by its colon).
    new RegExp(`(?:^|[\\s.;:：(（—–-])(?:${ATTRIBUTE_LABEL.source}|${LISTING_WORD.source})\\s*[:：]\\s*`, 'i').exec(prose) ??
    // "**Invitation**: id, workspace, email, role": a list right after the name is the attribute list.
    (bare && /^\s*[:：]\s*(?:[\w`][\w` ]{0,30}(?:\([^)]*\))?\s*[,，、]\s*){2,}/.test(prose) ? /^\s*[:：]\s*/.exec(prose) : null) ??
    // "… user account with email, hashed password, creation date", "Has a title, optional description, tags".
    (bare ? LIST_INTRO.exec(prose) : null);
  if (!label) return [];
  let listStart = from + label.index + label[0].length;
  // "**Tasks**: Core entity with user_id, title": the list starts after the intro in its first item.
  const firstItem = /^[^,，、;.。]*/.exec(unit.text.slice(listStart))![0];
  // A label that is itself a listing word ("Contains items snapshot with current prices, …") starts the list:
  // a "with" inside its first item belongs to that item.
  const intro = new RegExp(`(?:^|\\s)(?:${LISTING_WORD.source})\\s+`, 'i').exec(firstItem);
  if (intro && !new RegExp(`(?:${LISTING_WORD.source})\\s*[:：]?\\s*$`, 'i').test(label[0])) listStart += intro.index + intro[0].length;
  const rest = unit.text.slice(listStart);
  const stop = /[.。](?:\s|$)|\n\s*\n/.exec(rest);
  const list = rest.slice(0, stop ? stop.index : rest.length);
  const columns: Column[] = [];
  let offset = 0;
  // "with its settings, including URL, enabled status, …": the items after "including" are the list; "its settings" sums them up.
  const items = splitTopLevel(list, /[,，、;]/, '(（[{');
  const including = items.findIndex((item) => /^\s*including\s/i.test(item));
  if (including > 0) offset = list.indexOf(items[including]);
  for (const raw of including > 0 ? items.slice(including) : items) {
    const at = list.indexOf(raw, offset);
    offset = at >= 0 ? at + raw.length : offset;
    const paren = firstParenthesis(raw);
    const written = withoutParentheses(raw).replace(/`/g, '').replace(/\s+/g, ' ').replace(/^\s*(?:and|or|y|e|và|및|和|及)\s+/i, '').trim();
    // A capitalised word ("Status", "CRC") names a column in lower case.
    const words = /^(?:[A-Z][a-z]+|[A-Z]{2,5})$/.test(written) ? written.toLowerCase() : written;
    if (!words || /^(?:etc\.?|…|\.\.\.)$/i.test(words) || /\bcomputed\b|\bderived\b|計算|계산|calculad/i.test(paren?.inner ?? '')) continue;
    // "tales como `PRESIDENTE`": a value in capitals, not an attribute.
    if (/`[A-Z][A-Z0-9_]+`/.test(raw)) continue;
    // "pickup/return dates", "first/last name": two attributes sharing the noun after them.
    const shared = /^([A-Za-z]\w*)\s*\/\s*([A-Za-z]\w*)\s+((?:[A-Za-z_]\w*\s+){0,2}[A-Za-z_]\w*)$/.exec(words);
    // "city/town", "postcode/zipcode": one attribute under two spellings; the first one names it.
    const spellings = /^([A-Za-z]\w*)\s*\/\s*[A-Za-z]\w*$/.exec(words);
    const nouns = shared ? [shared[1], shared[2]].map((word) => `${word} ${shared[3].replace(/[A-Za-z_]\w*$/, (noun) => singular(noun))}`) : spellings ? [spellings[1]] : [words];
    if (!nouns.every((noun) => /^[A-Za-z_][\w]*(?:[ -][A-Za-z_]\w*){0,4}$/.test(noun))) continue;
    const each = nouns.map((noun) => proseColumnNames(noun, paren?.inner));
    if (each.some((named) => !named)) continue;
    const named = { ...each[0]!, names: each.flatMap((item) => item!.names) };
    // An item broken over lines ("optional\n  venue") is cited at the line of its last words, where its noun is.
    const lastBreak = raw.slice(0, paren ? paren.index : raw.length).trimEnd().lastIndexOf('\n');
    const line = lineAt(unit, listStart + Math.max(0, at) + lastBreak + 1);
    if (named.refersTo) {
      // "reference to parent schedule": a key to the entity the words name, settled once all are read.
      const column: Column = { name: named.names[0], line };
      proseReferences.set(column, { words: named.refersTo, written: words });
      columns.push(column);
      continue;
    }
    const attrs = paren && !named.fromParen ? parseAttributes(paren.inner.includes('/') && !/\s/.test(paren.inner.trim()) ? paren.inner.split('/').map((value) => `\`${value.trim()}\``).join(', ') : paren.inner) : {};
    if (paren && !named.fromParen && /^\s*[\w-]+(?:\s*\/\s*[\w-]+)+\s*$/.test(paren.inner)) attrs.enum = paren.inner.split('/').map((value) => value.trim());
    if ((paren && /\boptional\b|opcional|선택|任意|可选|可選/i.test(paren.inner)) || named.optional) attrs.nullable = true;
    if (named.unique) attrs.unique = true;
    for (const name of named.names) columns.push(toColumn(name, attrs, line));
  }
  // "with token and expiry" is a phrase, not a list: an introduced list has at least three items.
  return label[0].trim() && LIST_INTRO.test(label[0]) && columns.length < 3 ? [] : columns;
}

/** Words that open an attribute list in an entity's description. */
const LISTING_WORD = /with|has(?:\s+an?)?|having|contains|includes|including/;
const LIST_INTRO = new RegExp(`(?:^|[\\s.;:])(?:${LISTING_WORD.source})\\s+(?=(?:[^,.。]{1,40},){2})`, 'i');

/**
 * Where an item's first parenthesis opens, and what it holds, nested ones kept inside it
 * ("(TIMESTAMP NULL, set per FR-046(a), …)"); an unclosed one runs to the end of the item.
 */
function firstParenthesis(raw: string): { index: number; inner: string } | undefined {
  const open = raw.search(/[（(]/);
  if (open < 0) return undefined;
  let depth = 0;
  for (let index = open; index < raw.length; index++) {
    if (raw[index] === '(' || raw[index] === '（') depth++;
    else if ((raw[index] === ')' || raw[index] === '）') && --depth === 0) return { index: open, inner: raw.slice(open + 1, index) };
  }
  return { index: open, inner: raw.slice(open + 1) };
}

/** An item's words without what it says in parentheses, nested ones included. */
function withoutParentheses(raw: string): string {
  let text = raw;
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(/[（(][^（()）]*[）)]/g, ' ');
  }
  // An unclosed parenthesis runs to the end of the item.
  return text.replace(/[（(].*$/s, ' ');
}

/** "reference to parent schedule": columns whose key names an entity the sprint may define further down. */
const proseReferences = new WeakMap<Column, { words: string[]; written: string }>();

/** Words before an attribute's name that describe it rather than name it. */
const QUALIFIERS = /^(?:(optional|nullable)|(unique)|required|mandatory|immutable|single|multiple|auto-?set|auto-?generated|associated|its|the|an?|any|all|each|including)\s+/i;

/**
 * An attribute written in prose, as the column names a schema would use:
 * "unique identifier" → `id`, "user reference" → `user_id`, "creation date"
 * → `created_at`, "last login timestamp" → `last_login_at`, "timestamps
 * (created, updated)" → `created_at`, `updated_at`; other words joined in
 * snake_case. Names written as code stay as written.
 */
export function proseColumnNames(written: string, paren?: string): { names: string[]; optional?: boolean; unique?: boolean; fromParen?: boolean; refersTo?: string[] } | undefined {
  let words = written.trim();
  let optional = false;
  let unique = false;
  // "associated webhook": a key to the row it belongs to; "associated triggers": rows that key to this one, no column.
  const associated = /^(?:the\s+|its\s+)?associated\s+([a-z]+(?:\s+[a-z]+){0,2})$/i.exec(words);
  if (associated && !paren) return isPlural(associated[1].split(/\s+/).pop()!) ? undefined : { names: [`${associated[1].split(/\s+/).join('_')}_id`], refersTo: associated[1].toLowerCase().split(/\s+/) };
  for (let match = QUALIFIERS.exec(words); match; match = QUALIFIERS.exec(words)) {
    if (match[1]) optional = true;
    if (match[2]) unique = true;
    words = words.slice(match[0].length);
  }
  // "URL", "Status": a capitalised word is a column in lower case.
  if (/^(?:[A-Z][a-z]+|[A-Z]{2,5})$/.test(words)) words = words.toLowerCase();
  // "gateway assignment (gateway_id foreign key)": the code name in parentheses is the column's name.
  const coded = paren !== undefined ? PAREN_CODE_NAME.exec(paren) : null;
  if (coded) return { names: [coded[1]], optional, unique, fromParen: true };
  if (!/\s|-/.test(words)) {
    if (/^(?:identifier|id)$/i.test(words)) return { names: ['id'], optional, unique };
    if (/^timestamps$/i.test(words)) {
      const parts = (paren ?? 'created, updated').split(/\s*[,/、]\s*|\s+and\s+/).map((part) => part.trim().toLowerCase()).filter(Boolean);
      const names = parts.map((part) => EVENT_COLUMNS[part]).filter((name): name is string => Boolean(name));
      return names.length === parts.length ? { names, fromParen: Boolean(paren) } : undefined;
    }
    // "amounts (subtotal, tax, service fee, total)": a plural names a group; the words in parentheses its columns.
    const members = paren !== undefined && isPlural(words) ? groupMembers(paren) : undefined;
    if (members) return { names: members, optional, fromParen: true };
    return { names: [words], optional, unique };
  }
  // "expires_at timestamp", "original_invoice_id field": a name written as code, then what kind of thing it is.
  const kind = CODE_NAME_THEN_KIND.exec(words);
  if (kind) return { names: [kind[1]], optional, unique };
  // "items snapshot with current prices", "transaction reference when paid": the noun phrase before
  // "with" or "when" names it; the rest describes it.
  words = words.replace(/\s+(?:with|containing|including|when|once|if|until)\s+.*$/i, '');
  // "the user who owns it", "owning user": a key to the owner.
  const owner = OWNER_PHRASE.exec(words);
  if (owner) return { names: [`${snakeCase(owner[1] ?? owner[2])}_id`], optional, unique };
  // "reference to parent schedule": a key to an entity the words name, or a question when none does.
  const target = REFERENCE_TO.exec(words);
  if (target) {
    const named = target[1].toLowerCase().split(/\s+/).filter((word) => !REFERENCE_ADJECTIVE.test(word));
    if (named.length) return { names: [`${named.join('_')}_id`], optional, unique, refersTo: named };
  }
  const lower = words.toLowerCase().split(/[\s-]+/);
  // "unique token value": "value" says nothing the name does not; nor does "address" after "email".
  if (lower.length > 1 && /^(?:value|field|attribute)$/.test(lower[lower.length - 1])) lower.pop();
  if (lower.join(' ') === 'email address') lower.pop();
  const last = lower[lower.length - 1];
  const head = lower.slice(0, -1);
  let names: string[];
  if (lower.length === 1) names = [lower[0]];
  else if (lower.join(' ') === 'unique identifier') names = ['id'];
  else if (/^(?:reference|ref|id|identifier|association)$/.test(last)) names = [last === 'association' ? head.join('_') : `${head.join('_')}_id`];
  else if (lower.length === 2 && lower[0] === 'hashed') names = [`${lower[1]}_hash`];
  else if (/^(?:date|time|timestamp|datetime)$/.test(last) && head.length === 1 && EVENT_COLUMNS[head[0]]) names = [EVENT_COLUMNS[head[0]]];
  else if (last === 'timestamp') names = [`${head.join('_')}_at`];
  else names = [lower.join('_')];
  return { names, optional, unique };
}

/** "(gateway_id foreign key)", "(`owner_id`)": one name written as code, perhaps with what kind of column it is. */
const PAREN_CODE_NAME = /^\s*`?([a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+)`?\s*(?:(?:foreign\s+key|fk|column|field|key|reference|ref)\s*)?$/;
const CODE_NAME_THEN_KIND = /^([a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+)\s+(?:timestamp|datetime|date|time|field|column|attribute|flag|value|key)$/;
/** "the user who owns it", "user that created it", "owning user". */
const OWNER_PHRASE = /^(?:the\s+|an?\s+)?([a-z]+)\s+(?:who|that|which)\s+(?:owns|created|placed|submitted|wrote|made)\s+(?:it|them|this)$|^owning\s+([a-z]+)$/i;
const REFERENCE_TO = /^(?:an?\s+|the\s+)?(?:reference|ref|link|pointer|foreign\s+key)\s+to\s+((?:[a-z]+\s+){0,3}[a-z]+)$/i;
/** Words before the referenced entity's name that say how it relates, not which it is. */
const REFERENCE_ADJECTIVE = /^(?:the|an?|its|their|parent|saved|associated|related|owning|linked|corresponding|current)$/;

/** "subtotal, tax, service fee, total": the members of a group, as columns; undefined for values or anything else. */
function groupMembers(paren: string): string[] | undefined {
  if (/\b(?:e\.g\.|i\.e\.|such as|like|for example|etc)\b/i.test(paren)) return undefined;
  const items = paren.split(/\s*[,、]\s*|\s+and\s+/).map((item) => item.replace(/^and\s+/i, '').trim()).filter(Boolean);
  if (items.length < 2 || !items.every((item) => /^[a-z][a-z]*(?: [a-z]+){0,2}$/.test(item))) return undefined;
  return items.map((item) => item.split(' ').join('_'));
}

/** Event words as the timestamp column that records them. */
const EVENT_COLUMNS: Record<string, string> = {
  created: 'created_at',
  creation: 'created_at',
  updated: 'updated_at',
  update: 'updated_at',
  modified: 'updated_at',
  deleted: 'deleted_at',
  deletion: 'deleted_at',
  expiration: 'expires_at',
  expiry: 'expires_at',
  expires: 'expires_at',
  issued: 'issued_at',
  completed: 'completed_at',
  completion: 'completed_at',
};

/**
 * Columns from a list item nested under an entity statement: `- \`status\` (text, not null)`,
 * `- Attributes: name, email`, or an attribute name written bare before what is said of it:
 * `- body: 文字列、必須、最大 500 文字`, `- title (string, required, max 200 chars)`.
 */
export function nestedColumns(unit: Unit): Column[] {
  // "- user_id UUID, FK users.id ON DELETE CASCADE": a column as DDL writes it, in a list under its table.
  // Its first line only: a paragraph written right after the list continues the last item.
  const definition = unit.text.trim().split('\n')[0];
  const ddl = unit.codes.some((code) => code.start < definition.length) ? null : /^([a-z_][a-z0-9_]*)\s+(\S.*)$/.exec(definition);
  // "- partnership_id → PartnershipsTable": a key, and the table it points at.
  const arrow = ddl && /^(?:→|->)\s*`?([A-Za-z_][\w.]*)`?\s*$/.exec(ddl[2]);
  if (arrow) return [{ name: ddl![1], references: arrow[1], line: unit.line }];
  if (ddl && SQL_TYPE_WORD.test(ddl[2])) {
    const column = sqlColumn(definition.replace(/,\s*/g, ' '), unit.line);
    const references = parseAttributes(ddl[2]).references;
    if (!column.references && references) column.references = references;
    return [column];
  }
  const first = unit.codes[0];
  if (first && !unit.text.slice(0, first.start).trim()) return columnsIn(unit, 0, unit.text.length, true);
  const listed = attributeList(unit, 0);
  if (listed.length) return listed;
  const bare = BARE_ATTRIBUTE.exec(unit.text);
  if (!bare || ATTRIBUTE_LABEL_ONLY.test(bare[1])) return [];
  const said = bare[2].trim();
  // "(string, required)": the parentheses hold the attributes; otherwise the whole rest does.
  const paren = /^[（(]([^）)]*)[）)]/.exec(said);
  return [toColumn(bare[1], parseAttributes(paren ? paren[1] : said), unit.line)];
}

/** `name: …`, `name — …`, `name (…)`: an attribute name in code style, then what the item says of it. */
const BARE_ATTRIBUTE = /^([a-z_][A-Za-z0-9_]*)\s*(?:[:：]\s*|\s[—–-]\s+|(?=[（(]))(\S[\s\S]*)$/;
const ATTRIBUTE_LABEL_ONLY = new RegExp(`^(?:${ATTRIBUTE_LABEL.source})$`, 'i');

/** CREATE TABLE / ALTER TABLE … ADD COLUMN in a SQL fence. */
export function entitiesFromSql(raw: string, line: number, entities: Entity[]): void {
  // Comments are blanked, not removed, so every offset and line stays where it was.
  const value = raw.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  const lineOf = (index: number): number => line + 1 + (value.slice(0, index).match(/\n/g)?.length ?? 0);
  for (const match of value.matchAll(/create\s+table\s+(?:if\s+not\s+exists\s+)?["`]?([\w.]+)["`]?\s*\(/gi)) {
    // The column list runs to the matching parenthesis (a `;` after it is optional).
    const open = match.index + match[0].length - 1;
    const close = matchingParen(value, open);
    if (close < 0) continue;
    const entity = upsert(entities, match[1], 'new-table', lineOf(match.index));
    let offset = open + 1;
    for (const definition of splitTopLevel(value.slice(open + 1, close), /,/, '(')) {
      const at = value.indexOf(definition, offset);
      offset = at >= 0 ? at + definition.length : offset;
      if (/^(?:constraint|primary\s+key|unique|foreign\s+key|check|index|key)\b/i.test(definition)) {
        compositePrimaryKey(entity, definition);
        continue;
      }
      addColumns(entity, [sqlColumn(definition, at >= 0 ? lineOf(at) : entity.line)]);
    }
  }
  for (const match of value.matchAll(/alter\s+table\s+(?:if\s+exists\s+)?["`]?([\w.]+)["`]?\s+([\s\S]*?);/gi)) {
    const entity = upsert(entities, match[1], 'alter-table', lineOf(match.index));
    for (const add of match[2].matchAll(/add\s+(?:column\s+)?(?:if\s+not\s+exists\s+)?([^,]+(?:\([^)]*\)[^,]*)?)/gi)) {
      addColumns(entity, [sqlColumn(add[1], lineOf(match.index + match[0].indexOf(add[0])))]);
    }
  }
}

/** `PRIMARY KEY (product_id, tag_id)` over two foreign keys: a junction of the two tables, keyed by the pair. */
export function compositePrimaryKey(entity: Entity, definition: string): void {
  const listed = /^primary\s+key\s*\(([^)]*)\)/i.exec(definition.trim())?.[1].split(',').map((name) => name.trim().replace(/["`]/g, ''));
  if (listed?.length !== 2 || entity.joins) return;
  const tables = listed.map((name) => entity.columns.find((column) => column.name === name)?.references?.split(/[.(]/)[0]);
  if (tables[0] && tables[1] && tables[0] !== tables[1]) entity.joins = [tables[0], tables[1]];
}

/** Index of the `)` that closes the `(` at `open`, or -1. */
function matchingParen(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === '(') depth++;
    else if (text[index] === ')' && --depth === 0) return index;
    else if (text[index] === "'") index = text.indexOf("'", index + 1) < 0 ? text.length : text.indexOf("'", index + 1);
  }
  return -1;
}

function sqlColumn(definition: string, line: number): Column {
  const match = /^["`]?(\w+)["`]?\s+([\w]+(?:\s*\([^)]*\))?(?:\s+with(?:out)? time zone)?)?([\s\S]*)$/i.exec(definition.trim());
  const column: Column = { name: match?.[1] ?? definition.trim(), line };
  if (!match) return column;
  if (match[2]) column.type = match[2].replace(/\s+/g, ' ');
  const rest = match[3] ?? '';
  if (/\bnot\s+null\b/i.test(rest) || /\bprimary\s+key\b/i.test(rest)) column.nullable = false;
  else if (/\bnull\b/i.test(rest)) column.nullable = true;
  if (/\bunique\b/i.test(rest)) column.unique = true;
  const defaultValue = /\bdefault\s+('[^']*'|[\w.()-]+)/i.exec(rest);
  if (defaultValue) column.default = defaultValue[1].replace(/^'|'$/g, '');
  const references = /\breferences\s+["`]?(\w+)["`]?(?:\s*\(\s*(\w+)\s*\))?/i.exec(rest);
  if (references) column.references = references[2] ? `${references[1]}.${references[2]}` : references[1];
  const check = /\bin\s*\(([^)]*)\)/i.exec(rest);
  if (check) column.enum = [...check[1].matchAll(/'([^']*)'/g)].map((value) => value[1]);
  return column;
}

const QUALIFIER = /(?:about|around|roughly|approximately|approx\.?|over|more than|nearly|almost|~|大約有?|約有?|超過|將近)\s*$/i;
const ROW_NOUN = /^(?:rows?|records?|entries|entry|筆|列|條)$/i;

/** "`orders` holds about 2 million rows", "40 million users" → rowsHint on the matching entity. */
/** Entities by `singular(table).toLowerCase()`, first in array order: what a row count's noun ("1.2 million orders") names. */
export function entitiesByNoun(entities: readonly Entity[]): Map<string, Entity> {
  const nouns = new Map<string, Entity>();
  for (const entity of entities) {
    const noun = singular(entity.table).toLowerCase();
    if (!nouns.has(noun)) nouns.set(noun, entity);
  }
  return nouns;
}

const COLUMN_IDENTIFIER = /^`?(?:[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+)`?$/;

/**
 * "Soft delete for tasks (is_deleted, deleted_at, deleted_by)": a stated entity's noun
 * followed by a list of column identifiers adds those columns. Only identifiers
 * written as a schema writes them (snake_case with an underscore, or camelCase) count,
 * so "users (admins, editors)" adds nothing.
 */
export function columnsAfterNouns(unit: Unit, nouns: Map<string, Entity>): void {
  for (const match of unit.text.matchAll(/\b([A-Za-z][A-Za-z_]*)`?\s*[(（]([^()（）]*)[)）]/g)) {
    const entity = nouns.get(singular(match[1]).toLowerCase());
    if (!entity) continue;
    const items = match[2].split(/\s*[,，、]\s*/).map((item) => item.trim());
    if (items.length < 2 || !items.every((item) => COLUMN_IDENTIFIER.test(item))) continue;
    const line = lineAt(unit, match.index + match[0].indexOf(match[2]));
    addColumns(entity, items.map((item) => toColumn(item.replace(/`/g, ''), {}, line)));
  }
}

/** `nouns`: `entitiesByNoun(entities)`, built once by a caller that runs this over many units. */
export function rowHints(unit: Unit, entities: Entity[], nouns: Map<string, Entity> = entitiesByNoun(entities)): void {
  const position = entityIndex(entities).position;
  const byTable = (table: string): Entity | undefined => entityByTable(entities, table);
  for (const sentence of sentences(unit.text)) {
    const prose = sentence.text;
    for (const match of prose.matchAll(COUNT_PHRASE)) {
      const count = parseCount(match[1]);
      if (count === undefined || count < 100) continue;
      const noun = match[2] ?? '';
      const named = unit.codes
        .filter((code) => code.start >= sentence.at && code.start < sentence.at + sentence.text.length)
        .map((code) => {
          // The first entity named either way, as one scan over the array would find.
          const [whole, head] = [byTable(code.value), byTable(code.value.split('.')[0])];
          return whole && head ? (position.get(whole)! <= position.get(head)! ? whole : head) : (whole ?? head);
        })
        .find(Boolean);
      const byNoun = noun ? nouns.get(singular(noun).toLowerCase()) : undefined;
      const target = ROW_NOUN.test(noun) || /[萬万億亿]/.test(match[1]) || /million|billion|thousand|\d[km]\b/i.test(match[1]) ? named ?? byNoun : byNoun;
      if (!target || target.rowsHint) continue;
      const before = QUALIFIER.exec(prose.slice(0, match.index));
      const text = `${before ? before[0] : ''}${match[0]}`.trim();
      target.rowsHint = { text, count, line: lineAt(unit, sentence.at + match.index) };
    }
  }
}

/**
 * A source tree that lists a model file with its fields:
 * `├── Frente.java   (id, proyectoId, nombre, residenteId)`, the list possibly
 * continued on the next tree line. Read as shapes: they only add columns to
 * models the documents state elsewhere.
 */
export function modelFilesInTree(code: string, firstLine: number): Entity[] {
  const found: Entity[] = [];
  const treeless = code.replace(/[│├└─┬┼|`]/g, ' ');
  for (const match of treeless.matchAll(/\b([A-Z][A-Za-z0-9]*)\.(?:java|kt|cs|py|ts|js|go|rb|rs|php|swift|scala)\s+[(（]([^)）]{1,400})[)）]/g)) {
    const line = firstLine + (treeless.slice(0, match.index).match(/\n/g)?.length ?? 0);
    const names = match[2].split(/\s*[,，、]\s*/).map((name) => name.trim());
    if (names.length < 2 || !names.every((name) => /^[A-Za-z_]\w*$/.test(name))) continue;
    const columns: Column[] = [];
    let offset = match.index + match[0].indexOf(match[2]);
    for (const name of names) {
      const at = treeless.indexOf(name, offset);
      offset = at + name.length;
      columns.push({ name, line: firstLine + (treeless.slice(0, at).match(/\n/g)?.length ?? 0) });
    }
    found.push({ table: match[1], change: 'new-table', columns, line });
  }
  return found;
}

const JUNCTION = /(?:`(\w+)`|\b([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+))\s+(?:junction|join|pivot|link|linking|association)(?:\s+table)?\b|\b(?:junction|join|pivot)\s+table\s+`(\w+)`/g;

/**
 * "many-to-many relationship (TaskTag junction table)": the junction table is
 * stated; its key columns follow once both sides are known (see junctionKeys).
 */
export function junctionTables(unit: Unit, entities: Entity[]): Entity[] {
  const found: Entity[] = [];
  for (const match of unit.text.matchAll(JUNCTION)) {
    const name = match[1] ?? match[2] ?? match[3];
    found.push(upsert(entities, name, 'new-table', lineAt(unit, match.index)));
  }
  return found;
}

/** A junction named after its two sides (`TaskTag`, `task_labels`) holds a key to each: `task_id`, `tag_id`. */
export function junctionKeys(junction: Entity, entities: readonly Entity[]): void {
  if (junction.columns.length) return;
  const words = junction.table.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split('_').filter(Boolean);
  const known = new Set(entities.filter((entity) => entity !== junction).map((entity) => entityKey(entity.table)));
  for (let cut = 1; cut < words.length; cut++) {
    const [left, right] = [words.slice(0, cut).join('_'), words.slice(cut).join('_')];
    if (!known.has(entityKey(left)) || !known.has(entityKey(right))) continue;
    addColumns(junction, [
      { name: `${singular(left)}_id`, line: junction.line, nullable: false },
      { name: `${singular(right)}_id`, line: junction.line, nullable: false },
    ]);
    return;
  }
}

/** The sprint writes its columns in camelCase: more of them are camelCase (`userId`) than snake_case (`user_id`). */
function writesCamelColumns(entities: readonly Entity[]): boolean {
  const columns = entities.flatMap((entity) => entity.columns);
  return columns.filter((column) => /[a-z][A-Z]/.test(column.name)).length > columns.filter((column) => column.name.includes('_')).length;
}

/** A subtype's key, named before the whole sprint was read, follows the sprint's column casing (`originalTransactionId`). */
export function subtypeKeysCased(entities: readonly Entity[]): void {
  const camel = writesCamelColumns(entities);
  for (const entity of entities) {
    for (const subtype of entity.subtypes ?? []) {
      const column = subtype.key ? entity.columns.find((candidate) => candidate.name === subtype.key) : undefined;
      if (!column) continue;
      const name = camel ? camelCase(column.name) : snakeCase(column.name);
      if (entity.columns.some((other) => other !== column && other.name === name)) continue;
      column.name = name;
      subtype.key = name;
    }
  }
}

/** "many tags", "one or more labels", "0個以上のラベル", "複数のタスク", "여러 태그": a quantity of more than one. */
const MANY = /\b(?:many|multiple|several|zero\s+or\s+more|one\s+or\s+more|any\s+number\s+of)\s+(?:other\s+|different\s+)?|(?:複数|多数|[0-9０-９]+\s*[^\s\d以]?以上)の?|(?:多個|多个|多筆|多笔|多條|多条|多項|多项)|(?:여러|다수의)\s*(?:개의\s*)?/gi;
const MANY_TO_MANY = /many[\s-]+to[\s-]+many|多対多|多对多|多對多|다대다|\b[NM]\s*:\s*[NM]\b/i;
/** A statement ends at a full stop or a semicolon, or at "and"/"while" before a new subject ("…, and a tag can…"). */
const CLAUSE_END = /[.;!?](?:\s|$)|[。；！？、，]|,?\s+(?:and|while|whereas|but)\s+(?=(?:a|an|each|every|one|the|any)\s)/gi;

/**
 * A statement that may say how many of another entity an entity has; `subject` is the
 * entity a Key Entities item defines. Outside the entity sections only an explicit
 * "many-to-many" counts (`explicitOnly`): "a user with many tasks" in a story is no schema.
 */
export interface RelationStatement {
  unit: Unit;
  subject?: Entity;
  explicitOnly?: boolean;
}

interface Mention {
  entity: Entity;
  at: number;
  end: number;
}

/** Where the clause names the sprint's entities: in English by their name's words (`tags`, `savings goals`), else by the word its Key Entities item wrote (`ラベル`). */
/** `keys`: the entities by `entityKey`, built once by the caller (it reads many clauses). */
function mentionsIn(text: string, keys: ReadonlyMap<string, Entity>, native: ReadonlyArray<{ entity: Entity; noun: string }>): Mention[] {
  const found: Mention[] = [];
  const words = [...text.matchAll(/[A-Za-z][A-Za-z0-9]*/g)];
  for (let i = 0; i < words.length; i++) {
    for (let size = 3; size >= 1; size--) {
      if (i + size > words.length) continue;
      const run = words.slice(i, i + size);
      // A name of several words is written with spaces only between them.
      if (run.some((word, k) => k > 0 && !/^\s+$/.test(text.slice(run[k - 1].index + run[k - 1][0].length, word.index)))) continue;
      const entity = keys.get(entityKey(run.map((word) => word[0]).join('')));
      if (!entity) continue;
      const last = run[run.length - 1];
      found.push({ entity, at: run[0].index, end: last.index + last[0].length });
      i += size - 1;
      break;
    }
  }
  for (const { entity, noun } of native) {
    for (let at = text.indexOf(noun); at >= 0; at = text.indexOf(noun, at + noun.length)) found.push({ entity, at, end: at + noun.length });
  }
  return found.sort((a, b) => a.at - b.at);
}

/** The word a Key Entities item writes beside its code name: `タスク（Task）` → タスク, `Cookbook (레시피북)` → 레시피북. */
function nativeNouns(unit: Unit): string[] {
  const lead = unit.lead?.replace(/[:：]$/, '').trim() ?? '';
  return [lead.replace(/[（(][^）)]*[）)]/g, ''), /[（(]([^）)]*)[）)]/.exec(lead)?.[1] ?? '']
    .map((word) => word.trim())
    // One character is a word in Japanese and Chinese (棚); it counts only right after a quantity.
    .filter((word) => word.length >= 1 && !/[A-Za-z]/.test(word));
}

/**
 * A many-to-many stated from both sides ("a task can have many tags" and "a tag can be
 * applied to many tasks", or "many-to-many between Task and Tag") needs a table of its
 * own in a relational schema: one row per pair, a key to each side. Its name joins the
 * two names (`TaskTag`, `task_tags`), its keys are theirs (`task_id`, `tag_id`, or camelCase
 * when the sprint's columns are); the entity records what it `joins` for the provenance check.
 * No junction when one is stated (`TaskTag junction`) or another table already holds keys to both.
 */
export function impliedJunctions(statements: readonly RelationStatement[], entities: Entity[], context: readonly Entity[] = []): Entity[] {
  const native = new Map<Entity, string[]>();
  for (const { unit, subject } of statements) if (subject) native.set(subject, [...(native.get(subject) ?? []), ...nativeNouns(unit)]);
  /** Entity pairs stated "many" one way (a → b), with the line that states it. */
  const many = new Map<Entity, Map<Entity, number>>();
  const pairs: Array<{ a: Entity; b: Entity; line: number }> = [];
  const state = (a: Entity, b: Entity, line: number): void => {
    if (a === b) return;
    const own = many.get(a) ?? new Map<Entity, number>();
    if (own.has(b)) return;
    own.set(b, line);
    many.set(a, own);
    if (many.get(b)?.has(a) && !pairs.some((pair) => (pair.a === b && pair.b === a) || (pair.a === a && pair.b === b))) pairs.push({ a: b, b: a, line });
  };
  // A table named after two others (`TaskTag`) is the junction itself, never a side of one.
  const keys = new Set(entities.map((entity) => entityKey(entity.table)));
  // Every split of the name, not every pair of entities: a long document names thousands of them.
  const isJunction = (entity: Entity): boolean => {
    const key = entityKey(entity.table);
    if (entity.joins) return true;
    for (let cut = 1; cut < key.length; cut++) if (keys.has(key.slice(0, cut)) && keys.has(key.slice(cut))) return true;
    return false;
  };
  // Existing entities the sprint names without changing them join too ("an item can carry many tags").
  const sides = [...entities.filter((entity) => !isJunction(entity)), ...context.filter((entity) => !keys.has(entityKey(entity.table)))];
  const sideByKey = new Map(sides.map((entity) => [entityKey(entity.table), entity]));
  // Only the entities a document names in another script too (タスク（Task）): most have none.
  const nativeNounList = [...native].flatMap(([entity, nouns]) => nouns.map((noun) => ({ entity, noun })));
  for (const { unit, subject, explicitOnly } of statements) {
    const text = unit.text.replace(/`/g, ' ');
    let from = subject && unit.lead ? Math.max(0, text.indexOf(unit.lead) + unit.lead.length) : 0;
    const ends = [...text.matchAll(CLAUSE_END)].map((match) => match.index + match[0].length);
    for (const end of [...ends, text.length]) {
      if (end <= from) continue;
      const clause = text.slice(from, end);
      const at = from;
      from = end;
      const mentions = mentionsIn(clause, sideByKey, nativeNounList);
      const line = lineAt(unit, at);
      if (MANY_TO_MANY.test(clause)) {
        const others = [...new Set(mentions.map((mention) => mention.entity))];
        // "**UserRole**: the many-to-many relationship between User and Role": the item is the junction, not a side.
        if (subject && !others.includes(subject) && /\bbetween\b/i.test(clause)) continue;
        const pair = subject && !others.includes(subject) ? [subject, ...others] : others;
        if (pair.length === 2) {
          state(pair[0], pair[1], line);
          state(pair[1], pair[0], line);
        }
        continue;
      }
      if (explicitOnly) continue;
      for (const quantity of clause.matchAll(MANY)) {
        const after = quantity.index + quantity[0].length;
        const target = mentions.find((mention) => mention.at === after);
        // The subject: the item's entity, else the first entity the clause names before the quantity.
        const owner = subject ?? mentions.find((mention) => mention.end <= quantity.index)?.entity;
        if (target && owner) state(owner, target.entity, line);
      }
    }
  }
  const found: Entity[] = [];
  const camel = writesCamelColumns(entities);
  for (const { a, b, line } of pairs) {
    const [keyA, keyB] = [entityKey(a.table), entityKey(b.table)];
    const joined = entities.some((entity) => {
      if (entity === a || entity === b) return false;
      const name = entityKey(entity.table);
      if (name === keyA + keyB || name === keyB + keyA || singular(name) === `${keyA}${keyB}` || entity.joins?.includes(a.table) && entity.joins.includes(b.table)) return true;
      const columns = entity.columns.map((column) => entityKey(column.name.replace(/_?id$/i, '')));
      return columns.includes(keyA) && columns.includes(keyB);
    });
    if (joined) continue;
    const snake = [a.table, b.table].every((table) => /^[a-z][a-z0-9_]*$/.test(table));
    const table = snake ? `${snakeCase(singular(a.table))}_${snakeCase(b.table)}` : pascalCase(singular(a.table)) + pascalCase(singular(b.table));
    const key = (side: Entity): string => (camel ? `${camelCase(singular(side.table))}Id` : `${snakeCase(singular(side.table))}_id`);
    const junction = upsert(entities, table, 'new-table', line);
    junction.joins = [a.table, b.table];
    addColumns(junction, [
      { name: key(a), references: a.table, nullable: false, line },
      { name: key(b), references: b.table, nullable: false, line },
    ]);
    found.push(junction);
  }
  return found;
}

const MODEL_FILE = /(?:^|\/)models?\/([A-Z][A-Za-z0-9]*|[a-z][a-z0-9_]*)\.(?:js|ts|mjs|cjs|py|rb|go|java|kt|cs|php)$/;
const MODEL_PHRASE = /\b(?:the\s+)?`?([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)*)`?\s+model\b/g;

/**
 * Models a unit says already exist: a model file named in code
 * (`backend/src/models/Ticket.js`) or "the `Ticket` model" / "Ticket model has…".
 */
export function existingModelsIn(unit: Unit): Array<{ name: string; line: number }> {
  const found: Array<{ name: string; line: number }> = [];
  for (const code of unit.codes) {
    const file = MODEL_FILE.exec(code.value.trim());
    if (file) found.push({ name: file[1], line: lineAt(unit, code.start) });
  }
  const prose = unit.text;
  for (const match of prose.matchAll(MODEL_PHRASE)) {
    // "a new `Invoice` model" is a new entity, stated as such elsewhere.
    if (/\bnew\s*`?$/i.test(prose.slice(Math.max(0, match.index - 6), match.index + (match[0].startsWith('the') ? 4 : 0)))) continue;
    found.push({ name: match[1], line: lineAt(unit, match.index) });
  }
  return found;
}

/** "会員に属する", "회원에 속한다": the owner is named right before these words. */
const OWNED_BY_AFTER = /^\s*(?:に(?:属|所属)|(?:에게|에)\s*(?:속|소속))/u;
/** "属于一个相册", "pertenece a un cliente", "pertence a um cliente": the owner is named right after these words. */
const OWNED_BY_BEFORE = /(?:属于|屬於|隶属于|隸屬於|\bpertenece\s+a|\bpertence\s+(?:a|ao|à))\s*(?:(?:一个|一個|某个|某個)\s*|(?:una?|el|la|uma?|o)\s+)?(?:[0-9０-９]+\s*[人名个個件]の?\s*)?$/iu;

/**
 * "1つの家族に属し", "属于一个相册", "pertenece a un cliente": in a Key Entities item
 * (written in a language the English "belongs to" reading does not cover), the row holds
 * its owner's key, named after the owner entity by the fixed `_id` rule (`household_id`, or
 * `householdId` beside camelCase columns). The owner must be another entity of the sprint,
 * named by its name or by the word its own item wrote beside it (`家族（Household）`);
 * that word is kept as the key's `term` for the provenance check.
 */
export function nativeOwnerKeys(statements: readonly RelationStatement[], entities: readonly Entity[]): void {
  const native = new Map<Entity, string[]>();
  for (const { unit, subject } of statements) if (subject) native.set(subject, [...(native.get(subject) ?? []), ...nativeNouns(unit)]);
  // Built once: a long document has many statements and entities.
  const byKey = new Map(entities.filter((entity) => !entity.joins).map((entity) => [entityKey(entity.table), entity]));
  const nativeNounList = [...native].filter(([entity]) => !entity.joins).flatMap(([entity, nouns]) => nouns.map((noun) => ({ entity, noun })));
  for (const { unit, subject } of statements) {
    if (!subject || subject.joins) continue;
    const text = unit.text.replace(/`/g, ' ');
    const from = unit.lead ? Math.max(0, text.indexOf(unit.lead) + unit.lead.length) : 0;
    const body = text.slice(from);
    for (const mention of mentionsIn(body, byKey, nativeNounList)) {
      if (mention.entity === subject) continue;
      if (!OWNED_BY_AFTER.test(body.slice(mention.end)) && !OWNED_BY_BEFORE.test(body.slice(0, mention.at))) continue;
      const owner = mention.entity;
      const camel = subject.columns.some((column) => /[a-z][A-Z]/.test(column.name));
      const name = camel ? `${camelCase(singular(owner.table))}Id` : `${snakeCase(singular(owner.table))}_id`;
      if (subject.columns.some((column) => sameColumn(column.name, name) || column.references === owner.table)) continue;
      const written = body.slice(mention.at, mention.end);
      const key: Column = { name, references: owner.table, nullable: false, line: lineAt(unit, from + mention.at) };
      if (entityKey(written) !== entityKey(owner.table)) key.term = written;
      addColumns(subject, [key]);
    }
  }
}

/** "extends the existing `Book` model with …", "extends the Order entity by adding …": the model named, then its new attributes. */
const EXTENDS_MODEL = /\b(?:extend(?:s|ed|ing)?|augment(?:s|ed|ing)?)\s+(?:the\s+)?(?:existing\s+)?(?:`([A-Za-z_]\w*)`|([A-Z][A-Za-z0-9]*))\s+(?:model|entity|table|class|struct|record|schema)\s+(?:with|by\s+adding|to\s+(?:add|include|hold|store))\b/g;
/** "adds a `priority` field to the `Task` model", "add an optional `archived_at` column to orders". */
const ADDS_TO_MODEL = /\badd(?:s|ed|ing)?\s+(?:an?\s+|the\s+)?(?:new\s+)?(?:(?:optional|nullable|required)\s+)?`([A-Za-z_]\w*)`\s+(?:field|column|attribute|property|flag|key|FK)\s+(?:to|on)\s+(?:the\s+)?(?:existing\s+)?(?:`([A-Za-z_]\w*)`|([A-Za-z][A-Za-z0-9_]*))(?:\s+(?:model|entity|table|class|struct|record)s?)?\b/gi;

/**
 * New attributes a sentence gives a model by name: "extends the existing Book model with
 * placement data (`shelf_id` FK and a `position` index)" adds `shelf_id` and `position`
 * to Book; "adds a `priority` field to the Task model" adds `priority`.
 * Only names written as code count, and only up to the end of the clause the verb opens.
 * A model the sprint does not define yet is an existing table it alters.
 */
export function extendedModelColumns(units: readonly Unit[], entities: Entity[]): void {
  const add = (unit: Unit, name: string, code: boolean, found: Array<{ name: string; at: number; fk: boolean }>): void => {
    const entity = entityByKey(entities, name) ?? (code || /^[A-Z]/.test(name) ? upsert(entities, name, 'alter-table', lineAt(unit, found[0].at)) : undefined);
    if (!entity) return;
    addColumns(
      entity,
      found
        .filter((item) => !entity.columns.some((column) => sameColumn(column.name, item.name)))
        .map((item) => {
          const target = item.fk ? entityByKey(entities, item.name.replace(/_?[Ii]d$/, '')) : undefined;
          return { name: item.name, line: lineAt(unit, item.at), ...(target && target !== entity ? { references: target.table } : {}) };
        }),
    );
  };
  for (const unit of units) {
    for (const sentence of sentences(unit.text)) {
      for (const match of sentence.text.matchAll(EXTENDS_MODEL)) {
        const after = match.index + match[0].length;
        const clause = sentence.text.slice(after, after + clauseLength(sentence.text.slice(after)));
        const found = [...clause.matchAll(/`([A-Za-z_]\w*)`(\s*(?:FK|foreign\s+key))?/g)].map((code) => ({ name: code[1], at: sentence.at + after + code.index, fk: Boolean(code[2]) }));
        if (found.length) add(unit, match[1] ?? match[2], Boolean(match[1]), found);
      }
      for (const match of sentence.text.matchAll(ADDS_TO_MODEL)) {
        const model = match[2] ?? match[3];
        if (!match[2] && !/\b(?:model|entity|table|class|struct|record)s?$/i.test(match[0]) && !entityByKey(entities, model)) continue;
        add(unit, model, Boolean(match[2]), [{ name: match[1], at: sentence.at + match.index + match[0].indexOf(`\`${match[1]}\``), fk: /\b(?:key|FK)\b/.test(match[0]) }]);
      }
    }
  }
}

/** Characters up to the first comma, semicolon or period outside parentheses and code. */
function clauseLength(text: string): number {
  let depth = 0;
  let code = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '`') code = !code;
    if (code) continue;
    if (char === '(' || char === '（') depth++;
    else if ((char === ')' || char === '）') && depth > 0) depth--;
    else if (depth === 0 && /[,;，；。]/.test(char)) return i;
    else if (depth === 0 && char === '.' && (i + 1 >= text.length || /\s/.test(text[i + 1]))) return i;
  }
  return text.length;
}

/** "all new tables", "every entity type", "each of the new models". */
const ALL_ENTITIES = /\b(?:all|every|each)\s+(?:of\s+the\s+)?(?:(new|sprint's)\s+)?(?:entity|entities|tables?|models?)(?:\s+types?)?\b/i;
const ATTRIBUTE_WORD = /\b(?:fields?|columns?|attributes?|flags?)\b/i;
/**
 * "a `tenant_id` column", "(removed_at field)", "the revision field": a code name before the attribute
 * word, or one word between an opening parenthesis or article and a singular attribute word.
 */
const NAMED_ATTRIBUTE = /`([A-Za-z_]\w*)`\s+(?:field|column|attribute|flag)s?\b|(?:\(|\b(?:an?|the|its|their)\s+)([a-z][a-z0-9_]{2,})\s+(?:field|column|attribute|flag)\b/g;
const NOT_A_NAME = /^(?:new|the|same|each|every|all|this|that|these|those|other|shared|existing|specific|required|optional|extra|additional|custom|any|one|single|its|their|our|own|such|given|following|above|below|form|input|text|search|free|and|with|per|which|what)$/i;

/**
 * An attribute a sentence gives every entity: "Soft deletion (the removed_at field) applies to
 * all new tables", "Every table has a `tenant_id` column". The named
 * attribute becomes a column of each entity the sentence covers — the sprint's new tables
 * when it says "new", else all of them. Not when the sentence says no, not or without.
 */
export function columnsForAllEntities(units: readonly Unit[], entities: readonly Entity[]): void {
  for (const unit of units) {
    for (const sentence of sentences(unit.text)) {
      const all = ALL_ENTITIES.exec(proseOf(sentence.text));
      if (!all || !ATTRIBUTE_WORD.test(proseOf(sentence.text)) || /\b(?:no|not|never|without|except)\b|n't\b/i.test(proseOf(sentence.text))) continue;
      const named: Array<{ name: string; at: number }> = [];
      const push = (name: string, at: number): void => {
        if (!named.some((item) => item.name === name)) named.push({ name, at });
      };
      // "Every table has `created_at` and `updated_at` columns": each code name of the list, in order.
      const listed = /`[A-Za-z_]\w*`(?:\s*(?:,|and|&)\s*`[A-Za-z_]\w*`)+\s+(?:fields|columns|attributes|flags)\b/.exec(sentence.text);
      if (listed) for (const code of listed[0].matchAll(/`([A-Za-z_]\w*)`/g)) push(code[1], sentence.at + listed.index + code.index);
      for (const match of sentence.text.matchAll(NAMED_ATTRIBUTE)) {
        const name = match[1] ?? match[2] ?? match[3];
        if (!match[1] && NOT_A_NAME.test(name)) continue;
        push(name, sentence.at + match.index + match[0].indexOf(name));
      }
      if (!named.length) continue;
      const covered = entities.filter((entity) => !entity.joins && (!all[1] || all[1].toLowerCase() !== 'new' || entity.change === 'new-table'));
      for (const entity of covered) {
        addColumns(
          entity,
          named.filter((item) => !entity.columns.some((column) => sameColumn(column.name, item.name))).map((item) => ({ name: item.name, line: lineAt(unit, item.at) })),
        );
      }
    }
  }
}

/** "the `isHidden` flag", "the `archived_at` column": a name written as code, then the word for an attribute. */
const CODE_ATTRIBUTE = /`([A-Za-z_]\w*)`\s+(?:field|flag|column|attribute|property)\b(?!\s*(?:of|in|on)\s+(?:the\s+)?(?:request|response|payload|body|query|form|event|message|header|dto)s?\b)/gi;
/** Sentences about what travels over the API or is computed are not about stored attributes. */
const NOT_STORED = /\b(?:request|response|payload|body|query|queries|param(?:eter)?s?|input|dto|header|form|filter|sort|computed|derived|virtual|calculated|returns?|returned|sends?|sent|exposes?|log(?:s|ged)?)\b/i;

/**
 * A name written as code that a sentence calls a field, flag or column of the one entity it
 * speaks of: "Vouchers are hidden through the `isHidden` flag" gives Voucher `isHidden`; said of
 * a kind of rows kept in another table, it goes to that table. The entity is named by its name's words or by a kind of
 * rows it keeps; a sentence naming several entities, or about requests, responses or computed
 * values, adds nothing. "existing"/"already" marks the column as one the table has.
 */
/** Class names of a request or response body. */
const PAYLOAD_NAME = /(?:Request|Response|Dto|DTO|Input|Payload)$/;

export function codeNamedAttributes(units: readonly Unit[], entities: readonly Entity[]): void {
  const names = entities.filter((entity) => !entity.joins).map((entity) => ({ entity, words: [entity.table, ...(entity.subtypes ?? []).map((subtype) => subtype.name)].map(nameWords) }));
  for (const unit of units) {
    for (const sentence of sentences(unit.text)) {
      const prose = proseOf(sentence.text);
      if (NOT_STORED.test(prose)) continue;
      const attributes = [...sentence.text.matchAll(CODE_ATTRIBUTE)];
      if (!attributes.length) continue;
      // "THE `ProductResponse` SHALL include a `tags` field": the attribute of a payload, not of a table.
      if ([...sentence.text.matchAll(/`([A-Z]\w*)`/g)].some((code) => PAYLOAD_NAME.test(code[1]))) continue;
      const spoken = names.filter(({ words }) => words.some((pattern) => pattern.test(prose)));
      if (spoken.length !== 1) continue;
      const { entity } = spoken[0];
      // "`tags`" beside the `tags` table names the rows themselves, not a column of theirs.
      attributes.splice(0, attributes.length, ...attributes.filter((match) => snakeCase(match[1]) !== snakeCase(entity.table)));
      const existing = /\b(?:existing|already)\b/i.test(prose);
      addColumns(
        entity,
        attributes
          .filter((match) => !entity.columns.some((column) => sameColumn(column.name, match[1])))
          .map((match) => ({ name: match[1], line: lineAt(unit, sentence.at + match.index), ...(existing ? { existing: true } : {}) })),
      );
    }
  }
}

/** "MUST store", "MUST record", "fields recorded on the delivery record": the sentence says what a row keeps. */
const STORE_STATEMENT = /\b(?:must|shall|should|will)\s+(?:also\s+)?(?:store|record|persist|keep|save)\b|\b(?:fields?|columns?|attributes?)\s+(?:recorded|stored|kept|persisted|saved)\s+(?:on|in)\b/i;
/** What travels elsewhere: to monitoring, logs, events, a response. */
const ELSEWHERE = /\b(?:request|response|payload|monitoring|metrics?|logs?|logged|telemetry|events?|headers?|returns?|returned|computed|derived|cache[sd]?)\b/i;

/**
 * "each delivery MUST record `attemptCount`", "the following fields recorded on the
 * delivery record:" followed by `- \`errorMessage\`: …` items: names written as code
 * that a sentence says one entity's rows keep. The entity is the one the sentence names
 * by its words; the names are the code spans after the verb, or, when the sentence
 * ends in a colon, the code span each nested item opens with. A name that is the
 * entity's own key (`deliveryId` on Delivery) adds nothing.
 */
export function storedAttributes(units: readonly Unit[], entities: readonly Entity[]): void {
  const names = entities.filter((entity) => !entity.joins).map((entity) => ({ entity, words: nameWords(entity.table) }));
  const children = new Map<Unit, Unit[]>();
  for (const unit of units) if (unit.parent) children.set(unit.parent, [...(children.get(unit.parent) ?? []), unit]);
  for (const unit of units) {
    for (const sentence of sentences(unit.text)) {
      const prose = proseOf(sentence.text);
      const verb = STORE_STATEMENT.exec(prose);
      if (!verb || ELSEWHERE.test(prose)) continue;
      const spoken = names.filter(({ words }) => words.test(prose));
      if (spoken.length !== 1) continue;
      const { entity } = spoken[0];
      const found: Array<{ name: string; line: number }> = [];
      // Code spans after the verb (proseOf keeps offsets, so the verb's index holds in the sentence too).
      // A span the sentence calls a table (`users_by_email` table) names rows, not an attribute.
      for (const code of sentence.text.slice(verb.index).matchAll(/`([A-Za-z_]\w*)`(?!\s+(?:tables?|tabelas?|tablas?|collections?|models?|entit(?:y|ies))\b)/g)) found.push({ name: code[1], line: lineAt(unit, sentence.at + verb.index + code.index) });
      if (/[:：]\s*$/.test(sentence.text) && sentence.at + sentence.text.length >= unit.text.trimEnd().length) {
        for (const child of children.get(unit) ?? []) {
          const lead = /^`([A-Za-z_]\w*)`/.exec(child.text);
          if (lead) found.push({ name: lead[1], line: child.line });
        }
      }
      const ownKey = (name: string): boolean => columnKey(name) === `${entityKey(entity.table)}id`;
      addColumns(
        entity,
        found.filter((item) => !ownKey(item.name) && snakeCase(item.name) !== snakeCase(entity.table) && !entity.columns.some((column) => sameColumn(column.name, item.name))).map((item) => ({ ...item, ...(entity.change === 'new-table' ? {} : { existing: true }) })),
      );
    }
  }
}

/** `invoice.total_amount`, "webhook_events table.original_payload": a table's name, a dot, one of its columns. */
const DOTTED_ATTRIBUTE = /(?<![\w.])([A-Za-z_]\w*)(?:\s+table)?\.([a-z_][A-Za-z0-9_]*)(?![\w.(])(?!`?\s+(?:relationship|relation|association|list|connection|resolver)s?\b)/g;
/** After a dot, what a file name or a host has, not a column. */
const NOT_A_COLUMN_AFTER_DOT = /^(?:md|ts|tsx|js|mjs|json|ya?ml|py|rs|go|rb|java|kt|cs|sql|html?|xml|csv|txt|com|org|io|net|dev|env|toml|lock|proto|graphql)$/i;

/**
 * A sprint entity's name, a dot and an attribute, in prose or code ("invoice.created_at →
 * CreationDateTime", "in webhook_events table.original_payload field"): a column of that
 * entity. Said of a table the sprint only alters, it is a column the table has.
 */
export function dottedAttributes(units: readonly Unit[], entities: readonly Entity[]): void {
  const byKey = new Map<string, Entity[]>();
  for (const entity of entities) if (!entity.joins) byKey.set(entityKey(entity.table), [...(byKey.get(entityKey(entity.table)) ?? []), entity]);
  // `Transaction.refunds` names related rows, not a column.
  const related = new Set(entities.flatMap((entity) => [entity.table, ...(entity.subtypes ?? []).map((subtype) => subtype.name)]).map(entityKey));
  for (const unit of units) {
    for (const match of unit.text.matchAll(DOTTED_ATTRIBUTE)) {
      const owners = byKey.get(entityKey(match[1])) ?? [];
      const name = match[2];
      // `Tag.products` on a class: a collection the ORM navigates, not a column.
      const navigation = /^[A-Z]/.test(match[1]) && isPlural(name);
      if (owners.length !== 1 || NOT_A_COLUMN_AFTER_DOT.test(name) || related.has(entityKey(name)) || navigation) continue;
      const entity = owners[0];
      if (entity.columns.some((column) => sameColumn(column.name, name))) continue;
      addColumns(entity, [{ name, line: lineAt(unit, match.index + match[0].length - name.length), ...(entity.change === 'new-table' ? {} : { existing: true }) }]);
    }
  }
}

/** `DeliveryNote` → /\bdelivery\s+notes?\b/i: the name as words in a sentence. */
function nameWords(name: string): RegExp {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[\s_-]+/).filter(Boolean).map((word) => word.toLowerCase());
  const last = singular(words.pop()!);
  return new RegExp(`\\b${[...words, `${last}(?:s|es)?`].join('[\\s_-]+')}\\b`, 'i');
}

/** "all data is scoped by `workspaceId`", "every row is partitioned by `tenant_id`". */
const ISOLATED_BY = /\b(?:all|every|each)\s+(?:the\s+)?(?:data|records?|rows?|tables?|entities|entity)\s+(?:is\s+|are\s+)?(?:isolated|scoped|partitioned|segregated|separated|keyed)\s+(?:by|on|per)\s+(?:the\s+)?`([A-Za-z_]\w*)`/i;
/**
 * "multi-tenant, with an account FK everywhere", "multi-tenancy through the `tenant_id` column", and a name shaped
 * as a key needing no such noun: "multi-tenant isolation via tenant_id query filtering".
 */
const TENANT_VIA = /\bmulti-?tenan(?:t|cy)\b[^.;]*?\b(?:via|by|through|using|with)\s+(?:an?\s+|the\s+)?(?:`([A-Za-z_]\w*)`|([a-z][a-z0-9_]*)\s+(?:FK|foreign\s+key|column|key|field)\b|([a-z][a-z0-9]*_id|[a-z][a-z0-9]*Id)\b)/i;

/**
 * The key that isolates tenants' data, when a sentence names it for all the data
 * ("all data is scoped by `workspaceId`", "multi-tenant, with an account FK"): a column of each
 * new table the sprint states columns for. Tables the sprint alters have it already, and a
 * table whose rows each belong to another new table (`InvoiceLine` of `Invoice`)
 * is isolated through that parent.
 */
export function tenantKeys(units: readonly Unit[], entities: readonly Entity[]): void {
  for (const unit of units) {
    for (const sentence of sentences(unit.text)) {
      const match = ISOLATED_BY.exec(sentence.text) ?? TENANT_VIA.exec(sentence.text);
      if (!match || /\b(?:no|not|never|without)\b|n't\b/i.test(proseOf(sentence.text))) continue;
      const name = match[1] ?? match[2] ?? match[3];
      const line = lineAt(unit, sentence.at + match.index + match[0].indexOf(name));
      const fresh = new Set(entities.filter((entity) => entity.change === 'new-table').map((entity) => entity.table));
      for (const entity of entities) {
        if (!fresh.has(entity.table) || entity.joins || !entity.columns.length) continue;
        if (entity.columns.some((column) => column.references && column.references !== entity.table && fresh.has(column.references) && column.nullable === false)) continue;
        if (entity.columns.some((column) => sameColumn(column.name, name))) continue;
        addColumns(entity, [{ name, nullable: false, line }]);
      }
    }
  }
}

/**
 * "o par (`comment_id`, `user_id`) é único": the columns in parentheses, all of one entity
 * (the only one that has them all), make one unique key; the last column carries it.
 */
function uniqueTuples(text: string, line: number, entities: readonly Entity[]): void {
  for (const names of columnTuples(text)) {
    const owners = entities.filter((entity) => names.every((name) => entity.columns.some((column) => column.name === name)));
    if (owners.length !== 1) continue;
    const last = owners[0].columns.find((column) => column.name === names.at(-1))!;
    const others = names.slice(0, -1);
    if (last.unique || others.every((name) => last.uniqueWith?.includes(name))) continue;
    last.uniqueWith = [...new Set([...(last.uniqueWith ?? []), ...others])];
    last.uniqueLine ??= line;
  }
}

/** The column lists a sentence about uniqueness makes one key of, each name once. */
function columnTuples(text: string): string[][] {
  const tuples = [...text.matchAll(COLUMN_TUPLE)].map((match) => match[1].split(/[,，]/));
  // "`comment_id` + `user_id`", "`comment_id`와 `user_id`의 조합": code spans joined without parentheses, when the
  // sentence makes them one key; "`email` and `username` are unique" is two keys.
  for (const match of text.matchAll(CODE_SPAN_JOIN)) {
    if (match[0].includes('+') || COMBINATION_WORD.test(proseOf(text))) tuples.push([...match[0].matchAll(/`([A-Za-z_]\w*)`/g)].map((span) => span[1]));
  }
  return tuples.map((tuple) => tuple.map((name) => name.replace(/`/g, '').trim())).filter((names) => new Set(names).size === names.length);
}

/**
 * "`webhook_events` - deduplication via unique(gateway_id, event_id, tenant_id)": the columns of the one table
 * the sentence names, stated by the key they make, when nothing else states that table's columns. Run before
 * other readers add a column, so a tuple stated for a bare table is read whole.
 */
export function uniqueTupleColumns(units: readonly Unit[], entities: readonly Entity[]): void {
  for (const unit of units) {
    for (const sentence of sentences(unit.text)) {
      if (!UNIQUE_WORD.test(proseOf(sentence.text))) continue;
      for (const names of columnTuples(sentence.text)) {
        if (entities.some((entity) => names.every((name) => entity.columns.some((column) => column.name === name)))) continue;
        const named = entities.filter((entity) => !entity.joins && namesTable(sentence.text, entity.table));
        // A table whose columns are stated keeps them: a tuple naming others contradicts it, and adds nothing.
        if (named.length !== 1 || named[0].columns.length) continue;
        addColumns(named[0], names.map((name) => ({ name, line: lineAt(unit, sentence.at + sentence.text.indexOf(name)) })));
      }
    }
  }
}

/** The table written as code (`webhook_events`) or by its name and the word "table". */
function namesTable(text: string, table: string): boolean {
  const escaped = table.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\`${escaped}\`|(?<![\\w.])${escaped}\\s+table\\b`).test(text);
}

/** "unique per owner", "unique within a workspace", "unique for each project": the scope the uniqueness holds in. */
const UNIQUE_PER = /(?:\bunique|(?<![\p{L}])[úu]nic[oa]s?)\s+(?:per|within|for\s+each|in\s+each|inside|por|em\s+cada|en\s+cada|dentro\s+de)\s+(?:an?\s+|the\s+|each\s+|its\s+|their\s+|cada\s+|(?:o|a|el|la|um|uma|un|una|seu|sua|su)\s+)?`?([A-Za-z_]\w*)`?/iu;
/** "(`comment_id`, `user_id`) is unique", "o par (comment_id, user_id) é único": a unique key over the listed columns. */
const COLUMN_TUPLE = /[(（]\s*((?:`?[A-Za-z_]\w*`?\s*[,，]\s*)+`?[A-Za-z_]\w*`?)\s*[)）]/gu;
/** Words that make listed columns one key: a pair, a combination, together. */
const COMBINATION_WORD = /\b(?:pair|combination|together|tuple)\b|(?<![\p{L}])(?:par|combinaci[óo]n|combina[çc][ãa]o)(?![\p{L}])|조합|쌍|組み合わせ|组合|組合|cặp|tổ hợp/iu;
/** Code spans joined by `+`, a comma or "and" in the languages read (와/과, 및, と, 和, y, e, và). */
const CODE_SPAN_JOIN = /`[A-Za-z_]\w*`(?:\s*(?:\+|[,，、]|\band\b|와|과|및|と|和|\by\b|\be\b|và)\s*`[A-Za-z_]\w*`)+/gu;

/**
 * "The name is unique per owner": a column unique among the rows that share
 * another of the same entity's columns (`owner_id`), when one entity has both:
 * the column named before "unique" and the one the scope word names.
 */
export function uniquePerScope(units: readonly Unit[], entities: readonly Entity[]): void {
  for (const unit of units) {
    for (const sentence of sentences(unit.text)) {
      if (UNIQUE_WORD.test(proseOf(sentence.text))) uniqueTuples(sentence.text, lineAt(unit, sentence.at), entities);
      const match = UNIQUE_PER.exec(sentence.text);
      if (!match) continue;
      const noun = singular(match[1].replace(/_?id$/i, '')).toLowerCase();
      const before = sentence.text.slice(0, match.index);
      const found: Array<{ column: Column; scope: Column; at: number }> = [];
      for (const entity of entities) {
        const scope = entity.columns.find((column) => [`${snakeCase(noun)}_id`, `${camelCase(noun)}Id`, snakeCase(noun)].includes(column.name));
        if (!scope) continue;
        for (const column of entity.columns) {
          if (column === scope || /^id$/i.test(column.name)) continue;
          const spoken = new RegExp(`(?:\`${column.name}\`|\\b${column.name.replace(/_/g, '[ _]')}\\b)`, 'gi');
          const at = Math.max(-1, ...[...before.matchAll(spoken)].map((hit) => hit.index));
          if (at >= 0) found.push({ column, scope, at });
        }
      }
      if (!found.length) continue;
      const nearest = Math.max(...found.map((hit) => hit.at));
      const chosen = found.filter((hit) => hit.at === nearest);
      // Two entities with the same pair of columns: the sentence does not say which.
      if (chosen.length !== 1) continue;
      const { column, scope } = chosen[0];
      if (column.unique || column.uniqueWith?.includes(scope.name)) continue;
      column.uniqueWith = [...(column.uniqueWith ?? []), scope.name];
      column.uniqueLine ??= lineAt(unit, sentence.at);
    }
  }
}

/** A code name glossed in Han script: "`addresses` (收货地址管理)", "收货地址（`addresses`）". */
export interface Gloss {
  term: string;
  code: string;
  line: number;
}

/** Every code name the documents gloss with a word in Han script, in order. */
export function codeGlosses(units: readonly Unit[]): Gloss[] {
  const glosses: Gloss[] = [];
  for (const unit of units) {
    if (unit.outOfScope || unit.kind === 'code') continue;
    for (const code of unit.codes) {
      if (!/^[A-Za-z_][\w]*$/.test(code.value)) continue;
      const after = /^\s*[（(]([^）)`]*\p{Script=Han}[^）)`]*)[）)]/u.exec(unit.text.slice(code.end));
      if (after) for (const term of after[1].split(/[、，,/]/u)) if (term.trim()) glosses.push({ term: term.trim(), code: code.value, line: lineAt(unit, code.start) });
      const before = /(\p{Script=Han}{2,12})\s*[（(]\s*$/u.exec(unit.text.slice(0, code.start));
      if (before && /^\s*[）)]/u.test(unit.text.slice(code.end))) glosses.push({ term: before[1], code: code.value, line: lineAt(unit, code.start) });
    }
  }
  return glosses;
}

/** Words after a glossed noun that name its module, not another thing ("收货地址管理" is the 收货地址 module). */
const GLOSS_TAIL = /^(?:管理|模块|模組|功能|服务|服務|数据|資料|信息|資訊|表|数据表|資料表|列表|清單)?$/u;
/** "添加新的收货地址，包括联系人、手机号…": a create verb, the noun it adds, then what the noun holds. */
const CJK_CREATES = new RegExp(`(?:${(VERB_FAMILIES.find((family) => family.id === 'create')?.cjk ?? []).join('|')}|增加|登録|登記|登记)(?:一个|一個|一条|一條|一笔|一筆)?(?:新的?)?(\\p{Script=Han}{2,10}?)\\s*[，,：:]\\s*(?:包括|包含|含有|其中包括|内容包括|內容包括|需包括|须包括|須包括)`, 'gu');

/**
 * An entity a requirement in Han script defines by what it holds ("用户应能添加新的收货地址，包括
 * 联系人、手机号、省份…"): named by the code name the documents gloss it with ("`addresses`
 * (收货地址管理)"), its columns from the attribute vocabulary. Without a gloss the noun has no name
 * to give the table: the statement is returned as a question instead.
 */
export function cjkEntity(unit: Unit, entities: Entity[], glosses: readonly Gloss[]): { entity?: Entity; question?: { text: string; line: number } } | undefined {
  for (const match of unit.text.matchAll(CJK_CREATES)) {
    const noun = match[1];
    const columns = translatedAttributes(unit, match.index + match[0].length - /(?:包括|包含|含有|其中包括|内容包括|內容包括|需包括|须包括|須包括)$/u.exec(match[0])![0].length);
    if (!columns.length) continue;
    const gloss = glosses.find((candidate) => candidate.term.startsWith(noun) && GLOSS_TAIL.test(candidate.term.slice(noun.length)));
    if (!gloss) return { question: { text: `"${noun}" (${columns.map((column) => column.term ?? column.name).join(', ')}): what is its table called in code?`, line: lineAt(unit, match.index) } };
    const entity = upsert(entities, gloss.code, entityByTable(entities, gloss.code) ? 'alter-table' : 'new-table', gloss.line);
    addColumns(entity, columns);
    return { entity };
  }
  return undefined;
}
