// Spec-kit "Key Entities" bullets written in prose: a "Contains:" label, things the
// document says are never stored or are screens, a join item, attribute phrases that
// describe a column rather than name it, and values listed as examples.
// Example documents written for this suite.
import { describe, expect, it } from 'vitest';
import { extractScope } from '../../lib/scope/index.js';
import { provenanceGaps } from '../../lib/scope/provenance.js';
import type { Scope } from '../../lib/types.js';
import { columnNames as names, table } from '../helpers/scope.js';

const tables = (scope: Scope): string[] => scope.entities.map((entity) => entity.table);

describe('Key Entities prose bullets', () => {
  it('"Contains:" with a colon labels the attribute list, as "Attributes:" does', () => {
    const doc = [
      '## Key Entities',
      '',
      '- **Parcel**: A box in transit. Contains: parcel_code (short string), weight (grams), courier_id, notes.',
      '- **Courier**: A delivery firm. Contains: name, pickup timestamp.',
      '',
    ].join('\n');
    const scope = extractScope(doc);
    expect(names(scope, 'Parcel')).toEqual(['parcel_code', 'weight', 'courier_id', 'notes']);
    expect(names(scope, 'Courier')).toEqual(['name', 'pickup_at']);
    expect(provenanceGaps(scope, [doc])).toEqual([]);
  });

  it('a thing never stored, or a part of the interface, is not an entity', () => {
    const doc = [
      '## Key Entities',
      '',
      '- **Garden**: A plot a member tends. Attributes: name, size.',
      '- **Watering Quota**: Runtime state (not persisted) counting how much water a garden may still use.',
      '- **Session Ticket**: A short-lived pass issued at sign-in. Not persisted; carries the member id.',
      '- **Weather Snapshot**: In-memory only, refreshed every hour.',
      '- **Welcome Page**: The public page that explains the club.',
      '- **Plot Form**: The screen a member fills in to rent a plot.',
      '- **Harvest**: A crop picked from a garden. Attributes: weight, picked date. The picker name is not stored in plain text.',
      '',
    ].join('\n');
    const scope = extractScope(doc);
    expect(tables(scope)).toEqual(['Garden', 'Harvest']);
  });

  it('a join item holds a key to each side it links, and no entity is invented', () => {
    const doc = [
      '## Key Entities',
      '',
      '- **Badge**: An award. Attributes: unique ID (auto-generated), title (required string, unique).',
      '- **MemberBadge (Join)**: Represents the many-to-many relationship between Member and Badge. Links a member ID to a badge ID.',
      '',
    ].join('\n');
    const scope = extractScope(doc);
    expect(tables(scope)).toEqual(['Badge', 'MemberBadge']);
    expect(names(scope, 'MemberBadge')).toEqual(['member_id', 'badge_id']);
    expect(table(scope, 'MemberBadge').columns.find((column) => column.name === 'badge_id')?.references).toBe('Badge');
    expect(provenanceGaps(scope, [doc])).toEqual([]);
    // "between A and B" alone, in an item marked as a join.
    const between = ['## Key Entities', '', '- **Badge**: An award. Attributes: title, level.', '- **TeamBadge (Junction)**: The relationship between Team and Badge.', ''].join('\n');
    const read = extractScope(between);
    expect(tables(read)).toEqual(['Badge', 'TeamBadge']);
    expect(names(read, 'TeamBadge')).toEqual(['team_id', 'badge_id']);
    // "Assigns a badge to a member" opens the item: it is the assignment. Said of someone else, it is not.
    const assigns = ['## Key Entities', '', '- **Grant**: Assigns a badge to a member.', '- **Coach**: A person who assigns a badge to a member.', ''].join('\n');
    const assigned = extractScope(assigns);
    expect(names(assigned, 'Grant')).toEqual(['badge_id', 'member_id']);
    expect(names(assigned, 'Coach')).toEqual([]);
  });

  it('attribute phrases name the column they describe', () => {
    const doc = [
      '## Key Entities',
      '',
      '- **Booking Plan**: A repeating booking. Contains room size, status (active, paused), reference to saved card, and the member who owns it.',
      '- **Booking Draft**: Awaits confirmation. Contains seats snapshot with current fares, start date, and reference to parent plan.',
      '- **Pass Token**: A credential. Attributes: unique token value, email address, locker reference when booked, owning member, valid_until timestamp, renewed_from_id field, desk assignment (desk_id foreign key), fees (base, tax, service charge), city/town, and postcode/zipcode.',
      '',
    ].join('\n');
    const scope = extractScope(doc);
    expect(names(scope, 'BookingPlan')).toEqual(['room_size', 'status', 'member_id']);
    expect(names(scope, 'BookingDraft')).toEqual(['seats_snapshot', 'start_date', 'booking_plan_id']);
    expect(table(scope, 'BookingDraft').columns.find((column) => column.name === 'booking_plan_id')?.references).toBe('BookingPlan');
    expect(names(scope, 'PassToken')).toEqual(['token', 'email', 'locker_id', 'member_id', 'valid_until', 'renewed_from_id', 'desk_id', 'base', 'tax', 'service_charge', 'city', 'postcode']);
    // No entity is named by "saved card": the document is asked instead of a column being made up.
    expect(scope.questions.some((question) => question.text.includes('reference to saved card') && question.line === 3)).toBe(true);
    expect(provenanceGaps(scope, [doc])).toEqual([]);
  });

  it('"Event" and "… Request" name entities in a Key Entities list; "required" describes, the line break is a space', () => {
    const doc = [
      '## Key Entities',
      '',
      '- **Event**: A meetup record with a required title, optional description, optional',
      '  venue, and creation time.',
      '- **Refund Request**: A claim for money back. Attributes: amount, reason.',
      '',
    ].join('\n');
    const scope = extractScope(doc);
    expect(names(scope, 'Event')).toEqual(['title', 'description', 'venue', 'created_at']);
    expect(names(scope, 'RefundRequest')).toEqual(['amount', 'reason']);
    expect(provenanceGaps(scope, [doc])).toEqual([]);
  });

  it('code spans in capitals listed as examples are values, not columns; an accented name is an entity', () => {
    const doc = [
      '## Entidades Clave',
      '',
      '- **Sede Deportiva**: Representa una sede administrada por el sistema.',
      '- **Cargo**: Representa el cargo de un socio, tales como `PRESIDENTE`, `TESORERO` y `VOCAL`. Aquí interesa sobre todo `TESORERO`.',
      '- **SocioCargo**: Asigna un cargo a un socio; obligatoria cuando el rol es `PRESIDENTE`.',
      '- **Plan**: A plan for members, such as `BASIC` or `GOLD`; holds `price` and `tier`.',
      '',
    ].join('\n');
    const scope = extractScope(doc);
    expect(tables(scope)).toContain('SedeDeportiva');
    expect(names(scope, 'Cargo')).toEqual([]);
    // The assignment of one to another joins them: a key to each, and no value as a column.
    expect(names(scope, 'SocioCargo')).toEqual(['cargo_id', 'socio_id']);
    expect(names(scope, 'Plan')).toEqual(['price', 'tier']);
    expect(provenanceGaps(scope, [doc])).toEqual([]);
  });
});

