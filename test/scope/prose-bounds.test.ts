// An endpoint line that gives its body as code and then bounds a field in words ("content 1..2000 chars")
// states that bound: it lands on the field, and no "no length limit stated" question is asked.
import { describe, expect, it } from 'vitest';
import { extractScope } from '../../lib/scope/index.js';

const fieldsOf = (spec: string) => extractScope(spec).operations[0].requestFields.map((field) => [field.name, field.type, field.minLength, field.maxLength, field.minimum, field.maximum]);

describe('bounds the prose of an endpoint line gives its fields', () => {
  it('reads a range in characters after the field’s bare name', () => {
    const spec = '# Notes\n\n## API\n- `POST /notes` — add a note `{ "id": uuid, "content": string }`, content 1..2000 chars\n';
    expect(fieldsOf(spec)).toEqual([
      ['id', 'string', undefined, undefined, undefined, undefined],
      ['content', 'string', 1, 2000, undefined, undefined],
    ]);
  });

  it('reads "up to", "at most" and a plain range on a number', () => {
    const spec = '# Votes\n\n## API\n- `POST /polls` — create a poll `{ "title": string, "seats": integer }`; title up to 120 characters, seats 1..50.\n';
    expect(fieldsOf(spec)).toEqual([
      ['title', 'string', undefined, 120, undefined, undefined],
      ['seats', 'integer', undefined, undefined, 1, 50],
    ]);
  });

  it('leaves a field alone when the words after its name are no bound, or it is bounded already', () => {
    const spec = '# Notes\n\n## API\n- `POST /notes` — add a note `{ "content": string }`; content 3 times a day is plenty.\n';
    expect(fieldsOf(spec)).toEqual([['content', 'string', undefined, undefined, undefined, undefined]]);
    const bounded = '# Notes\n\n## API\n- `POST /notes` with `content` (string, max 500 chars); content up to 2000 characters in v2.\n';
    expect(fieldsOf(bounded)).toEqual([['content', 'string', undefined, 500, undefined, undefined]]);
  });
});
