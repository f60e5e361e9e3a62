// A sprint written in Vietnamese: new tables and columns in prose, field limits in Vietnamese words.
import { describe, expect, it } from 'vitest';
import { extractScope } from '../../lib/scope/index.js';

const spec = (body: string) => `# Sprint 9: Ghi chú sản phẩm

## Yêu cầu

- Người dùng tạo ghi chú qua \`POST /api/notes\`.

## Mô hình dữ liệu

${body}
`;

const table = (text: string, name: string) => extractScope(text).entities.find((entity) => entity.table === name);

describe('Vietnamese data-model prose', () => {
  it.each([
    ['Bảng mới `product_notes` (id, product_id, body, created_at).'],
    ['Tạo bảng `product_notes` (id, product_id, body, created_at).'],
    ['Thêm một bảng mới `product_notes` (id, product_id, body, created_at).'],
  ])('%s is a new table with its parenthesised columns', (sentence) => {
    const notes = table(spec(sentence), 'product_notes');
    expect(notes?.change).toBe('new-table');
    expect(notes?.columns.map((column) => column.name)).toEqual(['id', 'product_id', 'body', 'created_at']);
  });

  it('"Thêm các cột `a`, `b` vào bảng `x`" adds those columns to an existing table', () => {
    const products = table(spec('Thêm các cột `pinned_at`, `pin_note` vào bảng `products`.'), 'products');
    expect(products?.change).toBe('alter-table');
    expect(products?.columns.map((column) => column.name)).toEqual(['pinned_at', 'pin_note']);
  });
});

describe('Vietnamese field words', () => {
  const fields = (line: string) => extractScope(`# Ghi chú\n\n## API\n\n- \`POST /api/notes\` tạo ghi chú với ${line}.\n`).operations[0]?.requestFields;

  it('bắt buộc is required, tùy chọn and không bắt buộc optional, tối đa N ký tự a length limit', () => {
    const [title, body, tag] = fields('`title` (bắt buộc, tối đa 120 ký tự), `body` (tùy chọn) và `tag` (không bắt buộc, duy nhất)') ?? [];
    expect(title).toMatchObject({ name: 'title', required: true, maxLength: 120 });
    expect(body).toMatchObject({ name: 'body', required: false });
    expect(tag).toMatchObject({ name: 'tag', required: false });
  });
});

describe('Vietnamese access rules', () => {
  const rules = (lines: string) => extractScope(`# Chia sẻ\n\n## Yêu cầu\n\n${lines}\n`).authz;

  it('the owner, an admin-only rule with the role\'s code name, a public read and any signed-in user', () => {
    const found = rules([
      '- Chủ sở hữu tệp có thể tạo liên kết qua `POST /api/shares`.',
      '- Chỉ quản trị viên (admin) mới có thể xóa liên kết qua `DELETE /api/shares/{share_id}`.',
      '- Bất kỳ ai có mã liên kết đều có thể xem qua `GET /api/links/{token}` mà không cần đăng nhập.',
      '- Người dùng đã đăng nhập có thể xem danh sách qua `GET /api/shares`.',
    ].join('\n'));
    const of = (key: string) => found.find((rule) => rule.operations.includes(key));
    expect(of('POST /api/shares')).toMatchObject({ ownership: 'owner', roles: [] });
    expect(of('DELETE /api/shares/{share_id}')).toMatchObject({ roles: ['admin'] });
    expect(of('GET /api/links/{token}')).toMatchObject({ public: true });
    expect(of('GET /api/shares')).toMatchObject({ anySignedIn: true, roles: [] });
  });

  it('a denial grants nothing', () => {
    expect(rules('- Khách không được xóa liên kết qua `DELETE /api/shares/{share_id}`.')).toEqual([]);
  });
});

describe('bullets after a table sentence constrain its columns', () => {
  const columns = (intro: string, bullets: string[]) =>
    extractScope(`# X\n\n## Data model\n\n${intro}\n\n${bullets.map((bullet) => `- ${bullet}`).join('\n')}\n`).entities[0]?.columns;

  it.each([
    ['English', 'New table `file_shares` (id, token, note).', ['`token` is unique.', '`note` is optional, at most 200 characters.']],
    ['Vietnamese', 'Bảng mới `file_shares` (id, token, note).', ['`token` là duy nhất.', '`note` không bắt buộc, tối đa 200 ký tự.']],
  ])('%s', (_language, intro, bullets) => {
    const found = columns(intro, bullets);
    expect(found?.map((column) => column.name)).toEqual(['id', 'token', 'note']);
    expect(found?.find((column) => column.name === 'token')?.unique).toBe(true);
    expect(found?.find((column) => column.name === 'note')).toMatchObject({ nullable: true, type: 'string' });
  });

  it('a bullet that names a column the table does not have adds nothing', () => {
    expect(columns('New table `file_shares` (id, token).', ['`owner_email` is shown in the UI.'])?.map((column) => column.name)).toEqual(['id', 'token']);
  });
});
