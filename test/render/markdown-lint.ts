// The markdownlint default rules the Backend section must pass (MD009, MD012,
// MD022, MD031, MD032, MD040, MD047, MD058, table column counts), checked
// line by line so the test needs no extra dependency.

export interface LintIssue {
  line: number;
  rule: string;
  text: string;
}

const isList = (line: string) => /^(\s*)([-*+]|\d+\.)\s/.test(line);
const isTable = (line: string) => line.startsWith('|');
const cells = (line: string) => line.replace(/\\\|/g, '').replace(/`[^`]*`/g, 'c').split('|').length - 2;

export function lintMarkdown(markdown: string): LintIssue[] {
  const issues: LintIssue[] = [];
  const lines = markdown.split('\n');
  if (!markdown.endsWith('\n') || markdown.endsWith('\n\n')) issues.push({ line: lines.length, rule: 'MD047', text: 'must end with exactly one newline' });
  const body = lines.slice(0, -1);
  let fence: string | undefined;
  let tableCells: number | undefined;
  body.forEach((line, i) => {
    const n = i + 1;
    const prev = body[i - 1];
    const next = body[i + 1];
    if (/[ \t]+$/.test(line)) issues.push({ line: n, rule: 'MD009', text: 'trailing spaces' });
    if (/\t/.test(line)) issues.push({ line: n, rule: 'MD010', text: 'hard tab' });
    const marker = line.match(/^(`{3,})(.*)$/);
    if (marker && (!fence || (line.trim() === fence))) {
      if (!fence) {
        if (!marker[2].trim()) issues.push({ line: n, rule: 'MD040', text: 'fence without a language' });
        if (prev !== undefined && prev !== '') issues.push({ line: n, rule: 'MD031', text: 'no blank line before fence' });
        fence = marker[1];
      } else {
        if (next !== undefined && next !== '') issues.push({ line: n, rule: 'MD031', text: 'no blank line after fence' });
        fence = undefined;
      }
      return;
    }
    if (fence) return;
    if (line === '' && prev === '') issues.push({ line: n, rule: 'MD012', text: 'multiple blank lines' });
    if (/^#{1,6} /.test(line)) {
      if (prev !== undefined && prev !== '') issues.push({ line: n, rule: 'MD022', text: 'no blank line before heading' });
      if (next !== undefined && next !== '') issues.push({ line: n, rule: 'MD022', text: 'no blank line after heading' });
    }
    if (isList(line)) {
      if (prev !== undefined && prev !== '' && !isList(prev) && !/^\s/.test(prev)) issues.push({ line: n, rule: 'MD032', text: 'no blank line before list' });
      if (next !== undefined && next !== '' && !isList(next) && !/^\s/.test(next)) issues.push({ line: n, rule: 'MD032', text: 'no blank line after list' });
    }
    if (isTable(line)) {
      if (prev !== undefined && !isTable(prev) && prev !== '') issues.push({ line: n, rule: 'MD058', text: 'no blank line before table' });
      if (next !== undefined && !isTable(next) && next !== '') issues.push({ line: n, rule: 'MD058', text: 'no blank line after table' });
      if (!line.endsWith('|')) issues.push({ line: n, rule: 'MD055', text: 'table row without trailing pipe' });
      const count = cells(line);
      if (prev === undefined || !isTable(prev)) tableCells = count;
      else if (count !== tableCells) issues.push({ line: n, rule: 'MD056', text: `table row has ${count} cells, header has ${tableCells}` });
    }
  });
  if (fence) issues.push({ line: body.length, rule: 'MD031', text: 'unclosed fence' });
  return issues;
}
