// NestJS controllers written in a document's code block give the sprint's REST operations.
import { describe, expect, it } from 'vitest';
import { readNestControllers } from '../../lib/scope/grammar/nest.js';
import { extractScope } from '../../lib/scope/index.js';
import { provenanceGaps } from '../../lib/scope/provenance.js';

const CODE = [
  'export class CreateNoteDto {',
  '  readonly title: string;',
  '  readonly pinned?: boolean;',
  '}',
  '',
  'export class NoteQueryDto {',
  '  readonly page?: number;',
  '}',
  '',
  "@Controller('boards/:boardId/notes')",
  'export class NotesController {',
  '  @Get()',
  '  async list(@Param() params, @Query() query: NoteQueryDto) {}',
  '',
  "  @Post('')",
  '  @HttpCode(201)',
  '  create(@Body() note: CreateNoteDto, @Req() req) {}',
  '',
  "  @Patch(':noteId/archive')",
  "  archive(@Param('noteId') noteId: string, @Query('reason') reason: string) {}",
  '}',
].join('\n');

const DOC = ['# Notes on boards', '', '## API', '', '```ts', CODE, '```', ''].join('\n');

describe('readNestControllers', () => {
  it('joins the controller base and each handler path, with the @Body/@Query parameters and their types', () => {
    const { routes, shapes } = readNestControllers(CODE, 1);
    expect(routes.map((route) => [route.method, route.path, route.line, route.handler])).toEqual([
      ['GET', '/boards/:boardId/notes', 12, 'list'],
      ['POST', '/boards/:boardId/notes', 15, 'create'],
      ['PATCH', '/boards/:boardId/notes/:noteId/archive', 19, 'archive'],
    ]);
    expect(routes[0].query).toEqual([{ name: 'query', type: 'NoteQueryDto', line: 13 }]);
    expect(routes[1].body).toEqual([{ name: 'note', type: 'CreateNoteDto', line: 17 }]);
    expect(routes[2]).toMatchObject({ body: [], query: [{ key: 'reason', name: 'reason', type: 'string', line: 20 }] });
    expect(shapes.get('CreateNoteDto')?.map((field) => field.name)).toEqual(['title', 'pinned']);
  });

  it('reads nothing from code without a controller', () => {
    expect(readNestControllers("@Get('x')\nfoo() {}", 1).routes).toEqual([]);
  });
});

describe('a NestJS controller in the document', () => {
  const scope = extractScope(DOC);

  it('gives one REST operation per handler, with the fields of the DTOs the code defines', () => {
    expect(scope.operations.map((op) => `${op.method} ${op.path}`)).toEqual(['GET /boards/{boardId}/notes', 'POST /boards/{boardId}/notes', 'PATCH /boards/{boardId}/notes/{noteId}/archive']);
    const [list, create, archive] = scope.operations;
    expect(list.queryParams.map((field) => field.name)).toEqual(['page']);
    expect(create.requestFields.map((field) => [field.name, field.type, field.required])).toEqual([
      ['title', 'string', true],
      ['pinned', 'boolean', false],
    ]);
    expect(archive.queryParams).toMatchObject([{ name: 'reason', type: 'string' }]);
  });

  it('every name can be read at the line it cites', () => {
    expect(provenanceGaps(scope, [DOC])).toEqual([]);
  });
});

describe('a NestJS handler without @Body()', () => {
  const doc = [
    '# Drafts',
    '',
    '```ts',
    'export class CreateDraftDto {',
    '  readonly title: string;',
    '}',
    '',
    "@Controller('drafts')",
    'export class DraftsController {',
    '  @Post()',
    '  create(@Body() draft: CreateDraftDto) {}',
    '',
    "  @Post(':slug/publish')",
    "  publish(@Param('slug') slug: string) {}",
    '',
    "  @Post(':slug/copy')",
    '  copy(@Body() copy: CopyDraftDto) {}',
    '}',
    '```',
    '',
  ].join('\n');

  it('takes no body, so no question asks for its request fields; a @Body() whose DTO is not shown still asks', () => {
    const scope = extractScope(doc);
    const publish = scope.operations.find((op) => op.path === '/drafts/{slug}/publish');
    expect(publish?.noBody).toBe(true);
    const asked = scope.questions.map((question) => question.text).join('\n');
    expect(asked).toContain('`POST /drafts/{slug}/copy`: the request fields are not stated.');
    expect(asked).not.toContain('publish');
  });
});
