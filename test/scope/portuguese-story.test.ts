// A BMAD story written in Portuguese or Spanish: the data model in the Dev Notes prose.
import { describe, expect, it } from 'vitest';
import { extractScope } from '../../lib/scope/index.js';

const story = (notes: string) => `# História 2.1: Favoritos privados

## Story

**Como** leitor, **eu quero** guardar artigos em listas privadas, **para que** eu possa relê-los depois.

## Acceptance Criteria

1. O leitor cria uma lista com um título.
2. O leitor adiciona um artigo a uma lista.

## Tasks / Subtasks

- [ ] Criar o endpoint de listas (AC: 1, 2)
  - [ ] \`POST /api/lists\`

## Dev Notes

${notes}
`;

const table = (text: string, name: string) => extractScope(text).entities.find((entity) => entity.table === name);
const names = (text: string, name: string) => table(text, name)?.columns.map((column) => column.name);

describe('a Portuguese or Spanish story names its tables and columns', () => {
  it('"Criar a tabela `x` com as colunas …" is a new table with its columns, the last item split at "e"', () => {
    const text = story('Criar a tabela `reading_lists` com as colunas `user_id`, título, descrição e data de criação.');
    expect(table(text, 'reading_lists')?.change).toBe('new-table');
    expect(names(text, 'reading_lists')).toEqual(['user_id', 'title', 'description', 'created_at']);
  });

  it('reads Spanish: "Crear la tabla `x` con las columnas …", the last item split at "y"', () => {
    expect(names(story('Crear la tabla `reading_lists` con las columnas nombre, descripción y fecha de creación.'), 'reading_lists')).toEqual(['name', 'description', 'created_at']);
  });

  it('"A tabela x guarda …" lists what the table keeps, articles left out', () => {
    const text = story('A tabela `reports` guarda o motivo, o status, a resolução e o autor.');
    expect(names(text, 'reports')).toEqual(['reason', 'status', 'resolution', 'author_id']);
    expect(table(text, 'reports')?.columns[0].term).toBe('motivo');
    expect(names(story('A tabela `reports` guarda também a data de criação e a data de atualização.'), 'reports')).toEqual(['created_at', 'updated_at']);
  });

  it('"Adicionar a coluna `x` na tabela `y`" adds a column to an existing table', () => {
    const text = story('Adicionar a coluna `reports_count` na tabela `comments`.\n\nAgregar las columnas `hidden` y `hidden_at` a la tabla `articles`.');
    expect(table(text, 'comments')?.change).toBe('alter-table');
    expect(names(text, 'comments')).toEqual(['reports_count']);
    expect(names(text, 'articles')).toEqual(['hidden', 'hidden_at']);
  });

  it('a word outside the vocabulary names no column', () => {
    expect(names(story('Criar a tabela `reading_lists` com as colunas título, capa e cor.'), 'reading_lists')).toEqual(['title', 'color']);
  });

  it('"(AC: 1, 2)" on a task names no field or entity', () => {
    const scope = extractScope(story('Criar a tabela `reading_lists` com as colunas `user_id` e título.'));
    expect(scope.entities.map((entity) => entity.table)).toEqual(['reading_lists']);
    expect(JSON.stringify(scope.operations)).not.toMatch(/"AC"|"ac"/);
  });
});

describe('a request field stated in Portuguese or Spanish', () => {
  const op = (line: string) => extractScope(story('Nada mais.').replace('  - [ ] `POST /api/lists`', `  - [ ] ${line}`)).operations.find((candidate) => candidate.method === 'POST')!;

  it('"recebe `reason` (obrigatório, máx 500 caracteres)" is a required string of at most 500 characters', () => {
    expect(op('`POST /api/lists` recebe `reason` (obrigatório, máx 500 caracteres)').requestFields).toEqual([expect.objectContaining({ name: 'reason', required: true, maxLength: 500 })]);
  });

  it('reads Spanish bounds: "cuerpo: `title` (texto, obligatorio, mínimo 3, hasta 80 caracteres)"', () => {
    const [field] = op('`POST /api/lists`, cuerpo: `title` (texto, obligatorio, mínimo 3, hasta 80 caracteres)').requestFields;
    expect(field).toMatchObject({ name: 'title', type: 'string', required: true, minLength: 3, maxLength: 80 });
    expect(field.description).toBeUndefined();
  });

  it('a length in characters makes the field a string, in any language ("máx 500 caracteres", "max 200 chars")', () => {
    expect(op('`POST /api/lists` recebe `reason` (obrigatório, máx 500 caracteres)').requestFields[0].type).toBe('string');
    expect(op('`POST /api/lists` with body `title` (required, max 200 chars)').requestFields[0].type).toBe('string');
    expect(op('`POST /api/lists` with body `rank` (required, max 200)').requestFields[0].type).toBeUndefined();
  });
});
