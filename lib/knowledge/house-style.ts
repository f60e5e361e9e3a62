// How a repository's existing handlers already page their lists, read from the
// query parameters they take: a sprint's new lists page the same way.

/** Files that hold an app's handlers, by the names frameworks and apps give them (`routes/`, `users/apis.py`, `OrderController.java`). */
export const HANDLER_FILE = /(^|\/)(routes?|routers?|controllers?|handlers?|apis?|views|endpoints|resolvers|pagination)(\/|\.|_|$)|(controller|handler|router|routes|views|endpoints?)s?\.\w+$/i;

/** The query parameter pairs lists page with; a repository pages with the pair its handlers read most. */
export const PAGING_PAIRS: ReadonlyArray<{ params: readonly [size: string, position: string]; kind: 'offset' | 'page' }> = [
  { params: ['limit', 'offset'], kind: 'offset' },
  // FastAPI's tutorials and templates (`skip: int = 0, limit: int = 100`), Prisma/TypeORM-style handlers (`take`, `skip`).
  { params: ['limit', 'skip'], kind: 'offset' },
  { params: ['take', 'skip'], kind: 'offset' },
  { params: ['per_page', 'page'], kind: 'page' },
  { params: ['page_size', 'page'], kind: 'page' },
  { params: ['pageSize', 'page'], kind: 'page' },
  { params: ['perPage', 'page'], kind: 'page' },
  { params: ['size', 'page'], kind: 'page' },
  { params: ['limit', 'page'], kind: 'page' },
];

/**
 * How handlers read one query parameter, by framework idiom (`NAME` stands for the parameter): Express/Koa
 * `req.query.offset`, Nest `@Query('offset')` or `query.offset`, gin `c.Query("offset")`, Rails `params[:offset]`,
 * Flask/Django/DRF `request.args.get('offset')`, Spring `@RequestParam("offset")`, FastAPI `offset: int = Query(…)`,
 * Ktor `call.request.queryParameters["offset"]`,
 * or a FastAPI handler's plain typed parameter with a default (`skip: int = 0`, `limit: int | None = None`,
 * `limit: Annotated[int, Query(le=100)] = 100`): FastAPI reads such a parameter from the query string.
 */
export const QUERY_PARAM_READS: readonly string[] = [
  String.raw`\b(?:req|request|ctx|c)\.query\.NAME\b`,
  String.raw`\bquery\.NAME\b`,
  String.raw`['"]NAME['"]\s+in\s+query\b`,
  String.raw`\.(?:Default)?Query\(\s*"NAME"`,
  String.raw`\bparams\[:NAME\]`,
  String.raw`\bparams\.fetch\(:NAME\b`,
  String.raw`\.(?:args|query_params|GET|query)\.get\(\s*['"]NAME['"]`,
  String.raw`@Query\(\s*['"]NAME['"]`,
  String.raw`@RequestParam\([^)]*["']NAME["']`,
  String.raw`\bNAME\s*:\s*[\w[\]| ]+=\s*Query\(`,
  String.raw`\bNAME\s*:\s*(?:int|Optional\[int\]|int\s*\|\s*None)\s*=\s*(?:\d+|None)\s*[,)]`,
  String.raw`\bNAME\s*:\s*Annotated\[\s*int\b[^\]]*\bQuery\(`,
  String.raw`\b(?:queryParameters|parameters)\[\s*"NAME"\s*\]`,
];

/**
 * Paging classes that read a fixed pair without the handler naming it: DRF `LimitOffsetPagination` reads
 * `limit`/`offset` (also as `DEFAULT_PAGINATION_CLASS`), Spring Data's `Pageable` reads `page`/`size`.
 */
export const PAGING_CLASSES: ReadonlyArray<{ pattern: RegExp; params: readonly [size: string, position: string]; kind: 'offset' | 'page' }> = [
  { pattern: /\bLimitOffsetPagination\b/, params: ['limit', 'offset'], kind: 'offset' },
  { pattern: /\bPageable\s+\w+\s*[,)]/, params: ['size', 'page'], kind: 'page' },
];

