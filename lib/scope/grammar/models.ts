// Persisted data models in a spec's code fences: SQL DDL, Prisma, Mermaid
// erDiagram, Drizzle, TypeScript interfaces and TypeORM classes, Python
// (SQLAlchemy, SQLModel, Django, dataclasses), Go structs, Java, Kotlin, C#,
// Rust and Laravel's schema builder. One small reader per language, picked from READERS by the fence's
// info string or, when it says nothing useful, by what the code looks like.
// Every table and column name comes from the code as written.
import type { Column, Entity } from '../../types.js';
import { addColumns, entitiesFromSql, entityByTable } from '../entities.js';
import { plural, snakeCase } from '../../naming/index.js';
import {
  type Expr,
  type NamedArg,
  ParseError,
  type Token,
  TokenStream,
  type TypeNode,
  type Member,
  chainOf,
  lastName,
  literalText,
  parseArguments,
  parseExpression,
  readDeclarations,
  streamOf,
  tokenize,
} from './typescript.js';

interface Reader {
  name: string;
  /** Fence info words the reader owns. */
  langs: RegExp;
  /** What the code looks like in this language (used when the fence does not say, or to choose among owners). */
  looks: RegExp;
  /** `firstLine` is the document line of the fence's first code line. */
  read: (code: string, firstLine: number) => Entity[];
}

const TS_LANGS = /^(?:ts|typescript|tsx|mts|cts)$/;

