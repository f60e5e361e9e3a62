// Properties of the gate over generated plan documents (issue 7): text outside
// the `## Backend` section never changes, and a second run changes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMagiError } from '../../lib/errors.js';
import { applyBackendSection, locateSection, type ConflictMode } from '../../lib/gate/index.js';
import { findUnclosedFence } from '../../lib/sprint/document.js';
import { withoutBom, documentWithoutSection, documentWithSection, fillerBlock, freshSection, renderDocument, trimTrailingWhitespace } from './arbitraries.js';

const mode = fc.constantFrom<{ mode: ConflictMode; withBase: boolean }>(
  { mode: 'merge', withBase: true },
  { mode: 'merge', withBase: false },
  { mode: 'overwrite', withBase: true },
  { mode: 'overwrite', withBase: false },
);

const LINE_BREAKS = /\r\n|\r|\n/g;

describe('a document without a Backend section', () => {
  it('keeps every original byte and appends a section the next run finds', () => {
    fc.assert(
      fc.property(documentWithoutSection, freshSection, (model, fresh) => {
        const { text } = renderDocument(model);
        expect(findUnclosedFence(withoutBom(text))).toBeUndefined();
        expect(locateSection(text)).toBeUndefined();

        const result = applyBackendSection({ document: text, fresh });
        expect(result.outcome).toBe('appended');
        expect(result.text.startsWith(text)).toBe(true);
        const appended = locateSection(result.text);
        expect(appended).toBeDefined();
        expect(appended!.start).toBeGreaterThanOrEqual(text.length);
        expect(result.text.startsWith('## Backend', appended!.start)).toBe(true);
        // The appended bytes use one line ending, the document's own.
        expect(new Set(result.text.slice(text.length).match(LINE_BREAKS)).size).toBeLessThanOrEqual(1);
      }),
      { numRuns: 2500 },
    );
  });

  it('a second run with the same inputs is byte-identical', () => {
    fc.assert(
      fc.property(documentWithoutSection, freshSection, fc.constantFrom<ConflictMode>('merge', 'overwrite'), (model, fresh, secondMode) => {
        const { text } = renderDocument(model);
        const first = applyBackendSection({ document: text, fresh });
        const second = applyBackendSection({ document: first.text, fresh, base: fresh, mode: secondMode });
        expect(second.outcome).toBe('unchanged');
        expect(second.text).toBe(first.text);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('a document with one Backend section', () => {
  it('finds the section where it was put, and changes no byte before its start or after its end', () => {
    fc.assert(
      fc.property(documentWithSection, freshSection, freshSection, mode, (model, fresh, base, choice) => {
        const { text, sectionStart, sectionEnd } = renderDocument(model);
        expect(findUnclosedFence(withoutBom(text))).toBeUndefined();
        const range = locateSection(text);
        expect(range).toEqual({ start: sectionStart, contentEnd: trimTrailingWhitespace(text, sectionEnd!), end: sectionEnd });

        const result = applyBackendSection({ document: text, fresh, base: choice.withBase ? base : undefined, mode: choice.mode });
        const before = text.slice(0, range!.start);
        const after = text.slice(sectionEnd);
        expect(result.text.startsWith(before)).toBe(true);
        expect(result.text.endsWith(after)).toBe(true);
        // The rewritten section still ends where the text after it begins: nothing after it was swallowed or glued on.
        const rewritten = locateSection(result.text);
        expect(rewritten).toEqual({
          start: range!.start,
          contentEnd: trimTrailingWhitespace(result.text, result.text.length - after.length),
          end: result.text.length - after.length,
        });
      }),
      { numRuns: 3000 },
    );
  });

  it('a second run with the same inputs is byte-identical', () => {
    fc.assert(
      fc.property(documentWithSection, freshSection, freshSection, mode, (model, fresh, base, choice) => {
        const { text } = renderDocument(model);
        const first = applyBackendSection({ document: text, fresh, base: choice.withBase ? base : undefined, mode: choice.mode });
        const second = applyBackendSection({ document: first.text, fresh, base: fresh, mode: 'merge' });
        expect(second.outcome).toBe('unchanged');
        expect(second.text).toBe(first.text);
      }),
      { numRuns: 1500 },
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
      { numRuns: 300 },
    );
  });
});

describe('documents the pipeline refuses before the gate', () => {
  it('an unterminated code fence is reported on the line it opens', () => {
    fc.assert(
      fc.property(documentWithoutSection, fc.constantFrom('```', '~~~', '````md', '~~~~'), fc.array(fillerBlock, { maxLength: 3 }), (model, fence, after) => {
        // Only blocks without fences may follow the open one, or they could close it.
        const tail = after.filter((block) => !block.lines.some((line) => /^ {0,3}(```|~~~)/.test(line)));
        const open = renderDocument({ ...model, suffix: [...model.suffix, { lines: [fence], endsSection: false }, ...tail] });
        const line = findUnclosedFence(withoutBom(open.text));
        expect(line).toBeDefined();
        const lines = open.text.split(/\r\n|\r|\n/);
        expect(lines[line! - 1].replace(/^\uFEFF/, '').trim()).toBe(fence);
      }),
      { numRuns: 500 },
    );
  });
});