describe('names in the document\'s own language', () => {
  it('"Matrícula (Enrollment)" is the model code names `Enrollment`; its capitalised attribute words are columns in lower case', () => {
    const doc = [
      '### Entidades Principais',
      '',
      '- **Matrícula (Enrollment)**: Representa a matrícula de um aluno.',
      '  - *Atributos:* Id, Turno, Status, CPF.',
      '- **Turma (Class Group)**: Um grupo de alunos.',
      '- **Secretária**: Quem atende os alunos.',
      '',
    ].join('\n');
    const scope = extractScope(doc);
    expect(tables(scope)).toContain('Enrollment');
    expect(tables(scope)).not.toContain('Matricula');
    // Two words in parentheses are a description, not the code's name.
    expect(tables(scope)).toContain('Turma');
    // An accented name is written without its accents, and provenance reads it so.
    expect(tables(scope)).toContain('Secretaria');
    expect(names(scope, 'Enrollment')).toEqual(['id', 'turno', 'status', 'cpf']);
    expect(provenanceGaps(scope, [doc])).toEqual([]);
  });
});

describe('an attribute broken over lines', () => {
  it('is cited at its last words and traced across the break', () => {
    const doc = ['## Key Entities', '', '- **Scan Result**: The outcome of a scan. Attributes:', '  job reference, notes scanned count, issues', '  found count, timestamp.', ''].join('\n');
    const scope = extractScope(doc);
    expect(table(scope, 'ScanResult').columns.find((column) => column.name === 'issues_found_count')?.line).toBe(5);
    expect(provenanceGaps(scope, [doc])).toEqual([]);
  });
});

describe('a Key Entities description with its attributes in parentheses', () => {
  it('reads "(title, content, isPrivate)" after a description in any language; values and examples are none', () => {
    const doc = [
      '## Key Entities',
      '',
      '- **Post**: 게시글 정보 (title, content, isPrivate)',
      '- **Like**: 좋아요 정보 (userId, postId 매핑)',
      '- **Badge**: a badge (GOLD, SILVER)',
      '- **Tag**: a label (e.g. urgent, later)',
      '',
    ].join('\n');
    const scope = extractScope(doc);
    expect(names(scope, 'Post')).toEqual(['title', 'content', 'isPrivate']);
    expect(names(scope, 'Like')).toEqual(['userId', 'postId']);
    expect(names(scope, 'Badge')).toEqual([]);
    expect(names(scope, 'Tag')).toEqual([]);
    expect(provenanceGaps(scope, [doc])).toEqual([]);
  });

  it('"Retains all current fields (title, …)" names columns the table has, which no migration adds', () => {
    const doc = ['## Key Entities', '', '- **Ticket**: The existing work item. Retains all current fields (title, status, owner).', ''].join('\n');
    const scope = extractScope(doc);
    expect(table(scope, 'Ticket').columns.map((column) => [column.name, column.existing])).toEqual([
      ['title', true],
      ['status', true],
      ['owner', true],
    ]);
  });
});

describe('umbrella words and associated rows in a Key Entities list', () => {
  it('"with its settings, including URL, …" lists what follows "including"; "associated X" keys to X, "associated Xs" adds nothing', () => {
    const doc = [
      '## Key Entities',
      '',
      '- **Hook**: An endpoint with its settings, including URL, enabled status, and associated rules.',
      '- **Rule**: The condition that fires a hook, including rule type, threshold, and associated hook.',
      '',
    ].join('\n');
    const scope = extractScope(doc);
    expect(names(scope, 'Hook')).toEqual(['url', 'enabled_status']);
    expect(names(scope, 'Rule')).toEqual(['rule_type', 'threshold', 'hook_id']);
    expect(table(scope, 'Rule').columns.find((column) => column.name === 'hook_id')?.references).toBe('Hook');
    expect(provenanceGaps(scope, [doc])).toEqual([]);
  });
});
