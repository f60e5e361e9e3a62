// Data models written under headings: a model named by a word that usually heads a section ("Event", "Rule"),
// attribute-list labels and request/response field headings that belong to something else, field bullets
// under a model heading, and Chinese table headings ("… 表（新增）", "… 表扩展").
// Example documents written for this suite.
import { describe, expect, it } from 'vitest';
import { schemaChange } from '../../lib/model/data-model.js';
import { extractScope } from '../../lib/scope/index.js';

const tables = (text: string) => extractScope(text).entities.map((entity) => [entity.table, entity.change, entity.columns.map((column) => column.name)]);

describe('a model named by a section word', () => {
  it('a Key Entities item "**Event**: …" is the entity Event; a rationale item is not an entity', () => {
    const doc = ['# Feature: Meetups', '', '### Key Entities', '', '- **Event**: A scheduled meetup; includes title, venue and start time.', '- **Rationale**: Meetups are stored so hosts can edit them.', ''].join('\n');
    const names = tables(doc).map(([name]) => name);
    expect(names).toContain('Event');
    expect(names).not.toContain('Rationale');
  });

  it('"## Entity: Rule" over "### Fields" is the model Rule; "### Validation Rules" and "# Data Model" are not models', () => {
    const doc = [
      '# Data Model', '', '## Entity: Rule', '', '### Fields', '',
      '| Field | Type | Notes |', '|---|---|---|', '| `id` | uuid | primary key |', '| `pattern` | string | required |', '',
      '### Validation Rules', '', '| Field | Type | Rule |', '|---|---|---|', '| `pattern` | string | must compile |', '',
    ].join('\n');
    expect(tables(doc)).toEqual([['Rule', 'new-table', ['id', 'pattern']]]);
  });

  it('"## Event" right under "# Data Model" names a model; "### State" under a model heading is that model\'s part', () => {
    const doc = [
      '# Data Model: Meetups', '', '## Event', '', '| Field | Type |', '|---|---|', '| `id` | uuid |', '| `title` | string |', '',
      '## Order', '', '### State', '', '| Field | Type |', '|---|---|', '| `status` | string |', '',
    ].join('\n');
    expect(tables(doc)).toEqual([['Event', 'new-table', ['id', 'title']], ['Order', 'new-table', ['status']]]);
  });

  it('a field table right under "## Data Model" makes no entity DataModel', () => {
    const doc = ['# Feature', '', '## Data Model', '', '| Field | Type |', '|---|---|', '| `id` | uuid |', ''].join('\n');
    expect(tables(doc).map(([name]) => name)).not.toContain('DataModel');
  });

  it('"Domain Events" under Key Entities stays out', () => {
    const doc = ['# Feature', '', '### Key Entities', '', '- **Domain Events**: emitted when a meetup changes.', ''].join('\n');
    expect(tables(doc)).toEqual([]);
  });
});

describe('labels and headings that belong to something else', () => {
  it('"**Atributos**" under "### Sede" lists the attributes of Sede, not of a model Atributos', () => {
    const doc = [
      '# Modelo de Datos', '', '### Sede', '', '**Ubicación**: `app/sedes/models.py`', '', '**Atributos**', '',
      '| Campo | Tipo | Descripción |', '|---|---|---|', '| `id` | `AutoField` | Identificador |', '| `nombre` | `CharField(80)` | Nombre |', '',
      '### Aula', '', '**Atributos**', '', '| Campo | Tipo | Descripción |', '|---|---|---|', '| `id` | `AutoField` | Identificador |', '| `capacidad` | `IntegerField` | Asientos |', '',
    ].join('\n');
    expect(tables(doc)).toEqual([['Sede', 'new-table', ['id', 'nombre']], ['Aula', 'new-table', ['id', 'capacidad']]]);
  });

  it('"### Campos de Entrada" and "### Request fields" of a contract are no models', () => {
    const doc = [
      '# Contratos', '', '## Contrato: Crear Sede', '', '### Campos de Entrada', '',
      '| Campo | Tipo | Requerido |', '|---|---|---|', '| nombre | string | Sí |', '',
      '## Contract: Room', '', '### Request fields', '', '| Field | Type | Required |', '|---|---|---|', '| capacity | integer | yes |', '',
    ].join('\n');
    expect(tables(doc)).toEqual([]);
  });
});

describe('field bullets under a model heading', () => {
  it('"Key columns:" under "### `badges`" and "Key fields:" under "### 2) `Coupon`" list their columns', () => {
    const doc = [
      '# Data Model', '', '## Tables', '', '### `badges`', '', 'Badges a member can earn.', '', 'Key columns:',
      '- `id` (PK, text)', '- `label` (not null)', '- `created_at`, `updated_at`', '',
      '### 2) `Coupon`', '', 'Key fields:', '- `id`', '- `code` (string; unique)', '',
    ].join('\n');
    const found = extractScope(doc).entities;
    expect(found.map((entity) => [entity.table, entity.columns.map((column) => column.name)])).toEqual([
      ['badges', ['id', 'label', 'created_at', 'updated_at']],
      ['Coupon', ['id', 'code']],
    ]);
    expect(found[1].columns[1].unique).toBe(true);
  });

  it('"Add:" under "### `Member` (existing)" adds columns; "`Setting` key fields:" names its own model', () => {
    const doc = [
      '# Data Model', '', '### 1) `Member` (existing)', '', 'Add:', '- `preferredLocale` (string)', '',
      '### 2) Settings', '', '`Setting` key fields:', '- `key` (string; unique)', '- `updatedAt`, `updatedBy`', '',
    ].join('\n');
    expect(tables(doc)).toEqual([['Member', 'alter-table', ['preferredLocale']], ['Setting', 'new-table', ['key', 'updatedAt', 'updatedBy']]]);
  });

  it('bullets under a heading without an attribute label are no columns', () => {
    const doc = ['# Data Model', '', '### `badges`', '', 'Notes:', '- `id` is issued by the server', ''].join('\n');
    expect(tables(doc)).toEqual([]);
  });
});

describe('Chinese table headings', () => {
  it('"Badges 表（新增）" is a new table, "Members 表扩展" an extension with its added attribute', () => {
    const doc = [
      '# 设计', '', '## 数据模型（Data Models）', '', '### Badges 表（新增）', '',
      '| 属性 | 类型 | 说明 |', '|---|---|---|', '| PK: `badgeId` | String | 徽章 ID |', '| `title` | String | 名称 |', '',
      '### Members 表扩展', '', '| 新增属性 | 类型 | 说明 |', '|---|---|---|', '| `badgeIds` | List<String> | 已获得的徽章 |', '',
    ].join('\n');
    expect(tables(doc)).toEqual([['Badges', 'new-table', ['badgeId', 'title']], ['Members', 'alter-table', ['badgeIds']]]);
  });

  it('"PK: `badgeId`" is the table\'s key: the plan adds no `id` beside it', () => {
    const doc = ['# 设计', '', '## 数据模型', '', '### Badges 表（新增）', '', '| 属性 | 类型 | 说明 |', '|---|---|---|', '| PK: `badgeId` | String | 徽章 ID |', '| `title` | String | 名称 |', ''].join('\n');
    const { entities } = extractScope(doc);
    expect(entities[0].columns.map((column) => [column.name, column.primaryKey])).toEqual([['badgeId', true], ['title', undefined]]);
    const [table] = schemaChange(entities, [], new Set(), 'postgresql', 'uuid').tables;
    expect(table.columns.map((column) => [column.name, column.primaryKey, column.nullable])).toEqual([['badgeId', true, false], ['title', false, true]]);
  });
});
