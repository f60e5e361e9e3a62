// Field and column attributes as specs state them: "(integer, > 0, at most
// what is still refundable)", "(one of `a`, `b`)", "(FK orders)", "(string,
// required, max 200 chars)", `title?: string`, `z.string().max(200)`.
import type { Column, Field, FieldType } from '../types.js';
import { COLUMN_TYPE, FIELD_TYPES } from './vocabulary.js';

export interface Attributes {
  type?: FieldType;
  items?: FieldType;
  format?: string;
  /** The type word as written (`varchar(255)`, `timestamptz`, `integer`). */
  typeWord?: string;
  required?: boolean;
  nullable?: boolean;
  unique?: boolean;
  default?: string;
  references?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  description?: string;
  primaryKey?: boolean;
}

const NUMBER = String.raw`(-?\d+(?:\.\d+)?)`;
const CHARS = String.raw`\s*(characters?|chars?|字元?|個字元?|字符|个字符?|文字|letters?|caracteres|caractere|car[áa]cter|letras|k[ýí] t[ựu]|글자|자)?`;
/** Portuguese and Spanish words end at a letter of any script ("até" is not the start of "atém"). */
const END = String.raw`(?![A-Za-zÀ-ÿ])`;
const unquote = (value: string): string => value.trim().replace(/^[`'"]|[`'"]$/g, '');

function codeValues(text: string): string[] {
  return [...text.matchAll(/`([^`]*)`/g)].map((match) => match[1]);
}

export function mapType(word: string): { type: FieldType; format?: string } | undefined {
  const clean = word.trim();
  const entry = FIELD_TYPES.find((candidate) => candidate.pattern.test(clean));
  return entry ? { type: entry.type, format: entry.format } : undefined;
}

/** Parses the attribute text after a field or column name. */
export function parseAttributes(input: string): Attributes {
  const attrs: Attributes = {};
  let text = ` ${input} `;
  const take = (pattern: RegExp, onMatch: (match: RegExpExecArray) => void): void => {
    let match: RegExpExecArray | null;
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    while ((match = global.exec(text))) {
      onMatch(match);
      text = text.slice(0, match.index) + ' '.repeat(match[0].length) + text.slice(match.index + match[0].length);
      global.lastIndex = match.index + match[0].length;
    }
  };

  // Enums first: their values are code spans that must not be read as anything else.
  const codeList = String.raw`((?:\`[^\`]*\`(?:\s*(?:,|，|、|\/|\||\bor\b|或|及|和)?\s*)?)+)`;
  const setEnum = (match: RegExpExecArray): void => {
    attrs.enum = codeValues(match[1]).flatMap((value) => value.split('|')).map((value) => value.trim()).filter(Boolean);
  };
  take(new RegExp(String.raw`(?:one of|either|enum(?:eration)?|values?\s*[:：]|allowed values?)\s*[:：]?\s*${codeList}`, 'i'), setEnum);
  take(new RegExp(String.raw`(?:為|是)?\s*${codeList}\s*(?:其中)?之一`), setEnum);
  if (!attrs.enum) {
    take(/\bone of\s+([\w-]+(?:\s*(?:,|\/|\bor\b)\s*[\w-]+)+)/i, (match) => {
      attrs.enum = match[1].split(/\s*(?:,|\/|\bor\b)\s*/).filter(Boolean);
    });
  }
  take(/(?:default(?:s)?(?: to| value| is)?|預設(?:值)?(?:為|是)?|默认(?:值)?(?:为|是)?)\s*[:：=]?\s*(`[^`]*`|'[^']*'|"[^"]*"|[\w.-]+(?:\(\))?)/i, (match) => {
    attrs.default = unquote(match[1]);
  });
  // "foreign key reference to parent invoice": the words between the key and the target say how it relates, not which.
  take(/(?:\bFK\b|foreign key|references|refs|外鍵|外键)\s*(?:(?:reference|ref)\s+)?(?:to|→|->|:|：|指向|參照|参照)?\s*(?:(?:the|an?|its|their|parent|owning|related|linked)\s+)*(`[^`]*`|[\w.]+(?:\(\w+\))?)/i, (match) => {
    attrs.references = unquote(match[1]).replace(/\((\w+)\)$/, '.$1');
  });
  // "対象アイテム (Item) への参照", "`users` を参照": the referenced model written as code or in parentheses before the Japanese word.
  take(/(?:[（(]\s*([A-Za-z_]\w*)\s*[）)]|`([A-Za-z_][\w.]*)`)\s*(?:への参照|を参照)/, (match) => {
    attrs.references ??= match[1] ?? match[2];
  });
  if (!attrs.enum) {
    const piped = codeValues(text).find((value) => value.includes('|'));
    if (piped) {
      attrs.enum = piped.split('|').map((value) => unquote(value)).filter(Boolean);
      take(new RegExp(`\`${piped.replace(/[|.*+?^${}()[\]\\]/g, '\\$&')}\``), () => undefined);
    }
  }
  // Korean: "`spam`, `abuse`, `other` 중 하나" (one of).
  take(new RegExp(String.raw`${codeList}\s*중\s*(?:의\s*)?하나`), setEnum);
  take(/\bPK\b|\bprimary key\b|主键|主鍵|기본\s*키|clave primaria|chave prim[áa]ria/iu, () => (attrs.primaryKey = true));
  take(/\bunique\b|唯一|유일|고유|중복\s*불가|duy nhất/iu, () => (attrs.unique = true));
  take(/\bnot null\b|\bnon-?null(?:able)?\b|\bnot nullable\b|不可為空|不得為空|不可为空|不得为空|非空值?|null\s*(?:불가|비허용|허용\s*안\s*함)|빈\s*값\s*불가|không được (?:để )?(?:trống|rỗng)/iu, () => (attrs.nullable = false));
  take(/\bnullable\b|\bnull\b|可為空|可为空|可空|null\s*허용/i, () => (attrs.nullable = true));
  // Vietnamese: "bắt buộc" is required, "không bắt buộc" (not required) optional: the optional words go first.
  take(/\boptional\b|選填|选填|可選|可选|非必填|\bopcional\b|선택(?:\s*항목|적)?|任意|tùy chọn|tuỳ chọn|không bắt buộc/iu, () => (attrs.required = false));
  take(/\brequired\b|\bmandatory\b|必填|必要|\bobrigat[óo]ri[oa](?![A-Za-zÀ-ÿ])|\bobligatori[oa]\b|\brequerid[oa]\b|필수|必須|bắt buộc/iu, () => (attrs.required = true));
  take(/\bnon-?empty\b|\bnot empty\b/i, () => (attrs.minLength = 1));
  take(/\bpositive\b|正數|正数/i, () => (attrs.exclusiveMinimum = 0));
  take(/\bnon-?negative\b|非負|非负/i, () => (attrs.minimum = 0));
  take(/正整數|正整数/, () => {
    attrs.exclusiveMinimum = 0;
    attrs.type = 'integer';
  });

  const length: { min?: number; max?: number } = {};
  let charLength = false;
  const bounds: { min?: number; max?: number; exMin?: number; exMax?: number } = {};
  take(new RegExp(String.raw`(?:max(?:imum)? length|length at most|最大長度|長度上限|最大长度|长度上限)\s*[:：]?\s*${NUMBER}`, 'i'), (m) => (length.max = Number(m[1])));
  take(new RegExp(String.raw`(?:min(?:imum)? length|length at least|最小長度|最小长度)\s*[:：]?\s*${NUMBER}`, 'i'), (m) => (length.min = Number(m[1])));
  take(new RegExp(String.raw`(?:between\s+|length\s+)?(?<![\w.-])${NUMBER}\s*(?:-|–|—|\.\.|\bto\b|\band\b|~|～|至|到)\s*${NUMBER}(?![\w.])${CHARS}`, 'i'), (m) => {
    if (m[3]) [length.min, length.max, charLength] = [Number(m[1]), Number(m[2]), true];
    else [bounds.min, bounds.max] = [Number(m[1]), Number(m[2])];
  });
  take(new RegExp(String.raw`(?:>=|≥|=>|\bat least\b|\bmin(?:imum)?\b\s*[:=]?|\bm[íi]n(?:\.|imo|ima|${END})\s*[:=]?|\bpelo menos\b|\bal menos\b|\bno m[íi]nimo${END}|tối thiểu|ít nhất|不少於|不少于|至少|最短|最小|大於等於|大于等于|최소)\s*${NUMBER}${CHARS}`, 'i'), (m) => {
    if (m[2]) [length.min, charLength] = [Number(m[1]), true];
    else bounds.min = Number(m[1]);
  });
  take(new RegExp(String.raw`(?:<=|≤|=<|\bat most\b|\bmax(?:imum)?\b\s*[:=]?|\bm[áa]x(?:\.|imo|ima|${END})\s*[:=]?|\bat[ée]${END}|\bhasta\b|\bno m[áa]ximo${END}|\bcomo m[áa]ximo${END}|\bup to\b|\bno more than\b|tối đa|không quá|不超過|不超过|最多|至多|最長|最长|最大|小於等於|小于等于|上限|최대)\s*${NUMBER}${CHARS}`, 'i'), (m) => {
    if (m[2]) [length.max, charLength] = [Number(m[1]), true];
    else bounds.max = Number(m[1]);
  });
  // Korean writes the bound after the number: "500자 이하", "1 이상".
  take(new RegExp(String.raw`(?<![\w.])${NUMBER}${CHARS}\s*이하`), (m) => {
    if (m[2]) [length.max, charLength] = [Number(m[1]), true];
    else bounds.max = Number(m[1]);
  });
  take(new RegExp(String.raw`(?<![\w.])${NUMBER}${CHARS}\s*이상`), (m) => {
    if (m[2]) [length.min, charLength] = [Number(m[1]), true];
    else bounds.min = Number(m[1]);
  });
  // Bounds written after the number, as Japanese does: "1 文字以上", "500 文字以内", "100 件まで", "0 以上".
  take(new RegExp(String.raw`(?<![\w.])${NUMBER}${CHARS}\s*(?:件|個|つ)?\s*(以上|以下|以内|まで)`), (m) => {
    const bound = Number(m[1]);
    if (m[3] === '以上') {
      if (m[2]) [length.min, charLength] = [bound, true];
      else bounds.min = bound;
    } else if (m[2]) [length.max, charLength] = [bound, true];
    else bounds.max = bound;
  });
  take(new RegExp(String.raw`(?:>|\bgreater than\b|\bmore than\b|大於|大于)\s*${NUMBER}`, 'i'), (m) => (bounds.exMin = Number(m[1])));
  take(new RegExp(String.raw`(?:<|\bless than\b|\bunder\b|\bbelow\b|小於|小于)\s*${NUMBER}`, 'i'), (m) => (bounds.exMax = Number(m[1])));

  take(/\b(?:array|list) of\s+([A-Za-z]+)|\b([A-Za-z]+)\[\]|\[\]([A-Za-z]+)|\brepeated\s+([A-Za-z]\w*)|([A-Za-z]+|字串|整數|數字|布林|物件|字符串|整数|数字|布尔|对象)\s*(?:陣列|清單|数组|列表)/i, (m) => {
    attrs.type = 'array';
    const word = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
    attrs.items = mapType(word)?.type ?? mapType(word.replace(/s$/, ''))?.type ?? 'object';
  });

  const leftovers: string[] = [];
  for (const part of text.split(/[,;，；、()（）]/)) {
    let rest = part;
    for (const token of part.split(/\s+/).filter(Boolean)) {
      const word = token.replace(/^[`'"]|[`'".:]$/g, '');
      const mapped = mapType(word);
      if (mapped && !attrs.type) {
        attrs.type = mapped.type;
        if (mapped.format) attrs.format = mapped.format;
        rest = rest.replace(token, ' ');
      } else if (mapped?.format && mapped.type === attrs.type && !attrs.format) {
        // "string, format email": a second type word that only narrows the first.
        attrs.format = mapped.format;
        rest = rest.replace(token, ' ');
      }
      if (!attrs.typeWord && COLUMN_TYPE.test(word)) {
        attrs.typeWord = word;
        rest = rest.replace(token, ' ');
      }
    }
    const typed = /^(\s*)((?:varchar|char|decimal|numeric)\s*\([\d, ]+\))/i.exec(part);
    if (typed && (!attrs.typeWord || /^(?:varchar|char|decimal|numeric)$/i.test(attrs.typeWord))) attrs.typeWord = typed[2].replace(/\s+/g, '');
    if (/[A-Za-z\u4e00-\u9fff]/.test(rest) && !/^\s*(?:and|or|和|或)\s*$/i.test(rest)) leftovers.push(rest.trim().replace(/\s+/g, ' '));
  }
  if (attrs.typeWord && /^(?:varchar|char|decimal|numeric)$/i.test(attrs.typeWord)) {
    const sized = new RegExp(`${attrs.typeWord}\\s*\\(([\\d, ]+)\\)`, 'i').exec(input);
    if (sized) attrs.typeWord = `${attrs.typeWord}(${sized[1].replace(/\s+/g, '')})`;
  }
  const description = leftovers.filter((piece) => !/^\(?[\d, ]+\)?$/.test(piece)).join('; ');
  if (description) attrs.description = description;

  // "max 500 characters": a length in characters is a string's.
  if (!attrs.type && !attrs.enum && charLength) attrs.type = 'string';
  const stringy = attrs.type === 'string' || attrs.type === 'array';
  if (stringy && attrs.type === 'string') {
    length.min ??= bounds.min;
    length.max ??= bounds.max;
  } else {
    if (bounds.min !== undefined) attrs.minimum = bounds.min;
    if (bounds.max !== undefined) attrs.maximum = bounds.max;
  }
  if (bounds.exMin !== undefined) attrs.exclusiveMinimum = bounds.exMin;
  if (bounds.exMax !== undefined) attrs.exclusiveMaximum = bounds.exMax;
  if (length.min !== undefined) attrs.minLength = length.min;
  if (length.max !== undefined) attrs.maxLength = length.max;
  if (attrs.enum && !attrs.type) attrs.type = 'string';
  return attrs;
}

/**
 * Bounds the prose of an operation's line states for a field it already has, after the field's bare name:
 * "add a note `{ "id": uuid, "content": string }`, content 1..2000 chars", "title up to 200 characters".
 * Only a range or a max/min phrase counts; a bound the field already carries stays.
 */
export function proseBounds(text: string, fields: Field[]): void {
  const prose = text.replace(/`[^`]*`/g, (code) => (/^`\w+`$/.test(code) ? code.slice(1, -1) : ' '.repeat(code.length)));
  for (const field of fields) {
    if (field.minLength !== undefined || field.maxLength !== undefined || field.minimum !== undefined || field.maximum !== undefined) continue;
    const name = field.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const stated = new RegExp(String.raw`(?:^|[\s,;(])${name}\s*:?\s+((?:\d+\s*(?:\.\.|–|to)\s*\d+|between\s+\d+\s+and\s+\d+|(?:max(?:imum)?|min(?:imum)?|at most|at least|up to)\s+\d+)${CHARS})(?=[\s,;.)]|$)`, 'i').exec(prose);
    if (!stated) continue;
    const attrs = parseAttributes(stated[1]);
    const stringy = field.type === undefined || field.type === 'string';
    // A length on a string ("content 1..2000", "up to 500 characters"), else bounds on a number.
    if (stringy && (attrs.type === 'string' || field.type === 'string')) {
      const min = attrs.minLength ?? attrs.minimum;
      const max = attrs.maxLength ?? attrs.maximum;
      if (min !== undefined) field.minLength = min;
      if (max !== undefined) field.maxLength = max;
      field.type ??= 'string';
    } else if (!stringy && attrs.type === undefined) {
      if (attrs.minimum !== undefined) field.minimum = attrs.minimum;
      if (attrs.maximum !== undefined) field.maximum = attrs.maximum;
    }
  }
}

export function toField(name: string, attrs: Attributes, line: number): Field {
  const field: Field = { name, line };
  const keys = ['type', 'items', 'required', 'enum', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'format', 'description'] as const;
  for (const key of keys) if (attrs[key] !== undefined) (field as unknown as Record<string, unknown>)[key] = attrs[key];
  if (attrs.default !== undefined) field.default = attrs.default;
  return field;
}

export function toColumn(name: string, attrs: Attributes, line: number): Column {
  const column: Column = { name, line };
  // A type written in words ("整數", "字符串") is not a column type: the JSON type it maps to is.
  if (attrs.typeWord && !(/[^\x00-\x7F]/.test(attrs.typeWord) && attrs.type)) column.type = attrs.typeWord;
  else if (attrs.type) column.type = attrs.format === 'date-time' ? 'timestamp' : attrs.type;
  if (attrs.nullable !== undefined) column.nullable = attrs.nullable;
  else if (attrs.required !== undefined) column.nullable = !attrs.required;
  if (attrs.default !== undefined) column.default = attrs.default;
  if (attrs.unique) column.unique = true;
  if (attrs.primaryKey) column.primaryKey = true;
  if (attrs.references) column.references = attrs.references;
  if (attrs.enum) column.enum = attrs.enum;
  if (attrs.minLength !== undefined) column.minLength = attrs.minLength;
  if (attrs.maxLength !== undefined) column.maxLength = attrs.maxLength;
  return column;
}

/** Splits `a, b; c` at depth 0 of (), {}, [], <>. */
export function splitTopLevel(text: string, separators = /[,;\n]/, openers = '({[<'): string[] {
  const closers = openers.replace('(', ')').replace('（', '）').replace('{', '}').replace('[', ']').replace('<', '>');
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === quote) quote = '';
      continue;
    }
    if (char === '"' || char === "'" || char === '`') quote = char;
    else if (openers.includes(char)) depth++;
    else if (closers.includes(char) && text[i - 1] !== '=') depth--;
    else if (depth === 0 && separators.test(char)) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter(Boolean);
}

/** `{ url: string; title?: string; tags: string[]; kind: 'a' | 'b' }` → fields. */
export function parseTypeLiteral(source: string, line: number): Field[] | undefined {
  const body = /^\s*\{([\s\S]*)\}\s*$/.exec(source);
  if (!body) return undefined;
  const fields: Field[] = [];
  for (const member of splitTopLevel(body[1])) {
    const match = /^([A-Za-z_$][\w$]*)(\?)?\s*:\s*([\s\S]+)$/.exec(member);
    if (!match) continue;
    const typeText = match[3].trim();
    const literals = [...typeText.matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2]);
    const attrs: Attributes = literals.length && /^(['"][^'"]*['"]\s*\|?\s*)+$/.test(typeText) ? { type: 'string', enum: literals } : parseAttributes(typeText.replace(/\|\s*(?:undefined|null)/g, ''));
    attrs.required = !match[2] && !/\|\s*undefined/.test(typeText);
    fields.push(toField(match[1], attrs, line));
  }
  return fields;
}

/** `z.object({ url: z.string().url(), title: z.string().max(200).optional() })` → fields. */
export function parseZodObject(source: string, line: number): Field[] | undefined {
  const body = /z\.object\(\s*\{([\s\S]*)\}\s*\)/.exec(source);
  if (!body) return undefined;
  const fields: Field[] = [];
  for (const member of splitTopLevel(body[1])) {
    const match = /^([A-Za-z_$][\w$]*)\s*:\s*z\.(\w+)\(([^)]*)\)([\s\S]*)$/.exec(member);
    if (!match) continue;
    const [, name, base, args, chain] = match;
    const field: Field = { name, line, required: !/\.(?:optional|nullish)\(\)|\.default\(/.test(chain) };
    const mapped = base === 'enum' || base === 'nativeEnum' ? { type: 'string' as FieldType } : mapType(base === 'coerce' ? 'string' : base);
    if (mapped) field.type = mapped.type;
    if (base === 'enum') field.enum = [...args.matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2]);
    if (base === 'array') {
      field.type = 'array';
      const item = /z\.(\w+)/.exec(args);
      if (item) field.items = mapType(item[1])?.type ?? 'object';
    }
    const numbers = (method: string): number | undefined => {
      const found = new RegExp(`\\.${method}\\((-?[\\d.]+)`).exec(chain);
      return found ? Number(found[1]) : undefined;
    };
    const isString = field.type === 'string';
    const min = numbers('min');
    const max = numbers('max');
    if (min !== undefined) field[isString ? 'minLength' : 'minimum'] = min;
    if (max !== undefined) field[isString ? 'maxLength' : 'maximum'] = max;
    if (/\.int\(\)/.test(chain)) field.type = 'integer';
    if (/\.positive\(\)/.test(chain)) field.exclusiveMinimum = 0;
    if (/\.nonnegative\(\)/.test(chain)) field.minimum = 0;
    for (const [method, format] of [['url', 'uri'], ['email', 'email'], ['uuid', 'uuid'], ['datetime', 'date-time']] as const) {
      if (new RegExp(`\\.${method}\\(`).test(chain)) field.format = format;
    }
    fields.push(field);
  }
  return fields;
}
