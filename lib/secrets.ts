// Values that look like credentials (API keys, webhook secrets, tokens, private
// keys). A spec sometimes quotes one; it is never copied into anything we write
// or print: not as a field name, not in a summary, not as a test's example.

const CREDENTIAL_PATTERNS: readonly RegExp[] = [
  /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{8,}/g, // Stripe keys
  /\bwhsec_[A-Za-z0-9]{8,}/g, // Stripe webhook secrets
  /\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}/g, // OpenAI-style keys
  /\bgh[pousr]_[A-Za-z0-9]{20,}/g, // GitHub tokens
  /\bgithub_pat_[A-Za-z0-9_]{20,}/g,
  /\bglpat-[A-Za-z0-9_-]{20,}/g, // GitLab
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, // Slack
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, // AWS access key ids
  /\bAIza[0-9A-Za-z_-]{35}/g, // Google API keys
  /\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/g, // SendGrid
  /\bnpm_[A-Za-z0-9]{30,}/g, // npm tokens
  /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, // JWTs
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
];

/** A long random-looking token (letters and digits mixed, no word structure): an unnamed key. */
const OPAQUE = /\b(?=[A-Za-z0-9+/_-]*\d)(?=[A-Za-z0-9+/_-]*[A-Za-z])[A-Za-z0-9+/_-]{32,}={0,2}/g;

function isOpaqueSecret(token: string): boolean {
  // snake_case or kebab-case words (a long identifier) and plain hex digests are not credentials.
  if (/^[a-z]+(?:[_-][a-z0-9]+)+$/i.test(token) && !/\d{4,}/.test(token)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((pattern) => pattern.test(token)).length;
  return classes === 3;
}

export function looksLikeCredential(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (CREDENTIAL_PATTERNS.some((pattern) => new RegExp(pattern.source).test(value))) return true;
  return [...value.matchAll(OPAQUE)].some((match) => isOpaqueSecret(match[0]));
}

export const REDACTED = 'REDACTED';

/**
 * The text with every credential-looking value replaced. A code span holding
 * only a credential becomes plain words (so no reader takes it for a name);
 * line breaks are kept, so line numbers (provenance) stay right.
 */
export function redactCredentials(text: string): string {
  let out = text;
  for (const pattern of CREDENTIAL_PATTERNS) out = out.replace(pattern, (match) => match.replace(/[^\r\n]+/g, REDACTED));
  out = out.replace(OPAQUE, (match) => (isOpaqueSecret(match) ? REDACTED : match));
  // `REDACTED` alone in a code span would read as an identifier: say what it was instead.
  return out.replace(/`+\s*REDACTED\s*`+/g, 'a credential (redacted)');
}
