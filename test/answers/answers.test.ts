import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backendSpecQuestions } from '../../generators/backend-spec/questions.js';
import { answersSchema, helpLines, yeomanOptions } from '../../lib/answers/declaration.js';
import { loadAnswersFile, nearest, parseAnswers } from '../../lib/answers/load.js';
import { parseCommandLine } from '../../lib/answers/argv.js';
import { resolveInputs } from '../../lib/answers/resolve.js';
import { isMagiError, type MagiError } from '../../lib/errors.js';
import { applyStackOverrides, type StackAnswer } from '../../lib/pipeline/stack-choice.js';
import type { ServiceStack } from '../../lib/types.js';

const parse = (text: string) => parseAnswers(text, 'a.yaml', backendSpecQuestions);
const failure = (run: () => unknown): MagiError => {
  try {
    run();
  } catch (error) {
    if (isMagiError(error)) return error;
    throw error;
  }
  throw new Error('expected a MagiError');
};

describe('answers file', () => {
  it('accepts every documented key in YAML', () => {
    const answers = parse(`
sprint: 3
apiStyle: graphql
stack: { language: typescript, framework: express, orm: prisma, db: [postgres, redis], auth: jwt, jobs: bullmq, service: api }
scaffoldTest: true
conflict: overwrite
openapi: api/openapi.yaml
contractLocation: file
populatedTables: [orders]
authz:
  "POST /v1/refunds": { auth: true, roles: [support], ownership: none, justification: staff only }
installTestDeps: false
confirm: true
`);
    expect(answers.sprint).toBe('3');
    expect(answers.apiStyle).toBe('graphql');
    expect((answers.stack as { db: string[] }).db).toEqual(['postgres', 'redis']);
    expect(answers.authz).toHaveProperty(['POST /v1/refunds', 'roles'], ['support']);
  });

  it('accepts JSON', () => {
    expect(parse('{"apiStyle": "rest", "conflict": "merge"}')).toEqual({ apiStyle: 'rest', conflict: 'merge' });
  });

  it('lists every problem on one line: file: key: problem; key: problem', () => {
    const error = failure(() => parse('apiStyle: soap\nscaffoldTest: "yes"\npopulatedTables: orders\n'));
    // One line: the file named once, each problem after it.
    expect(error.message).not.toContain('\n');
    const problems = error.message.replace(/^a\.yaml: /, '').split('; ');
    expect(problems).toHaveLength(3);
    expect(problems[0]).toBe('apiStyle: must be one of rest, graphql, grpc, trpc');
    expect(problems[1]).toMatch(/^scaffoldTest: expected boolean/);
    expect(problems[2]).toMatch(/^populatedTables: expected array/);
  });

  it('refuses a stack fact that names no catalog entry, listing the known ones', () => {
    const error = failure(() => parse('stack: { framework: vapor, db: [postgres, cockroach], orm: prisma }\n'));
    expect(error.message).toMatch(/^a\.yaml: stack\.framework: must be one of .*\bexpress\b.*\bspring-boot\b.*\bktor\b.*; stack\.db: must be one, or a list, of .*\bpostgres\b/);
  });

  it('rejects unknown keys with the nearest known key', () => {
    const error = failure(() => parse('apiStlye: rest\nconflcit: merge\nzzz: 1\n'));
    // One line, the file named once.
    expect(error.message).toBe('a.yaml: apiStlye: unknown key (did you mean "apiStyle"?); conflcit: unknown key (did you mean "conflict"?); zzz: unknown key');
  });

  it('accepts every stack dimension the no-terminal message may name, and the answer settles it', () => {
    // A repo with both package-lock.json and yarn.lock: the message says "stack.packageManager in an answers file".
    const answers = parse('stack: { packageManager: npm, testRunner: jest }');
    const stack = answers.stack as StackAnswer;
    const service = {
      name: 'api',
      path: '.',
      packageManager: { value: 'yarn', confidence: 0.5, evidence: [{ file: 'yarn.lock' }] },
      ambiguities: [{ dimension: 'packageManager', candidates: [{ value: 'yarn', confidence: 0.5, evidence: [{ file: 'yarn.lock' }] }, { value: 'npm', confidence: 0.5, evidence: [{ file: 'package-lock.json' }] }] }],
    } as unknown as ServiceStack;
    const settled = applyStackOverrides(service, stack);
    expect(settled.packageManager?.value).toBe('npm');
    expect(settled.packageManager?.evidence).toEqual([{ file: 'package-lock.json' }]);
    expect(settled.testRunner?.value).toBe('jest');
    expect(settled.ambiguities).toEqual([]);
  });

  it('rejects unknown keys inside stack', () => {
    expect(failure(() => parse('stack: { framework: express, ormm: prisma }')).message).toContain('a.yaml: stack.ormm: unknown key');
  });

  it('reports YAML syntax errors with line and column', () => {
    const error = failure(() => parse('apiStyle: rest\nconflict: [merge\n'));
    expect(error.message).toMatch(/^a\.yaml: line \d+, column \d+: /);
    expect(error.id).toBe('answers-syntax');
  });

  it('reports JSON syntax errors with line and column', () => {
    expect(failure(() => parse('{"apiStyle": "rest",\n  "conflict": }')).message).toMatch(/^a\.yaml: line 2, column \d+/);
  });

  it('refuses options that only exist on the command line', () => {
    expect(failure(() => parse('force: true')).message).toContain('force: unknown key');
  });

  it('defeats an alias bomb', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level < 9; level++) bomb.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9).fill(`*${String.fromCharCode(96 + level)}`).join(',')}]`);
    expect(failure(() => parse(bomb.join('\n'))).id).toBe('answers-syntax');
  });

  it('refuses binary content, a list, and a scalar', () => {
    expect(failure(() => parseAnswers(Buffer.from([0x61, 0x00, 0x62]), 'a.yaml', backendSpecQuestions)).id).toBe('answers-binary');
    expect(failure(() => parse('- a\n- b\n')).message).toContain('must be a mapping');
    expect(failure(() => parse('hello')).message).toContain('must be a mapping');
  });

  it('refuses a missing file, a directory and a huge file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'magi-answers-'));
    mkdirSync(path.join(dir, 'folder'));
    writeFileSync(path.join(dir, 'huge.yaml'), `a: "${'x'.repeat(1024 * 1024 + 10)}"\n`);
    expect(failure(() => loadAnswersFile('nope.yaml', backendSpecQuestions, dir)).id).toBe('answers-missing');
    expect(failure(() => loadAnswersFile('folder', backendSpecQuestions, dir)).id).toBe('answers-directory');
    expect(failure(() => loadAnswersFile('huge.yaml', backendSpecQuestions, dir)).id).toBe('answers-too-large');
  });
});

describe('one declaration drives options, schema and help', () => {
  it('every CLI option has a help line, in declaration order', () => {
    const lines = helpLines(backendSpecQuestions);
    const flags = yeomanOptions(backendSpecQuestions).map((option) => option.name);
    expect(flags).toEqual(['sprint', 'api-style', 'scaffold-test', 'scaffold', 'openapi', 'answers', 'conflict', 'force', 'skip-preflight', 'dry-run', 'json', 'docs-dir', 'service']);
    expect(lines).toHaveLength(flags.length);
    expect(lines.find((line) => line.includes('--no-scaffold'))).toBeDefined();
    expect(lines.find((line) => line.includes('--api-style <rest|graphql|grpc|trpc>'))).toBeDefined();
  });

  it('the answers schema knows the answers-file keys and nothing else', () => {
    const keys = Object.keys(answersSchema(backendSpecQuestions).shape);
    expect(keys).toEqual(expect.arrayContaining(['sprint', 'apiStyle', 'stack', 'scaffoldTest', 'conflict', 'openapi', 'contractLocation', 'populatedTables', 'authz', 'confirm']));
    expect(keys).not.toContain('force');
    expect(keys).not.toContain('answers');
  });
});

describe('resolving inputs', () => {
  it('options win over the answers file, which wins over stored defaults', () => {
    const resolved = resolveInputs(backendSpecQuestions, {
      options: { 'api-style': 'grpc' },
      answers: { apiStyle: 'graphql', conflict: 'overwrite' },
      stored: { apiStyle: 'trpc', conflict: 'abort', scaffoldTest: true },
    });
    expect(resolved).toMatchObject({ apiStyle: 'grpc', conflict: 'overwrite', scaffoldTest: true });
  });

  it('validates option values with the same schema', () => {
    expect(failure(() => resolveInputs(backendSpecQuestions, { options: { 'api-style': 'soap' } })).message).toBe(
      '--api-style: must be one of rest, graphql, grpc, trpc; run with --help for the accepted values',
    );
    expect(failure(() => resolveInputs(backendSpecQuestions, { options: { sprint: '' } })).message).toContain('--sprint needs a value');
  });

  it('ignores a stored default that no longer validates', () => {
    expect(resolveInputs(backendSpecQuestions, { options: {}, stored: { apiStyle: 'soap' } })).toEqual({});
  });

  it('parses the command line with the declaration (node:util parseArgs), near misses named', () => {
    const parse = (...args: string[]) => parseCommandLine(args, backendSpecQuestions, { command: 'backend-spec' });
    expect(parse('--api-style', 'rest', '--force', '--no-scaffold', '--sprint=3', '--dry-run=false').values).toEqual({
      'api-style': 'rest',
      force: true,
      scaffold: false,
      sprint: '3',
      'dry-run': false,
    });
    expect(parse('--answers').values).toEqual({ answers: '' });
    expect(parse('-h').help).toBe(true);
    expect(failure(() => parse('--api-styl', 'rest')).message).toBe('Unknown option --api-styl; did you mean --api-style?; run magi backend-spec --help');
    expect(failure(() => parse('--sprint', '--json')).message).toBe('--sprint needs a value; run with --help for the accepted values');
    expect(failure(() => parse('--no-sprint')).message).toBe('--no-sprint: --sprint takes a value and cannot be negated; run magi backend-spec --help');
    expect(failure(() => parse('stray')).message).toBe('Unexpected argument "stray"; options start with --, run magi backend-spec --help');
    expect(parseCommandLine(['services/api', '--json'], [{ name: 'json', description: 'json', schema: backendSpecQuestions[0].schema, option: { flag: 'json', type: 'boolean' } }], { command: 'detect', positionals: 1 }).positionals).toEqual(['services/api']);
    expect(nearest('api-styl', ['api-style', 'sprint'])).toBe('api-style');
    expect(nearest('xyz', ['api-style', 'sprint'])).toBeUndefined();
  });
});
