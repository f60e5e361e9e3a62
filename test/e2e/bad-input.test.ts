// The bad-input catalogue: every case gets one stderr line saying what is wrong
// and how to fix it, a non-zero exit, no stack trace, and nothing written.
import { chmodSync, mkdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample, SPEC, type Sandbox } from '../helpers/example.js';
import { giveTo, runMagiAsync, snapshotTree, unprivileged } from '../helpers/spawn.js';

const SPRINT = 'docs/03-gift-cards';
/** The repository, HOME and the folder beside them: a run writes to none of them. */
const everything = (sandbox: Sandbox) => path.dirname(sandbox.root);
const ANSWERS = ['backend-spec', '--answers', 'magi-answers.yaml'];

interface Case {
  name: string;
  /** Prepares the sandbox; runs before the "nothing written" snapshot. */
  setup?: (sandbox: Sandbox) => void;
  args: string[];
  exit: number;
  /** The whole single stderr line. */
  line: RegExp;
  env?: (sandbox: Sandbox) => Record<string, string>;
  /** Run as an unprivileged user, so that permission bits apply. */
  unprivileged?: boolean;
}

const put = (sandbox: Sandbox, file: string, contents: string | Buffer) => {
  mkdirSync(path.dirname(path.join(sandbox.root, file)), { recursive: true });
  writeFileSync(path.join(sandbox.root, file), contents);
};
/** A file outside the repository, beside it in the sandbox's temp folder. */
const outside = (sandbox: Sandbox, file: string, contents: string) => {
  const target = path.join(path.dirname(sandbox.root), 'outside', file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, contents);
  return target;
};
const answersCase = (name: string, file: string, contents: string | Buffer, line: RegExp): Case => ({
  name,
  setup: (sandbox) => put(sandbox, file, contents),
  args: ['backend-spec', '--answers', file],
  exit: 2,
  line,
});
const specCase = (name: string, contents: string | Buffer | ((spec: string) => string), line: RegExp, exit = 2): Case => ({
  name,
  setup: (sandbox) => put(sandbox, SPEC, typeof contents === 'function' ? contents(sandbox.read(SPEC)) : contents),
  args: ANSWERS,
  exit,
  line,
});

const ALIAS_BOMB = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((key, index) => `${key}: &${key} [${Array(9).fill(`*${'abcdefghi'[index]}`).join(', ')}]`)].join('\n');

