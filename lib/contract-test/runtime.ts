// Values a generated test computes when it runs — credentials and seed ids from
// environment variables, a fresh id per run for idempotency headers — and how
// each language writes them. The generated file stays deterministic; only what
// it reads at run time changes.
import { upperFirst } from '../naming/case.js';
import { dqString, rbString, tsString } from './literals.js';

export type Piece =
  | { text: string }
  | { env: string; fallback?: string; escape?: 'path' | 'query' }
  | { uuid: true };
/** Pieces concatenated at run time. */
export type RuntimeValue = Piece[];

export const text = (value: string): RuntimeValue => [{ text: value }];

/** `cardId` -> `CARD_ID`, `bearerAuth` -> `BEARER_AUTH`, `api-key` -> `API_KEY`. */
export function screamingSnake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').toUpperCase();
}

/** Seed value for a path parameter: MAGI_PARAM_<NAME>. */
export const paramEnvName = (parameter: string): string => `MAGI_PARAM_${screamingSnake(parameter) || 'VALUE'}`;

/** How a security scheme's credential travels, and the variable that holds it. */
export interface Credential {
  scheme: string;
  env: string;
  place: 'header' | 'query' | 'cookie';
  /** Header, query or cookie name. */
  name: string;
  /** Written before the variable's value (`Bearer `). */
  prefix: string;
  /** What the variable holds, for the file's header comment. */
  holds: string;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One entry per security scheme type; undefined when a test cannot send it (mutualTLS). */
const CREDENTIAL_KINDS: Readonly<Record<string, (scheme: Json) => Omit<Credential, 'scheme' | 'env'> & { suffix: string } | undefined>> = {
  http: (scheme) => {
    const name = typeof scheme.scheme === 'string' ? scheme.scheme.toLowerCase() : 'bearer';
    if (name === 'bearer') return { suffix: 'TOKEN', place: 'header', name: 'Authorization', prefix: 'Bearer ', holds: 'a bearer token' };
    if (name === 'basic') return { suffix: 'CREDENTIALS', place: 'header', name: 'Authorization', prefix: 'Basic ', holds: 'base64 of user:password' };
    const word = upperFirst(name);
    return { suffix: 'CREDENTIALS', place: 'header', name: 'Authorization', prefix: `${word} `, holds: `${word} credentials` };
  },
  oauth2: () => ({ suffix: 'TOKEN', place: 'header', name: 'Authorization', prefix: 'Bearer ', holds: 'an OAuth 2 access token' }),
  openIdConnect: () => ({ suffix: 'TOKEN', place: 'header', name: 'Authorization', prefix: 'Bearer ', holds: 'an OpenID Connect access token' }),
  apiKey: (scheme) => {
    const place = scheme.in === 'query' || scheme.in === 'cookie' ? scheme.in : 'header';
    return typeof scheme.name === 'string' ? { suffix: 'KEY', place, name: scheme.name, prefix: '', holds: 'the API key' } : undefined;
  },
};

/**
 * MAGI_<SCHEME>_<TOKEN|KEY|CREDENTIALS>: the scheme's name in SCREAMING_SNAKE_CASE
 * without a trailing _AUTH, and without the suffix twice (`bearerAuth` -> MAGI_BEARER_TOKEN,
 * `ApiKeyAuth` -> MAGI_API_KEY).
 */
export function credentialFor(schemeName: string, scheme: unknown): Credential | undefined {
  if (!isObject(scheme) || typeof scheme.type !== 'string') return undefined;
  const kind = CREDENTIAL_KINDS[scheme.type]?.(scheme);
  if (!kind) return undefined;
  const { suffix, ...rest } = kind;
  const stem = screamingSnake(schemeName).replace(/_AUTH$/, '') || 'API';
  const env = stem === suffix || stem.endsWith(`_${suffix}`) ? `MAGI_${stem}` : `MAGI_${stem}_${suffix}`;
  return { scheme: schemeName, env, ...rest };
}

/** How one language writes a runtime value and reads the environment. */
export interface ValueSyntax {
  value(value: RuntimeValue): string;
}

type Part = { literal: string } | { code: string };

function parts(value: RuntimeValue, syntax: { env: (name: string, fallback?: string) => string; escape: (code: string, kind: 'path' | 'query') => string; uuid: string }): Part[] {
  const out: Part[] = [];
  for (const piece of value) {
    if ('text' in piece) {
      const last = out[out.length - 1];
      if (last && 'literal' in last) last.literal += piece.text;
      else if (piece.text !== '') out.push({ literal: piece.text });
    } else if ('env' in piece) {
      const read = syntax.env(piece.env, piece.fallback);
      out.push({ code: piece.escape ? syntax.escape(read, piece.escape) : read });
    } else out.push({ code: syntax.uuid });
  }
  return out.length > 0 ? out : [{ literal: '' }];
}

const joinWithPlus = (list: Part[], quote: (text: string) => string): string => list.map((part) => ('literal' in part ? quote(part.literal) : part.code)).join(' + ');

/** Per-language syntax. `prefix` keeps Go helpers unique inside a package. */
export function valueSyntax(language: string, prefix = ''): ValueSyntax {
  switch (language) {
    case 'typescript':
      return {
        value: (value) => {
          const list = parts(value, {
            env: (name, fallback) => `env(${tsString(name)}${fallback !== undefined ? `, ${tsString(fallback)}` : ''})`,
            escape: (code) => `encodeURIComponent(${code})`,
            uuid: 'randomUUID()',
          });
          if (list.length === 1) return 'literal' in list[0] ? tsString(list[0].literal) : list[0].code;
          return `\`${list.map((part) => ('literal' in part ? part.literal.replace(/[\\`]/g, '\\$&').replace(/\$\{/g, '\\${') : `\${${part.code}}`)).join('')}\``;
        },
      };
    case 'python':
      return {
        value: (value) => joinWithPlus(parts(value, {
          env: (name, fallback) => `env(${dqString(name)}${fallback !== undefined ? `, ${dqString(fallback)}` : ''})`,
          escape: (code) => `quote(${code}, safe="")`,
          uuid: 'str(uuid.uuid4())',
        }), dqString),
      };
    case 'go':
      return {
        value: (value) => (parts(value, {
          env: (name, fallback) => `${prefix}Env(${dqString(name)}, ${dqString(fallback ?? '')})`,
          escape: (code, kind) => (kind === 'path' ? `url.PathEscape(${code})` : `url.QueryEscape(${code})`),
          uuid: `${prefix}UUID()`,
          // Only used as a call argument, where gofmt writes `a+b` without spaces.
        })).map((part) => ('literal' in part ? dqString(part.literal) : part.code)).join('+'),
      };
    case 'ruby':
      return {
        value: (value) => {
          const list = parts(value, {
            env: (name, fallback) => `contract_env(${rbString(name)}${fallback !== undefined ? `, ${rbString(fallback)}` : ''})`,
            escape: (code) => `ERB::Util.url_encode(${code})`,
            uuid: 'SecureRandom.uuid',
          });
          if (list.length === 1 && 'code' in list[0]) return list[0].code;
          // One interpolated string: rbString escapes #{, #@ and #$ in the literal parts.
          return `"${list.map((part) => ('literal' in part ? rbString(part.literal).slice(1, -1) : `#{${part.code}}`)).join('')}"`;
        },
      };
    default:
      return {
        // String + &str chains: rustfmt leaves them on one line where format! would wrap.
        value: (value) => {
          const list = parts(value, {
            env: (name, fallback) => `env(${dqString(name)}, ${dqString(fallback ?? '')})`,
            escape: (code) => `encode(&${code})`,
            uuid: 'fresh_uuid()',
          });
          if (list.length === 1) return 'literal' in list[0] ? dqString(list[0].literal) : list[0].code;
          return list.map((part, index) => {
            if (index === 0) return 'literal' in part ? `String::from(${dqString(part.literal)})` : part.code;
            return 'literal' in part ? dqString(part.literal) : `&${part.code}`;
          }).join(' + ');
        },
      };
  }
}

/** Which runtime helpers a set of values uses, so a template imports only those. */
export interface RuntimeUsage {
  env: boolean;
  pathEscape: boolean;
  queryEscape: boolean;
  uuid: boolean;
}

export function usageOf(values: RuntimeValue[]): RuntimeUsage {
  const pieces = values.flat();
  return {
    env: pieces.some((piece) => 'env' in piece),
    pathEscape: pieces.some((piece) => 'env' in piece && piece.escape === 'path'),
    queryEscape: pieces.some((piece) => 'env' in piece && piece.escape === 'query'),
    uuid: pieces.some((piece) => 'uuid' in piece),
  };
}
