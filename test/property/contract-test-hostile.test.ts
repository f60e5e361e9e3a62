// Hostile strings in every contract and repository field that reaches a
// contract-test template: the generated test still parses in its language, and
// the payload never becomes code (it stays inside string literals and comments).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { listFrameworks, renderContractTest, type ContractTestInput } from '../../lib/contract-test/index.js';
import { isMagiError } from '../../lib/errors.js';

/** The identifier every payload tries to call: found as code anywhere, the payload escaped its literal. */
const MARKER = 'magiPwned';

/** Pieces that end a literal or a comment in one of the target languages, or smuggle code into one. */
const BREAKERS = [
  "'", '"', '`', '"""', "'''", '*/', '/*', '-->', '${', '}', '#{', '#@x', '#$x', '<%', '%>', '<%=', '\\', '\\n', '\\u{', '\\N', '\\x',
  '\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085', '\t', '\u001b[31m', '\u001b]0;title\u0007', '\u0000', '\ud800', '#', '//', '--', ';', ')', ']', '});', '"#', '"##',
];
const PAYLOADS = [
  `\nprocess.exit(42); ${MARKER}();\n`,
  `'); ${MARKER}(); ('`,
  `"); ${MARKER}(); ("`,
  `\`); ${MARKER}(); (\``,
  `\${${MARKER}()}`,
  `#{${MARKER}()}`,
  `*/ ${MARKER}(); /*`,
  `"""\n${MARKER}()\n"""`,
  `\n__import__("os")._exit(42); ${MARKER}()\n`,
  `"#); ${MARKER}(); (r#"`,
  `<%= ${MARKER}() %>`,
];

const hostile = fc
  .tuple(fc.array(fc.constantFrom(...BREAKERS), { maxLength: 4 }), fc.constantFrom(...PAYLOADS), fc.array(fc.constantFrom(...BREAKERS), { maxLength: 3 }))
  .map(([before, payload, after]) => `${before.join('')}${payload}${after.join('')}`);

/** A file-name-safe variant (no slash, no NUL: the file system would refuse those outright). */
const fileName = hostile.map((text) => text.replace(/[/\u0000]/g, '_'));

interface Hostile {
  title: string;
  pathSegment: string;
  paramName: string;
  paramExample: string;
  queryName: string;
  queryExample: string;
  headerName: string;
  headerExample: string;
  schemeName: string;
  apiKeyHeader: string;
  operationId: string;
  summary: string;
  bodyKey: string;
  bodyValue: string;
  propertyName: string;
  enumValue: string;
  serverPath: string;
  contractFile: string;
  appFile: string;
  appExport: string;
  serviceFolder: string;
  testFolder: string;
  description: string;
  goPackage: string;
}

const hostileRecord: fc.Arbitrary<Hostile> = fc.record({
  title: hostile,
  pathSegment: hostile,
  paramName: hostile,
  paramExample: hostile,
  queryName: hostile,
  queryExample: hostile,
  headerName: hostile,
  headerExample: hostile,
  schemeName: hostile,
  apiKeyHeader: hostile,
  operationId: hostile,
  summary: hostile,
  bodyKey: hostile,
  bodyValue: hostile,
  propertyName: hostile,
  enumValue: hostile,
  serverPath: hostile,
  contractFile: fileName,
  appFile: fileName,
  appExport: hostile,
  serviceFolder: fileName,
  testFolder: fileName,
  description: hostile,
  goPackage: hostile,
});

function openApiContract(h: Hostile): string {
  const document = {
    openapi: '3.1.0',
    info: { title: h.title, version: '1.0.0', description: h.description },
    servers: [{ url: `/${h.serverPath}` }],
    paths: {
      [`/items/${h.pathSegment}/{${h.paramName}}`]: {
        parameters: [{ name: h.paramName, in: 'path', required: true, schema: { type: 'string', example: h.paramExample } }],
        get: {
          operationId: h.operationId,
          summary: h.summary,
          parameters: [
            { name: h.queryName, in: 'query', schema: { type: 'string', example: h.queryExample } },
            { name: h.headerName, in: 'header', required: true, schema: { type: 'string', example: h.headerExample } },
            { name: h.queryName, in: 'cookie', schema: { type: 'string', example: h.queryExample } },
          ],
          security: [{ [h.schemeName]: [] }, { keyAuth: [] }],
          responses: {
            '200': {
              description: h.description,
              content: { 'application/json': { schema: { type: 'object', properties: { [h.propertyName]: { type: 'string', enum: [h.enumValue] } } } } },
            },
            '401': { description: h.summary },
          },
        },
        post: {
          operationId: `${h.operationId}.create`,
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' }, example: { [h.bodyKey]: h.bodyValue, nested: [h.bodyValue] } } } },
          responses: { '201': { description: h.description } },
        },
      },
    },
    components: {
      securitySchemes: {
        [h.schemeName]: { type: 'http', scheme: 'bearer' },
        keyAuth: { type: 'apiKey', in: 'header', name: h.apiKeyHeader },
      },
    },
  };
  return stringify(document);
}

