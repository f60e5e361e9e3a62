// The fixed vocabulary of common entity attributes in the languages specs are
// written in: "メールアドレス、パスワード（ハッシュ化）、登録日時などの属性を持つ"
// names the columns `email`, `password_hash` and `created_at`. A word outside
// the vocabulary names no column (nothing is transliterated or guessed).
import type { Column } from '../types.js';
import { parseAttributes, splitTopLevel, toColumn } from './fields.js';
import type { Unit } from './units.js';
import { lineAt } from './units.js';

interface AttributeWord {
  column: string;
  /** The words, compared after NFKC and lower-casing; a word ending in "*" also matches as a suffix ("タスク名"). */
  words: readonly string[];
}

const VOCABULARY: readonly AttributeWord[] = [
  { column: 'email', words: ['メールアドレス', 'メール', '電子郵件', '電子郵件地址', '电子邮件', '邮箱', '電郵', '이메일', '이메일 주소', 'correo', 'correo electrónico', 'e-mail', 'địa chỉ email'] },
  // A stored password is always a hash.
  { column: 'password_hash', words: ['パスワード', 'パスワードハッシュ', '密碼', '密码', '密碼雜湊', '密码哈希', '비밀번호', '비밀번호 해시', 'contraseña', 'senha', 'mật khẩu'] },
  { column: 'created_at', words: ['作成日時', '作成日', '登録日時', '登録日', '建立時間', '建立日期', '创建时间', '創建時間', '创建日期', '생성일', '생성일시', '생성 일시', '등록일', '등록일시', 'fecha de creación', 'data de criação', 'ngày tạo', 'thời gian tạo'] },
  { column: 'updated_at', words: ['更新日時', '更新日', '更新時間', '更新时间', '修改時間', '修改时间', '수정일', '수정일시', '수정 일시', '갱신일시', 'fecha de actualización', 'data de atualização', 'ngày cập nhật', 'thời gian cập nhật'] },
  { column: 'deleted_at', words: ['削除日時', '刪除時間', '删除时间', '삭제일시', 'fecha de eliminación', 'data de exclusão'] },
  { column: 'expires_at', words: ['有効期限', '過期時間', '过期时间', '만료일', '만료일시', 'fecha de expiración', 'data de expiração', 'ngày hết hạn'] },
  { column: 'due_date', words: ['期限', '終了期限', '締め切り', '締切', '期日', '截止日期', '到期日', '마감일', '기한', 'fecha límite', 'fecha de vencimiento', 'data de vencimento', 'prazo', 'hạn chót'] },
  { column: 'start_date', words: ['開始日', '開始日時', '開始日期', '开始日期', '시작일', 'fecha de inicio', 'data de início', 'ngày bắt đầu'] },
  { column: 'end_date', words: ['終了日', '終了日時', '結束日期', '结束日期', '종료일', 'fecha de fin', 'data de término', 'ngày kết thúc'] },
  { column: 'title', words: ['タイトル', '件名', '標題', '标题', '제목', 'título', 'tiêu đề'] },
  { column: 'name', words: ['名前', '名称', '名稱', '*名', '이름', '*명', 'nombre', 'nome', 'tên'] },
  { column: 'username', words: ['ユーザー名', '用户名', '使用者名稱', '用戶名', '사용자 이름', '사용자명', 'nombre de usuario', 'nome de usuário', 'tên người dùng'] },
  { column: 'description', words: ['説明', '詳細', '描述', '說明', '설명', 'descripción', 'descrição', 'mô tả'] },
  { column: 'status', words: ['ステータス', '状態', '狀態', '状态', '상태', 'estado', 'status', 'trạng thái'] },
  { column: 'priority', words: ['優先順位', '優先度', '優先級', '优先级', '우선순위', 'prioridad', 'prioridade', 'độ ưu tiên', 'mức ưu tiên'] },
  { column: 'color', words: ['色', 'カラー', '顏色', '颜色', '색상', '색', 'color', 'cor', 'màu', 'màu sắc'] },
  { column: 'amount', words: ['金額', '金额', '금액', 'monto', 'importe', 'số tiền'] },
  { column: 'quantity', words: ['数量', '數量', '수량', 'cantidad', 'quantidade', 'số lượng'] },
  { column: 'price', words: ['価格', '値段', '價格', '价格', '가격', 'precio', 'preço', 'giá'] },
  { column: 'phone', words: ['電話番号', '電話', '电话', '電話號碼', '电话号码', '전화번호', 'teléfono', 'telefone', 'số điện thoại'] },
  { column: 'address', words: ['住所', '地址', '주소', 'dirección', 'endereço', 'địa chỉ'] },
  // The parts of a postal address, as address forms name them.
  { column: 'contact_name', words: ['联系人', '聯絡人', '聯繫人', '联系人姓名', '聯絡人姓名', '連絡先氏名', '担当者名', '담당자', '담당자명', 'persona de contacto', 'nombre de contacto', 'nome do contato', 'người liên hệ'] },
  { column: 'mobile', words: ['手机', '手机号', '手机号码', '手機', '手機號', '手機號碼', '携帯電話', '携帯電話番号', '携帯番号', '휴대폰', '휴대폰 번호', '휴대전화', '휴대전화 번호', 'móvil', 'celular', 'teléfono móvil', 'số di động'] },
  { column: 'province', words: ['省', '省份', '州/省', 'provincia', 'província', 'tỉnh'] },
  { column: 'city', words: ['城市', '市', '都市', '市区町村', '도시', 'ciudad', 'cidade', 'thành phố'] },
  { column: 'district', words: ['区', '區', '区县', '區縣', '区域', '區域', '地区', '地區', '行政区', '行政區', '구', 'distrito', 'bairro', 'quận', 'quận/huyện'] },
  { column: 'detail_address', words: ['详细地址', '詳細地址', '详细住址', '詳細住址', '番地', '상세 주소', '상세주소', 'dirección detallada', 'endereço completo', 'địa chỉ chi tiết'] },
  { column: 'postal_code', words: ['邮编', '邮政编码', '郵遞區號', '郵政編碼', '郵便番号', '우편번호', 'código postal', 'cep', 'mã bưu điện', 'mã bưu chính'] },
  // "是否默认": a yes/no flag for the one row picked by default.
  { column: 'is_default', words: ['是否默认', '默认', '是否預設', '預設', '是否為預設', '是否为默认', 'デフォルト', '既定', '기본값', '기본 여부', 'predeterminado', 'por defecto', 'padrão', 'mặc định'] },
  { column: 'nickname', words: ['昵称', '暱稱', '昵稱', 'ニックネーム', '닉네임', 'apodo', 'apelido', 'biệt danh'] },
  { column: 'avatar_url', words: ['头像', '頭像', 'アバター', '프로필 사진', '아바타', 'foto de perfil', 'ảnh đại diện'] },
  { column: 'type', words: ['種類', '種別', 'タイプ', '类型', '類型', '유형', '종류', 'tipo', 'loại'] },
  { column: 'notes', words: ['メモ', '備考', '備註', '备注', '메모', '비고', 'notas', 'observaciones', 'observações', 'ghi chú'] },
  { column: 'role', words: ['役割', 'ロール', '角色', '역할', 'rol', 'papel', 'função', 'vai trò'] },
  { column: 'url', words: ['url', 'リンク', '링크', 'enlace', 'link'] },
  { column: 'reason', words: ['理由', '사유', 'motivo', 'razón', 'lý do'] },
  { column: 'resolution', words: ['resolução', 'resolución'] },
  { column: 'body', words: ['本文', '正文', '본문', 'corpo', 'cuerpo', 'conteúdo', 'contenido', 'nội dung'] },
  // Who wrote the row: a key to its author.
  { column: 'author_id', words: ['autor', 'autora', 'tác giả'] },
];

