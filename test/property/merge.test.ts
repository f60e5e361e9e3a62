// Merge keeps every line the user added or edited inside the section (issue 7):
// a base section, the user's edit of it, and a new section that differs from the base.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { applyBackendSection } from '../../lib/gate/index.js';
import { merge3 } from '../../lib/gate/merge3.js';
import { documentWithSection, freeText, renderDocument, runs } from './arbitraries.js';

interface Edit {
  kind: 'insert' | 'edit' | 'delete';
  at: number;
  text: string;
}

const edit = fc.record({ kind: fc.constantFrom<Edit['kind']>('insert', 'insert', 'edit', 'delete'), at: fc.nat(), text: freeText });

/** Applies edits to the lines after the heading; new lines are `<tag><n> text`, unique by construction. */
function applyEdits(lines: string[], edits: Edit[], tag: string): { lines: string[]; added: string[] } {
  const result = [...lines];
  const added: string[] = [];
  edits.forEach(({ kind, at, text }, index) => {
    const line = `${tag}${index} ${text}`.trim();
    const position = 1 + (at % Math.max(1, result.length - (kind === 'insert' ? 0 : 1)));
    if (kind === 'insert') result.splice(position, 0, line);
    else if (result.length > 1 && kind === 'edit') result.splice(position, 1, line);
    else if (result.length > 1) result.splice(position, 1);
    if (kind !== 'delete' && result.includes(line)) added.push(line);
  });
  // In document order; a later edit or delete may have removed an earlier line of the user's own.
  return { lines: result, added: result.filter((line) => added.includes(line)) };
}

/** A generated section as lines: heading, subsections, paragraphs (unique), blank lines. */
const baseLines = fc
  .array(fc.oneof(fc.constant(''), fc.constantFrom('### Stack & layers', '### API contract', '### Observability'), freeText), { minLength: 1, maxLength: 14 })
  .map((items) => ['## Backend', ...items.map((item, index) => (item === '' || item.startsWith('###') ? item : `g${index} ${item}`.trim()))]);

const scenario = fc
  .tuple(baseLines, fc.array(edit, { minLength: 1, maxLength: 6 }), fc.array(edit, { minLength: 1, maxLength: 6 }))
  .map(([base, userEdits, ourEdits]) => {
    const mine = applyEdits(base, userEdits, 'u');
    const theirs = applyEdits(base, ourEdits, 'n');
    return { base, mine: mine.lines, userLines: mine.added, theirs: theirs.lines };
  })
  .filter(({ base, theirs }) => theirs.join('\n') !== base.join('\n'));

function inOrder(lines: string[], wanted: string[]): boolean {
  let next = 0;
  for (const line of lines) if (line === wanted[next]) next++;
  return next === wanted.length;
}

it('merge3 keeps every line the user added or edited, in the user\'s order', () => {
  fc.assert(
    fc.property(scenario, ({ base, mine, userLines, theirs }) => {
      const merged = merge3(base, mine, theirs).lines;
      expect(inOrder(merged, userLines)).toBe(true);
    }),
    { numRuns: runs(3000) },
  );
});

it('merge3 takes our new section where the user changed nothing, and the user\'s where we changed nothing', () => {
  fc.assert(
    fc.property(scenario, ({ base, mine, theirs }) => {
      expect(merge3(base, base, theirs)).toEqual({ lines: theirs, conflicts: 0 });
      expect(merge3(base, mine, base)).toEqual({ lines: mine, conflicts: 0 });
      expect(merge3(base, theirs, theirs).lines).toEqual(theirs);
    }),
    { numRuns: runs(1000) },
  );
});

it('a merge run on a whole document keeps every user line and no byte outside the section changes', () => {
  fc.assert(
    fc.property(documentWithSection, scenario, (model, { base, mine, userLines, theirs }) => {
      const { text, sectionStart, sectionEnd } = renderDocument({ ...model, section: { heading: model.section!.heading, body: [{ lines: mine.slice(1), endsSection: false }] } });
      const section = (lines: string[]) => `${lines.join('\n')}\n`;
      const result = applyBackendSection({ document: text, fresh: section(theirs), base: section(base), mode: 'merge' });
      const resultLines = result.text.split(/\r\n|\r|\n/);
      expect(inOrder(resultLines, userLines)).toBe(true);
      expect(result.text.startsWith(text.slice(0, sectionStart))).toBe(true);
      expect(result.text.endsWith(text.slice(sectionEnd))).toBe(true);
    }),
    { numRuns: runs(2000) },
  );
});
