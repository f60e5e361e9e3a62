// How a repository's existing handlers already page their lists, read from the
// query parameters they take: a sprint's new lists page the same way.

/** The query parameter pairs lists page with; a repository pages with the pair its handlers read most. */
export const PAGING_PAIRS: ReadonlyArray<{ params: readonly [size: string, position: string]; kind: 'offset' | 'page' }> = [
  { params: ['limit', 'offset'], kind: 'offset' },
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
 * Flask/Django/DRF `request.args.get('offset')`, Spring `@RequestParam("offset")`, FastAPI `offset: int = Query(…)`.
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