const CATALOGUE: Case[] = [
  // Answers file
  answersCase('answers: malformed YAML', 'bad.yaml', 'sprint: 03-gift-cards\napiStyle: [rest\n', /^magi: bad\.yaml: line \d+, column \d+: .+; fix the YAML\/JSON syntax$/),
  answersCase('answers: malformed JSON', 'bad.json', '{"sprint": "03-gift-cards", "apiStyle": }\n', /^magi: bad\.json: line 1, column \d+: .+; fix the JSON syntax$/),
  answersCase('answers: JSON with a trailing comma', 'bad.json', '{"apiStyle": "rest",}\n', /^magi: bad\.json: line 1, column \d+: .+; fix the JSON syntax$/),
  answersCase('answers: duplicate key', 'dup.yaml', 'apiStyle: rest\napiStyle: graphql\n', /^magi: dup\.yaml: line 2, column 1: Map keys must be unique; fix the YAML\/JSON syntax$/),
  answersCase('answers: a number where a style is expected', 'type.yaml', 'apiStyle: 5\n', /^magi: type\.yaml: apiStyle: must be one of rest, graphql, grpc, trpc$/),
  answersCase('answers: a string where a boolean is expected', 'type.yaml', 'scaffoldTest: "yes"\n', /^magi: type\.yaml: scaffoldTest: expected boolean, received string$/),
  answersCase('answers: an unknown API style', 'enum.yaml', 'apiStyle: soap\n', /^magi: enum\.yaml: apiStyle: must be one of rest, graphql, grpc, trpc$/),
  answersCase('answers: a string where a list is expected', 'type.yaml', 'authz:\n  "POST /v1/gift-cards":\n    roles: admin\n', /^magi: type\.yaml: authz\.POST \/v1\/gift-cards\.roles: expected array, received string$/),
  answersCase('answers: an unknown key, with the nearest suggested', 'typo.yaml', 'apiStlye: rest\n', /^magi: typo\.yaml: apiStlye: unknown key \(did you mean "apiStyle"\?\)$/),
  answersCase('answers: an unknown nested key', 'typo.yaml', 'stack:\n  frameworc: express\n', /^magi: typo\.yaml: stack\.frameworc: unknown key$/),
  answersCase('answers: a stack fact naming no catalog entry', 'vapor.yaml', 'stack:\n  framework: vapor\n', /^magi: vapor\.yaml: stack\.framework: must be one of .*\bexpress\b.*\bspring-boot\b/),
  answersCase('answers: a list instead of a mapping', 'list.yaml', '- rest\n- graphql\n', /^magi: list\.yaml: must be a mapping of keys to values \(got a list\); see the README's answers file reference$/),
  answersCase('answers: a bare string', 'scalar.yaml', 'rest\n', /^magi: scalar\.yaml: must be a mapping of keys to values \(got a string\); see the README's answers file reference$/),
  answersCase('answers: a YAML alias bomb', 'bomb.yaml', `${ALIAS_BOMB}\n`, /^magi: bomb\.yaml: .*alias.*; simplify the YAML \(no alias chains\)$/i),
  answersCase('answers: binary content', 'binary.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /^magi: binary\.yaml: is a binary file, not YAML or JSON; pass a text answers file$/),
  answersCase('answers: invalid UTF-8', 'latin1.yaml', Buffer.from('apiStyle: r\xe9st\n', 'latin1'), /^magi: latin1\.yaml: is not valid UTF-8; save the answers file as UTF-8$/),
  answersCase('answers: a huge file', 'huge.yaml', `# ${'x'.repeat(2 * 1024 * 1024)}\napiStyle: rest\n`, /^magi: huge\.yaml: answers file is \d+ bytes \(limit 1048576\); pass a small YAML or JSON file$/),
  answersCase('answers: a sprint that is a path', 'path.yaml', 'sprint: ../../etc\n', /^magi: --sprint \.\.\/\.\.\/etc: must be a sprint folder name like 03-order-refunds or a number, not a path$/),
  {
    name: 'answers: missing file',
    args: ['backend-spec', '--answers', 'nowhere.yaml'],
    exit: 2,
    line: /^magi: nowhere\.yaml: answers file not found; check the path given to --answers$/,
  },
  {
    name: 'answers: a directory',
    setup: (sandbox) => mkdirSync(path.join(sandbox.root, 'answers.yaml')),
    args: ['backend-spec', '--answers', 'answers.yaml'],
    exit: 2,
    line: /^magi: answers\.yaml: is a directory; --answers takes a YAML or JSON file$/,
  },
  {
    name: 'answers: --answers without a value',
    args: ['backend-spec', '--answers'],
    exit: 2,
    line: /^magi: --answers needs a value; run with --help for the accepted values$/,
  },

  // Options
  { name: 'option: unknown --api-style', args: [...ANSWERS, '--api-style', 'soap'], exit: 2, line: /^magi: --api-style: must be one of rest, graphql, grpc, trpc; run with --help for the accepted values$/ },
  { name: 'option: unknown --conflict', args: [...ANSWERS, '--conflict', 'maybe'], exit: 2, line: /^magi: --conflict: must be one of merge, overwrite, abort; run with --help for the accepted values$/ },
  { name: 'option: --sprint ../../etc', args: [...ANSWERS, '--sprint', '../../etc'], exit: 2, line: /^magi: --sprint \.\.\/\.\.\/etc: must be a sprint folder name like 03-order-refunds or a number, not a path$/ },
  { name: 'option: --sprint with an absolute path', args: [...ANSWERS, '--sprint', '/etc'], exit: 2, line: /^magi: --sprint \/etc: must be a sprint folder name like 03-order-refunds or a number, not an absolute path$/ },
  { name: 'option: --sprint with a nonexistent number', args: [...ANSWERS, '--sprint', '99'], exit: 2, line: /^magi: --sprint 99: no such sprint in docs\/; choose one of 01-user-accounts, 02-product-catalog, 03-gift-cards$/ },
  { name: 'option: --sprint with a nonexistent name', args: [...ANSWERS, '--sprint', '04-refunds'], exit: 2, line: /^magi: --sprint 04-refunds: no such sprint in docs\/; choose one of 01-user-accounts, 02-product-catalog, 03-gift-cards$/ },
  { name: 'option: --sprint that is not a sprint name', args: [...ANSWERS, '--sprint', 'gift cards'], exit: 2, line: /^magi: --sprint gift cards: expected <num>-<slug> \(e\.g\. 03-order-refunds\) or a number$/ },
  { name: 'option: --docs-dir outside the repository', args: [...ANSWERS, '--docs-dir', '../elsewhere'], exit: 2, line: /^magi: --docs-dir \.\.\/elsewhere: must be a folder inside the repository, without \.\.$/ },
  { name: 'option: --docs-dir without sprints', args: [...ANSWERS, '--docs-dir', 'src'], exit: 2, line: /^magi: No sprint found in src\/: plan a sprint first \(\/magi\.plan in the magi workflow\) so that src\/<num>-<slug>\/ exists$/ },
  { name: 'option: --service that does not exist', args: [...ANSWERS, '--service', 'billing'], exit: 2, line: /^magi: --service billing: no such service; detected: .+$/ },
  {
    name: 'option: --openapi file that is not OpenAPI',
    setup: (sandbox) => put(sandbox, 'api/swagger.yaml', 'swagger: "2.0"\ninfo: {title: old, version: "1"}\npaths: {}\n'),
    args: [...ANSWERS, '--openapi', 'api/swagger.yaml'],
    exit: 2,
    line: /^magi: --openapi api\/swagger\.yaml: is not an OpenAPI document \(no top-level "openapi" key\); pass an OpenAPI 3\.x file$/,
  },
  {
    name: 'option: --openapi file that is broken YAML',
    setup: (sandbox) => put(sandbox, 'api/openapi.yaml', 'openapi: 3.1.0\ninfo: {title: shop, version: "1"\npaths:\n  /x: [\n'),
    args: [...ANSWERS, '--openapi', 'api/openapi.yaml'],
    exit: 2,
    line: /^magi: --openapi api\/openapi\.yaml: line 3, column 1: .+; fix the YAML or drop --openapi$/,
  },
  { name: 'option: --openapi file that does not exist', args: [...ANSWERS, '--openapi', 'api/missing.yaml'], exit: 2, line: /^magi: --openapi api\/missing\.yaml: file not found; pass the path of an existing OpenAPI document$/ },
  // One outside the repository is read (test/e2e/safety.test.ts); a missing one is still a missing file.
  { name: 'option: --openapi outside the repository that does not exist', args: [...ANSWERS, '--openapi', '../outside.yaml'], exit: 2, line: /^magi: --openapi \.\.\/outside\.yaml: file not found; pass the path of an existing OpenAPI document$/ },
  {
    name: 'option: --openapi that is a folder',
    setup: (sandbox) => mkdirSync(path.join(sandbox.root, 'api')),
    args: [...ANSWERS, '--openapi', 'api'],
    exit: 2,
    line: /^magi: --openapi api: .+; pass .*OpenAPI.*$/,
  },

  // Files
  {
    name: 'SPEC.md is a symlink leading outside the repository',
    setup: (sandbox) => {
      const target = outside(sandbox, 'SPEC.md', sandbox.read(SPEC));
      unlinkSync(path.join(sandbox.root, SPEC));
      symlinkSync(target, path.join(sandbox.root, SPEC));
    },
    args: ANSWERS,
    exit: 2,
    line: /^magi: docs\/03-gift-cards\/SPEC\.md: leads outside the repository \(symlink to .+\); replace the symlink with a real file$/,
  },
  {
    name: 'the sprint folder is a symlink leading outside the repository',
    setup: (sandbox) => {
      const target = outside(sandbox, '04-elsewhere/SPEC.md', sandbox.read(SPEC));
      symlinkSync(path.dirname(target), path.join(sandbox.root, 'docs/04-elsewhere'));
    },
    args: ['backend-spec', '--answers', 'magi-answers.yaml', '--sprint', '04'],
    exit: 2,
    line: /^magi: docs\/04-elsewhere: leads outside the repository \(symlink to .+\); replace the symlink with a real file$/,
  },
  {
    name: 'SPEC.md is a broken symlink',
    setup: (sandbox) => {
      unlinkSync(path.join(sandbox.root, SPEC));
      symlinkSync('gone.md', path.join(sandbox.root, SPEC));
    },
    args: ANSWERS,
    exit: 2,
    line: /^magi: docs\/03-gift-cards\/SPEC\.md: is a broken symlink; point it at a file inside the repository$/,
  },
  specCase('SPEC.md holds binary data', Buffer.concat([Buffer.from('# Gift cards\n'), Buffer.from([0, 1, 2, 0xff])]), /^magi: docs\/03-gift-cards\/SPEC\.md: holds binary data, not Markdown; restore the plan document from version control$/),
  specCase('SPEC.md is not valid UTF-8', Buffer.from('# Gift cards\n\nPrix: 10 \xe9\n', 'latin1'), /^magi: docs\/03-gift-cards\/SPEC\.md: is not valid UTF-8; save it as UTF-8 and re-run$/),
  specCase('SPEC.md is 50 MB', `# Gift cards\n\n${'Sell gift cards to customers.\n'.repeat(Math.ceil((50 * 1024 * 1024) / 30))}`, /^magi: docs\/03-gift-cards\/SPEC\.md: is 50\.0 MB \(limit 5\.0 MB\); split the plan document before adding a Backend section$/),
  specCase('SPEC.md holds two ## Backend sections', (spec) => `${spec}\n## Backend\n\nmine\n\n## Backend\n\nagain\n`, /^magi: The document has 2 "## Backend" sections \(lines \d+ and \d+\); merge them into one by hand, then re-run$/),
  specCase('SPEC.md has an unterminated code fence', (spec) => `${spec}\n\`\`\`ts\nconst open = true;\n`, /^magi: docs\/03-gift-cards\/SPEC\.md: the code fence opened on line \d+ is never closed; close it \(a section appended after it would be swallowed\)$/),
  {
    name: 'SPEC.md is a folder',
    setup: (sandbox) => {
      unlinkSync(path.join(sandbox.root, SPEC));
      mkdirSync(path.join(sandbox.root, SPEC));
    },
    args: ANSWERS,
    exit: 2,
    line: /^magi: docs\/03-gift-cards\/SPEC\.md: is not a regular file; the plan document must be a Markdown file$/,
  },
  {
    name: 'the sprint has no SPEC.md and no PLAN.md',
    setup: (sandbox) => unlinkSync(path.join(sandbox.root, SPEC)),
    args: ANSWERS,
    exit: 3,
    line: /^magi: Cannot run backend-spec: no PLAN\/SPEC found in current sprint \(state=INITIALIZED\); plan the sprint first \(\/magi\.plan in the magi workflow, or write the SPEC\.md yourself\), then re-run$/,
  },
  {
    name: 'MAGI_CONFIG_PATH points at a file that is not JSON',
    setup: (sandbox) => put(sandbox, 'config.json', '{"output_language": "en",\n'),
    env: () => ({ MAGI_CONFIG_PATH: 'config.json' }),
    args: ANSWERS,
    exit: 3,
    line: /^magi: \/.*\/repo\/config\.json: is not valid JSON \(.+\); fix it or delete it, then re-run$/,
  },
  {
    name: 'MAGI_CONFIG_PATH points at a missing file',
    env: () => ({ MAGI_CONFIG_PATH: 'missing.json' }),
    args: ANSWERS,
    exit: 3,
    line: /^magi: MAGI_CONFIG_PATH points to .*missing\.json, which does not exist; fix the variable or run `magi setup`$/,
  },
  {
    name: '.yo-rc.json that does not parse',
    setup: (sandbox) => put(sandbox, '.yo-rc.json', '{"generator-magi": {"outputLanguage": "en"'),
    args: ANSWERS,
    exit: 3,
    line: /^magi: \/.*\/repo\/\.yo-rc\.json: is not valid JSON \(.+\); fix it or delete it, then re-run$/,
  },
  {
    name: 'an empty repository',
    setup: (sandbox) => {
      rmSync(sandbox.root, { recursive: true });
      mkdirSync(sandbox.root);
      writeFileSync(path.join(sandbox.home, 'config.json'), '{"output_language": "en"}');
    },
    env: (sandbox) => ({ MAGI_CONFIG_PATH: path.join(sandbox.home, 'config.json') }),
    args: ['backend-spec', '--api-style', 'rest'],
    exit: 2,
    line: /^magi: No sprint found: docs\/ or magi\/ has no <num>-<slug>\/ folder; plan a sprint first \(\/magi\.plan in the magi workflow\), or pass --docs-dir$/,
  },
  {
    name: 'the sprint folder cannot be read',
    setup: (sandbox) => {
      giveTo(sandbox);
      chmodSync(path.join(sandbox.root, SPRINT), 0o000);
    },
    unprivileged: true,
    args: ANSWERS,
    exit: 2,
    line: /^magi: docs\/03-gift-cards: cannot be read \(EACCES\); check its permissions$/,
  },
  {
    name: 'SPEC.md cannot be read',
    setup: (sandbox) => {
      giveTo(sandbox);
      chmodSync(path.join(sandbox.root, SPEC), 0o000);
    },
    unprivileged: true,
    args: ANSWERS,
    exit: 2,
    line: /^magi: docs\/03-gift-cards\/SPEC\.md: cannot be read \(EACCES\); check its permissions$/,
  },
  {
    name: 'the docs folder cannot be read',
    setup: (sandbox) => {
      giveTo(sandbox);
      chmodSync(path.join(sandbox.root, 'docs'), 0o000);
    },
    unprivileged: true,
    args: ANSWERS,
    exit: 2,
    line: /^magi: docs: cannot be read \(EACCES\); check its permissions$/,
  },
  {
    name: 'the answers file cannot be read',
    setup: (sandbox) => {
      giveTo(sandbox);
      chmodSync(path.join(sandbox.root, 'magi-answers.yaml'), 0o000);
    },
    unprivileged: true,
    args: ANSWERS,
    exit: 2,
    line: /^magi: magi-answers\.yaml: cannot be read \(EACCES\); check its permissions$/,
  },

  // The same checks when the run goes through Yeoman's environment (as under a terminal).
  {
    name: 'Yeoman path: .yo-rc.json that does not parse',
    setup: (sandbox) => put(sandbox, '.yo-rc.json', '{"generator-magi": {"outputLanguage": "en"'),
    env: () => ({ MAGI_YEOMAN: '1' }),
    args: ANSWERS,
    exit: 3,
    line: /^magi: \/.*\/repo\/\.yo-rc\.json: is not valid JSON \(.+\); fix it or delete it, then re-run$/,
  },
  { ...answersCase('Yeoman path: an unknown API style in the answers file', 'enum.yaml', 'apiStyle: soap\n', /^magi: enum\.yaml: apiStyle: must be one of rest, graphql, grpc, trpc$/), env: () => ({ MAGI_YEOMAN: '1' }) },
  { ...specCase('Yeoman path: SPEC.md has an unterminated code fence', (spec) => `${spec}\n~~~\n`, /^magi: docs\/03-gift-cards\/SPEC\.md: the code fence opened on line \d+ is never closed; .+$/), env: () => ({ MAGI_YEOMAN: '1' }) },

  // magi detect
  { name: 'detect: a path that does not exist', args: ['detect', 'nowhere'], exit: 2, line: /^magi: nowhere: not a folder; pass the repository's folder$/ },
  { name: 'detect: a file instead of a folder', args: ['detect', 'package.json'], exit: 2, line: /^magi: package\.json: not a folder; pass the repository's folder$/ },
  { name: 'detect: an unknown option', args: ['detect', '--yaml'], exit: 2, line: /^magi: Unknown option --yaml; run magi detect --help$/ },
];

describe('bad input: one line, non-zero exit, no stack trace, nothing written', () => {
  it('the catalogue has at least 40 cases', () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CATALOGUE.map((entry) => entry.name)).size).toBe(CATALOGUE.length);
  });

  for (const entry of CATALOGUE) {
    it.concurrent(entry.name, async () => {
      const sandbox = copyExample();
      entry.setup?.(sandbox);
      const before = snapshotTree(everything(sandbox));
      const run = await runMagiAsync(sandbox, entry.args, {
        env: entry.env?.(sandbox),
        ...(entry.unprivileged ? unprivileged() : {}),
      });
      expect(run.stderr.split('\n').filter(Boolean), run.stderr).toHaveLength(1);
      expect(run.stderr).toMatch(/\n$/);
      expect(run.stderr.trimEnd()).toMatch(entry.line);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(run.status).toBe(entry.exit);
      expect(run.stdout).toBe('');
      expect(snapshotTree(everything(sandbox))).toEqual(before);
    });
  }
});

describe('warnings that are not errors', () => {
  it.concurrent('a package.json that does not parse: detection goes on, exit 0, unparsable-manifest', async () => {
    const sandbox = copyExample();
    put(sandbox, 'package.json', sandbox.read('package.json').replace('{', '{,'));
    const run = await runMagiAsync(sandbox, [...ANSWERS, '--json', '--dry-run']);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.warnings).toContainEqual(expect.objectContaining({ code: 'unparsable-manifest', message: expect.stringContaining('package.json') }));
    // The rest of detection still ran: the ORM comes from prisma/schema.prisma.
    expect(report.stack.orm.value).toBe('prisma');
  });

  it.concurrent('Yeoman path: a package.json that does not parse is a warning, not a crash', async () => {
    const sandbox = copyExample();
    put(sandbox, 'package.json', sandbox.read('package.json').replace('{', '{,'));
    const run = await runMagiAsync(sandbox, [...ANSWERS, '--json', '--dry-run'], { env: { MAGI_YEOMAN: '1' } });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).warnings).toContainEqual(expect.objectContaining({ code: 'unparsable-manifest' }));
  });

  it.concurrent('a pyproject.toml that does not parse: detect goes on, exit 0, unparsable-manifest', async () => {
    const sandbox = copyExample();
    put(sandbox, 'worker/pyproject.toml', '[project\nname = "worker"\ndependencies = ["fastapi"\n');
    put(sandbox, 'worker/main.py', 'from fastapi import FastAPI\napp = FastAPI()\n');
    const run = await runMagiAsync(sandbox, ['detect', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.warnings).toContainEqual(expect.objectContaining({ code: 'unparsable-manifest', message: expect.stringContaining('worker/pyproject.toml') }));
    expect(report.services.some((service: { stack: { framework?: { value: string } } }) => service.stack.framework?.value === 'express')).toBe(true);
  });

  it.concurrent('an unreadable source folder: the run goes on without it', async () => {
    const sandbox = copyExample();
    giveTo(sandbox);
    chmodSync(path.join(sandbox.root, 'src/routes'), 0o000);
    const run = await runMagiAsync(sandbox, [...ANSWERS, '--json', '--dry-run'], unprivileged());
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).stack.framework.value).toBe('express');
  });

  it.concurrent('detect on an empty repository says so and exits 0', async () => {
    const sandbox = copyExample();
    const empty = path.join(sandbox.home, 'empty');
    mkdirSync(empty);
    const run = await runMagiAsync(sandbox, ['detect', empty]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Repository: empty$/m);
  });
});

describe('DEBUG=magi*', () => {
  it.concurrent('adds the stack trace to the one line', async () => {
    const sandbox = copyExample();
    const run = await runMagiAsync(sandbox, ['backend-spec', '--answers', 'nowhere.yaml'], { env: { DEBUG: 'magi*' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^MagiError: nowhere\.yaml: answers file not found/m);
    expect(run.stderr).toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(run.stderr).toMatch(/^magi: nowhere\.yaml: answers file not found; check the path given to --answers$/m);
  });
});