const normalize = (word: string): string => word.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

const EXACT = new Map<string, string>();
const SUFFIXES: Array<{ suffix: string; column: string }> = [];
for (const entry of VOCABULARY) {
  for (const word of entry.words) {
    if (word.startsWith('*')) SUFFIXES.push({ suffix: normalize(word.slice(1)), column: entry.column });
    else EXACT.set(normalize(word), entry.column);
  }
}

/** The column a word as written names, or undefined when the vocabulary does not hold it. */
export function attributeColumn(written: string): string | undefined {
  const word = normalize(written);
  const exact = EXACT.get(word);
  if (exact) return exact;
  // "終了期限" ends in a known word (期限); "タスク名" in a known suffix (名). Only for scripts without spaces.
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(word)) {
    for (let start = 1; start < word.length; start++) {
      const tail = EXACT.get(word.slice(start));
      if (tail && word.length - start >= 2) return tail;
    }
    for (const { suffix, column } of SUFFIXES) if (word.endsWith(suffix) && word.length > suffix.length) return column;
  }
  return undefined;
}

/** Words that close or open an attribute list ("…などの属性を持つ", "包含…", "…등의 속성"). */
const LIST_TAIL = /(?:など|等等|等|등|및\s*기타)?\s*(?:の|의)?\s*(?:属性|屬性|속성|字段|欄位|項目|フィールド|情報)?\s*(?:を持つ|を含む|がある|を保持する|를 가진다|을 가진다|를 갖는다|을 갖는다|를 포함한다|을 포함한다|가 있다)?\s*$/u;
const LIST_HEAD = /^.*?(?:属性|屬性|속성|字段|欄位|項目|フィールド)\s*(?:は|には|包括|包含|括|有|[:：])\s*|^.*?(?:包含|包括|含む|포함|contiene|incluye|contém|inclui|gồm|bao gồm)\s*[:：]?\s*/u;
const ITEM_SEPARATOR = /[、，,;；]|\s+(?:y|e|và|및|和|及)\s+/u;

/**
 * Columns from an attribute list written in words ("メールアドレス、パスワード（ハッシュ化）、
 * 登録日時などの属性を持つ"): a sentence of at least two items of which at least two are in the
 * vocabulary, or one when the sentence introduces the list ("包含标题、作者等", "属性は…"). Each column keeps the word it came from (`term`), for the provenance check.
 */