/** GraphQL and proto grammars only allow plain names: hostile text goes where their grammars allow any text. */
function graphqlContract(h: Hostile): string {
  // GraphQL strings cannot hold a lone surrogate at all: the parser refuses those before we see them.
  const block = (text: string) => JSON.stringify(text.replace(/[\ud800-\udfff]/g, '?'));
  return `${block(h.description)}\ntype Query {\n  ${block(h.summary)}\n  item(id: ID! = ${block(h.paramExample)}): Item\n}\n\ntype Mutation {\n  rename(name: String = ${block(h.bodyValue)}): Item\n}\n\ntype Item {\n  id: ID!\n  label(format: String = ${block(h.enumValue)}): String\n}\n`;
}

function protoContract(h: Hostile): string {
  return `syntax = "proto3";\n\npackage shop.items.v1;\n\noption go_package = ${JSON.stringify(h.goPackage)};\n\n// ${h.description.replace(/[\r\n\u2028\u2029\u0085]/g, ' ')}\nservice ItemService {\n  rpc GetItem(GetItemRequest) returns (Item);\n}\n\nmessage GetItemRequest {\n  string id = 1 [json_name = ${JSON.stringify(h.paramName)}];\n}\n\nmessage Item {\n  string id = 1;\n}\n`;
}

const KIND_OF: Record<string, 'openapi' | 'graphql' | 'proto'> = { graphql: 'graphql', 'grpc-go': 'proto' };
const EXTENSION_OF: Record<string, string> = { openapi: 'yaml', graphql: 'graphql', proto: 'proto' };

function inputFor(framework: string, h: Hostile): ContractTestInput {
  const kind = KIND_OF[framework] ?? 'openapi';
  const text = kind === 'openapi' ? openApiContract(h) : kind === 'graphql' ? graphqlContract(h) : protoContract(h);
  return {
    contract: { kind, text, path: `docs/03-items/${h.contractFile}.${EXTENSION_OF[kind]}` },
    framework,
    feature: 'items',
    appEntry: `${h.serviceFolder}/${h.appFile}.x#${h.appExport}`,
    servicePath: h.serviceFolder,
    testDir: h.testFolder,
  };
}

// --- checks per language -------------------------------------------------------

