// A schema drawn as a text tree in an unlabelled fence, as design documents
// often draw one; a composite primary key over two foreign keys; attributes a
// sentence gives a request or response payload.
import { describe, expect, it } from 'vitest';
import { extractScope } from '../../lib/scope/index.js';
import { provenanceGaps } from '../../lib/scope/provenance.js';

const DESIGN = `# Design: shelf labels

## Schema

\`\`\`
labels
├── id          BIGSERIAL     PK
├── title       VARCHAR(80)   NOT NULL  UNIQUE
└── color       TEXT

shelf_label
├── shelf_id    BIGINT  FK → shelves(id)  NOT NULL
└── label_id    BIGINT  FK → labels(id)   NOT NULL
PK (shelf_id, label_id)
\`\`\`

## API

- \`POST /v1/labels\` creates a label.
- THE \`ShelfResponse\` SHALL include a \`labels\` field listing the shelf's labels.
`;

describe('a schema drawn as a text tree', () => {
  const scope = extractScope(DESIGN);

  it('reads each table, its columns, types, keys, NOT NULL and UNIQUE, at their own lines', () => {
    const labels = scope.entities.find((entity) => entity.table === 'labels');
    expect(labels?.columns.map((column) => [column.name, column.type, column.line])).toEqual([
      ['id', 'BIGSERIAL', 7],
      ['title', 'VARCHAR(80)', 8],
      ['color', 'TEXT', 9],
    ]);
    expect(labels?.columns.find((column) => column.name === 'title')).toMatchObject({ nullable: false, unique: true });
    const link = scope.entities.find((entity) => entity.table === 'shelf_label');
    expect(link?.columns.map((column) => [column.name, column.references])).toEqual([
      ['shelf_id', 'shelves.id'],
      ['label_id', 'labels.id'],
    ]);
    expect(provenanceGaps(scope, [DESIGN])).toEqual([]);
  });

  it('takes PK (a, b) over two foreign keys as a junction of the two tables, with no id of its own', () => {
    expect(scope.entities.find((entity) => entity.table === 'shelf_label')?.joins).toEqual(['shelves', 'labels']);
  });

  it('gives a payload’s attribute to nobody’s table ("`ShelfResponse` SHALL include a `labels` field")', () => {
    expect(scope.entities.flatMap((entity) => entity.columns.map((column) => column.name))).not.toContain('labels');
  });
});
