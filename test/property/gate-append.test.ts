// Properties of the gate on plan documents without a `## Backend` section (issue 7):
// every original byte is kept, the appended section is found by the next run,
// and that run changes nothing.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { isMagiError } from '../../lib/errors.js';
import { applyBackendSection, type ConflictMode } from '../../lib/gate/index.js';
import { findUnclosedFence } from '../../lib/sprint/document.js';
import { documentWithoutSection, fillerBlock, freshSection, openBlock, renderDocument, runs, withoutBom } from './arbitraries.js';

const LINE_BREAKS = /\r\n|\r|\n/g;

it('keeps every original byte, and a second run with the same inputs is byte-identical', () => {
  fc.assert(
    fc.property(documentWithoutSection, freshSection, fc.constantFrom<ConflictMode>('merge', 'overwrite'), (model, fresh, secondMode) => {
      const { text } = renderDocument(model);
      expect(findUnclosedFence(withoutBom(text))).toBeUndefined();

      const first = applyBackendSection({ document: text, fresh });
      expect(first.outcome).toBe('appended');
      expect(first.text.startsWith(text)).toBe(true);

      const appended = first.text.slice(text.length).replace(/^[\r\n]+/, '');
      expect(appended.startsWith('## Backend')).toBe(true);
      expect(new Set(appended.match(LINE_BREAKS)).size).toBeLessThanOrEqual(1);

      // The stored base is what we rendered. 'unchanged' (not 'appended', no two-sections error) also proves
      // the next run finds exactly one section: ours, as appending cannot reveal a heading above it.
      const second = applyBackendSection({ document: first.text, fresh, base: fresh, mode: secondMode });
      expect(second.outcome).toBe('unchanged');
      expect(second.text).toBe(first.text);
    }),
    { numRuns: runs(3000) },
  );
});

it('an unterminated code fence is reported on the line it opens (the pipeline refuses the document)', () => {
  fc.assert(
    fc.property(documentWithoutSection, fc.constantFrom('```', '~~~', '````md', '~~~~'), fc.array(fillerBlock, { maxLength: 3 }), (model, fence, after) => {
      // Only blocks without fence lines may follow the open one, or they could close it.
      const tail = after.filter((block) => !block.lines.some((line) => /^ {0,3}(```|~~~)/.test(line)));
      const { text } = renderDocument({ ...model, suffix: [...model.suffix, { lines: [fence], endsSection: false }, ...tail] });
      const line = findUnclosedFence(withoutBom(text));
      expect(line).toBeDefined();
      expect(withoutBom(text).split(LINE_BREAKS)[line! - 1].trim()).toBe(fence);
    }),
    { numRuns: runs(1500) },
  );
});

it('a block left open at the end never swallows the appended section: the document is refused', () => {
  fc.assert(
    fc.property(documentWithoutSection, freshSection, openBlock, (model, fresh, open) => {
      const { text } = renderDocument({ ...model, suffix: [...model.suffix, { lines: open, endsSection: false }] });
      // An unterminated fence is refused before the gate runs (once that check skips a BOM; see arbitraries.ts).
      if (findUnclosedFence(withoutBom(text)) !== undefined && !text.startsWith('\uFEFF')) return;
      try {
        const result = applyBackendSection({ document: text, fresh });
        expect.unreachable(`appended into an open block: ${JSON.stringify(result.text.slice(-80))}`);
      } catch (error) {
        expect(isMagiError(error) && error.id).toBe('document-open-block');
        const lines = withoutBom(text).split(LINE_BREAKS);
        const line = Number(/line (\d+)/.exec((error as Error).message)?.[1]);
        expect(lines[line - 1].trim()).toBe(open[0]);
      }
    }),
    { numRuns: runs(500) },
  );
});