function typescriptProblems(content: string): string[] {
  const source = ts.createSourceFile('test.ts', content, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const problems = ((source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics ?? []).map((diagnostic) =>
    `syntax: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')} at ${diagnostic.start}`,
  );
  const visit = (node: ts.Node) => {
    if ((ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) && node.text === MARKER) problems.push(`code: identifier ${node.text} at ${node.pos}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return problems;
}

/**
 * Go, Ruby and Rust have no parser on this machine (rustfmt checks Rust's syntax below): a lexer
 * removes comments and string literals (keeping Ruby's `#{}` interpolation, which is code) and
 * fails on an unterminated literal; the marker must not be left in what remains.
 */
function lexerProblems(content: string, language: 'go' | 'ruby' | 'rust'): string[] {
  try {
    const { code } = stripLiterals(content, 0, language, false);
    // A name derived from hostile text (`Q___magiPwned___Z`) is one identifier, not the payload's call.
    return new RegExp(`(?<![A-Za-z0-9_$])${MARKER}(?![A-Za-z0-9_$])`).test(code) ? [`code: ${MARKER} outside any literal or comment`] : [];
  } catch (error) {
    return [`syntax: ${(error as Error).message}`];
  }
}

/** The code of `content` from `start` with literals and comments removed; inside a Ruby `#{…}`, up to its closing brace. */
function stripLiterals(content: string, start: number, language: 'go' | 'ruby' | 'rust', inInterpolation: boolean): { code: string; index: number } {
  let code = '';
  let index = start;
  let depth = 0;
  const at = (text: string) => content.startsWith(text, index);
  while (index < content.length) {
    const char = content[index];
    if (inInterpolation && char === '{') depth++;
    if (inInterpolation && char === '}' && depth-- === 0) return { code, index: index + 1 };
    if ((language !== 'ruby' && at('//')) || (language === 'ruby' && char === '#')) {
      const end = content.indexOf('\n', index);
      index = end < 0 ? content.length : end;
    } else if (language !== 'ruby' && at('/*')) {
      const end = content.indexOf('*/', index + 2);
      if (end < 0) throw new Error('unterminated block comment');
      index = end + 2;
    } else if (language === 'rust' && /^b?r#*"/.test(content.slice(index, index + 40))) {
      const open = /^(b?r)(#*)"/.exec(content.slice(index))!;
      const close = `"${open[2]}`;
      const end = content.indexOf(close, index + open[0].length);
      if (end < 0) throw new Error('unterminated raw string');
      index = end + close.length;
    } else if (language === 'go' && char === '`') {
      const end = content.indexOf('`', index + 1);
      if (end < 0) throw new Error('unterminated raw string');
      index = end + 1;
    } else if (char === '"' || (language === 'ruby' && char === "'")) {
      index++;
      let closed = false;
      while (index < content.length) {
        const inner = content[index];
        if (inner === '\\') index += 2;
        else if (inner === char) {
          index++;
          closed = true;
          break;
        } else if (language === 'ruby' && char === '"' && at('#{')) {
          // Interpolation is code: lexed like code, strings inside it included.
          const nested = stripLiterals(content, index + 2, language, true);
          code += ` ${nested.code} `;
          index = nested.index;
        } else if (inner === '\n' && language === 'go') throw new Error('newline in a string literal');
        else index++;
      }
      if (!closed) throw new Error('unterminated string literal');
    } else if (char === "'" && language !== 'ruby') {
      // A char/rune literal ('x', '\n'); in Rust a lone quote starts a lifetime ('a).
      const literal = /^'(\\.[^']*|[^'\\])'/.exec(content.slice(index, index + 12));
      if (literal) index += literal[0].length;
      else if (language === 'rust') index++;
      else throw new Error('bad rune literal');
    } else {
      code += char;
      index++;
    }
  }
  if (inInterpolation) throw new Error('unterminated interpolation');
  return { code, index };
}

const scratch = mkdtempSync(join(tmpdir(), 'magi-hostile-'));
const scratchDump = process.env.MAGI_DUMP_DIR ?? scratch;
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const hasTool = (command: string, args: string[]) => spawnSync(command, args, { encoding: 'utf8' }).status === 0;
const HAS_PYTHON = hasTool('python3', ['--version']);
const HAS_RUSTFMT = hasTool('rustfmt', ['--version']);

/** One python3 run for a batch: each file must parse, and no name or attribute in its AST may be the marker. */
const PYTHON_CHECK = `
import ast, json, sys
out = {}
for path in sys.argv[1:]:
    src = open(path, encoding='utf-8', errors='surrogatepass').read()
    try:
        tree = ast.parse(src)
    except SyntaxError as error:
        out[path] = ['syntax: %s (line %s)' % (error.msg, error.lineno)]
        continue
    found = [type(node).__name__ for node in ast.walk(tree)
             if (isinstance(node, ast.Name) and node.id == '${MARKER}') or (isinstance(node, ast.Attribute) and node.attr == '${MARKER}')]
    out[path] = ['code: %s' % name for name in found]
print(json.dumps(out))
`;

function pythonProblems(files: string[]): Record<string, string[]> {
  const run = spawnSync('python3', ['-c', PYTHON_CHECK, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Record<string, string[]>;
}

function rustfmtProblems(files: string[]): string[] {
  if (!files.length) return [];
  const run = spawnSync('rustfmt', ['--edition', '2021', '--check', ...files], { encoding: 'utf8' });
  // --check exits 1 on a formatting difference (fine) and prints "error" on a parse failure.
  return /error(\[E\d+\])?:/.test(run.stderr) ? [`syntax: ${run.stderr.split('\n').slice(0, 3).join(' ')}`] : [];
}

interface Rendered {
  framework: string;
  path: string;
  content: string;
}

async function renderAll(h: Hostile): Promise<{ rendered: Rendered[]; refused: string[] }> {
  const rendered: Rendered[] = [];
  const refused: string[] = [];
  for (const framework of listFrameworks()) {
    try {
      const result = await renderContractTest(inputFor(framework, h));
      rendered.push({ framework, path: result.path, content: result.content });
    } catch (error) {
      // Refusing hostile input with a one-line MagiError is allowed; crashing is not.
      if (!isMagiError(error)) throw error;
      refused.push(`${framework}: ${(error as Error).message}`);
    }
  }
  return { rendered, refused };
}

function problemsOf(batch: Rendered[], round: number): string[] {
  const problems: string[] = [];
  const python: string[] = [];
  const rust: string[] = [];
  batch.forEach((item, index) => {
    const extension = item.path.split('.').pop();
    const label = `${item.framework} (${JSON.stringify(item.path)})`;
    if (extension === 'ts') problems.push(...typescriptProblems(item.content).map((problem) => `${label}: ${problem}`));
    else if (extension === 'py') {
      const file = join(scratch, `r${round}-${index}.py`);
      writeFileSync(file, item.content);
      python.push(file);
    } else if (extension === 'go') problems.push(...lexerProblems(item.content, 'go').map((problem) => `${label}: ${problem}`));
    else if (extension === 'rb') problems.push(...lexerProblems(item.content, 'ruby').map((problem) => `${label}: ${problem}`));
    else if (extension === 'rs') {
      problems.push(...lexerProblems(item.content, 'rust').map((problem) => `${label}: ${problem}`));
      const file = join(scratch, `r${round}-${index}.rs`);
      writeFileSync(file, item.content);
      rust.push(file);
    } else problems.push(`${label}: unknown extension`);
  });
  if (HAS_PYTHON && python.length) {
    for (const [file, found] of Object.entries(pythonProblems(python))) problems.push(...found.map((problem) => `python ${file}: ${problem}`));
  }
  if (HAS_RUSTFMT) problems.push(...rustfmtProblems(rust));
  return problems;
}

export { inputFor, type Hostile };

describe('contract tests from hostile contracts and repositories', () => {
  if (process.env.MAGI_DUMP_HOSTILE) {
    it('dump', async () => {
      const h = Object.fromEntries(Object.keys(await fc.sample(hostileRecord, 1)[0]).map((key) => [key, process.env.MAGI_DUMP_HOSTILE!.replace(/\\n/g, '\n')])) as unknown as Hostile;
      for (const framework of listFrameworks()) {
        try {
          const result = await renderContractTest(inputFor(framework, h));
          writeFileSync(join(scratchDump, `${framework}.${result.path.split('.').pop()}`), result.content);
        } catch (error) {
          writeFileSync(join(scratchDump, `${framework}.error`), String(error));
        }
      }
    });
    return;
  }
  it('a fixed worst case: every field carries every breaker and a payload', async () => {
    const all = `${BREAKERS.join('')}${PAYLOADS.join('')}`;
    const worst = Object.fromEntries(Object.keys(await fc.sample(hostileRecord, 1)[0]).map((key) => [key, key.endsWith('File') || key.endsWith('Folder') ? all.replace(/[/\u0000]/g, '_') : all])) as unknown as Hostile;
    const { rendered, refused } = await renderAll(worst);
    expect(refused).toEqual([]);
    expect(rendered).toHaveLength(listFrameworks().length);
    expect(problemsOf(rendered, -1)).toEqual([]);
  });

  it('every generated test parses and runs no line that is not in its template', async () => {
    let round = 0;
    await fc.assert(
      fc.asyncProperty(hostileRecord, async (h) => {
        const { rendered } = await renderAll(h);
        expect(rendered.length).toBeGreaterThan(0);
        expect(problemsOf(rendered, round++)).toEqual([]);
      }),
      { numRuns: 25, seed: Number(process.env.MAGI_PROPERTY_SEED ?? 20240611) },
    );
  }, 240_000);
});
