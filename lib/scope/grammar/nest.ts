// NestJS controllers written in a document's TypeScript code block:
// `@Controller('articles')` gives the base path, each handler decorator
// (`@Get('drafts')`, `@Post()`…) one route under it, and the handler's
// `@Body()` / `@Query()` parameters name the DTO classes that give the request
// and query fields, when the same code defines them. Read with the project's
// TypeScript tokenizer and expression parser, never with line patterns.
import type { Field } from '../../types.js';
import { memberField, parseExpression, readDeclarations, TokenStream, type Expr } from './typescript.js';

const HTTP_DECORATORS: Record<string, string> = { Get: 'GET', Post: 'POST', Put: 'PUT', Patch: 'PATCH', Delete: 'DELETE', Head: 'HEAD', Options: 'OPTIONS' };

/** A `@Body()` or `@Query()` parameter: the key the decorator picks (`@Body('article')`), the parameter and its type. */
export interface NestParameter {
  key?: string;
  name: string;
  type?: string;
  /** 1-based line of the parameter in the document. */
  line: number;
}

export interface NestRoute {
  method: string;
  /** Base and handler path joined, as written (`/articles/drafts/:slug`). */
  path: string;
  /** The controller's base path (`/articles`), stated at the `@Controller` line, not the handler's. */
  base: string;
  /** 1-based line of the handler decorator in the document. */
  line: number;
  handler?: string;
  body: NestParameter[];
  query: NestParameter[];
}

export interface NestControllers {
  routes: NestRoute[];
  /** Classes, interfaces and object types the same code defines, with their fields (the DTOs). */
  shapes: Map<string, Field[]>;
}

const calleeName = (expr: Expr): string | undefined => (expr.kind === 'call' ? (expr.callee.kind === 'ident' ? expr.callee.name : undefined) : expr.kind === 'ident' ? expr.name : undefined);

/** The path a decorator states: its first string argument, or the `path` of its options object. */
function pathArgument(expr: Expr): string | undefined {
  if (expr.kind !== 'call') return undefined;
  const first = expr.args[0];
  if (first?.kind === 'string') return first.value;
  if (first?.kind === 'object') {
    const path = first.props.find((prop) => prop.key === 'path')?.value;
    if (path?.kind === 'string') return path.value;
  }
  return undefined;
}

function joinPath(base: string, path: string): string {
  const parts = [base, path].flatMap((part) => part.split('/')).filter(Boolean);
  return `/${parts.join('/')}`;
}

/** The handler's parameter list, the stream on its `(`: the decorated `@Body()` and `@Query()` parameters. */
function readParameters(s: TokenStream, firstLine: number): { body: NestParameter[]; query: NestParameter[] } {
  const found = { body: [] as NestParameter[], query: [] as NestParameter[] };
  s.expect('(');
  while (!s.done && !s.is(')')) {
    if (s.is('@') && s.peek(1).kind === 'ident') {
      const at = s.next();
      const decorator = parseExpression(s);
      const which = calleeName(decorator);
      const keyArg = decorator.kind === 'call' ? decorator.args[0] : undefined;
      const name = s.peek().kind === 'ident' ? s.next().value : '';
      s.eat('?');
      const type = s.eat(':') && s.peek().kind === 'ident' ? s.peek().value : undefined;
      const parameter: NestParameter = { name, line: firstLine + at.line, ...(keyArg?.kind === 'string' ? { key: keyArg.value } : {}), ...(type ? { type } : {}) };
      if (which === 'Body') found.body.push(parameter);
      if (which === 'Query') found.query.push(parameter);
      continue;
    }
    s.skip();
  }
  s.eat(')');
  return found;
}

/** Routes of every `@Controller` class in the code, or none when the code has no controller. */
export function readNestControllers(code: string, firstLine: number): NestControllers {
  const routes: NestRoute[] = [];
  if (!/@Controller\s*\(/.test(code)) return { routes, shapes: new Map() };
  const s = TokenStream.of(code);
  let base: string | undefined;
  while (!s.done) {
    if (!(s.is('@') && s.peek(1).kind === 'ident')) {
      s.next();
      continue;
    }
    const at = s.next();
    let decorator: Expr;
    try {
      decorator = parseExpression(s);
    } catch {
      continue;
    }
    const name = calleeName(decorator);
    if (name === 'Controller') {
      base = pathArgument(decorator) ?? '';
      continue;
    }
    const method = name ? HTTP_DECORATORS[name] : undefined;
    if (!method || base === undefined || decorator.kind !== 'call') continue;
    const route: NestRoute = { method, path: joinPath(base, pathArgument(decorator) ?? ''), base: joinPath(base, ''), line: firstLine + at.line, body: [], query: [] };
    try {
      // Other decorators of the handler (`@HttpCode(204)`), then modifiers and its name, then its parameters.
      while (s.is('@') && s.peek(1).kind === 'ident') {
        s.next();
        parseExpression(s);
      }
      while (s.peek().kind === 'ident' && !s.is('(', 1)) s.next();
      if (s.peek().kind === 'ident') route.handler = s.next().value;
      if (s.is('(')) Object.assign(route, readParameters(s, firstLine));
    } catch {
      // A handler the parser cannot follow still gives its method and path.
    }
    routes.push(route);
  }
  const shapes = new Map<string, Field[]>();
  if (routes.length) {
    for (const declaration of readDeclarations(code)) {
      if (declaration.kind === 'enum' || !declaration.members.length) continue;
      shapes.set(declaration.name, declaration.members.map((member) => memberField(member, firstLine)));
    }
  }
  return { routes, shapes };
}
