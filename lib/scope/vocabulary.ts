// What words mean to the scope stage, as data: one entry per idea, English and
// Traditional Chinese side by side, so the extractors stay free of word lists.
import type { FieldType } from '../types.js';

export type SectionKind =
  | 'backend'
  | 'outOfScope'
  | 'goalsMixed'
  | 'openQuestions'
  | 'alternatives'
  | 'context'
  | 'stories'
  | 'acceptance'
  | 'decisions'
  | 'verification'
  | 'entities'
  | 'other';

const ENTITIES_HEADING_PATTERN = /key entities|^entities$|^(?:core|main|domain|new|primary)\s+(?:entities|models)$|domain models?|data models?|schema changes?|資料模型|實體|实体|数据模型|エンティティ|データモデル|엔티티|데이터 모델|entidades?|modelo de datos|modelo de dados|thực thể|mô hình dữ liệu/i;
/** A heading that names the entities themselves (its bullets define them). */
export const ENTITIES_HEADING = ENTITIES_HEADING_PATTERN;

/** Heading patterns, first match wins (order matters: "Goals & Non-Goals" before "Non-Goals"). */
export const SECTION_PATTERNS: ReadonlyArray<{ kind: SectionKind; pattern: RegExp }> = [
  { kind: 'backend', pattern: /^backend$/i },
  { kind: 'goalsMixed', pattern: /\bgoals?\b.*\bnon-?goals?\b|目標.*非目標/i },
  { kind: 'outOfScope', pattern: /out[- ]of[- ]scope|\bnon-?goals?\b|not in scope|\bexclusions?\b|範圍外|不在範圍|非目標|不做|不包含|범위\s*(?:밖|외)|제외\s*(?:범위|항목|사항)|비목표/i },
  { kind: 'openQuestions', pattern: /open questions?|unresolved|open issues|待釐清|待確認|未決|開放問題|待解決|미해결|열린 질문|미결/i },
  { kind: 'alternatives', pattern: /design options?|alternatives|options considered|方案比較|設計選項|替代方案/i },
  // spec-kit plans state what already holds ("Assumptions", "Technical Context") and check the plan against the
  // project's rules ("Constitution Check"): descriptions of the setting, not new work.
  { kind: 'context', pattern: /^(context|background|problem|motivation|overview|assumptions?|technical context|constitution check|goals?|summary|purpose|objectives?)\b|背景|動機|脈絡|^(?:배경|동기|개요)$/i },
  { kind: 'stories', pattern: /user stor|use cases?|scenarios?|使用者故事|使用案例|情境|사용자 스토리|사용 사례|시나리오/i },
  { kind: 'acceptance', pattern: /acceptance|驗收|인수 조건|수용 기준|완료 조건/i },
  { kind: 'decisions', pattern: /architecture decisions?|\badr\b|decisions?\b|決策/i },
  // Kiro designs state what tests check as "Correctness Properties" / "Property 3: …".
  { kind: 'verification', pattern: /verification|test plan|testing|correctness propert|property-based|^property \d+\b|驗證|測試|검증|테스트 계획/i },
  { kind: 'entities', pattern: ENTITIES_HEADING_PATTERN },
];

/** Sections whose facts only restate what the contract sections say (used to break ties). */
/** Labels that open an attribute list in a Key Entities item ("Attributes: name, target amount"). */
export const ATTRIBUTE_LABEL = /(?:key\s+)?(?:attributes|fields|columns|properties)(?:\s+include|\s+are)?|atributos(?:\s+clave)?|campos|propriedades|属性|屬性|字段|欄位|속성|필드|thuộc tính|trường/i;

/**
 * Headings over the fields of a request or response ("Request fields", "Campos de Entrada", "请求参数"):
 * an operation's message, never a stored model, and not a part of the model heading above it.
 */
export const MESSAGE_FIELDS_HEADING = /^(?:(?:request|response|input|output)(?:\s+(?:body|fields|parameters|params|payload|schema))?|(?:campos|par[áa]metros|datos|atributos)\s+de\s+(?:entrada|salida|la\s+solicitud|la\s+respuesta|consulta)|cuerpo\s+de\s+la\s+(?:solicitud|respuesta)|(?:campos|par[âa]metros|dados)\s+de\s+(?:entrada|sa[íi]da|requisi[çc][ãa]o|resposta)|corpo\s+da\s+(?:requisi[çc][ãa]o|resposta)|(?:trường|tham số)\s+(?:đầu vào|đầu ra|yêu cầu|phản hồi)|(?:请求|請求|响应|響應|回應|输入|輸入|输出|輸出)(?:参数|參數|字段|欄位|体|體)?|(?:リクエスト|レスポンス)(?:パラメータ|フィールド|ボディ)?|(?:요청|응답)\s*(?:파라미터|필드|본문)?)$/i;

/** Words after a table's name in a heading: "ContentTags 表（新增）", "users テーブル", "orders 테이블". */
export const TABLE_WORD_AFTER = /\s*(?:表|資料表|テーブル|테이블|(?<=[a-z0-9])\s(?:Entity|Model|Table))\s*(?:扩展|擴展|扩充|擴充|拡張|확장|变更|變更|修改|追加|新增)?$/;
/** Words in a model heading that say the table exists and is being extended ("ContentItems 表扩展"). */
export const EXTENDED_TABLE_WORD = /扩展|擴展|扩充|擴充|拡張|확장|变更|變更|修改/;

/** A label that opens the columns added to the model its heading names ("### `Customer` (existing)" / "Add:"). */
export const ADDED_COLUMNS_LABEL = /^(?:add|adds|added|new\s+(?:fields|columns|attributes|properties)|added\s+(?:fields|columns)|agregar|añadir|adicionar|新增|追加|추가)$/i;

export const SECONDARY_SECTIONS: ReadonlySet<SectionKind> = new Set(['context', 'decisions', 'stories', 'verification']);

/** A short paragraph or list item that opens an out-of-scope (or in-scope) run inside a section. */
export const OUT_OF_SCOPE_MARKER = /^\s*(out[- ]of[- ]scope|non-?goals?|not in scope|excluded|範圍外|不在範圍內?|非目標|不做|범위\s*(?:밖|외)|비목표)\s*[:：]?\s*$/i;
export const IN_SCOPE_MARKER = /^\s*(goals?|in scope|目標|範圍內|범위\s*안|범위 내)\s*[:：]?\s*$/i;
/** A list item that starts with "Out of scope:" is out of scope by itself. */
export const OUT_OF_SCOPE_PREFIX = /^\s*(out[- ]of[- ]scope|non-?goals?|not in scope|範圍外|不在範圍內?|非目標|범위\s*(?:밖|외)|비목표)\s*[:：]\s*/i;

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/** Verb a REST operationId starts with, per method. */
export const METHOD_VERBS: Record<string, { item: string; collection: string }> = {
  GET: { item: 'get', collection: 'list' },
  POST: { item: 'create', collection: 'create' },
  PUT: { item: 'update', collection: 'replace' },
  PATCH: { item: 'update', collection: 'update' },
  DELETE: { item: 'delete', collection: 'delete' },
  HEAD: { item: 'head', collection: 'head' },
  OPTIONS: { item: 'options', collection: 'options' },
};