const READERS: Reader[] = [
  { name: 'sql', langs: /^(?:sql|postgres|postgresql|psql|pgsql|plpgsql|mysql|mariadb|sqlite|sqlite3|tsql|mssql|ddl)$/, looks: /\b(?:create|alter)\s+table\b/i, read: readSql },
  { name: 'prisma', langs: /^prisma$/, looks: /^\s*model\s+\w+\s*\{/m, read: readPrisma },
  { name: 'mermaid', langs: /^(?:mermaid|mmd)$/, looks: /^\s*erDiagram\b/m, read: readMermaid },
  { name: 'mermaid-class', langs: /^(?:mermaid|mmd)$/, looks: /^\s*classDiagram\b/m, read: readMermaidClasses },
  { name: 'drizzle', langs: /^(?:ts|typescript|tsx|mts|cts|js|javascript|jsx|mjs)$/, looks: /\b(?:pg|sqlite|mysql|singlestore)Table\s*\(/, read: readDrizzle },
  { name: 'go', langs: /^(?:go|golang)$/, looks: /\btype\s+\w+\s+struct\s*\{/, read: readGo },
  { name: 'csharp', langs: /^(?:cs|csharp|c#|c-sharp|dotnet)$/, looks: /\{\s*get\s*;/, read: readCSharp },
  { name: 'rust', langs: /^(?:rs|rust)$/, looks: /#\[derive\(|\bpub\s+struct\s+\w+/, read: readRust },
  { name: 'python', langs: /^(?:py|python|python3)$/, looks: /^[ \t]*class\s+\w+(?:\([^)\n]*\))?\s*:[ \t]*(?:#.*)?$/m, read: readPython },
  { name: 'kotlin', langs: /^(?:kt|kotlin|kts)$/, looks: /\b(?:val|var)\s+\w+\s*:\s*\w/, read: readKotlin },
  { name: 'java', langs: /^java$/, looks: /\b(?:private|protected|public)\s+(?:final\s+)?[\w.<>[\], ]+?\s+\w+\s*(?:=[^;\n]*)?;/, read: readJava },
  { name: 'tree', langs: /^(?:text|txt|plain|plaintext|tree)$/, looks: /^[ \t│|]*[├└]──\s*\w+/m, read: readTree },
  { name: 'typescript', langs: TS_LANGS, looks: /\binterface\s+\w+[^{]*\{|\btype\s+\w+\s*=\s*\{|@Entity\s*\(/, read: readTypeScript },
  { name: 'laravel', langs: /^php$/, looks: /\bSchema::(?:create|table)\s*\(/, read: readLaravel },
];

/** Fence languages that never hold a data model: no guessing from their content. */
const NOT_MODELS = /^(?:json|jsonc|json5|yaml|yml|toml|ini|bash|sh|shell|zsh|console|http|graphql|gql|proto|protobuf|html|xml|css|diff|markdown|md|dockerfile|env|csv)$/;

/**
 * Tables and columns declared in one fenced code block. `lang` is the fence's
 * info string (may be empty); `firstLine` the document line of the first code line.
 */
export function entitiesFromCode(lang: string, code: string, firstLine: number): Entity[] {
  const word = lang.trim().split(/[\s{,]/)[0].toLowerCase();
  if (NOT_MODELS.test(word)) return [];
  const owners = READERS.filter((reader) => reader.langs.test(word));
  const reader = (owners.length ? owners : READERS).find((candidate) => candidate.looks.test(code)) ?? owners[owners.length - 1];
  if (!reader) return [];
  try {
    return reader.read(code, firstLine);
  } catch (error) {
    if (error instanceof ParseError) return [];
    throw error;
  }
}

/* ----------------------------------------------------------------- helpers */

import { isDtoName } from '../vocabulary.js';

export { isDtoName };

/** A column without the facts the code does not state. */
function clean(column: Column): Column {
  const result = { ...column } as unknown as Record<string, unknown>;
  for (const key of Object.keys(result)) if (result[key] === undefined) delete result[key];
  return result as unknown as Column;
}

function addEntity(entities: Entity[], table: string, line: number, columns: Column[]): void {
  let entity = entityByTable(entities, table);
  if (!entity) {
    entity = { table, change: 'new-table', columns: [], line };
    entities.push(entity);
  }
  addColumns(entity, columns.map(clean));
}

const isPunct = (token: Token | undefined, value: string): boolean => token?.kind === 'punct' && token.value === value;

/** Tokens grouped into lines at bracket depth 0 (a call spread over lines stays one line). */
function splitLines(tokens: Token[]): Token[][] {
  const lines: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  for (const token of tokens) {
    if (token.kind === 'eof') break;
    if (token.nl && depth === 0 && current.length) {
      lines.push(current);
      current = [];
    }
    current.push(token);
    if (token.kind === 'punct' && '([{'.includes(token.value)) depth++;
    if (token.kind === 'punct' && ')]}'.includes(token.value)) depth = Math.max(0, depth - 1);
  }
  if (current.length) lines.push(current);
  return lines;
}

/** The tokens inside the `{…}` the stream is on; leaves the stream after the `}`. */
function takeBlock(s: TokenStream): Token[] {
  const from = s.index + 1;
  s.skip();
  return s.tokens.slice(from, s.index - 1);
}

/** Parses one item, or on a syntax error moves on one token so a reader never stops on bad input. */
function attempt(s: TokenStream, read: () => void): void {
  const start = s.index;
  try {
    read();
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    s.index = start + 1;
  }
}

interface TypeParts {
  /** The type as written without its nullable wrapper (`Option<String>` → `String`). */
  word: string;
  /** Innermost type name (`List<LineItem>` → `LineItem`). */
  base: string;
  nullable: boolean;
  list: boolean;
}

const NULLABLE_WRAPPER = /^(?:Option|Optional|Nullable)<\s*([\s\S]+)>$/;
const LIST_WRAPPER = /^(?:List|Set|MutableList|MutableSet|Collection|ICollection|IList|IEnumerable|ISet|HashSet|BTreeSet|Vec|Array|Seq|Iterable)<\s*([\s\S]+)>$/;

/** Shape of a type written in Go, Rust, Java, Kotlin or C#. */
function typeParts(raw: string): TypeParts {
  let word = raw.replace(/\s+/g, ' ').trim();
  let nullable = false;
  if (word.endsWith('?')) [word, nullable] = [word.slice(0, -1).trim(), true];
  if (word.startsWith('*')) [word, nullable] = [word.slice(1), true];
  const optional = NULLABLE_WRAPPER.exec(word);
  if (optional) [word, nullable] = [optional[1].trim(), true];
  const listed = LIST_WRAPPER.exec(word) ?? /^\[\]\*?([\s\S]+)$/.exec(word) ?? /^([\s\S]+?)\s*\[\]$/.exec(word);
  const inner = listed ? listed[1].trim().replace(/\?$/, '') : word;
  const base = inner.replace(/<[\s\S]*$/, '').replace(/^\*/, '').split(/\.|::/).pop() ?? inner;
  return { word, base, nullable, list: !!listed };
}

/* --------------------------------------------------------------------- SQL */

function readSql(code: string, firstLine: number): Entity[] {
  const entities: Entity[] = [];
  // entitiesFromSql counts lines from the fence line, one before the first code line.
  entitiesFromSql(code, firstLine - 1, entities);
  return entities;
}

/* -------------------------------------------------------------- text tree */

/** `├── product_id  BIGINT  FK → products(id)  NOT NULL`: a column line of a drawn table tree. */
const TREE_COLUMN = /^[ \t│|]*[├└]──\s*([A-Za-z_]\w*)\s*(.*)$/;
/** `tags`, `product_tag (join)`: the table a tree's column lines hang from. */
const TREE_TABLE = /^([A-Za-z_][\w.]*)\s*(?:\(.*\))?\s*$/;

/**
 * A schema drawn as a text tree (a table name, then `├──`/`└──` column lines with
 * SQL-ish types and flags), read as the DDL it stands for, line for line, so every
 * column keeps its own line.
 */
function readTree(code: string, firstLine: number): Entity[] {
  const lines = code.split('\n');
  const ddl: string[] = [];
  let open = -1;
  let columns = 0;
  const close = (): void => {
    if (open < 0) return;
    // A name with no column lines under it (`navigate('/login')` in a flow drawn as a tree) is no table.
    if (!columns) {
      ddl[open] = '';
      open = -1;
      return;
    }
    let last = ddl.length - 1;
    while (last > open && !ddl[last].trim()) last--;
    ddl[last] = `${ddl[last].replace(/,\s*$/, '')});`;
    open = -1;
  };
  for (const line of lines) {
    const column = TREE_COLUMN.exec(line);
    const table = column ? undefined : TREE_TABLE.exec(line.trim());
    if (column) {
      if (open < 0) {
        ddl.push('');
        continue;
      }
      const flags = column[2]
        .replace(/\bFK\s*(?:→|->|=>)\s*([\w.]+)\s*\(\s*(\w+)\s*\)/gi, 'REFERENCES $1($2)')
        .replace(/\bFK\s*(?:→|->|=>)\s*([\w.]+)/gi, 'REFERENCES $1')
        .replace(/\bPK\b/g, 'PRIMARY KEY')
        .replace(/\s+#.*$|\s+--.*$/, '');
      ddl.push(`  ${column[1]} ${flags},`);
      columns++;
    } else if (table && !/^(?:PK|UK|FK|INDEX|UNIQUE)\b/.test(line.trim())) {
      close();
      ddl.push(`CREATE TABLE ${table[1]} (`);
      open = ddl.length - 1;
      columns = 0;
    } else if (open >= 0 && /^\s*PK\s*\(/.test(line)) {
      ddl.push(`  ${line.trim().replace(/^PK/, 'PRIMARY KEY')},`);
    } else {
      if (!line.trim()) close();
      ddl.push('');
    }
  }
  close();
  return readSql(ddl.join('\n'), firstLine);
}

/* ------------------------------------------------------------------ Prisma */

const PRISMA_SCALARS = new Set(['String', 'Boolean', 'Int', 'BigInt', 'Float', 'Decimal', 'DateTime', 'Json', 'Bytes', 'Unsupported']);

const attributeName = (expr: Expr): string | undefined => lastName(expr.kind === 'call' ? expr.callee : expr);

function readPrisma(code: string, firstLine: number): Entity[] {
  const s = TokenStream.of(code);
  const blocks: Array<{ keyword: string; name: Token; lines: Token[][] }> = [];
  while (!s.done) {
    if (['model', 'enum', 'view', 'type'].includes(s.peek().value) && s.peek().kind === 'ident' && s.peek(1).kind === 'ident' && s.is('{', 2)) {
      const keyword = s.next().value;
      const name = s.next();
      blocks.push({ keyword, name, lines: splitLines(takeBlock(s)) });
    } else s.next();
  }
  const enums = new Map(blocks.filter((block) => block.keyword === 'enum').map((block) => [block.name.value, block.lines.map((line) => line[0]).filter((token) => token.kind === 'ident').map((token) => token.value)]));
  const models = blocks.filter((block) => block.keyword === 'model');
  const modelNames = new Set(models.map((block) => block.name.value));
  const foreignKeys: Array<{ model: string; field: string; target: string; key: string }> = [];
  const read = models.map((block) => {
    let table = block.name.value;
    const columns: Column[] = [];
    for (const line of block.lines) {
      const ls = streamOf(line, code);
      attempt(ls, () => {
        if (ls.is('@') && ls.is('@', 1)) {
          ls.next();
          ls.next();
          const attribute = parseExpression(ls);
          if (attribute.kind === 'call' && attributeName(attribute) === 'map' && attribute.args[0]?.kind === 'string') table = attribute.args[0].value;
          return;
        }
        const name = ls.next();
        const type = ls.next();
        if (name.kind !== 'ident' || type.kind !== 'ident') return;
        if (ls.is('(')) ls.skip();
        const list = ls.is('[') && ls.is(']', 1);
        if (list) ls.index += 2;
        const optional = ls.eat('?');
        const attributes: Expr[] = [];
        while (ls.eat('@')) attributes.push(parseExpression(ls));
        const find = (wanted: string): Expr | undefined => attributes.find((attribute) => attributeName(attribute) === wanted);
        const relation = find('relation');
        if (relation?.kind === 'call') {
          const names = (arg: NamedArg | undefined): string[] => (arg?.value.kind === 'array' ? arg.value.items.map((item) => literalText(item, code)) : []);
          const keys = names(relation.named.find((arg) => arg.name === 'references'));
          names(relation.named.find((arg) => arg.name === 'fields')).forEach((field, index) => foreignKeys.push({ model: block.name.value, field, target: type.value, key: keys[index] ?? 'id' }));
        }
        const scalar = PRISMA_SCALARS.has(type.value) || enums.has(type.value);
        const defaultValue = find('default');
        // Relation fields are not columns: @relation, another model, a list of one, or an unknown type with no default.
        if (relation || modelNames.has(type.value) || (!scalar && (list || !defaultValue))) return;
        columns.push({
          name: name.value,
          line: firstLine + name.line,
          type: list ? `${type.value}[]` : type.value,
          nullable: find('id') ? false : optional,
          default: defaultValue?.kind === 'call' && defaultValue.args[0] ? literalText(defaultValue.args[0], code) : undefined,
          unique: find('unique') ? true : undefined,
          enum: enums.get(type.value),
        });
      });
    }
    return { model: block.name.value, table, line: firstLine + block.name.line, columns };
  });
  for (const key of foreignKeys) {
    const column = read.find((model) => model.model === key.model)?.columns.find((candidate) => candidate.name === key.field);
    if (column) column.references = `${read.find((model) => model.model === key.target)?.table ?? key.target}.${key.key}`;
  }
  const entities: Entity[] = [];
  for (const model of read) addEntity(entities, model.table, model.line, model.columns);
  return entities;
}

/* ----------------------------------------------------------------- Mermaid */

function readMermaid(code: string, firstLine: number): Entity[] {
  const found: Array<{ table: string; line: number; columns: Array<Column & { fk?: boolean }> }> = [];
  const partners = new Map<string, Set<string>>();
  let current: (typeof found)[number] | undefined;
  code.split(/\r?\n/).forEach((raw, index) => {
    const text = raw.replace(/%%.*$/, '').trim();
    const line = firstLine + index;
    if (!current) {
      const open = /^"?([\w-]+)"?(?:\s*\[[^\]]*\])?\s*\{\s*$/.exec(text);
      if (open) current = { table: open[1], line, columns: [] };
      const relation = /^"?([\w-]+)"?\s+\S*(?:--|\.\.)\S*\s+"?([\w-]+)"?\s*:/.exec(text);
      if (relation) {
        for (const [a, b] of [[relation[1], relation[2]], [relation[2], relation[1]]]) partners.set(a, (partners.get(a) ?? new Set()).add(b));
      }
      return;
    }
    if (text === '}') {
      found.push(current);
      current = undefined;
      return;
    }
    const attribute = /^([\w()[\],.-]+)\s+\*?([\w-]+)((?:\s*,?\s*\b(?:PK|FK|UK)\b)*)\s*(?:"[^"]*")?$/.exec(text);
    if (!attribute) return;
    const keys: string[] = attribute[3].match(/PK|FK|UK/g) ?? [];
    current.columns.push({
      name: attribute[2],
      line,
      type: attribute[1],
      nullable: keys.includes('PK') ? false : undefined,
      unique: keys.includes('UK') ? true : undefined,
      fk: keys.includes('FK'),
    });
  });
  const entities: Entity[] = [];
  for (const table of found) {
    const others = [...(partners.get(table.table) ?? [])].filter((other) => other !== table.table);
    const columns = table.columns.map(({ fk, ...column }) => (fk && others.length === 1 ? { ...column, references: others[0] } : column));
    addEntity(entities, table.table, table.line, columns);
  }
  return entities;
}

/* ------------------------------------------------------ Mermaid classDiagram */

/** Classes that hold behaviour or wiring, not stored rows. */
const NOT_STORED_CLASS = /(?:Service|Controller|Repository|Handler|Manager|Client|Gateway|Factory|Provider|Resolver|Module|Router|Adapter|Facade|Helper|Util|Utils|Exception|Error)$/;

/**
 * `class Account { +String id  +balance: Decimal  +deposit() void }` and
 * `Account : +String id`: attributes become columns; methods, interfaces,
 * enumerations and service-like classes are left out.
 */
function readMermaidClasses(code: string, firstLine: number): Entity[] {
  const classes = new Map<string, { line: number; columns: Column[]; skip: boolean }>();
  const classOf = (name: string, line: number) => {
    let found = classes.get(name);
    if (!found) {
      found = { line, columns: [], skip: NOT_STORED_CLASS.test(name) || isDtoName(name) };
      classes.set(name, found);
    }
    return found;
  };
  const member = (target: { columns: Column[]; skip: boolean }, text: string, line: number): void => {
    const body = text.replace(/^[+\-#~]\s*/, '').replace(/[$*]$/, '').trim();
    if (/^<<\s*(?:interface|abstract|enumeration|enum|service)\s*>>$/i.test(body)) target.skip = true;
    if (!body || body.includes('(') || body.startsWith('<<')) return;
    // `Type name`, `name: Type` or a bare `name`; generics are written `List~String~`.
    const typed = /^([\w.~[\]<>,]+)\s+([A-Za-z_]\w*)$/.exec(body);
    const colon = /^([A-Za-z_]\w*)\s*:\s*([\w.~[\]<>,?]+)$/.exec(body);
    const bare = /^([A-Za-z_]\w*)$/.exec(body);
    const name = typed?.[2] ?? colon?.[1] ?? bare?.[1];
    if (!name) return;
    const type = (typed?.[1] ?? colon?.[2])?.replace(/~([^~]*)~/g, '<$1>');
    target.columns.push({ name, line, ...(type ? { type } : {}) });
  };
  let current: { columns: Column[]; skip: boolean } | undefined;
  code.split(/\r?\n/).forEach((raw, index) => {
    const text = raw.replace(/%%.*$/, '').trim();
    const line = firstLine + index;
    if (current) {
      if (text === '}') current = undefined;
      else member(current, text, line);
      return;
    }
    const open = /^class\s+([A-Za-z_]\w*)(?:~[^~]*~)?(?:\s*\["[^"]*"\])?\s*(\{)?\s*$/.exec(text);
    if (open) {
      const found = classOf(open[1], line);
      if (open[2]) current = found;
      return;
    }
    const annotation = /^<<\s*(\w+)\s*>>\s+([A-Za-z_]\w*)$/.exec(text);
    if (annotation && /^(?:interface|abstract|enumeration|enum|service)$/i.test(annotation[1])) classOf(annotation[2], line).skip = true;
    const outside = /^([A-Za-z_]\w*)\s*:\s*(.+)$/.exec(text);
    if (outside) member(classOf(outside[1], line), outside[2].trim(), line);
  });
  const entities: Entity[] = [];
  for (const [name, found] of classes) if (!found.skip && found.columns.length) addEntity(entities, name, found.line, found.columns);
  return entities;
}

/* ----------------------------------------------------------------- Drizzle */

const DRIZZLE_TABLE = /^(?:pg|sqlite|mysql|singlestore)Table$/;
const DRIZZLE_ENUM = /^(?:pg|mysql)Enum$/;

function readDrizzle(code: string, firstLine: number): Entity[] {
  const s = TokenStream.of(code);
  const enums = new Map<string, string[]>();
  const tableOf = new Map<string, string>();
  const tables: Array<{ table: string; line: number; columns: Expr }> = [];
  while (!s.done) {
    const token = s.peek();
    if (token.kind !== 'ident' || !s.is('(', 1) || !(DRIZZLE_TABLE.test(token.value) || DRIZZLE_ENUM.test(token.value))) {
      s.next();
      continue;
    }
    const before = s.tokens[s.index - 1];
    const variable = isPunct(before, '=') && s.tokens[s.index - 2]?.kind === 'ident' ? s.tokens[s.index - 2].value : undefined;
    attempt(s, () => {
      const call = chainOf(parseExpression(s)).steps[0];
      if (call?.args[0]?.kind !== 'string') return;
      const name = call.args[0].value;
      if (DRIZZLE_ENUM.test(token.value)) {
        const values = call.args[1];
        if (variable && values?.kind === 'array') enums.set(variable, values.items.map((item) => literalText(item, code)));
        return;
      }
      const columns = call.args[1]?.kind === 'arrow' ? call.args[1].body : call.args[1];
      if (columns?.kind !== 'object') return;
      if (variable) tableOf.set(variable, name);
      tables.push({ table: name, line: firstLine + token.line, columns });
    });
  }
  const entities: Entity[] = [];
  for (const table of tables) {
    if (table.columns.kind !== 'object') continue;
    const columns = table.columns.props.map((prop): Column => {
      const steps = chainOf(prop.value).steps;
      const at = steps.findIndex((step) => step.called);
      const builder = steps[at];
      const column: Column = { name: prop.key, line: firstLine + prop.line, type: builder?.name, nullable: true, enum: builder ? enums.get(builder.name) : undefined };
      const options = builder?.args.find((arg) => arg.kind === 'object');
      const listed = options?.kind === 'object' ? options.props.find((option) => option.key === 'enum')?.value : undefined;
      if (listed?.kind === 'array') column.enum = listed.items.map((item) => literalText(item, code));
      for (const step of at < 0 ? [] : steps.slice(at + 1)) {
        if (step.name === 'notNull' || step.name === 'primaryKey') column.nullable = false;
        else if (step.name === 'unique') column.unique = true;
        else if (step.name === 'default' && step.args[0]) column.default = literalText(step.args[0], code);
        else if (step.name === 'defaultNow') column.default = 'now()';
        else if (step.name === 'references') {
          const target = step.args[0]?.kind === 'arrow' ? step.args[0].body : undefined;
          if (target?.kind === 'member' && target.object.kind === 'ident') column.references = `${tableOf.get(target.object.name) ?? target.object.name}.${target.name}`;
        }
      }
      return column;
    });
    addEntity(entities, table.table, table.line, columns);
  }
  return entities;
}

/* -------------------------------------------------------------- TypeScript */

const TS_RELATION_DECORATORS = /^(?:OneToMany|ManyToOne|ManyToMany|OneToOne|RelationId|JoinColumn|JoinTable)$/;
const TS_ARRAYS = new Set(['Array', 'ReadonlyArray', 'Set', 'Collection']);

const unionParts = (node: TypeNode | undefined): TypeNode[] => (node?.kind === 'union' ? node.types : node ? [node] : []);

/** `'a' | 'b'` → its values. */
function literalValues(parts: TypeNode[]): string[] | undefined {
  const values = parts.flatMap((part) => (part.kind === 'literal' && part.literal === 'string' ? [part.value] : []));
  return parts.length && values.length === parts.length ? values : undefined;
}

function referencedName(node: TypeNode): string | undefined {
  if (node.kind === 'array') return referencedName(node.element);
  if (node.kind === 'ref') return TS_ARRAYS.has(node.name) && node.args[0] ? referencedName(node.args[0]) : node.name;
  return undefined;
}

function readTypeScript(code: string, firstLine: number): Entity[] {
  const declarations = readDeclarations(code);
  const enums = new Map<string, string[]>();
  for (const declaration of declarations) {
    if (declaration.kind === 'enum') enums.set(declaration.name, declaration.values);
    const values = declaration.kind === 'type' ? literalValues(unionParts(declaration.type)) : undefined;
    if (values) enums.set(declaration.name, values);
  }
  const shapes = declarations.filter((declaration) => declaration.kind !== 'enum' && !enums.has(declaration.name) && (declaration.kind !== 'type' || declaration.members.length));
  const names = new Set(shapes.map((declaration) => declaration.name));
  const isEntity = (expr: Expr): boolean => attributeName(expr) === 'Entity';
  const decorated = shapes.filter((declaration) => declaration.decorators.some(isEntity));
  const entities: Entity[] = [];
  for (const model of decorated.length ? decorated : shapes) {
    if (isDtoName(model.name)) continue;
    const marker = model.decorators.find(isEntity);
    const markerArg = marker?.kind === 'call' ? marker.args[0] : undefined;
    const named = markerArg?.kind === 'object' ? markerArg.props.find((prop) => prop.key === 'name')?.value : markerArg;
    const columns = model.members.filter((member) => !member.modifiers.includes('static')).flatMap((member) => tsColumn(member, code, firstLine, names, enums));
    if (!columns.length && !marker) continue;
    addEntity(entities, named?.kind === 'string' ? named.value : model.name, firstLine + model.line, columns);
  }
  return entities;
}

function tsColumn(member: Member, code: string, firstLine: number, models: Set<string>, enums: Map<string, string[]>): Column[] {
  if (member.decorators.some((decorator) => TS_RELATION_DECORATORS.test(attributeName(decorator) ?? ''))) return [];
  const parts = unionParts(member.type);
  const nullish = parts.filter((part) => part.kind === 'ref' && (part.name === 'null' || part.name === 'undefined'));
  const rest = parts.filter((part) => !nullish.includes(part));
  if (rest.some((part) => models.has(referencedName(part) ?? ''))) return [];
  const values = literalValues(rest);
  const named = rest.length === 1 && rest[0].kind === 'ref' ? enums.get(rest[0].name) : undefined;
  const column: Column = {
    name: member.name,
    line: firstLine + member.line,
    type: values ? undefined : rest.map((part) => code.slice(part.start, part.end)).join(' | ') || undefined,
    nullable: member.optional || nullish.length > 0,
    enum: values ?? named,
  };
  for (const decorator of member.decorators) {
    const name = attributeName(decorator) ?? '';
    if (/^Primary(?:Generated)?Column$/.test(name)) column.nullable = false;
    const options = decorator.kind === 'call' ? decorator.args.find((arg) => arg.kind === 'object') : undefined;
    // The column type the decorator states beats the property's TypeScript type: `@Column('simple-array')`,
    // `@Column({ type: 'timestamp' })`; PrimaryGeneratedColumn's first argument is a strategy, and only 'uuid' is a type.
    const first = decorator.kind === 'call' ? decorator.args[0] : undefined;
    if (first?.kind === 'string' && /Column$/.test(name) && (name !== 'PrimaryGeneratedColumn' || first.value === 'uuid')) column.type = first.value;
    for (const prop of options?.kind === 'object' ? options.props : []) {
      const flag = prop.value.kind === 'ident' ? prop.value.name : undefined;
      if (prop.key === 'type' && prop.value.kind === 'string') column.type = prop.value.value;
      if (prop.key === 'nullable' && flag) column.nullable = flag === 'true';
      if (prop.key === 'unique' && flag === 'true') column.unique = true;
      if (prop.key === 'default') column.default = literalText(prop.value, code);
      if (prop.key === 'enum' && prop.value.kind === 'array') column.enum = prop.value.items.map((item) => literalText(item, code));
      if (prop.key === 'enum' && prop.value.kind === 'ident') column.enum = enums.get(prop.value.name) ?? column.enum;
    }
  }
  if (member.init && column.default === undefined && !(member.init.kind === 'ident' && member.init.name === 'null')) column.default = literalText(member.init, code);
  return [column];
}

/* ------------------------------------------------------------------ Python */

interface PyLine {
  tokens: Token[];
  indent: number;
}

interface PyClass {
  name: Token;
  bases: string[];
  named: NamedArg[];
  /** Statements directly in the class body. */
  body: PyLine[];
  /** Line indexes of the class and of its body's end, for nesting. */
  from: number;
  to: number;
}

interface PyType {
  /** The annotation as written, without `Optional[…]` / `Mapped[…]`. */
  word?: string;
  /** Class name the annotation points to (through lists). */
  base?: string;
  nullable: boolean;
  list: boolean;
  mapped: boolean;
  classVar: boolean;
}

const PY_ENUM_BASE = /(?:^|\.)(?:Enum|IntEnum|StrEnum|Flag|IntFlag|TextChoices|IntegerChoices|Choices)$/;
const PY_DTO_BASE = /\b(?:BaseModel|BaseSettings|TypedDict|NamedTuple|Schema|Serializer|ModelSerializer|Protocol)\b/;
const PY_SKIP_CALLS = /^(?:relationship|relation|backref|association_proxy|column_property|hybrid_property|Relationship|ManyToManyField|GenericRelation|GenericForeignKey|Manager)$/;
const PY_LISTS = /^(?:list|List|set|Set|Sequence|tuple|Tuple|frozenset|FrozenSet)$/;
const PY_NOT_TYPES = /^(?:Sequence|Identity|Computed|CheckConstraint|Index|UniqueConstraint|FetchedValue)$/;

function pythonLines(code: string): PyLine[] {
  const tokens = tokenize(code, { lineComments: ['#'], blockComments: false, python: true });
  return splitLines(tokens).map((line) => ({ tokens: line, indent: line[0].start - (code.lastIndexOf('\n', line[0].start - 1) + 1) }));
}

function pythonClasses(code: string, lines: PyLine[]): PyClass[] {
  const classes: PyClass[] = [];
  lines.forEach((line, index) => {
    const s = streamOf(line.tokens, code);
    if (!s.is('class') || s.peek(1).kind !== 'ident') return;
    attempt(s, () => {
      s.next();
      const name = s.next();
      const { args, named } = s.eat('(') ? parseArguments(s, ')') : { args: [], named: [] };
      let to = index + 1;
      while (to < lines.length && lines[to].indent > line.indent) to++;
      const inside = lines.slice(index + 1, to);
      const body = inside.filter((statement) => statement.indent === inside[0].indent);
      classes.push({ name, bases: args.map((arg) => code.slice(arg.start, arg.end)), named, body, from: index, to });
    });
  });
  return classes;
}

function pythonStatement(line: PyLine, code: string): { name: Token; annotation?: Expr; value?: Expr } | undefined {
  const s = streamOf(line.tokens, code);
  const name = s.peek();
  if (name.kind !== 'ident' || !(s.is(':', 1) || s.is('=', 1)) || s.is('=', 2)) return undefined;
  s.next();
  const annotation = s.eat(':') ? parseExpression(s, ['=']) : undefined;
  const value = s.eat('=') ? parseExpression(s) : undefined;
  return { name, annotation, value };
}

function pyType(expr: Expr | undefined, code: string): PyType {
  const result: PyType = { nullable: false, list: false, mapped: false, classVar: false };
  let source = code;
  let current = expr;
  const dropNone = (items: Expr[]): Expr | undefined => {
    const rest = items.filter((item) => !(item.kind === 'ident' && item.name === 'None'));
    if (rest.length < items.length) result.nullable = true;
    return rest.length === 1 ? rest[0] : undefined;
  };
  for (let guard = 0; current && guard < 10; guard++) {
    if (current.kind === 'string') {
      // A forward reference: `"Invoice"`, `"list[Invoice]"`.
      source = current.value;
      current = parseExpression(TokenStream.of(source, { python: true, lineComments: ['#'] }));
      continue;
    }
    const name = current.kind === 'index' ? lastName(current.object) : undefined;
    if (current.kind === 'union' || name === 'Union') {
      const items = current.kind === 'union' ? current.items : current.kind === 'index' ? current.args : [];
      const single = dropNone(items);
      if (!single) {
        result.word = source.slice(current.start, current.end);
        break;
      }
      current = single;
    } else if (current.kind === 'index' && (name === 'Mapped' || name === 'Optional' || name === 'Annotated')) {
      if (name === 'Mapped') result.mapped = true;
      if (name === 'Optional') result.nullable = true;
      current = current.args[0];
    } else if (current.kind === 'index' && name === 'ClassVar') {
      result.classVar = true;
      break;
    } else {
      result.word = source.slice(current.start, current.end);
      if (current.kind === 'index' && PY_LISTS.test(name ?? '')) {
        result.list = true;
        const item = current.args[0];
        result.base = item?.kind === 'string' ? item.value.split('.').pop() : lastName(item);
      } else result.base = current.kind === 'index' ? name : lastName(current);
      break;
    }
  }
  return result;
}

const pyFlag = (expr: Expr | undefined): boolean | undefined => (expr?.kind === 'ident' && (expr.name === 'True' || expr.name === 'False') ? expr.name === 'True' : undefined);

function pyDefault(expr: Expr | undefined, code: string): string | undefined {
  if (!expr || (expr.kind === 'ident' && expr.name === 'None') || (expr.kind === 'other' && code.slice(expr.start, expr.end) === '...')) return undefined;
  return literalText(expr, code);
}

/** `Column(String(200), ForeignKey("customers.id"), nullable=False)` / `mapped_column(…)`. */
function sqlalchemyArgs(column: Column, call: Expr & { kind: 'call' }, code: string, enums: Map<string, string[]>): void {
  for (const arg of call.args) {
    const name = lastName(arg);
    if (name === 'ForeignKey' && arg.kind === 'call' && arg.args[0]) column.references = literalText(arg.args[0], code);
    else if (name === 'Enum' && arg.kind === 'call') {
      column.type = 'Enum';
      const strings = arg.args.filter((item) => item.kind === 'string').map((item) => literalText(item, code));
      const named = arg.args[0] ? enums.get(lastName(arg.args[0]) ?? '') : undefined;
      column.enum = strings.length ? strings : (named ?? column.enum);
    } else if (name && /^[A-Z]/.test(name) && !PY_NOT_TYPES.test(name)) column.type = name;
  }
  for (const { name, value } of call.named) {
    if (name === 'nullable') column.nullable = pyFlag(value) ?? column.nullable;
    else if (name === 'primary_key' && pyFlag(value)) column.nullable = false;
    else if (name === 'unique' && pyFlag(value)) column.unique = true;
    else if (name === 'default' || (name === 'server_default' && column.default === undefined)) column.default = pyDefault(value, code);
    else if (name === 'type_' && lastName(value)) column.type = lastName(value);
  }
}

/** SQLModel `Field(default=None, primary_key=True, foreign_key="customers.id")`. */
function sqlmodelArgs(column: Column, call: Expr & { kind: 'call' }, code: string, enums: Map<string, string[]>): void {
  for (const { name, value } of call.named) {
    if (name === 'primary_key' && pyFlag(value)) column.nullable = false;
    else if (name === 'foreign_key' && value.kind === 'string') column.references = value.value;
    else if (name === 'unique' && pyFlag(value)) column.unique = true;
    else if (name === 'nullable') column.nullable = pyFlag(value) ?? column.nullable;
    else if (name === 'default') column.default = pyDefault(value, code);
    else if (name === 'sa_column' && value.kind === 'call') sqlalchemyArgs(column, value, code, enums);
  }
  if (call.args[0] && column.default === undefined) column.default = pyDefault(call.args[0], code);
}

/** Django `models.CharField(max_length=200, null=True)`, `models.ForeignKey(Customer, on_delete=…)`. */
function djangoArgs(column: Column, call: Expr & { kind: 'call' }, kind: string, code: string, enums: Map<string, string[]>): void {
  column.type = kind;
  column.nullable = false;
  if (/^(?:ForeignKey|OneToOneField)$/.test(kind)) {
    const target = call.args[0] ?? call.named.find((arg) => arg.name === 'to')?.value;
    if (target) column.references = target.kind === 'string' ? target.value : lastName(target);
  }
  for (const { name, value } of call.named) {
    if (name === 'null') column.nullable = pyFlag(value) ?? false;
    else if (name === 'primary_key' && pyFlag(value)) column.nullable = false;
    else if (name === 'unique' && pyFlag(value)) column.unique = true;
    else if (name === 'default') column.default = pyDefault(value, code);
    else if (name === 'choices') {
      const owner = value.kind === 'member' ? lastName(value.object) : lastName(value);
      const listed = value.kind === 'array' ? value.items.filter((item) => item.kind === 'string' || item.kind === 'number').map((item) => literalText(item, code)) : undefined;
      column.enum = listed?.length ? listed : enums.get(owner ?? '') ?? column.enum;
    }
  }
}

function readPython(code: string, firstLine: number): Entity[] {
  const lines = pythonLines(code);
  const classes = pythonClasses(code, lines);
  const enums = new Map<string, string[]>();
  for (const cls of classes.filter((candidate) => candidate.bases.some((base) => PY_ENUM_BASE.test(base)))) {
    const values = cls.body.flatMap((line) => {
      const statement = pythonStatement(line, code);
      if (!statement?.value) return [];
      const value = statement.value;
      return [value.kind === 'string' || value.kind === 'number' ? literalText(value, code) : statement.name.value];
    });
    enums.set(cls.name.value, values);
  }
  const topLevel = classes.filter((cls) => !classes.some((outer) => outer.from < cls.from && cls.from < outer.to));
  const models = topLevel.filter((cls) => !enums.has(cls.name.value));
  const modelNames = new Set(models.map((cls) => cls.name.value));
  const read: Array<{ cls: PyClass; table: string; columns: Column[] }> = [];
  for (const cls of models) {
    const bases = cls.bases.join(', ');
    const tableTrue = cls.named.some((arg) => arg.name === 'table' && pyFlag(arg.value));
    if (isDtoName(cls.name.value) || PY_DTO_BASE.test(bases) || (/\bSQLModel\b/.test(bases) && !tableTrue)) continue;
    const django = /\bmodels\.Model\b|^Model$/.test(bases);
    let table: string | undefined;
    const columns: Column[] = [];
    for (const line of cls.body) {
      const statement = pythonStatement(line, code);
      if (!statement) continue;
      const { name, annotation, value } = statement;
      if (name.value === '__tablename__' && value?.kind === 'string') table = value.value;
      if (name.value.startsWith('_') || /^[A-Z][A-Z0-9_]*$/.test(name.value) || ['objects', 'model_config', 'Meta', 'Config'].includes(name.value)) continue;
      const type = pyType(annotation, code);
      const call = value?.kind === 'call' ? value : undefined;
      const callee = call ? lastName(call.callee) ?? '' : '';
      if (type.classVar || PY_SKIP_CALLS.test(callee) || (type.base && modelNames.has(type.base) && !/^(?:Column|mapped_column)$/.test(callee))) continue;
      // SQLAlchemy `Mapped[T]` and SQLModel tables make a non-Optional annotation NOT NULL.
      const column: Column = { name: name.value, line: firstLine + name.line, type: type.word, nullable: type.nullable ? true : type.mapped || (tableTrue && annotation) ? false : undefined };
      if (type.base && enums.has(type.base)) column.enum = enums.get(type.base);
      if (call && (callee === 'Column' || callee === 'mapped_column')) sqlalchemyArgs(column, call, code, enums);
      else if (call && callee === 'Field') sqlmodelArgs(column, call, code, enums);
      else if (call && (django || /^models$/.test(call.callee.kind === 'member' ? (lastName(call.callee.object) ?? '') : '')) && /(?:Field|^ForeignKey|^OneToOneField)$/.test(callee)) djangoArgs(column, call, callee, code, enums);
      else if (call && callee === 'field') column.default = pyDefault(call.named.find((arg) => arg.name === 'default')?.value, code);
      else if (value && !annotation && !call) continue; // a plain class attribute, not a field
      else if (value) column.default = pyDefault(value, code);
      if (!column.type && !call && !annotation) continue;
      columns.push(column);
    }
    const meta = classes.find((inner) => inner.name.value === 'Meta' && inner.from > cls.from && inner.from < cls.to);
    for (const line of meta?.body ?? []) {
      const statement = pythonStatement(line, code);
      if (statement?.name.value === 'db_table' && statement.value?.kind === 'string') table = statement.value.value;
    }
    if (!columns.length && !table) continue;
    read.push({ cls, table: table ?? cls.name.value, columns });
  }
  // Django-style references name a class: point them at its table.
  const tableOf = new Map(read.map((model) => [model.cls.name.value, model.table]));
  const entities: Entity[] = [];
  for (const model of read) {
    for (const column of model.columns) if (column.references && tableOf.has(column.references)) column.references = tableOf.get(column.references);
    addEntity(entities, model.table, firstLine + model.cls.name.line, model.columns);
  }
  return entities;
}

/* ---------------------------------------------------------------------- Go */

function readGo(code: string, firstLine: number): Entity[] {
  const s = TokenStream.of(code);
  const structs: Array<{ name: Token; lines: Token[][] }> = [];
  const tableNames = new Map<string, string>();
  while (!s.done) {
    if (s.is('type') && s.peek(1).kind === 'ident' && s.is('struct', 2) && s.is('{', 3)) {
      const name = s.peek(1);
      s.index += 3;
      structs.push({ name, lines: splitLines(takeBlock(s)) });
    } else if (s.is('func') && s.is('(', 1)) {
      // func (Invoice) TableName() string { return "invoices" }
      s.next();
      const receiver = s.peek();
      s.skip();
      const inside = s.tokens.slice(s.tokens.indexOf(receiver) + 1, s.index - 1).filter((token) => token.kind === 'ident');
      if (s.is('TableName') && s.is('(', 1) && s.is(')', 2)) {
        s.index += 3;
        while (!s.is('{') && !s.done) s.next();
        const body = s.is('{') ? takeBlock(s) : [];
        const returned = body.find((token, index) => token.kind === 'string' && body[index - 1]?.value === 'return');
        if (returned && inside.length) tableNames.set(inside[inside.length - 1].value, returned.value);
      }
    } else s.next();
  }
  const names = new Set(structs.map((struct) => struct.name.value));
  const entities: Entity[] = [];
  for (const struct of structs) {
    if (isDtoName(struct.name.value)) continue;
    let embedsModel = false;
    const columns: Column[] = [];
    for (const line of struct.lines) {
      const last = line[line.length - 1];
      const tag = line.length > 1 && last.kind === 'string' ? last.value : '';
      const rest = tag ? line.slice(0, -1) : line;
      if (rest[0]?.kind !== 'ident') {
        continue; // `*Base` embedded pointer
      }
      const fieldNames = [rest[0]];
      let at = 1;
      while (isPunct(rest[at], ',') && rest[at + 1]?.kind === 'ident') {
        fieldNames.push(rest[at + 1]);
        at += 2;
      }
      const typeTokens = rest.slice(at);
      if (!typeTokens.length || isPunct(typeTokens[0], '.')) {
        // An embedded type: `gorm.Model` adds its own columns, nothing this block names.
        if (code.slice(rest[0].start, rest[rest.length - 1].end).replace(/\s+/g, '') === 'gorm.Model') embedsModel = true;
        continue;
      }
      const type = typeParts(code.slice(typeTokens[0].start, typeTokens[typeTokens.length - 1].end));
      const gorm = /(?:^|\s)gorm:"([^"]*)"/.exec(tag)?.[1] ?? '';
      const options = gorm.split(';').map((option) => option.trim()).filter(Boolean);
      const option = (key: string): string | undefined => options.find((entry) => entry.split(':')[0].trim().toLowerCase() === key.toLowerCase());
      if (gorm === '-' || option('foreignKey') || option('many2many') || option('references') || names.has(type.base)) continue;
      const nullable = type.nullable || /^(?:sql\.Null\w+|null\.\w+)$/.test(type.word) ? true : option('not null') || option('primaryKey') || option('primary_key') ? false : undefined;
      const defaultValue = option('default')?.split(':').slice(1).join(':').trim();
      for (const name of fieldNames) {
        columns.push({
          name: name.value,
          line: firstLine + name.line,
          type: type.word,
          nullable,
          default: defaultValue?.replace(/^'|'$/g, ''),
          unique: option('unique') || option('uniqueIndex') ? true : undefined,
        });
      }
    }
    if (!columns.length && !embedsModel) continue;
    addEntity(entities, tableNames.get(struct.name.value) ?? struct.name.value, firstLine + struct.name.line, columns);
  }
  return entities;
}

/* -------------------------------------------------------------------- Rust */

function readRust(code: string, firstLine: number): Entity[] {
  const s = TokenStream.of(code);
  const structs: Array<{ name: Token; attributes: string[]; fields: Array<{ name: Token; type: string; attributes: string[] }> }> = [];
  let attributes: string[] = [];
  const attribute = (stream: TokenStream): boolean => {
    if (!stream.is('#') || !(stream.is('[', 1) || (stream.is('!', 1) && stream.is('[', 2)))) return false;
    stream.next();
    stream.eat('!');
    attributes.push(stream.group());
    return true;
  };
  while (!s.done) {
    if (attribute(s)) continue;
    if (s.is('pub')) {
      s.next();
      if (s.is('(')) s.skip();
      continue;
    }
    if (s.is('struct') && s.peek(1).kind === 'ident') {
      s.next();
      const name = s.next();
      s.skipAngles();
      while (!s.is('{') && !s.is(';') && !s.is('(') && !s.done) s.next();
      if (s.is('{')) {
        const own = attributes;
        attributes = [];
        structs.push({ name, attributes: own, fields: rustFields(streamOf(takeBlock(s), code), attribute, () => attributes.splice(0)) });
        continue;
      }
    }
    attributes = [];
    s.next();
  }
  const names = new Set(structs.map((struct) => struct.name.value));
  const entities: Entity[] = [];
  for (const struct of structs) {
    if (isDtoName(struct.name.value)) continue;
    const columns: Column[] = [];
    for (const field of struct.fields) {
      const options = field.attributes.join(' ');
      const type = typeParts(field.type);
      if (/\b(?:ignore|skip_deserializing)\b/.test(options) || names.has(type.base)) continue;
      const defaultValue = /\bdefault_value\s*=\s*"?([^",)]+)"?/.exec(options)?.[1];
      columns.push({
        name: field.name.value,
        line: firstLine + field.name.line,
        type: type.word,
        nullable: type.nullable && !/\bprimary_key\b/.test(options),
        unique: /\bunique\b/.test(options) ? true : undefined,
        default: defaultValue?.trim(),
      });
    }
    if (!columns.length) continue;
    const table = struct.attributes.map((text) => /\btable_name\s*=\s*"?([\w.]+)"?/.exec(text)?.[1]).find(Boolean);
    addEntity(entities, table ?? struct.name.value, firstLine + struct.name.line, columns);
  }
  return entities;
}

function rustFields(s: TokenStream, attribute: (stream: TokenStream) => boolean, take: () => string[]): Array<{ name: Token; type: string; attributes: string[] }> {
  const fields: Array<{ name: Token; type: string; attributes: string[] }> = [];
  while (!s.done) {
    if (s.eat(',') || attribute(s)) continue;
    if (s.is('pub')) {
      s.next();
      if (s.is('(')) s.skip();
      continue;
    }
    const name = s.next();
    if (name.kind !== 'ident' || !s.eat(':')) {
      take();
      continue;
    }
    const start = s.peek().start;
    let depth = 0;
    while (!s.done && !(depth === 0 && s.is(','))) {
      if (s.is('<')) depth++;
      if (s.is('>')) depth--;
      s.skip();
    }
    fields.push({ name, type: s.text.slice(start, s.lastEnd), attributes: take() });
  }
  return fields;
}

/* --------------------------------------------------------- Java, Kotlin, C# */

interface Annotation {
  name: string;
  args: Expr[];
  named: NamedArg[];
}

interface ClassField {
  name: Token;
  type: string;
  modifiers: string[];
  annotations: Annotation[];
  init?: Expr;
}

interface ClassInfo {
  name: Token;
  annotations: Annotation[];
  fields: ClassField[];
}

interface ClassModels {
  classes: ClassInfo[];
  enums: Map<string, string[]>;
}

type Dialect = 'java' | 'kotlin' | 'csharp';

const JAVA_MODIFIERS = new Set(['public', 'private', 'protected', 'static', 'final', 'abstract', 'transient', 'volatile', 'synchronized', 'native', 'default', 'sealed']);
const KOTLIN_MODIFIERS = new Set(['public', 'private', 'protected', 'internal', 'open', 'abstract', 'final', 'override', 'lateinit', 'const', 'data', 'sealed', 'inner', 'value', 'annotation', 'companion', 'inline', 'tailrec', 'operator', 'suspend']);
const CSHARP_MODIFIERS = new Set(['public', 'private', 'protected', 'internal', 'static', 'virtual', 'override', 'readonly', 'required', 'abstract', 'sealed', 'new', 'partial', 'const', 'volatile', 'unsafe', 'extern']);
const CLASS_RELATIONS = /^(?:OneToMany|ManyToOne|ManyToMany|OneToOne|Transient|NotMapped|ElementCollection|Embedded|InverseProperty|JoinTable)$/;
const NOT_NULL_ANNOTATIONS = /^(?:Id|Key|EmbeddedId|NotNull|NonNull|Nonnull|NotBlank|NotEmpty|Required)$/;
const JAVA_PRIMITIVES = /^(?:int|long|short|byte|boolean|double|float|char)$/;
const CSHARP_VALUES = /^(?:int|long|short|byte|bool|decimal|double|float|char|uint|ulong|ushort|sbyte|Guid|DateTime|DateTimeOffset|DateOnly|TimeOnly|TimeSpan)$/;
const CSHARP_SCALARS = /^(?:int|long|short|byte|bool|decimal|double|float|char|uint|ulong|ushort|sbyte|Guid|DateTime|DateTimeOffset|DateOnly|TimeOnly|TimeSpan|string|String|byte\[\])$/;

/** `@Column(name = "x", nullable = false)`, Kotlin `@field:Column(…)`. */
function readAnnotation(s: TokenStream): Annotation {
  s.next();
  if (s.peek().kind === 'ident' && s.is(':', 1)) s.index += 2;
  let name = s.next().value;
  while (s.is('.') && s.peek(1).kind === 'ident') {
    s.next();
    name = s.next().value;
  }
  if (!s.is('(')) return { name, args: [], named: [] };
  s.next();
  return { name, ...parseArguments(s, ')') };
}

/** C# `[Key, Column("x")]`. */
function readAttributes(s: TokenStream): Annotation[] {
  const found: Annotation[] = [];
  s.next();
  if (s.peek().kind === 'ident' && s.is(':', 1)) s.index += 2;
  while (!s.is(']') && !s.done) {
    if (s.eat(',')) continue;
    let name = s.next().value;
    while (s.is('.') && s.peek(1).kind === 'ident') {
      s.next();
      name = s.next().value;
    }
    if (s.eat('(')) found.push({ name, ...parseArguments(s, ')') });
    else found.push({ name, args: [], named: [] });
  }
  s.next();
  return found;
}

/** A type as written: `Long`, `List<LineItem>`, `String?`, `byte[]`, `java.time.Instant`. */
function readTypeText(s: TokenStream): string {
  const start = s.peek().start;
  if (s.peek().kind !== 'ident') s.fail('expected a type');
  s.next();
  while ((s.is('.') || s.is('::')) && s.peek(1).kind === 'ident') s.index += 2;
  if (s.is('<')) s.skipAngles();
  while (s.is('[') && s.is(']', 1)) s.index += 2;
  s.eat('?');
  return s.text.slice(start, s.lastEnd);
}

/** Skips a method or constructor from its parameters through its body. */
function skipCallable(s: TokenStream): void {
  if (s.is('(')) s.skip();
  while (!s.is('{') && !s.is(';') && !s.is('}') && !s.is('=') && !s.is('=>') && !s.done) s.skip();
  if (s.is('{')) s.skip();
  else if (s.eat('=') || s.eat('=>')) parseExpression(s);
  s.eat(';');
}

/** Enum constants after the `{` the stream is on; skips the whole body. */
function enumValues(s: TokenStream): string[] {
  const open = s.index;
  s.next();
  const values: string[] = [];
  while (!s.is('}') && !s.is(';') && !s.done) {
    if (s.eat(',')) continue;
    if (s.is('@')) readAnnotation(s);
    else if (s.is('[')) s.skip();
    else if (s.peek().kind === 'ident') {
      values.push(s.next().value);
      if (s.is('(')) s.skip();
      if (s.is('{')) s.skip();
      if (s.eat('=')) parseExpression(s);
    } else s.skip();
  }
  s.index = open;
  s.skip();
  return values;
}

/** Leading annotations/attributes and modifiers of a declaration or member. */
function readPrefix(s: TokenStream, dialect: Dialect): { annotations: Annotation[]; modifiers: string[] } {
  const annotations: Annotation[] = [];
  const modifiers: string[] = [];
  const known = dialect === 'java' ? JAVA_MODIFIERS : dialect === 'kotlin' ? KOTLIN_MODIFIERS : CSHARP_MODIFIERS;
  for (;;) {
    if (dialect !== 'csharp' && s.is('@') && s.peek(1).kind === 'ident' && !s.is('interface', 1)) annotations.push(readAnnotation(s));
    else if (dialect === 'csharp' && s.is('[')) annotations.push(...readAttributes(s));
    else if (s.peek().kind === 'ident' && known.has(s.peek().value) && (s.peek(1).kind === 'ident' || s.is('@', 1) || s.is('[', 1))) modifiers.push(s.next().value);
    else return { annotations, modifiers };
  }
}

/** Kotlin primary constructor properties: `(@Id val id: Long, var note: String? = null)`. */
function kotlinParameters(s: TokenStream): ClassField[] {
  const fields: ClassField[] = [];
  s.next();
  while (!s.is(')') && !s.done) {
    if (s.eat(',')) continue;
    const { annotations, modifiers } = readPrefix(s, 'kotlin');
    const property = s.is('val') || s.is('var');
    if (property) s.next();
    const name = s.next();
    if (name.kind !== 'ident' || !s.eat(':')) s.fail('expected a parameter');
    const type = readTypeText(s);
    const init = s.eat('=') ? parseExpression(s) : undefined;
    if (property) fields.push({ name, type, modifiers, annotations, init });
  }
  s.next();
  return fields;
}

/** Members of a class body after its `{`; consumes the `}`. Nested enums are added to `models`. */
function classMembers(s: TokenStream, dialect: Dialect, models: ClassModels): ClassField[] {
  const fields: ClassField[] = [];
  s.next();
  while (!s.is('}') && !s.done) {
    const start = s.index;
    try {
      if (s.eat(';') || s.eat(',')) continue;
      const { annotations, modifiers } = readPrefix(s, dialect);
      if (declaration(s, dialect, models, annotations)) continue;
      if (s.is('{')) {
        s.skip();
        continue;
      }
      if (dialect === 'kotlin') {
        if (s.is('val') || s.is('var')) {
          s.next();
          const name = s.next();
          const type = s.eat(':') ? readTypeText(s) : '';
          const init = s.eat('=') ? parseExpression(s) : undefined;
          if (s.eat('by')) parseExpression(s);
          else fields.push({ name, type, modifiers, annotations, init });
        } else if (s.is('fun') || s.is('constructor') || s.is('init') || s.is('object') || s.is('get') || s.is('set')) {
          s.next();
          while (!s.is('(') && !s.is('{') && !s.is('=') && !s.done && !s.peek().nl) s.next();
          skipCallable(s);
        } else s.skip();
        continue;
      }
      if (s.peek().kind !== 'ident') {
        s.skip();
        continue;
      }
      if (s.is('(', 1)) {
        s.next();
        skipCallable(s); // constructor
        continue;
      }
      if (s.is('<')) s.skipAngles();
      const type = readTypeText(s);
      const name = s.next();
      if (name.kind !== 'ident') continue;
      if (s.is('(') || s.is('<')) {
        s.skipAngles();
        skipCallable(s);
        continue;
      }
      if (s.is('=>')) {
        skipCallable(s); // C# expression-bodied property: computed, not stored
        continue;
      }
      if (dialect === 'csharp' && s.is('{')) s.skip(); // { get; set; }
      const init = s.eat('=') ? parseExpression(s) : undefined;
      fields.push({ name, type, modifiers, annotations, init });
      while (s.eat(',') && s.peek().kind === 'ident') {
        const other = s.next();
        fields.push({ name: other, type, modifiers, annotations, init: s.eat('=') ? parseExpression(s) : undefined });
      }
      s.eat(';');
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      s.index = start;
      do s.skip();
      while (!s.done && !s.is(';') && !s.is('}') && !s.peek().nl);
    }
  }
  s.next();
  return fields;
}

/** A class, enum, record or interface declaration at the stream; false when there is none. */
function declaration(s: TokenStream, dialect: Dialect, models: ClassModels, annotations: Annotation[]): boolean {
  const keyword = s.peek().value;
  const kotlinEnum = dialect === 'kotlin' && keyword === 'enum' && s.is('class', 1);
  if (s.peek().kind !== 'ident' || !['class', 'enum', 'record', 'interface', 'struct', 'object'].includes(keyword) || !(s.peek(1).kind === 'ident' || kotlinEnum)) return false;
  s.next();
  if (kotlinEnum) s.next();
  const name = s.next();
  if (keyword === 'object') {
    while (!s.is('{') && !s.done && !s.peek().nl) s.next();
    if (s.is('{')) s.skip();
    return true;
  }
  s.skipAngles();
  let fields: ClassField[] = [];
  if (dialect === 'kotlin' && s.is('constructor')) s.next();
  if (dialect === 'kotlin' && (s.is('(') || s.is('@'))) {
    readPrefix(s, 'kotlin');
    if (s.is('(')) fields = kotlinParameters(s);
  } else if (s.is('(')) s.skip(); // record components
  while (!s.is('{') && !s.is(';') && !s.done && !(dialect === 'kotlin' && s.peek().nl)) s.skip();
  if (keyword === 'enum' || kotlinEnum) {
    if (s.is('{')) models.enums.set(name.value, enumValues(s));
    return true;
  }
  if (s.is('{')) {
    if (keyword === 'class' || keyword === 'struct') fields = [...fields, ...classMembers(s, dialect, models)];
    else s.skip();
  }
  if (keyword === 'class' || keyword === 'struct') models.classes.push({ name, annotations, fields });
  return true;
}

function readClassModels(code: string, dialect: Dialect): ClassModels {
  const s = TokenStream.of(code);
  const models: ClassModels = { classes: [], enums: new Map() };
  while (!s.done) {
    attempt(s, () => {
      if (s.is('package') || s.is('import') || s.is('using')) {
        while (!s.done && !s.is(';') && !(dialect === 'kotlin' && s.peek(1).nl)) s.next();
        s.next();
        return;
      }
      const start = s.index;
      const { annotations } = readPrefix(s, dialect);
      if (!declaration(s, dialect, models, annotations) && s.index === start) s.next();
    });
  }
  return models;
}

const annotationArg = (annotation: Annotation | undefined, key: string): Expr | undefined => annotation?.named.find((arg) => arg.name === key)?.value;
const flagOf = (expr: Expr | undefined): boolean | undefined => (expr?.kind === 'ident' && /^(?:true|false)$/i.test(expr.name) ? expr.name.toLowerCase() === 'true' : undefined);

function classEntities(code: string, firstLine: number, dialect: Dialect): Entity[] {
  const { classes, enums } = readClassModels(code, dialect);
  const names = new Set(classes.map((cls) => cls.name.value));
  // JPA maps only @Entity classes; EF's [Table] is optional, so it marks nothing out.
  const marked = classes.filter((cls) => cls.annotations.some((annotation) => annotation.name === 'Entity'));
  const entities: Entity[] = [];
  for (const cls of marked.length ? marked : classes) {
    if (isDtoName(cls.name.value) || NOT_STORED_CLASS.test(cls.name.value)) continue;
    const columns: Column[] = [];
    for (const field of cls.fields) {
      const type = typeParts(field.type);
      const has = (pattern: RegExp): Annotation | undefined => field.annotations.find((annotation) => pattern.test(annotation.name));
      if (field.modifiers.some((modifier) => /^(?:static|transient|const)$/.test(modifier)) || has(CLASS_RELATIONS) || names.has(type.base)) continue;
      if (dialect === 'csharp' && field.modifiers.includes('virtual') && (type.list || !CSHARP_SCALARS.test(type.base))) continue;
      const column: Column = { name: field.name.value, line: firstLine + field.name.line, type: type.word || undefined, enum: enums.get(type.base) };
      if (type.nullable) column.nullable = true;
      else if (dialect === 'kotlin' || (dialect === 'java' && JAVA_PRIMITIVES.test(type.word)) || (dialect === 'csharp' && (CSHARP_VALUES.test(type.word) || enums.has(type.word)))) column.nullable = false;
      if (has(NOT_NULL_ANNOTATIONS)) column.nullable = false;
      const spec = has(/^Column$/);
      const nullableFlag = flagOf(annotationArg(spec, 'nullable'));
      if (nullableFlag !== undefined) column.nullable = nullableFlag;
      if (flagOf(annotationArg(spec, 'unique'))) column.unique = true;
      if (field.init && !(field.init.kind === 'ident' && field.init.name === 'null')) column.default = literalText(field.init, code);
      columns.push(column);
    }
    const table = cls.annotations.find((annotation) => annotation.name === 'Table');
    const tableName = annotationArg(table, 'name') ?? annotationArg(table, 'Name') ?? table?.args[0];
    if (!columns.length && !marked.includes(cls) && !table) continue;
    if (tableName?.kind === 'string' && tableName.value !== cls.name.value) {
      // The table is named on the annotation's line; the class keeps its own name beside it.
      addEntity(entities, tableName.value, firstLine + (code.slice(0, tableName.start).match(/\n/g)?.length ?? 0), columns);
      entityByTable(entities, tableName.value)!.model ??= cls.name.value;
    } else addEntity(entities, cls.name.value, firstLine + cls.name.line, columns);
  }
  return entities;
}

function readJava(code: string, firstLine: number): Entity[] {
  return classEntities(code, firstLine, 'java');
}

function readKotlin(code: string, firstLine: number): Entity[] {
  return classEntities(code, firstLine, 'kotlin');
}

function readCSharp(code: string, firstLine: number): Entity[] {
  return classEntities(code, firstLine, 'csharp');
}

/** The column a Laravel Blueprint method declares: its SQL type, or what the method means (`id()`, `timestamps()`). */
const LARAVEL_TYPES: Record<string, string> = {
  uuid: 'uuid', foreignUuid: 'uuid', ulid: 'char(26)', foreignUlid: 'char(26)', text: 'text', mediumText: 'text', longText: 'text', tinyText: 'text',
  integer: 'integer', unsignedInteger: 'integer', smallInteger: 'smallint', unsignedSmallInteger: 'smallint', tinyInteger: 'smallint', unsignedTinyInteger: 'smallint',
  bigInteger: 'bigint', unsignedBigInteger: 'bigint', foreignId: 'bigint', boolean: 'boolean', date: 'date', dateTime: 'timestamp', dateTimeTz: 'timestamptz',
  timestamp: 'timestamp', timestampTz: 'timestamptz', time: 'time', json: 'json', jsonb: 'jsonb', float: 'real', double: 'double', binary: 'bytea',
};

/**
 * Laravel migrations: `Schema::create('loans', function (Blueprint $table) { $table->id(); $table->foreignId('book_id')
 * ->constrained(); … })` gives a table and its columns; `Schema::table('loans', …)` adds columns to an existing one.
 * The builder is a narrow, regular DSL: one statement per `$table->…;` call chain.
 */
function readLaravel(code: string, firstLine: number): Entity[] {
  const lineAt = (index: number): number => firstLine + code.slice(0, index).split('\n').length - 1;
  const entities: Entity[] = [];
  const block = /\bSchema::(create|table)\s*\(\s*(['"])([\w.]+)\2\s*,\s*(?:function|fn)\s*\([^)]*\)\s*(?:use\s*\([^)]*\)\s*)?(?:=>|\{)/g;
  for (const opened of code.matchAll(block)) {
    const start = opened.index + opened[0].length;
    const end = code.indexOf('});', start) >= 0 ? code.indexOf('});', start) : code.length;
    const body = code.slice(start, end);
    const columns: Column[] = [];
    for (const statement of body.matchAll(/\$\w+->(\w+)\(([^;]*?)\)((?:->\w+\([^;]*?\))*)\s*;/g)) {
      const [, method, rawArgs, chain] = statement;
      const line = lineAt(start + statement.index);
      const args = [...rawArgs.matchAll(/(['"])([^'"]*)\1|\[[^\]]*\]|[\w:]+/g)].map((arg) => arg[2] ?? arg[0]);
      const nullable = /->nullable\(\s*\)/.test(chain);
      const unique = /->unique\(\s*\)/.test(chain);
      const primary = /->primary\(\s*\)/.test(chain);
      if (method === 'id' || method === 'bigIncrements' || method === 'increments') {
        columns.push({ name: args[0] ?? 'id', type: method === 'increments' ? 'integer' : 'bigint', primaryKey: true, line });
      } else if (method === 'timestamps' || method === 'timestampsTz' || method === 'nullableTimestamps') {
        const type = method === 'timestampsTz' ? 'timestamptz' : 'timestamp';
        columns.push({ name: 'created_at', type, nullable: true, line }, { name: 'updated_at', type, nullable: true, line });
      } else if (method === 'softDeletes' || method === 'softDeletesTz') {
        columns.push({ name: args[0] ?? 'deleted_at', type: method === 'softDeletesTz' ? 'timestamptz' : 'timestamp', nullable: true, line });
      } else if (method === 'foreignIdFor') {
        // `foreignIdFor(User::class)` is `user_id` referencing `users`.
        const model = /^(\w+)::class$/.exec(args[0] ?? '')?.[1];
        if (model) columns.push({ name: args[1] ?? `${snakeCase(model)}_id`, type: 'bigint', references: plural(snakeCase(model)), ...(nullable ? { nullable } : {}), line });
      } else if (method === 'string' || method === 'char') {
        if (args[0]) columns.push({ name: args[0], type: `${method === 'char' ? 'char' : 'varchar'}(${/^\d+$/.test(args[1] ?? '') ? args[1] : 255})`, ...(nullable ? { nullable } : {}), ...(unique ? { unique } : {}), ...(primary ? { primaryKey: true } : {}), line });
      } else if (method === 'decimal' || method === 'unsignedDecimal') {
        if (args[0]) columns.push({ name: args[0], type: args[1] ? `numeric(${args[1]},${args[2] ?? 0})` : 'numeric', ...(nullable ? { nullable } : {}), line });
      } else if (method === 'enum') {
        const values = [...(rawArgs.match(/\[([^\]]*)\]/)?.[1] ?? '').matchAll(/(['"])([^'"]*)\1/g)].map((value) => value[2]);
        if (args[0]) columns.push({ name: args[0], ...(values.length ? { enum: values } : {}), ...(nullable ? { nullable } : {}), line });
      } else if (LARAVEL_TYPES[method] && args[0]) {
        const constrained = /->constrained\(\s*(?:(['"])([\w.]+)\1)?/.exec(chain);
        const target = constrained ? constrained[2] ?? (args[0].endsWith('_id') ? plural(snakeCase(args[0].slice(0, -3))) : undefined) : undefined;
        columns.push({ name: args[0], type: LARAVEL_TYPES[method], ...(nullable ? { nullable } : {}), ...(unique ? { unique } : {}), ...(primary ? { primaryKey: true } : {}), ...(target ? { references: target } : {}), line });
      }
    }
    entities.push({ table: opened[3], change: opened[1] === 'create' ? 'new-table' : 'alter-table', line: lineAt(opened.index), columns });
  }
  return entities;
}