// How a repository's handlers answer errors: the calls that write a response body, in each framework's idiom.
// A write counts as an error when its statement carries an error status or it sits in an error handler.

/**
 * Calls whose next argument (or the text after them) is the response body: Express/Next/Hono `.json(`, `.send(`,
 * gin/echo/fiber `c.JSON(status, gin.H{…})`, Rails `render json:`, Flask `jsonify(`, DRF `Response(`,
 * Starlette/FastAPI `JSONResponse(… content=`, Nest `new HttpException(`.
 */
export const ERROR_BODY_WRITES: RegExp =
  /\.json\(\s*|\.send\(\s*|\b(?:c|ctx)\.(?:JSON|AbortWithStatusJSON|IndentedJSON|Status\(\s*[\w.]+\s*\)\.JSON)\(\s*[\w.]+\s*,\s*|\brender\s*\(?\s*json:\s*|\bjsonify\(\s*|\bResponse\(\s*|\bJSONResponse\([^)]*?content\s*=\s*|\bnew\s+HttpException\(\s*/g;

/**
 * An error status in any idiom: a 4xx/5xx number, gin/net-http `StatusNotFound`, Spring `HttpStatus.NOT_FOUND`,
 * DRF `HTTP_404_NOT_FOUND`, Rails `:not_found`, Nest `HttpStatus.UNPROCESSABLE_ENTITY`. Matched on the statement
 * with underscores removed and lower-cased.
 */
export const ERROR_STATUS: RegExp =
  /(?<![\w.])[45]\d\d(?![\w.])|\bhttp[45]\d\d|\b(?:status|http)?(?:badrequest|unauthorized|forbidden|notfound|conflict|gone|unprocessable(?:entity|content)|toomanyrequests|internalservererror|serviceunavailable|preconditionfailed|paymentrequired|methodnotallowed|payloadtoolarge)\b/;

/** Files and code that only handle errors: there, every body written is an error body. */
export const ERROR_HANDLER_FILE: RegExp = /(^|\/)(middlewares?|filters?|errors?|exceptions?|exception[-_]?handlers?|error[-_]?handlers?)(\/|\.|_|-|$)|\.filter\.\w+$/i;
export const ERROR_HANDLER_CODE: RegExp = /@Catch\(|@(?:Controller|RestController)Advice\b|@ExceptionHandler\b|\brescue_from\b|\(\s*err\w*\s*(?::\s*\w+\s*)?,\s*req\w*\s*(?::\s*\w+\s*)?,\s*res\w*\s*(?::\s*\w+\s*)?,\s*next\b|\.exception_handler\(|\.errorhandler\(|\.setErrorHandler\(/;

/** The repository says its errors are RFC 9457 problem details. */
export const PROBLEM_DETAILS: RegExp = /application\/problem\+json|\bProblemDetail\b|\bproblemdetails\.enabled\s*[=:]\s*true/;

/** The fields an RFC 9457 problem has: a body of only these, with `title` or `type`, is problem details. */
export const PROBLEM_FIELDS: ReadonlySet<string> = new Set(['type', 'title', 'status', 'detail', 'instance', 'code', 'errors']);

/**
 * Where handlers give a query parameter its default (`NAME` stands for the parameter, the group is the value):
 * FastAPI `limit: int = 100` / `Query(100)`, gin `c.DefaultQuery("limit", "20")`, Spring `defaultValue = "20"`,
 * Flask `request.args.get('limit', 20)`, Express `req.query.limit || 20`, Rails `params.fetch(:limit, 20)`,
 * Ktor `queryParameters["limit"]?.toIntOrNull() ?: 20`.
 */
export const QUERY_PARAM_DEFAULTS: readonly string[] = [
  String.raw`\bNAME\s*:\s*(?:int|Optional\[int\]|int\s*\|\s*None)\s*=\s*(\d+)\s*[,)]`,
  String.raw`\bNAME\s*:\s*Annotated\[\s*int\b[^\]]*\]\s*=\s*(\d+)`,
  String.raw`\bNAME\s*:\s*[\w[\]| ]+=\s*Query\(\s*(?:default\s*=\s*)?(\d+)`,
  String.raw`DefaultQuery\(\s*"NAME"\s*,\s*"(\d+)"`,
  String.raw`@RequestParam\([^)]*"NAME"[^)]*defaultValue\s*=\s*"(\d+)"`,
  String.raw`@RequestParam\([^)]*defaultValue\s*=\s*"(\d+)"[^)]*"NAME"`,
  String.raw`\.(?:args|query_params|GET)\.get\(\s*['"]NAME['"]\s*,\s*['"]?(\d+)`,
  String.raw`\b(?:req|request|ctx|c)\.query\.NAME\)?\s*(?:\|\||\?\?)\s*['"]?(\d+)`,
  String.raw`\bparams\.fetch\(:NAME\s*,\s*(\d+)`,
  String.raw`\b(?:queryParameters|parameters)\[\s*"NAME"\s*\][^\n]*?\?:\s*(\d+)`,
];

/**
 * Where a repository already keeps its service layer, in the names apps give it: a `services/` folder, or one
 * module (`services.py`, `crud.py`, `repositories.py`). A folder is the layer's folder; a module is the file itself.
 * Earlier patterns win; within one, the path nearest the service root.
 */
export const SERVICE_LAYER_MODULES: ReadonlyArray<{ pattern: RegExp; holds: 'folder' | 'file' }> = [
  { pattern: /(?:^|\/)(?:services?|usecases?|use_cases)\/[^/]+\.(?:py|ts|js|mjs|rb|go|java|kt|rs)$/, holds: 'folder' },
  { pattern: /(?:^|\/)(?:services?|crud|repositor(?:y|ies))\.py$/, holds: 'file' },
  { pattern: /(?:^|\/)(?:crud|repositor(?:y|ies))\/[^/]+\.py$/, holds: 'folder' },
];

/**
 * How a repository's list responses wrap a page: a model holding only the page's rows and the whole list's
 * count (`class ItemsPublic(SQLModel): data: list[ItemPublic]; count: int`, `interface Page { items: Item[]; total: number }`).
 * Per language: a class or interface body, the list field in it, the count field in it. Other fields of the body
 * may only be paging words (`PAGE_WORDS`); anything else (an order's `total` beside its `items` and `customer`) is no envelope.
 */
export const LIST_ENVELOPES: ReadonlyArray<{ files: RegExp; block: RegExp; field: RegExp; list: RegExp; total: RegExp }> = [
  {
    files: /\.py$/,
    block: /^class\s+\w+\s*\([^)]*\)\s*:[ \t]*\r?\n((?:[ \t]+\S[^\n]*\r?\n?|[ \t]*\r?\n)+)/gm,
    field: /^[ \t]+(\w+)\s*:/gm,
    list: /^[ \t]+(\w+)\s*:\s*(?:list|List|Sequence)\[\s*["']?[A-Z]\w*["']?\s*\]/m,
    total: /^[ \t]+(count|total|total_count|totalCount)\s*:\s*int\b/m,
  },
  {
    files: /\.[cm]?ts$/,
    block: /\b(?:interface|class|type)\s+\w+(?:<[^>{}]*>)?[^{=]*=?\s*\{([^{}]*)\}/g,
    field: /(?:^|[;,\n{])\s*(?:readonly\s+|public\s+)?(\w+)\s*[?!]?\s*:/g,
    list: /(?:^|[;,\n{])\s*(?:readonly\s+|public\s+)?(\w+)\s*[?!]?\s*:\s*(?:[A-Z]\w*\[\]|Array<[A-Z]\w*>)/,
    total: /(?:^|[;,\n{])\s*(?:readonly\s+|public\s+)?(count|total|total_count|totalCount)\s*[?!]?\s*:\s*number\b/,
  },
];

/** Fields a list envelope may hold besides its rows and count. */
export const PAGE_WORDS = /^(?:page|pages|per_?page|page_?size|pageSize|perPage|limit|offset|skip|take|next|prev|previous|next_?cursor|nextCursor|has_?more|hasMore|has_?next|hasNext|total_?pages|totalPages)$/;