/** Path segments that are prefixes, not resources. */
export const PATH_PREFIXES = /^(api|v\d+(\.\d+)?|rest|internal|public|admin)$/i;

/** Last path segments that name an action (`POST /orders/{id}/cancel`). */
export const ACTION_WORDS = new Set([
  'cancel', 'approve', 'reject', 'archive', 'unarchive', 'publish', 'unpublish', 'retry', 'refund', 'capture',
  'void', 'login', 'logout', 'signin', 'signout', 'signup', 'register', 'search', 'verify', 'confirm', 'resend',
  'send', 'reset', 'import', 'export', 'sync', 'close', 'reopen', 'activate', 'deactivate', 'enable', 'disable',
  'lock', 'unlock', 'complete', 'submit', 'restore', 'merge', 'duplicate', 'clone', 'move', 'share', 'invite',
  'accept', 'decline', 'refresh', 'revoke', 'rotate', 'assign', 'unassign', 'follow', 'unfollow', 'like', 'unlike',
  'pay', 'checkout', 'ship', 'fulfill', 'upload', 'download', 'preview', 'validate', 'reconcile', 'trigger', 'run',
  'redeem', 'apply', 'claim', 'renew', 'extend', 'pause', 'resume', 'suspend', 'reactivate', 'mark', 'ack',
  'acknowledge', 'escalate', 'reschedule', 'start', 'stop', 'finish', 'release', 'hold', 'approve', 'deny',
  'favorite', 'unfavorite', 'favourite', 'unfavourite', 'pin', 'unpin', 'star', 'unstar', 'mute', 'unmute',
  'return', 'borrow', 'checkin', 'checkout',
]);

/**
 * Adjectives that name a view of the collection before them (`GET /loans/overdue`, `/tasks/pending`): the rows
 * are that collection's, filtered; the word is no resource of its own.
 */
export const VIEW_SEGMENTS = new Set([
  'overdue', 'active', 'inactive', 'pending', 'recent', 'upcoming', 'expired', 'open', 'unread', 'popular', 'trending',
  'due', 'outstanding', 'mine', 'available', 'visible', 'public', 'private', 'draft', 'drafts', 'todo',
]);

/**
 * Actions on one resource that only change its state (`POST /articles/{slug}/favorite`,
 * `POST /shelves/{shelfId}/archive`): the resource is in the path, so no request body is missing.
 */
export const BODILESS_ACTIONS = new Set([
  'archive', 'unarchive', 'publish', 'unpublish', 'close', 'reopen', 'activate', 'deactivate', 'enable', 'disable',
  'lock', 'unlock', 'restore', 'duplicate', 'clone', 'follow', 'unfollow', 'like', 'unlike', 'favorite', 'unfavorite',
  'favourite', 'unfavourite', 'pin', 'unpin', 'star', 'unstar', 'mute', 'unmute', 'pause', 'resume', 'reactivate',
  'ack', 'acknowledge', 'retry', 'start', 'stop', 'finish', 'complete', 'accept',
]);

/** Singular resources whose GET is not a list. */
export const SINGLETON_SEGMENTS = new Set([
  'me', 'self', 'settings', 'profile', 'status', 'health', 'healthz', 'config', 'configuration', 'preferences',
  'summary', 'stats', 'statistics', 'metrics', 'balance', 'current', 'latest', 'info', 'version', 'session',
]);

/** POSTs that move money are retried by clients and must never run twice. */
export const MONEY_RESOURCES = new Set(['payment', 'refund', 'charge', 'payout', 'transfer', 'capture', 'disbursement']);

/**
 * A sentence that makes columns unique together: "(`a`, `b`) is unique", "o par … é único", 唯一, 一意 / 重複不可,
 * 유일 / 중복 불가, "duy nhất"; "중복" and 重複 only with their negation, since alone they may allow duplicates.
 */
export const UNIQUE_WORD = /\bunique\b|(?<![\p{L}])[úu]nic[oa]s?(?![\p{L}])|唯一|一意|ユニーク|重複(?:不可|しない|できない|禁止)|不(?:能|可|得)重[复複]|유일|고유|중복\s*(?:불가|될\s*수\s*없|되지\s*않|금지)|duy nhất|không\s+(?:được\s+)?trùng/iu;
export const RETRY_SAFE = /safe to retry|retry-safe|\bidempoten|never (?:\w+ ){0,3}twice|\bretr(?:y|ies|ied|ying)\b|idempotency-key|\b(?:twice|again|a second time)\b[^.;!?]{0,60}\b(?:returns?|gives? back|answers? with)\s+(?:the\s+|that\s+)?(?:existing|same|original|first)\b|重試|冪等|不會重複|不可重複|멱등|재시도|두\s*번[^.。!?]{0,40}(?:만들지\s*않|생성하지\s*않|기존)|중복\s*(?:생성|처리)(?:되지|하지)\s*않/i;
export const RETRY_NEGATED = /\bno retries\b|\bnot (?:be )?retried\b|不重試|재시도(?:하지|되지)\s*않|재시도\s*(?:불가|금지)/i;
export const LIST_WORDS = /\blists?\b|\blisting\b|\bpaginat|\bpaged\b|\bcursor\b|\bsearch(?:es)?\b|列出|清單|列表|分頁|목록|페이지네이션|페이징/i;
export const NO_SESSION = /no (?:user )?session|without (?:a )?(?:user )?session|unauthenticated|no auth|without auth|not authenticated|signed by|\bsigns?\b|\bsigned\b|public endpoint|is public|無需登入|不需登入|免登入|沒有使用者 ?session|無 ?session/i;
export const WEBHOOK_WORD = /webhooks?|callback|回呼|回調/i;

/** How an inbound call is verified, most specific first. */
export const VERIFICATIONS: ReadonlyArray<{ value: string; pattern: RegExp }> = [
  { value: 'HMAC', pattern: /\bhmac\b/i },
  { value: 'mTLS', pattern: /\bmtls\b|mutual tls|雙向 ?tls/i },
  { value: 'shared secret', pattern: /shared secret|shared token|secret token|共享密鑰/i },
  { value: 'signature', pattern: /\bsign(?:s|ed|ing|ature|atures)?\b|簽章|簽名/i },
];

