// Generators of Markdown plan documents whose structure is known by construction:
// each block says whether it ends a `## Backend` section (a top-level heading of
// depth 1 or 2), so a property can compute where the section must start and end
// without asking the code under test.
import fc from 'fast-check';

export type Eol = '\n' | '\r\n' | '\r';

/** Run counts fit CI (~20 s in all); MAGI_PROPERTY_SCALE=10 explores ten times as many inputs. */
export function runs(count: number): number {
  const scale = Number(process.env.MAGI_PROPERTY_SCALE ?? 1);
  return Math.max(1, Math.round(count * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

export interface Block {
  lines: string[];
  /** A top-level heading of depth ≤ 2: a section before it ends here. */
  endsSection: boolean;
}

export interface DocumentModel {
  bom: boolean;
  frontMatter: string[] | undefined;
  prefix: Block[];
  /** The one real `## Backend` section: heading lines, then body blocks. */
  section: { heading: string[]; body: Block[] } | undefined;
  suffix: Block[];
  /** Line endings used in turn (one entry: a uniform document). */
  eols: Eol[];
  /** Blank lines between blocks may hold spaces or tabs. */
  blank: string;
  ending: 'none' | 'eol' | 'blank-line';
  /** No blank line between the section and what follows, where Markdown allows it. */
  tight: boolean;
}

export interface RenderedDocument {
  text: string;
  /** Offset of the section heading's first non-blank character (what the parser reports). */
  sectionStart: number | undefined;
  /** Offset of the next depth ≤ 2 heading after the section, or the text length. */
  sectionEnd: number | undefined;
}

const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f\u0085\u2028\u2029]/g;

/** Free text: printable unicode (graphemes, emoji, RTL, CJK) with no line breaks. */
export const freeText: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 30 }) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        'Backend',
        '## Backend',
        'naïve café – “quotes”',
        '日本語のテキスト',
        'emoji 🚀👩‍💻🏳️‍🌈',
        'עברית ומספרים 123',
        'z̷̢a̸l̵g̶o',
        'zero\u200bwidth',
        'tab\there',
        '<!-- inline -->',
        '`code` and *em*',
        'a | b | c',
      ),
    },
  )
  .map((text) => text.replace(CONTROL, ' '));

const word = fc.constantFrom('Alpha', 'beta', 'Gamma', 'delta', 'Épsilon', 'Zeta', 'note', 'Todo', 'Ünïcode', 'word');

/** A paragraph line: starts with a word, so it never opens another kind of block. */
const paragraphLine = fc.tuple(word, freeText).map(([first, rest]) => `${first} ${rest}`.trimEnd());

const longLine = fc
  .tuple(word, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), fc.integer({ min: 1_000, max: 4_000 }))
  .map(([first, chunk, length]) => `${first} ${chunk.replace(CONTROL, ' ').repeat(Math.ceil(length / Math.max(1, chunk.length)))}`.trimEnd());

const paragraph = fc
  .array(fc.oneof({ weight: 40, arbitrary: paragraphLine }, { weight: 1, arbitrary: longLine }), { minLength: 1, maxLength: 2 })
  .map((lines): Block => ({ lines, endsSection: false }));

const otherTitle = fc.constantFrom('Context', 'Out of scope', 'Backends', 'backend', 'Backend notes', 'Front end', 'Spec deltas', 'Überblick', 'Données', 'Back end');

/** ATX headings that are not the Backend section: other titles, or Backend at another depth. */
const atxHeading = fc
  .tuple(
    fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 6 }), otherTitle),
      fc.tuple(fc.constantFrom(1, 3, 4, 5, 6), fc.constant('Backend')),
    ),
    fc.constantFrom('', ' ', '  '),
    fc.constantFrom('', ' #', ' ###'),
  )
  .map(([[depth, title], indent, closing]): Block => ({ lines: [`${indent}${'#'.repeat(depth)} ${title}${closing}`], endsSection: depth <= 2 }));

const setextHeading = fc
  .tuple(fc.oneof(otherTitle, fc.constant('Backend')), fc.constantFrom('=', '-'), fc.integer({ min: 1, max: 12 }))
  .filter(([title, char]) => !(title === 'Backend' && char === '-'))
  .map(([title, char, length]): Block => ({ lines: [title, char.repeat(length)], endsSection: true }));

/** `## Backend` look-alikes that are not depth-2 top-level headings. */
const decoy = fc
  .constantFrom(
    ['##Backend'],
    ['\\## Backend'],
    ['> ## Backend'],
    ['> quoted', '> ## Backend'],
    ['- ## Backend'],
    ['1. ## Backend', '2. item'],
    ['    ## Backend'],
    ['<!-- ## Backend -->'],
    ['<!--', '## Backend', '', 'Backend', '---', '-->'],
    ['<div>', '## Backend', '</div>'],
    ['| col | ## Backend |', '| --- | --- |', '| 1 | 2 |'],
    ['### Backend'],
    ['#### Backend ####'],
  )
  .map((lines): Block => ({ lines: [...lines], endsSection: false }));

