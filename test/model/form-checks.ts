// Parsers for the change blocks: the language's own where the machine has one
// (python3, TypeScript, sqlite3, ruby), a structural check for Prisma.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, expect } from 'vitest';

export const has = (command: string) => spawnSync('which', [command]).status === 0;
export const scratch = mkdtempSync(path.join(tmpdir(), 'magi-forms-'));
// Registered while the importing test file is collected: the folder goes when that file's tests end.
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

export function compilesAsPython(code: string, name: string): void {
  const file = path.join(scratch, `${name}.py`);
  writeFileSync(file, code);
  const run = spawnSync('python3', ['-m', 'py_compile', file], { encoding: 'utf8' });
  expect(run.stderr, code).toBe('');
  expect(run.status).toBe(0);
}

export function parsesAsTypeScript(code: string): void {
  const out = ts.transpileModule(code, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } });
  expect(out.diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')), code).toEqual([]);
}

/** Prisma's grammar in brief: blocks of fields (`name Type @attr…`), block attributes and comments; braces balanced; every relation answered on the other model. */
export function looksLikePrisma(code: string): void {
  let open: string | undefined;
  const models = new Map<string, string[]>();
  for (const line of code.split('\n')) {
    if (!open) {
      if (line === '') continue;
      const head = /^(model|enum) (\w+) \{$/.exec(line);
      expect(head, line).not.toBeNull();
      open = head![2];
      models.set(open, []);
    } else if (line === '}') open = undefined;
    else {
      expect(line, line).toMatch(/^$|^ {2}(\/\/ .*|@@\w+\(.*\)|\w+(\s+\w+(\[\])?\??(\s+@[\w.]+(\(.*\))?)*)?)$/);
      models.get(open)!.push(line.trim());
    }
  }
  expect(open).toBeUndefined();
  for (const [model, lines] of models) {
    for (const line of lines.filter((l) => l.includes('@relation(') && l.includes('fields:'))) {
      const target = line.split(/\s+/)[1].replace(/\?$/, '');
      expect(models.get(target)?.some((l) => new RegExp(`\\s${model}\\[\\]`).test(l)), `${target} lists ${model}[]`).toBe(true);
    }
  }
}

export function runsOnSqlite(sql: string): void {
  const script = `CREATE TABLE orders (id text PRIMARY KEY);\n${sql}\n`;
  const run = spawnSync('sqlite3', [':memory:'], { input: script, encoding: 'utf8' });
  expect(run.stderr, sql).toBe('');
  expect(run.status).toBe(0);
}