/** Third-party services named in specs; the regex is matched case-sensitively on prose. */
export const VENDORS: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: 'Stripe', pattern: /\bStripe\b/ },
  { name: 'PayPal', pattern: /\bPayPal\b/i },
  { name: 'Adyen', pattern: /\bAdyen\b/ },
  { name: 'Braintree', pattern: /\bBraintree\b/ },
  { name: 'Square', pattern: /\bSquare\b/ },
  { name: 'Twilio', pattern: /\bTwilio\b/ },
  { name: 'SendGrid', pattern: /\bSendGrid\b/i },
  { name: 'Mailgun', pattern: /\bMailgun\b/ },
  { name: 'Postmark', pattern: /\bPostmark\b/ },
  { name: 'Slack', pattern: /\bSlack\b/ },
  { name: 'GitHub', pattern: /\bGitHub\b/i },
  { name: 'GitLab', pattern: /\bGitLab\b/i },
  { name: 'Shopify', pattern: /\bShopify\b/ },
  { name: 'Auth0', pattern: /\bAuth0\b/ },
  { name: 'Okta', pattern: /\bOkta\b/ },
  { name: 'Plaid', pattern: /\bPlaid\b/ },
  { name: 'Segment', pattern: /\bSegment\b/ },
  { name: 'Salesforce', pattern: /\bSalesforce\b/ },
  { name: 'HubSpot', pattern: /\bHubSpot\b/i },
  { name: 'Zendesk', pattern: /\bZendesk\b/ },
  { name: 'Intercom', pattern: /\bIntercom\b/ },
  { name: 'OpenAI', pattern: /\bOpenAI\b/i },
  { name: 'Firebase', pattern: /\bFirebase\b/ },
  { name: 'S3', pattern: /\b(?:AWS )?S3\b/ },
  { name: 'SQS', pattern: /\bSQS\b/ },
  { name: 'LINE', pattern: /\bLINE (?:Pay|Notify|Messaging)\b/ },
  { name: 'ECPay', pattern: /\bECPay\b|綠界/ },
];