const fenceBodyLine = fc.oneof(
  fc.constantFrom('## Backend', 'Backend', '---', '===', '# title', '<!--', '    indented', '', '~~'),
  paragraphLine,
);

const fencedCode = fc
  .tuple(fc.constantFrom('`', '~'), fc.integer({ min: 3, max: 5 }), fc.constantFrom('', 'md', 'yaml', 'ts title="x"'), fc.array(fenceBodyLine, { maxLength: 5 }), fc.integer({ min: 0, max: 2 }))
  .map(([char, length, info, body, extra]): Block => {
    // A backtick fence inside a tilde fence (or the reverse) is just text.
    const inner = char === '~' ? [...body, '```'] : [...body, '~~~'];
    return { lines: [`${char.repeat(length)}${info}`, ...inner, char.repeat(length + extra)], endsSection: false };
  });

const otherBlock = fc
  .constantFrom(
    ['- item one', '- item two', '  continued'],
    ['1. first', '2. second'],
    ['> quote line', 'lazy continuation'],
    ['| a | b |', '| - | - |', '| 1 | 2 |'],
    ['***'],
    ['---'],
    ['[ref]: https://example.com "title"'],
    ['<details>', '<summary>More</summary>', '</details>'],
    ['- [ ] task', '- [x] done'],
  )
  .map((lines): Block => ({ lines: [...lines], endsSection: false }));

/** Any block that may appear in a plan document outside the Backend section. */
export const fillerBlock: fc.Arbitrary<Block> = fc.oneof(
  { weight: 5, arbitrary: paragraph },
  { weight: 3, arbitrary: atxHeading },
  { weight: 1, arbitrary: setextHeading },
  { weight: 3, arbitrary: decoy },
  { weight: 2, arbitrary: fencedCode },
  { weight: 2, arbitrary: otherBlock },
);

/** Blocks that may appear inside the section: nothing that would end it. */
const sectionBodyBlock: fc.Arbitrary<Block> = fillerBlock.filter((block) => !block.endsSection);

/** Ways to write the real `## Backend` heading. */
export const backendHeading = fc.constantFrom(
  ['## Backend'],
  ['## Backend ##'],
  ['##   Backend   '],
  ['##\tBackend'],
  [' ## Backend'],
  ['   ## Backend #####'],
  ['## *Backend*'],
  ['Backend', '-------'],
  ['Backend', '-'],
  ['  Backend  ', '---'],
);

const eols: fc.Arbitrary<Eol[]> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Eol[]>(['\n']) },
  { weight: 2, arbitrary: fc.constant<Eol[]>(['\r\n']) },
  { weight: 1, arbitrary: fc.constant<Eol[]>(['\r']) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom<Eol>('\n', '\r\n'), { minLength: 2, maxLength: 7 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom<Eol>('\n', '\r\n', '\r'), { minLength: 2, maxLength: 7 }) },
);

const frontMatter: fc.Arbitrary<string[] | undefined> = fc.option(
  fc.constantFrom(['---', 'title: Plan', 'tags: [a, b]', '---'], ['---', '## Backend', '---']).map((lines) => [...lines]),
  { nil: undefined },
);

function documentModel(withSection: boolean): fc.Arbitrary<DocumentModel> {
  return fc
    .record({
      bom: fc.boolean(),
      frontMatter,
      prefix: fc.array(fillerBlock, { maxLength: 4 }),
      section: withSection
        ? fc.record({ heading: backendHeading.map((lines) => [...lines]), body: fc.array(sectionBodyBlock, { maxLength: 3 }) })
        : fc.constant(undefined),
      suffix: fc.array(fillerBlock, { maxLength: 3 }),
      eols,
      blank: fc.constantFrom('', '', '', ' ', '\t', '   '),
      ending: fc.constantFrom<DocumentModel['ending']>('none', 'eol', 'eol', 'blank-line'),
      tight: fc.boolean(),
    })
    // blankFrontMatter (lib/scope/markdown.ts) only knows `\n` and `\r\n`: with a lone `\r` the
    // front matter is read as Markdown (a `## Backend` in it becomes a heading). Reported, not ours.
    .map((model) => (model.eols.includes('\r') ? { ...model, frontMatter: undefined } : model))
    // A document that opens with `---` has front matter up to the next `---` line, by convention: the first
    // block may be the suffix's when there is no prefix and no section.
    .filter((model) => model.frontMatter !== undefined || (model.prefix[0] ?? (model.section ? undefined : model.suffix[0]))?.lines[0] !== '---');
}

export const documentWithoutSection = documentModel(false);
export const documentWithSection = documentModel(true);

const LIST_ITEM = /^\s*([-*+]|\d+[.)])\s/;
const ATX = /^ {0,3}#{1,6}(\s|$)/;