export function translatedAttributes(unit: Unit, from: number): Column[] {
  const text = unit.text.slice(from);
  const columns: Column[] = [];
  let offset = from;
  for (const sentence of text.split(/(?<=[。.！!？?])\s*/u)) {
    const at = unit.text.indexOf(sentence, offset);
    offset = at >= 0 ? at + sentence.length : offset;
    const plain = sentence.replace(/[。.！!？?]\s*$/u, '');
    const body = plain.replace(LIST_HEAD, '').replace(LIST_TAIL, '');
    // "包含标题、作者等": a list the sentence introduces as what the entity holds.
    const introduced = body !== plain.replace(LIST_TAIL, '');
    // "名称（`name`，必填，最长 60 个字符）、描述": a comma inside the parentheses belongs to the item.
    const items = splitTopLevel(body, /[、，,;；]/u, '(（').flatMap((item) => (/[（(]/u.test(item) ? [item] : item.split(ITEM_SEPARATOR))).flatMap(splitJoined).map((item) => item.trim()).filter(Boolean);
    if (items.length < 2) continue;
    const found: Column[] = [];
    for (const item of items) {
      const bare = item.replace(/[（(][^）)]*[）)]/gu, '').replace(/^(?:and|y|e|và|및|和|及|or)\s+/iu, '').replace(LIST_TAIL, '').trim();
      // "所有者（`owner_id`）": the column is written in code after the word; what follows it are its attributes.
      const coded = /^[^（(]*[（(]\s*`([A-Za-z_]\w*)`\s*(?:[,，、;；:：]\s*([^）)]*))?[）)]/u.exec(item);
      if (coded && /^[^`]+$/u.test(bare)) {
        if (found.some((seen) => seen.name === coded[1])) continue;
        const where = unit.text.indexOf(`\`${coded[1]}\``, Math.max(0, at));
        found.push(toColumn(coded[1], coded[2] ? parseAttributes(coded[2]) : {}, lineAt(unit, where >= 0 ? where : from)));
        continue;
      }
      const column = attributeColumn(bare);
      if (!column || found.some((seen) => seen.name === column)) continue;
      const note = /[（(]([^）)]*)[）)]/u.exec(item)?.[1] ?? '';
      const where = unit.text.indexOf(bare, Math.max(0, at));
      const made = toColumn(column, /任意|可选|可選|选填|選填|선택|opcional|optional|tùy chọn/iu.test(note) ? { nullable: true } : {}, lineAt(unit, where >= 0 ? where : from));
      found.push({ ...made, term: bare });
    }
    // Two known words make a list of attributes; one is enough when the sentence says it lists them.
    if (found.length >= 2 || (introduced && found.length === 1)) columns.push(...found.filter((column) => !columns.some((seen) => seen.name === column.name)));
  }
  return columns;
}

/** "和", "及", "与" joining the last two items without spaces ("详细地址和是否默认"). */
const HAN_JOINER = /(?<=\p{Script=Han})(?:以及|和|及|与|與|跟)(?=\p{Script=Han})/u;

/** "详细地址和是否默认" is two items when each side is a known attribute word; otherwise one. */
function splitJoined(item: string): string[] {
  const parts = item.split(HAN_JOINER);
  return parts.length > 1 && parts.every((part) => attributeColumn(part.trim()) !== undefined) ? parts : [item];
}

/** Articles before an attribute word in Portuguese and Spanish ("o motivo", "la fecha de creación"). */
const ARTICLE = /^(?:(?:também|ainda|além disso|también|además|also)\s+)?(?:(?:o|a|os|as|um|uma|el|la|los|las|un|una|seu|sua|su)\s+)?/iu;

/**
 * Columns named in words in text[from, to) of a sentence that says it lists columns
 * ("com as colunas `comment_id`, motivo, status e resolução"): each item the vocabulary
 * knows becomes its column; code spans are left to the caller, other words name nothing.
 */
export function listedAttributes(unit: Unit, from: number, to: number): Column[] {
  const list = unit.text.slice(from, to).replace(/[.。]\s*$/u, '');
  const columns: Column[] = [];
  let offset = 0;
  for (const raw of list.split(ITEM_SEPARATOR)) {
    const at = list.indexOf(raw, offset);
    offset = at >= 0 ? at + raw.length : offset;
    if (raw.includes('`')) continue;
    const bare = raw.replace(/[（(][^）)]*[）)]/gu, '').trim().replace(/^(?:and|y|e|và|or|ou|o)\s+/iu, '').replace(ARTICLE, '').trim();
    const column = bare ? attributeColumn(bare) : undefined;
    if (!column || columns.some((seen) => seen.name === column)) continue;
    const note = /[（(]([^）)]*)[）)]/u.exec(raw)?.[1] ?? '';
    const made = toColumn(column, /opcional|optional/iu.test(note) ? { nullable: true } : {}, lineAt(unit, from + Math.max(0, at) + raw.indexOf(bare)));
    columns.push({ ...made, term: bare });
  }
  return columns;
}
