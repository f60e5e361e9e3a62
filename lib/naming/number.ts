// Singular and plural: the one place a name changes number. English comes
// from `pluralize`, corrected where API vocabulary needs it; a word it cannot
// know is left as written, because a wrong singular in a public contract
// (`Movy`, `purchas`) is worse than a plural one.
import pluralize from 'pluralize';

// Loaded once per process; pluralize keeps its rules in module state.
for (const word of ['data', 'metadata', 'sms', 'feedback', 'analytics', 'firmware', 'middleware']) pluralize.addUncountableRule(word);
for (const [one, many] of [
  ['schema', 'schemas'],
  ['cache', 'caches'],
  ['virus', 'viruses'],
  ['canvas', 'canvases'],
  ['corpus', 'corpora'],
  ['genus', 'genera'],
  ['waltz', 'waltzes'],
  // pluralize's -ies/-ses/-oes rules cut these wrongly (cooky, excus, vetoe)
  ['cookie', 'cookies'],
  ['calorie', 'calories'],
  ['excuse', 'excuses'],
  ['premise', 'premises'],
  ['veto', 'vetoes'],
  ['sku', 'skus'],
] as const) {
  pluralize.addIrregularRule(one, many);
}

/**
 * Plural endings English never has (Spanish -ciones, -dades, -itudes;
 * Portuguese -ções): pluralize would cut them into English-looking stems
 * (`solicitudes` → `solicitude`). Such words keep their spelling.
 */
const ROMANCE_PLURAL = /(?:[cs]iones|dades|itudes)$/i;

/** The word a name's number lives in: its last ASCII word (`giftCards` → `Cards`, `gift_cards` → `cards`). */
function splitLastWord(name: string): [string, string] | undefined {
  const match = /^(.*?)([A-Z]+s|[A-Z]?[a-z]+|[A-Z]+)$/.exec(name);
  return match ? [match[1], match[2]] : undefined;
}

function knownEnglish(name: string): boolean {
  return !/[^\x00-\x7f]/.test(name) && !ROMANCE_PLURAL.test(name);
}

function onLastWord(name: string, change: (word: string) => string): string {
  if (!knownEnglish(name)) return name;
  const parts = splitLastWord(name);
  if (!parts) return name;
  const [head, last] = parts;
  // An acronym inside a camelCase name (`userIDs`, `userID`) writes its plural s in lower case.
  const acronym = /[a-z0-9]$/.test(head) && /^[A-Z]{2,}s?$/.test(last);
  if (!acronym) return head + change(last);
  const changed = change(last.toLowerCase());
  return head + (changed.endsWith('s') ? `${changed.slice(0, -1).toUpperCase()}s` : changed.toUpperCase());
}

// The scope stage asks about every word of the prose, mostly the same few hundred;
// pluralize tries up to a hundred rules per call, so answers are kept.
const singulars = new Map<string, string>();
const plurals = new Map<string, string>();

function remembered(cache: Map<string, string>, name: string, compute: (name: string) => string): string {
  let value = cache.get(name);
  if (value === undefined) {
    value = compute(name);
    if (cache.size > 10_000) cache.clear();
    cache.set(name, value);
  }
  return value;
}

/** `movies` → `movie`, `gift_cards` → `gift_card`, `People` → `Person`; unknown words unchanged. */
export function singular(name: string): string {
  return remembered(singulars, name, (text) => onLastWord(text, (word) => pluralize.singular(word)));
}

/** `movie` → `movies`, `giftCard` → `giftCards`; unknown words unchanged. */
export function plural(name: string): string {
  return remembered(plurals, name, (text) => onLastWord(text, (word) => pluralize.plural(word)));
}

/**
 * Whether a name reads as a collection. Uncountable words (`news`, `data`)
 * count as plural; a word left unchanged counts when it ends in a plural s
 * (`usuarios`, `categorías`).
 */
export function isPlural(name: string): boolean {
  if (!knownEnglish(name)) return /[^s]s$/i.test(name);
  const parts = splitLastWord(name);
  return parts ? pluralize.isPlural(parts[1].toLowerCase()) : false;
}
