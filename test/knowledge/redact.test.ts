// The masking line each Python logger entry gives is code a reader pastes: with one masked
// field it must still name a list of keys, not a parenthesised string (`for k in ('a')` walks
// the characters of 'a'; `k not in ('a')` is a substring test).
import { describe, expect, it } from 'vitest';
import { LOGGERS } from '../../lib/knowledge/index.js';

const python = LOGGERS.filter((logger) => logger.ecosystems.includes('python') && logger.redact);

describe('Python loggers’ masking lines', () => {
  it('there are Python loggers to check', () => {
    expect(python.map((logger) => logger.id)).toEqual(expect.arrayContaining(['python-logging', 'structlog', 'loguru']));
  });

  it.each(python.map((logger) => [logger.id, logger.redact!]))('%s: one field is still a collection of keys', (_id, redact) => {
    const line = redact.replace('{fields}', "'headers.authorization'");
    expect(line).toContain("'headers.authorization'");
    expect(line).not.toMatch(/\bin\s*\(\s*'[^']*'\s*\)/);
  });
});
