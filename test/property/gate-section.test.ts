// Properties of the gate on plan documents with one `## Backend` section (issue 7):
// the section is found where it is, no byte before its start or after its end
// changes, and a second run with the same inputs changes nothing.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { isMagiError } from '../../lib/errors.js';
import { applyBackendSection, locateSection, type ConflictMode } from '../../lib/gate/index.js';
import { findUnclosedFence } from '../../lib/sprint/document.js';
import { documentWithSection, freshSection, renderDocument, runs, trimTrailingWhitespace, withoutBom } from './arbitraries.js';

const mode = fc.constantFrom<{ mode: ConflictMode; withBase: boolean }>(
  { mode: 'merge', withBase: true },
  { mode: 'merge', withBase: false },
  { mode: 'overwrite', withBase: true },
  { mode: 'overwrite', withBase: false },
);

it('changes no byte outside the section, and a second run with the same inputs is byte-identical', () => {
  fc.assert(
    fc.property(documentWithSection, freshSection, freshSection, mode, (model, fresh, base, choice) => {
      const { text, sectionStart, sectionEnd } = renderDocument(model);
      expect(findUnclosedFence(withoutBom(text))).toBeUndefined();

      const first = applyBackendSection({ document: text, fresh, base: choice.withBase ? base : undefined, mode: choice.mode });
      const after = text.slice(sectionEnd);
      expect(first.text.startsWith(text.slice(0, sectionStart))).toBe(true);
      expect(first.text.endsWith(after)).toBe(true);
      // Found where the generator put it (heading forms, decoys), and after the run it still ends where the
      // text below begins: nothing there was glued on or swallowed. (When nothing changed, this checks `text`.)
      const end = first.text.length - after.length;
      expect(locateSection(first.text)).toEqual({ start: sectionStart, contentEnd: trimTrailingWhitespace(first.text, end), end });

      const second = applyBackendSection({ document: first.text, fresh, base: fresh, mode: 'merge' });
      expect(second.outcome).toBe('unchanged');
      expect(second.text).toBe(first.text);
    }),
    { numRuns: runs(3000) },
  );
});

it('two sections are refused with our own error, never guessed', () => {
  fc.assert(
    fc.property(documentWithSection, freshSection, (model, fresh) => {
      const twice = renderDocument({ ...model, suffix: [...model.suffix, { lines: ['## Backend'], endsSection: true }, ...model.suffix] });
      try {
        applyBackendSection({ document: twice.text, fresh, mode: 'merge' });
        expect.unreachable('two sections were accepted');
      } catch (error) {
        expect(isMagiError(error) && error.id).toBe('two-sections');
      }
    }),
    { numRuns: runs(200) },
  );
});