/** Joins the model's blocks with blank lines, tracking where the section starts and ends. */
export function renderDocument(model: DocumentModel): RenderedDocument {
  let text = model.bom ? '\uFEFF' : '';
  let breaks = 0;
  let sectionStart: number | undefined;
  let sectionEnd: number | undefined;
  const lineBreak = () => {
    let eol = model.eols[breaks++ % model.eols.length];
    // "\r" then "\n" would read as one CRLF and swallow a blank line.
    if (eol === '\n' && text.endsWith('\r')) eol = '\r\n';
    text += eol;
  };
  const firstCharacter = (line: string) => text.length + (line.length - line.trimStart().length);
  const chunks: Array<{ lines: string[]; role?: 'section' | 'ends' }> = [];
  if (model.frontMatter) chunks.push({ lines: model.frontMatter });
  for (const block of model.prefix) chunks.push({ lines: block.lines });
  if (model.section) {
    chunks.push({ lines: model.section.heading, role: 'section' });
    for (const block of model.section.body) chunks.push({ lines: block.lines });
  }
  const afterSection = chunks.length;
  for (const block of model.suffix) chunks.push({ lines: block.lines, role: block.endsSection ? 'ends' : undefined });
  let inList = false;
  chunks.forEach((chunk, index) => {
    const previous = chunks[index - 1];
    // While a list is open, an indented heading continues its last item: start it at column 0 to keep it top-level.
    // The heading that ends the section always starts at column 0: below a rewritten section our own list may
    // come last and take in an indented heading (a known limit, reported; the gate cannot help it byte-safely).
    if ((chunk.role && inList) || chunk.role === 'ends') chunk.lines = [chunk.lines[0].trimStart(), ...chunk.lines.slice(1)];
    inList = chunk.lines.some((line) => LIST_ITEM.test(line)) || (inList && /^\s/.test(chunk.lines[0]));
    if (index > 0) {
      lineBreak();
      // Markdown needs no blank line after a heading, nor before an ATX heading (unless an HTML block runs to a blank line).
      const tightAllowed = previous.role === 'section' || (ATX.test(chunk.lines[0]) && !previous.lines.some((line) => line.startsWith('<')));
      if (!(model.tight && index === afterSection && tightAllowed)) {
        text += model.blank;
        lineBreak();
      }
    }
    if (chunk.role === 'section') sectionStart = firstCharacter(chunk.lines[0]);
    if (chunk.role === 'ends' && sectionStart !== undefined && sectionEnd === undefined) sectionEnd = firstCharacter(chunk.lines[0]);
    chunk.lines.forEach((line, lineIndex) => {
      if (lineIndex > 0) lineBreak();
      text += line;
    });
  });
  if (chunks.length > 0 && model.ending !== 'none') lineBreak();
  if (chunks.length > 0 && model.ending === 'blank-line') lineBreak();
  if (sectionStart !== undefined && sectionEnd === undefined) sectionEnd = text.length;
  return { text, sectionStart, sectionEnd };
}

/** A section as the renderer makes it: `## Backend`, `\n` endings, one final `\n`. */
export const freshSection: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.array(paragraphLine, { minLength: 1, maxLength: 3 }) },
      { weight: 2, arbitrary: fc.constantFrom('Stack & layers', 'API contract', 'Data model changes', 'Authorization', 'Observability').map((title) => [`### ${title}`]) },
      { weight: 1, arbitrary: fc.array(paragraphLine, { minLength: 1, maxLength: 3 }).map((lines) => lines.map((line) => `- ${line}`)) },
      { weight: 1, arbitrary: fc.array(paragraphLine, { maxLength: 3 }).map((lines) => ['```yaml', ...lines, '```']) },
    ),
    { maxLength: 8 },
  )
  .map((blocks) => ['## Backend', ...blocks.map((lines) => lines.join('\n'))].join('\n\n') + '\n');

export function trimTrailingWhitespace(text: string, end: number): number {
  let index = end;
  while (index > 0 && /[\r\n \t]/.test(text[index - 1])) index--;
  return index;
}

/**
 * findUnclosedFence (lib/sprint/document.ts) does not skip a BOM, so a fence on the first line is
 * not seen (an open one is missed; a closed one makes a later fence look unclosed). Reported, not ours:
 * the sanity checks here read the text as they would once that is fixed.
 */
export function withoutBom(text: string): string {
  return text.replace(/^\uFEFF/, '');
}

/** Blocks that stay open to the end of the document when nothing closes them. */
export const openBlock: fc.Arbitrary<string[]> = fc.constantFrom(
  ['```'],
  ['~~~~ md'],
  ['<!--', 'a note'],
  ['<!-- one line'],
  ['<pre>', 'kept as is'],
  ['<script>'],
  ['<style type="text/css">'],
  ['<textarea>'],
  ['<?php echo 1;'],
  ['<!DOCTYPE html'],
  ['<![CDATA[', 'data'],
);