/** We call them (outbound); matched right before a vendor name, or `<Vendor> API`. */
export const OUTBOUND_BEFORE = /\b(?:call|calls|calling|ask|asks|asking|query|queries|querying|notify|notifies|fetch(?:es)? from|send(?:s)? (?:\w+ )?to|push(?:es)? (?:\w+ )?to|sync(?:s)? (?:\w+ )?(?:with|to)|request(?:s)? (?:\w+ )?from|upload(?:s)? (?:\w+ )?to|poll(?:s|ing)?|(?:send|push|upload|write|post|publish|forward|store|save)s?(?:\s+\w+){0,3}\s+(?:to|in|into)|via|through|using|呼叫|詢問|查詢|通知|傳送到|上傳到|同步到)\s+(?:the\s+)?$/i;
/** Someone else's API named around a route: "gateway-specific APIs", "the vendor's API", "third-party endpoint". */
export const EXTERNAL_API = /\b(?:external|third[- ]party|vendor|provider|partner|gateway|upstream|remote)(?:-specific|'s)?\s+(?:APIs?|endpoints?|services?)\b|\b[A-Z][\w-]*'s\s+(?:API|endpoint)s?\b/;
/** Capitalised words that label a route without naming whose it is ("Endpoint: POST /x", "Admin: DELETE /x"). */
export const ROUTE_LABELS = /^(?:the|our|this|that|a|an|api|rest|http|endpoint|endpoints|route|routes|request|call|example|e\.g|i\.e|note|new|existing|public|internal|admin|user|users|client|server|backend|frontend|create|read|update|delete|list|get|add|remove|see|via|method|path|url|response|body|fr-?\d+|req-?\d+)$/i;
/** Right before a route the document sets aside: "instead of `PUT /x`", "use `PUT /x`, not `PATCH /x`", "而不是 `GET /x`". */
export const REPLACED_BEFORE = /(?:\binstead of|\brather than|\bin place of|\breplaces|\breplacing|\bnot|\bno longer|而不是|而非|取代|代替|ではなく)\s*(?:the\s+)?[`*]*$/i;
/** Right after it: "`PUT /x` is replaced by …", "`GET /x` (v1) is deprecated". */
export const REPLACED_AFTER = /^[`*]*\s*(?:\([^)]*\)\s*)?(?:(?:is|are|was|were|gets?|has been)\s+)?(?:replaced|superseded|deprecated|not used|unused|dropped)\b/i;
/** "Architecture specifies `A` (…), Story uses `B`": what one source says, set against what the document does. */
export const SPECIFIED_BEFORE = /\b(?:specifies|specified|proposes|proposed|suggests|suggested|originally|described)\s*(?:the\s+)?[`*]*$/i;
export const CHOSEN_AFTER = /^[^.;]*?,\s*(?:but\s+)?(?:the\s+)?(?:\w+\s+){0,2}(?:uses|use|adopts|chose|chooses|implements|opts for|goes with)\b/i;
/** A test step's expectation: the calls in its sentence are examples that check operations ("… then `GET /x/{id}` should return …"). */
export const EXPECTATION = /\bshould\s+(?:return|respond|yield|give|contain|fail|succeed|be\s+rejected)\b|\bmust\s+(?:return|respond\s+with)\b|\bis\s+expected\s+to\b|应(?:该|當|当)?返回|應(?:該|當)?(?:回傳|返回)|を返すこと|を返す必要|반환해야/i;
/** A verb of calling right before the route: "calls POST /v1/charges". */
export const CALL_BEFORE = /\b(?:call|calls|calling|called|invoke|invokes|invoking|hit|hits|hitting)\s*[`*]*$/i;
export const OUTBOUND_AFTER = /^(?:'s)?\s*(?:API|SDK|client|endpoint)s?\b|^\s*(?:的)?\s*API/;

/**
 * A background job, not a word that merely sounds like one ("daily reports", "the Job entity",
 * "scheduled appointments"): a job noun phrase, a cron, or a worker that does something.
 */
export const JOB_WORDS = /\b(?:background|scheduled|cron|periodic)\s+(?:[\w-]+\s+)?(?:jobs?|tasks?|workers?|process(?:es)?|sweeps?)\b|\b(?:nightly|hourly|daily|weekly|monthly)\s+(?:[\w-]+\s+)?(?:jobs?|workers?|sweeps?)\b|\bcron(?:\s*jobs?)?\b|\b(?:a|an|one|the|this|new|each)\s+(?:[\w-]+\s+)?(?:job|worker)\s*(?:\(|that\b|which\b|to\b|[a-z]{3,}s\b)|\bjobs?\s+runs?\b|\bworker queue\b|\bqueue worker\b|\bevery \d+ (?:minutes?|hours?|days?)\b|排程|背景(?:工作|任務)|定時(?:任務|工作)/i;
/** "No background job", "Jobs: none": the document says there is none. */
export const NO_JOBS = /\bno\s+(?:background\s+|scheduled\s+|cron\s+)?(?:jobs?|workers?|cron)\b|\bwithout\s+(?:a\s+)?(?:background\s+)?(?:jobs?|workers?)\b|\bjobs?\s*[:：]\s*(?:none|n\/a|no|-|—)|不需要?排程|無排程|沒有排程/i;
/** Schedule as stated, first match wins. */
export const SCHEDULES: ReadonlyArray<{ pattern: RegExp; value?: string }> = [
  { pattern: /`((?:[\d*/,-]+\s+){4}[\d*/,-]+)`/ },
  { pattern: /\bnightly\b|每晚|每夜/i, value: 'nightly' },
  { pattern: /\bhourly\b|every hour\b|每小時/i, value: 'hourly' },
  { pattern: /\bdaily\b|every day\b|once a day|每天|每日/i, value: 'daily' },
  { pattern: /\bweekly\b|every week\b|每週|每周/i, value: 'weekly' },
  { pattern: /\bmonthly\b|every month\b|每月/i, value: 'monthly' },
  { pattern: /\bevery \d+ (?:seconds?|minutes?|hours?|days?)\b/i },
  { pattern: /每 ?\d+ ?(?:秒|分鐘|小時|天)/ },
];

export const FRONTEND_WORDS: readonly RegExp[] = [
  /\b(?:UI|UX|CSS)\b/,
  /\b(?:frontend|front-end|front end|web app|buttons?|screens?|modals?|dialogs?|React|Vue|Angular|Svelte|layout|storybook)\b/i,
  /(?<!(?:next|previous|prev|first|last|per|each|one|same|single|result|results)\s)\bpages?\b(?!\s*(?:size|token|number|cursor|param|limit|=))/i,
  /前端|頁面|按鈕|畫面|介面|表單/,
];

/**
 * The last word of a Key Entities name that makes it a part of the user interface ("Home Page",
 * "Login Screen", "Settings View"), not something stored. Only for names of several words:
 * a "Page", "Form" or "View" alone is often what an app keeps (a wiki page, a survey form).
 */
export const UI_NOUN = /^(?:page|screen|view|modal|dialog|form|button|widget)$/i;

/**
 * A Key Entities description saying its thing is never stored: "Not persisted; …",
 * "Runtime state (not persisted) …", "In-memory only", "Computed from …" (but "Calculated charges with
 * amount, …" are stored). At the start of the description or of one of its sentences, or said of "it":
 * "the password is not stored" speaks of an attribute.
 */
export const NOT_STORED_ENTITY = /(?:^|[.;!]\s+|\b(?:it|this|which|that|they)\s+(?:is|are)\s+(?:only\s+)?)(?:(?:not|never)\s+(?:persisted|stored|saved)\b(?!\s+(?:in\s+(?:plain|clear)|as\s+plain|unencrypted|unhashed|in\s+(?:the\s+)?(?:clear|logs?)))|(?:kept\s+)?in-?memory\b|runtime(?:\s+only)?\b|transient\b|ephemeral\b|(?:computed|derived|calculated)\s+(?:from|on|at|by|when|per|dynamically)\b)|^(?:an?\s+)?(?:in-?memory|runtime|transient|ephemeral|computed|derived)\s+(?:only\s+)?(?:state|value|object|view|data|record|structure|aggregate)\b/i;

/**
 * Words that introduce examples: the code spans after them are values of something
 * ("roles such as `ADMIN`, `EDITOR`", "tales como `DOCENTE`"), not its attributes.
 */
export const EXAMPLE_MARKER = /\b(?:such\s+as|e\.\s?g\.|for\s+(?:example|instance)|like|including|tales\s+como|tal\s+como|como\s+por\s+ejemplo|por\s+ejemplo|p\.\s?ej\.|como|por\s+exemplo|ví\s+dụ|như)(?![\p{L}])|例えば|例如|比如|예를\s*들어/iu;

/**
 * A Key Entities item that joins two others, naming both sides: "Links a user ID to a role ID",
 * "Assigns a role to a user", "la asignación de un rol a un usuario", "a atribuição de um papel a um usuário".
 * Groups 1 and 2 are the sides, each getting a key.
 */
export const JOIN_PHRASES: readonly RegExp[] = [
  /\blinks?\s+(?:an?\s+|the\s+|each\s+|one\s+)?([A-Za-z]+)\s+(?:ID|id|Id|identifier|key)\s+(?:to|with|and)\s+(?:an?\s+|the\s+|one\s+)?([A-Za-z]+)\s+(?:ID|id|Id|identifier|key)\b/,
  // The item is the assignment: the description starts with it ("**UserRole**: Assigns a role to a user").
  /^(?:(?:represents|records)\s+(?:the\s+|an?\s+)?)?(?:assigns|assignment\s+of)\s+(?:an?\s+|the\s+|one\s+)?([A-Za-z]+)\s+to\s+(?:an?\s+|the\s+|one\s+)?([A-Za-z]+)\b/i,
  /^(?:(?:representa|registra)\s+(?:el\s+|la\s+|o\s+|a\s+)?)?(?:asigna|asignación\s+de|vincula|vinculación\s+de|atribui|atribuição\s+de|associa|associação\s+de)\s+(?:una?|el|la|um|uma|o|a)\s+(\p{L}+)\s+(?:a|con|com|ao|à)\s+(?:una?|el|la|um|uma|o|a)\s+(\p{L}+)/iu,
];

export type CrudAction = 'create' | 'read' | 'update' | 'delete';

/**
 * Verb families: the words (English bases, inflected by the matcher; CJK forms as
 * written) that name one action, the nouns made from it ("redemption" ← redeem), and
 * the CRUD action it falls back to when no operation names the action itself.
 * The four CRUD families come first; their `id` is the CRUD action.
 */
export interface VerbFamily {
  id: string;
  crud?: CrudAction;
  verbs: readonly string[];
  nouns?: readonly string[];
  cjk?: readonly string[];
  /** Portuguese and Spanish forms as written: infinitive, and the present the rules use ("pode listar", "lista"). */
  romance?: readonly string[];
}

export const VERB_FAMILIES: readonly VerbFamily[] = [
  { id: 'create', crud: 'create', verbs: ['create', 'add', 'make', 'made'], cjk: ['建立', '新增', '新建', '發起', '申請', '创建', '发起', '添加', '加入'], romance: ['criar', 'cria', 'criam', 'crear', 'crea', 'crean', 'adicionar', 'adiciona', 'adicionam', 'agregar', 'agrega', 'agregan', 'cadastrar', 'cadastra', 'registrar', 'registra'] },
  { id: 'read', crud: 'read', verbs: ['read', 'see', 'saw', 'seen', 'view', 'list', 'get', 'got', 'fetch', 'access', 'browse', 'retrieve', 'return', 'show', 'shown', 'find', 'found', 'search', 'look', 'download', 'inspect'], cjk: ['查看', '檢視', '讀取', '列出', '查詢', '瀏覽', '下載', '检视', '读取', '查询', '浏览', '下载'], romance: ['ler', 'lê', 'leem', 'leer', 'lee', 'leen', 'ver', 'vê', 'veem', 've', 'ven', 'listar', 'lista', 'listam', 'listan', 'consultar', 'consulta', 'consultam', 'consultan', 'visualizar', 'visualiza', 'buscar', 'busca', 'obter', 'obtener', 'baixar', 'descargar'] },
  { id: 'update', crud: 'update', verbs: ['update', 'edit', 'change', 'modify', 'rename', 'replace', 'patch', 'set'], cjk: ['更新', '修改', '編輯', '變更', '编辑', '变更', '重命名'], romance: ['atualizar', 'atualiza', 'atualizam', 'actualizar', 'actualiza', 'actualizan', 'editar', 'edita', 'editam', 'editan', 'alterar', 'altera', 'alteram', 'modificar', 'modifica', 'modificam', 'modifican', 'cambiar', 'cambia', 'cambian'] },
  { id: 'delete', crud: 'delete', verbs: ['delete', 'remove', 'destroy', 'erase', 'purge'], nouns: ['deletion', 'removal'], cjk: ['刪除', '移除', '删除', '移出'], romance: ['excluir', 'exclui', 'excluem', 'remover', 'remove', 'removem', 'apagar', 'apaga', 'apagam', 'eliminar', 'elimina', 'eliminam', 'eliminan', 'borrar', 'borra', 'borran'] },
  { id: 'issue', crud: 'create', verbs: ['issue'], nouns: ['issuance'], cjk: ['發行', '核發', '發放', '開立', '发行', '核发', '发放', '开立'] },
  { id: 'redeem', crud: 'create', verbs: ['redeem'], nouns: ['redemption'], cjk: ['兌換', '核銷', '兑换', '核销'] },
  { id: 'cancel', crud: 'delete', verbs: ['cancel'], nouns: ['cancellation', 'cancelation'], cjk: ['取消'], romance: ['cancelar', 'cancela', 'cancelam', 'cancelan'] },
  { id: 'revoke', crud: 'delete', verbs: ['revoke', 'withdraw', 'retract'], nouns: ['revocation', 'withdrawal'], cjk: ['撤銷', '撤回', '撤销'] },
  { id: 'approve', crud: 'update', verbs: ['approve'], nouns: ['approval'], cjk: ['核准', '批准', '同意'], romance: ['aprovar', 'aprova', 'aprovam', 'aprobar', 'aprueba', 'aprueban'] },
  { id: 'reject', crud: 'update', verbs: ['reject', 'deny', 'decline'], nouns: ['rejection', 'denial'], cjk: ['駁回', '拒絕', '退回', '驳回', '拒绝'], romance: ['rejeitar', 'rejeita', 'rejeitam', 'recusar', 'recusa', 'rechazar', 'rechaza', 'rechazan'] },
  { id: 'refund', crud: 'create', verbs: ['refund'], nouns: ['refund'], cjk: ['退款'] },
  { id: 'pay', crud: 'create', verbs: ['pay', 'paid'], nouns: ['payment'], cjk: ['付款', '支付', '繳費', '缴费'] },
  { id: 'charge', crud: 'create', verbs: ['charge'], nouns: ['charge'], cjk: ['扣款', '收費', '收费'] },
  { id: 'transfer', crud: 'create', verbs: ['transfer'], nouns: ['transfer'], cjk: ['轉讓', '轉帳', '轉移', '转让', '转账', '转移'] },
  { id: 'submit', crud: 'create', verbs: ['submit'], nouns: ['submission'], cjk: ['提交', '送出'] },
  { id: 'invite', crud: 'create', verbs: ['invite'], nouns: ['invitation', 'invite'], cjk: ['邀請', '邀请'], romance: ['convidar', 'convida', 'convidam', 'invitar', 'invita', 'invitan'] },
  { id: 'export', crud: 'create', verbs: ['export'], nouns: ['export'], cjk: ['匯出', '导出'], romance: ['exportar', 'exporta', 'exportam', 'exportan'] },
  { id: 'import', crud: 'create', verbs: ['import'], nouns: ['import'], cjk: ['匯入', '导入'] },
  { id: 'start', crud: 'create', verbs: ['start', 'begin', 'launch', 'trigger'], cjk: ['啟動', '启动'] },
  { id: 'subscribe', crud: 'create', verbs: ['subscribe'], nouns: ['subscription'], cjk: ['訂閱', '订阅'] },
  { id: 'register', crud: 'create', verbs: ['register', 'enroll', 'enrol'], nouns: ['registration', 'enrollment', 'enrolment', 'signup'], cjk: ['註冊', '報名', '注册', '报名'] },
  { id: 'publish', crud: 'update', verbs: ['publish'], nouns: ['publication'], cjk: ['發布', '發佈', '上架', '发布'], romance: ['publicar', 'publica', 'publicam', 'publican'] },
  { id: 'archive', crud: 'update', verbs: ['archive'], cjk: ['封存', '歸檔', '归档'], romance: ['arquivar', 'arquiva', 'archivar', 'archiva'] },
  { id: 'assign', crud: 'update', verbs: ['assign'], nouns: ['assignment'], cjk: ['指派', '分派'], romance: ['atribuir', 'atribui', 'asignar', 'asigna'] },
  { id: 'close', crud: 'update', verbs: ['close'], nouns: ['closure'], cjk: ['關閉', '結案', '关闭'], romance: ['fechar', 'fecha', 'fecham', 'cerrar', 'cierra', 'cierran'] },
  { id: 'suspend', crud: 'update', verbs: ['suspend', 'block', 'ban'], nouns: ['suspension'], cjk: ['停權', '停用', '封鎖', '封锁'], romance: ['suspender', 'suspende', 'bloquear', 'bloqueia', 'bloquea', 'banir', 'bane'] },
  { id: 'restore', crud: 'update', verbs: ['restore', 'reactivate', 'unarchive'], nouns: ['restoration'], cjk: ['還原', '恢復', '还原'] },
  { id: 'verify', crud: 'update', verbs: ['verify', 'confirm'], nouns: ['verification', 'confirmation'], cjk: ['驗證', '確認', '验证', '确认'] },
  { id: 'apply', crud: 'create', verbs: ['apply', 'use'], cjk: ['套用'] },
  { id: 'book', crud: 'create', verbs: ['book', 'reserve'], nouns: ['booking', 'reservation'], cjk: ['預訂', '訂位', '预订'] },
  { id: 'ship', crud: 'create', verbs: ['ship', 'dispatch', 'fulfil', 'fulfill'], nouns: ['shipment', 'fulfillment', 'fulfilment'], cjk: ['出貨', '寄送'] },
  { id: 'send', crud: 'create', verbs: ['send', 'sent', 'notify'], nouns: ['notification'], cjk: ['寄出', '發送'] },
  { id: 'upload', crud: 'create', verbs: ['upload', 'attach'], nouns: ['upload', 'attachment'], cjk: ['上傳', '附加'] },
  { id: 'share', crud: 'create', verbs: ['share'], nouns: ['share'], cjk: ['分享', '共享'] },
  { id: 'flag', crud: 'create', verbs: [], cjk: ['檢舉', '舉報'], romance: ['denunciar', 'denuncia', 'denunciam', 'denuncian', 'reportar', 'reporta', 'reportam', 'reportan', 'sinalizar', 'sinaliza', 'sinalizam'] },
  { id: 'resolve', crud: 'update', verbs: ['resolve'], nouns: ['resolution'], cjk: ['解決', '處理'], romance: ['resolver', 'resolve', 'resolvem', 'resuelve', 'resuelven'] },
  { id: 'accept', crud: 'update', verbs: ['accept'], nouns: ['acceptance'], cjk: ['接受'] },
];

/** CRUD action → the HTTP methods that perform it. */
export const CRUD_METHODS: Record<CrudAction, readonly string[]> = {
  create: ['POST'],
  read: ['GET'],
  update: ['PATCH', 'PUT'],
  delete: ['DELETE'],
};

/** Words that end a verb's object ("issue cards *to* customers"). */
export const OBJECT_BOUNDARIES = new Set([
  'to', 'for', 'from', 'in', 'into', 'on', 'onto', 'at', 'by', 'with', 'without', 'of', 'via', 'through', 'under', 'over',
  'within', 'before', 'after', 'when', 'if', 'unless', 'while', 'as', 'than', 'that', 'which', 'who', 'whose', 'where',
  'but', 'so', 'because', 'may', 'can', 'cannot', 'must', 'should', 'will', 'shall', 'is', 'are', 'was', 'were', 'be',
  'per', 'below',
]);
/** Words skipped wherever they stand ("can *only* read", "may *also* cancel"). */
export const FILLER_WORDS = new Set(['only', 'also', 'still', 'just', 'even', 'then', 'always', 'not', 'never', 'do', 'does', 'to', 'i', 'we', 'you']);
/** An object that points back ("may cancel *it*"): the sentence's own words do not say which resource. */
export const PRONOUNS = new Set(['it', 'them', 'they', 'one', 'ones', 'either', 'both', 'that', 'those', 'these', 'this']);
/** Words that precede a noun: the next word is an object even when it could be a verb ("an export"). */
export const DETERMINERS = new Set([
  'a', 'an', 'the', 'their', 'its', 'his', 'her', 'your', 'our', 'my', 'own', 'any', 'each', 'every', 'all', 'this',
  'these', 'those', 'some', 'one', 'no', 'other', 'another', 'existing', 'new', 'same', 'several', 'many',
]);

/**
 * People and systems that can be granted access. `generic` ones name who without
 * naming a role ("users can only read their own…"); the others become roles.
 */
export const ACTOR_NOUNS: ReadonlyMap<string, 'role' | 'generic'> = new Map([
  ...['user', 'owner', 'client', 'caller', 'anyone', 'everyone', 'account', 'person', 'people', 'visitor'].map((word) => [word, 'generic'] as const),
  ...[
    'admin', 'administrator', 'superuser', 'superadmin', 'support', 'staff', 'agent', 'operator', 'moderator', 'manager',
    'supervisor', 'lead', 'editor', 'reviewer', 'approver', 'auditor', 'accountant', 'finance', 'billing', 'customer',
    'member', 'partner', 'merchant', 'seller', 'buyer', 'vendor', 'supplier', 'reseller', 'affiliate', 'employee',
    'author', 'guest', 'subscriber', 'tenant', 'teacher', 'student', 'instructor', 'driver', 'courier', 'dispatcher',
    'cashier', 'clerk', 'developer', 'maintainer', 'contributor', 'viewer', 'organizer', 'organiser', 'attendee',
    'patient', 'doctor', 'nurse', 'landlord', 'recruiter', 'candidate', 'service', 'bot', 'ops', 'sre', 'hr', 'sales',
    'marketing', 'dealer', 'franchisee', 'coach', 'trainer', 'analyst',
  ].map((word) => [word, 'role'] as const),
]);
/** Words before an actor noun that only say the caller is signed in ("signed-in customers"). */
export const ACTOR_QUALIFIERS = /^(?:signed-in|logged-in|authenticated|registered|verified|active|any|all|other)$/i;
/** Chinese actor nouns (longest first); generic ones name who without a role. */
export const CJK_ACTORS: ReadonlyArray<{ word: string; kind: 'role' | 'generic' }> = [
  ...['系統管理員', '管理員', '管理者', '客服人員', '客服', '店長', '主管', '經理', '員工', '會員', '顧客', '客戶', '作者', '賣家', '買家', '商家', '老師', '學生', '審核員', '營運人員', '財務', '司機', '業務'].map((word) => ({ word, kind: 'role' as const })),
  // Simplified Chinese.
  ...['系统管理员', '管理员', '客服人员', '经理', '员工', '会员', '顾客', '卖家', '买家', '审核员', '运营人员', '财务', '司机', '业务', '学生'].map((word) => ({ word, kind: 'role' as const })),
  ...['使用者', '用戶', '任何人', '所有人', '擁有者', '呼叫者', '訪客', '用户', '拥有者', '所有者', '调用者', '访客'].map((word) => ({ word, kind: 'generic' as const })),
];

/** Portuguese and Spanish actor nouns, singular and plural, as the role or generic caller they name. */
export const ROMANCE_ACTORS: ReadonlyMap<string, { role?: string }> = new Map([
  ...[['administrador', 'admin'], ['administradora', 'admin'], ['admin', 'admin'], ['moderador', 'moderator'], ['moderadora', 'moderator'], ['gerente', 'manager'], ['gestor', 'manager'], ['editor', 'editor'], ['editora', 'editor'], ['auditor', 'auditor'], ['revisor', 'reviewer'], ['suporte', 'support'], ['soporte', 'support'], ['operador', 'operator'], ['vendedor', 'seller'], ['autor', 'author'], ['autora', 'author'], ['cliente', 'customer'], ['membro', 'member'], ['miembro', 'member'], ['funcionário', 'employee'], ['empleado', 'employee']].flatMap(([word, role]) => [[word, { role }], [/[rl]$/.test(word) ? `${word}es` : `${word}s`, { role }]] as const),
  ...['usuário', 'usuários', 'usuario', 'usuarios', 'leitor', 'leitores', 'lector', 'lectores', 'visitante', 'visitantes', 'qualquer', 'cualquier', 'todos', 'dono', 'donos', 'dueño', 'dueños', 'proprietário', 'proprietários'].map((word) => [word, {}] as const),
]);
/** A sentence that limits who may act in Portuguese or Spanish ("Somente administradores podem …", "Solo los moderadores pueden …"). */
export const ROMANCE_ONLY = /(?<![\p{L}])(?:somente|apenas|só|solo|sólo|solamente|únicamente|unicamente)(?![\p{L}])/iu;
export const ROMANCE_MODAL = /(?<![\p{L}])(?:pode|podem|poderá|poderão|puede|pueden|podrá|podrán|deve|devem|debe|deben|consegue|conseguem)(?![\p{L}])/iu;
export const ROMANCE_DENIED = /(?<![\p{L}])(?:não|nunca|no|jamais|jamás)\s+(?:pode|podem|poderá|poderão|puede|pueden|podrá|podrán|deve|devem|debe|deben)(?![\p{L}])/iu;

/** A sentence about how things are today (Context prose), not a rule for the new work. */
export const PRESENT_DAY = /\btoday\b|\bcurrently\b|\bat the moment\b|\bat present\b|\bright now\b|\bso far\b|\bfor now\b|\bnowadays\b|\bused to\b|目前|現在|現行|現況|现在|现行|现况|至今|以前/i;
/** Modals that set a rule (as opposed to "can", which also describes). */
export const NORMATIVE_MODAL = /\b(?:may|must|should|shall|will)\b|\bonly\b|必須|須|應|必须|须|应|只有|只能|才能|僅|仅/i;
/** The caller must hold a session (no role named). */
export const SIGNED_IN = /\bmust be (?:logged|signed) in\b|\bmust be authenticated\b|\brequires? (?:a )?(?:login|sign-in|session|(?:an? )?(?:authenticated|signed-in|logged-in) (?:user|session|caller))\b|\b(?:signed|logged)-in (?:users?|callers?|customers?|members?) only\b|需登入|須登入|需要登入|必須登入|需登录|须登录|需要登录|必须登录|로그인이\s*필요|로그인해야|로그인한\s*(?:사용자|회원)만|인증된\s*(?:사용자|회원)만/i;

/** The largest page a list returns: "at most 50 per page", "每页最多 50 条", "máximo 50 por página"; the number is group 1. */
export const PAGE_SIZE_MAX: readonly RegExp[] = [
  /\b(?:at most|up to|max(?:imum)?(?:\s+of)?|no more than)\s+(\d+)\s+(?:[a-z]+\s+){0,2}?(?:per|a|each)\s+page\b/i,
  /\b(?:max(?:imum)?\s+page\s+size|page\s+size\s+(?:of\s+)?(?:at most|up to|max(?:imum)?))\s*(?:of|is|:|=)?\s*(\d+)\b/i,
  /每[页頁](?:最多|至多|不超过|不超過|上限|最大)\s*(\d+)/,
  /1?ページ(?:あたり|につき)?(?:最大|最多)\s*(\d+)/,
  /(?:한\s*번에|페이지당|한\s*페이지에)\s*(?:최대|많아야)\s*(\d+)\s*(?:건|개)/,
  /\b(?:m[áa]ximo(?:\s+de)?|no\s+m[áa]ximo|hasta|at[ée])\s+(\d+)\s+(?:[\p{L}]+\s+){0,2}?por\s+p[áa]gina\b/iu,
];

/** Every signed-in caller, whatever their role: "any signed-in user may…", "任何已登录用户可以…", "允许已登录用户…", "已登入使用者可以…". */
export const ANY_SIGNED_IN = /\b(?:any|every|all)\s+(?:signed[- ]in|logged[- ]in|authenticated)\s+(?:users?|callers?|customers?|members?|accounts?)\b|\b(?:qualquer|todo)\s+usu[áa]rio\s+(?:autenticado|logado)|\b(?:cualquier|todo)\s+usuario\s+(?:autenticado|registrado|que\s+haya\s+iniciado\s+sesi[óo]n)|(?:(?:任何|所有|每个|每個)(?:已)?|已)(?:登录|登入|认证|認證|验证|驗證)(?:过|過)?(?:的)?(?:用户|用戶|使用者|会员|會員)|(?:로그인한|로그인된|인증된)\s*(?:사용자|회원|유저)(?:는|은|라면|이면)?\s*누구나|모든\s*(?:로그인한|로그인된|인증된)\s*(?:사용자|회원|유저)/i;

/**
 * A stated error status ("THEN the system SHALL return 403", "respond with 409 Conflict", "返回 422",
 * "retorna 404", "devuelve el código 409"); the status is group 1. English, Chinese, Portuguese and Spanish.
 */
export const ERROR_STATUS_PHRASES: readonly RegExp[] = [
  /\b(?:return|returns|returned|returning|respond|responds|responding|reply|replies|answer|answers|fail|fails|reject|rejects|rejected|rejecting)\s+(?:with\s+)?(?:an?\s+)?(?:http\s+)?(?:status\s+)?(?:code\s+)?[`"']?([45]\d\d)\b/gi,
  /\b(?:with|an?|the)\s+(?:http\s+)?status(?:\s+code)?\s*(?:of\s+)?[`"']?([45]\d\d)\b/gi,
  /(?:返回|回傳|傳回|回应|回應|响应|響應)\s*(?:HTTP\s*)?(?:状态码|狀態碼|狀態|状态)?\s*[`"']?([45]\d\d)(?!\d)/gi,
  /(?<![\p{L}])(?:retorna|retornar|retornará|devolve|devolver|devolverá|devuelve|responde|responder|responderá)\s+(?:com\s+|con\s+)?(?:(?:o|el|um|un)\s+)?(?:(?:c[óo]digo|status|estado)\s+)?(?:(?:de\s+)?(?:status|estado)\s+)?(?:HTTP\s+)?[`"']?([45]\d\d)(?!\d)/giu,
];
/** A clause that says the caller is not the row's owner ("a user who is not the author", "does not own the list", "不是作者"). */
export const NOT_OWNER = /\b(?:is|are)\s+not\s+(?:the|its|their)\s+(?:author|owner|creator)\b|\b(?:does|do)\s+not\s+own\b|\bnon-?(?:owner|author)s?\b|\bsomeone\s+other\s+than\s+the\s+(?:author|owner|creator)\b|(?:不是|非)(?:作者|所有者|拥有者|擁有者|建立者|创建者)/i;

export const OUT_OF_SCOPE_INLINE = /out[- ]of[- ]scope|\bnon-?goals?\b|not in scope|範圍外|不在範圍|非目標/i;

export const AUTHZ_WORDS = /\bmay\b|\bcan\b|\bcannot\b|\bcan't\b|\bonly\b|\ballowed\b|\bpermitted\b|\bpermission|\broles?\b|\bscopes?\b|\bowners?\b|\bown\b|\bpublic\b|\bunauthenticated\b|\banonymous\b|\bforbidden\b|\bmust be (?:logged in|signed in|authenticated)|只有|只能|才能|可以|允许|允許|不可|不能|權限|权限|角色|擁有者|拥有者|所有者|本人|公開|公开|\bsomente\b|\bapenas\b|\bsolo\b|\bsólo\b|\bsolamente\b|\bpodem?\b|\bpueden?\b/i;

/** Type words for fields (API) — the value is the JSON type; format when the word implies one. */
export const FIELD_TYPES: ReadonlyArray<{ pattern: RegExp; type: FieldType; format?: string }> = [
  { pattern: /^(?:integer|int|int32|int64|uint32|uint64|sint32|sint64|fixed32|fixed64|bigint|smallint|long|serial|bigserial|整數|inteiro|entero|整数|정수)$/i, type: 'integer' },
  { pattern: /^(?:number|float|double|decimal|numeric|real|money|數字|數值|小數|número|numero|数字|数值|小数|숫자|실수|数値)$/i, type: 'number' },
  { pattern: /^(?:boolean|bool|布林|布林值|booleano|布尔|布尔值|布尔型|불리언|불린|참거짓|真偽値)$/i, type: 'boolean' },
  { pattern: /^(?:uuid)$/i, type: 'string', format: 'uuid' },
  { pattern: /^(?:email|e-mail)$/i, type: 'string', format: 'email' },
  { pattern: /^(?:url|uri)$/i, type: 'string', format: 'uri' },
  { pattern: /^(?:date|日付)$/i, type: 'string', format: 'date' },
  { pattern: /^(?:datetime|date-time|timestamp|timestamptz|iso ?8601|iso-8601|日時)$/i, type: 'string', format: 'date-time' },
  { pattern: /^(?:string|str|text|varchar|char|character varying|citext|id|字串|文字|texto|cadena|字符串|문자열|텍스트|文字列)(?:\(\d+\))?$/i, type: 'string' },
  { pattern: /^(?:object|json|jsonb|map|dict|hash|物件|对象|객체)$/i, type: 'object' },
  { pattern: /^(?:array|list|陣列|清單|数组|列表|배열|목록)$/i, type: 'array' },
];

/** Column type words kept as written (`varchar(255)`, `timestamptz`). */
export const COLUMN_TYPE = /^(?:integer|int|int2|int4|int8|bigint|smallint|serial|bigserial|text|string|varchar(?:\(\d+\))?|char(?:\(\d+\))?|character varying(?:\(\d+\))?|citext|boolean|bool|timestamp|timestamptz|timestamp with time zone|datetime|date|time|uuid|json|jsonb|decimal(?:\(\d+, ?\d+\))?|numeric(?:\(\d+, ?\d+\))?|float|double|double precision|real|money|bytea|blob|enum|inet|整數|字串|文字|布林|時間戳記?)$/i;

/** Chinese numerals and multipliers for row-count hints ("40萬", "兩百萬"). */
export const CJK_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
export const CJK_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 萬: 10_000, 万: 10_000, 億: 100_000_000, 亿: 100_000_000 };
export const ENGLISH_MULTIPLIERS: Record<string, number> = {
  k: 1e3, thousand: 1e3, m: 1e6, mm: 1e6, million: 1e6, millions: 1e6, b: 1e9, bn: 1e9, billion: 1e9, billions: 1e9,
};

/**
 * Access-rule words of a language read with its own table, one entry per language: its actor words (a role
 * each, or none for a generic caller; a `(code)` after one names the role as the code does), the modal that
 * grants, "only", a denial, the row's owner as who acts, public, must sign in, any signed-in user, and the
 * words that make a sentence worth reading for access at all.
 */
export interface AccessWords {
  actors: ReadonlyArray<{ word: string; role?: string }>;
  modal: RegExp;
  only: RegExp;
  denied: RegExp;
  owner: RegExp;
  public: RegExp;
  signedIn?: RegExp;
  anySignedIn: RegExp;
  words: RegExp;
}

export const ACCESS_LANGUAGES: readonly AccessWords[] = [
  // Vietnamese: "Chỉ quản trị viên (admin) mới có thể …", "Chủ sở hữu tệp có thể …",
  // "Bất kỳ ai … mà không cần đăng nhập", "Người dùng đã đăng nhập có thể …".
  {
    actors: [
      { word: 'quản trị viên', role: 'admin' }, { word: 'người quản trị', role: 'admin' },
      { word: 'kiểm duyệt viên', role: 'moderator' }, { word: 'người kiểm duyệt', role: 'moderator' },
      { word: 'biên tập viên', role: 'editor' }, { word: 'nhân viên hỗ trợ', role: 'support' }, { word: 'nhân viên', role: 'staff' },
      { word: 'người quản lý', role: 'manager' },
      { word: 'người dùng' }, { word: 'bất kỳ ai' }, { word: 'mọi người' }, { word: 'khách' },
    ],
    modal: /(?<![\p{L}])(?:có thể|được phép|được quyền|mới được)(?![\p{L}])/iu,
    only: /(?<![\p{L}])chỉ(?![\p{L}])/iu,
    denied: /(?<![\p{L}])không\s+(?:được|thể)(?![\p{L}])/iu,
    owner: /(?<![\p{L}])chủ sở hữu(?![\p{L}])/iu,
    public: /(?<![\p{L}])không\s+(?:cần|yêu cầu)\s+(?:đăng nhập|xác thực)(?![\p{L}])/iu,
    signedIn: /(?<![\p{L}])(?:phải|cần)\s+đăng nhập(?![\p{L}])/iu,
    anySignedIn: /(?<![\p{L}])(?:(?:bất kỳ|mọi|tất cả)\s+)?người dùng\s+đã\s+đăng nhập(?![\p{L}])/iu,
    words: /(?<![\p{L}])(?:có thể|chỉ|được phép|được quyền|chủ sở hữu|quản trị viên|đăng nhập|không được)(?![\p{L}])/iu,
  },
  // Japanese: "投稿者またはスーパーユーザーのみが削除できる", "ログインユーザーは誰でも投稿できる", "ログイン不要".
  {
    actors: [
      { word: 'スーパーユーザー', role: 'superuser' }, { word: 'システム管理者', role: 'admin' }, { word: '管理者', role: 'admin' },
      { word: 'モデレーター', role: 'moderator' }, { word: '編集者', role: 'editor' }, { word: 'スタッフ', role: 'staff' },
      { word: 'ユーザー' }, { word: '利用者' }, { word: '誰でも' },
    ],
    modal: /できる|できます|でき(?:ない|ません)|可能|行える|行えます|許可/,
    only: /のみ|だけ|に限り|に限る/,
    denied: /でき(?:ない|ません)|禁止/,
    owner: /(?:所有者|オーナー|投稿者|作成者)(?:本人)?(?=\s*(?:また|と|か|、|・|および|及び|のみ|だけ|は|が|に限り))/,
    public: /(?:ログイン|認証)(?:は)?不要|ログイン(?:なし|せず)で|未ログインでも/,
    anySignedIn: /(?:ログイン(?:済み|した|している)?|認証済み)(?:の)?\s*(?:ユーザー|会員|利用者)(?:であれば|なら)?(?:は|が)?\s*(?:誰でも|だれでも|全員)|(?:すべて|全て)の\s*(?:ログイン(?:済み)?|認証済み)(?:の)?\s*(?:ユーザー|会員)/,
    words: /のみ|だけ|できる|できます|可能|権限|ログイン|認証|所有者|投稿者|スーパーユーザー|管理者/,
  },
];

const DTO_NAME = /(?:Request|Response|DTO|Dto|Input|Payload|Params|Create|Update|Read|Schema|Filter|Args|Event)$/;
/** `CreateJobOffer`, `UpdateJobOffer`: a command's body, named by its verb first. */
const DTO_VERB_FIRST = /^(?:Create|Update|Patch|Upsert|Replace)[A-Z][a-z]/;

/** Class-like names that describe a payload rather than a stored row. */
export const isDtoName = (name: string): boolean => DTO_NAME.test(name) || DTO_VERB_FIRST.test(name);
