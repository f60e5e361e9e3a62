import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildContract } from '../../lib/contract/index.js';
import { buildBackendSpec } from '../../lib/model/index.js';
import { camelCase, humanize, isPlural, kebabCase, pascalCase, plural, singular, snakeCase, upperSnakeCase, words } from '../../lib/naming/index.js';
import { extractScope } from '../../lib/scope/index.js';
import { restOperationName } from '../../lib/scope/naming.js';
import { refundsInput } from '../model/fixtures.js';
import { ENGLISH, ROMANCE_REGULAR, UNCHANGED } from './resource-names.js';

describe('singular and plural', () => {
  it('has a few hundred names to check', () => {
    expect(ENGLISH.length + UNCHANGED.length + ROMANCE_REGULAR.length).toBeGreaterThan(300);
  });

  it.each(ENGLISH)('%s → %s', (many, one) => {
    expect(singular(many)).toBe(one);
  });

  it('every English collection reads as plural, and the singular of its singular is itself', () => {
    const wrong = ENGLISH.filter(([many, one]) => !isPlural(many) || singular(one) !== one).map(([many]) => many);
    expect(wrong).toEqual([]);
  });

  it('the plural of each singular is the collection again (uncountables stay)', () => {
    const wrong = ENGLISH.filter(([many, one]) => plural(one) !== many && !['indexes', 'axes'].includes(many)).map(([many, one]) => `${one} → ${plural(one)}`);
    expect(wrong).toEqual([]);
  });

  it.each(UNCHANGED)('%s is left as written', (word) => {
    expect(singular(word)).toBe(word);
    expect(plural(word)).toBe(word);
  });

  it('a Spanish plural still reads as a collection, so GET lists it', () => {
    expect(['solicitudes', 'categorías', 'canciones', 'usuarios'].filter((word) => !isPlural(word))).toEqual([]);
    expect(restOperationName('GET', '/v1/solicitudes')).toBe('listSolicitudes');
  });

  it('an adjective after a collection lists a view of it; `return` on one row is an action', () => {
    expect(restOperationName('GET', '/api/loans/overdue')).toBe('listOverdueLoans');
    expect(restOperationName('GET', '/tasks/pending')).toBe('listPendingTasks');
    expect(restOperationName('POST', '/api/loans/{loan}/return')).toBe('returnLoan');
    // Not after a collection: the word is what it names.
    expect(restOperationName('GET', '/reports/{id}/summary')).toBe('getReportSummary');
  });

  it('the contract serves a view with the collection’s rows, and types a stated paging pair as whole numbers', async () => {
    const scope = extractScope('# Loans\n\n## API\n- `GET /api/loans/overdue` lists overdue loans, paginated with `page` / `per_page`.\n\n## Data model\n- New table `loans` (`id` bigint, `due_on` date).\n');
    const result = await buildContract(scope, { apiStyle: 'rest', title: 'Loans', location: 'file' });
    const doc = parse(result.artifact.text);
    const get = doc.paths['/api/loans/overdue'].get;
    expect(get.operationId).toBe('listOverdueLoans');
    expect(JSON.stringify(get.responses['200'])).toContain('#/components/schemas/Loan');
    const params = Object.fromEntries(get.parameters.map((p: any) => [p.name, p.schema]));
    expect(params.page).toMatchObject({ type: 'integer', minimum: 1 });
    expect(params.per_page).toMatchObject({ type: 'integer', minimum: 1 });
    expect(result.questions.map((q: any) => q.text).join('\n')).not.toContain('`page`');
  });

  it('a path parameter named as its collection’s row is a key (`/articles/{article}`), a slug is not', async () => {
    const { isRowParam } = await import('../../lib/naming/index.js');
    expect([isRowParam('article', '/api/articles/{article}'), isRowParam('category', '/categories/{category}/posts'), isRowParam('box', '/boxes/{box}')]).toEqual([true, true, true]);
    expect([isRowParam('slug', '/articles/{slug}'), isRowParam('article', '/posts/{article}'), isRowParam('article', undefined)]).toEqual([false, false, false]);
  });

  it.each(ROMANCE_REGULAR)('%s → %s (the -s rule is right for these)', (many, one) => {
    expect(singular(many)).toBe(one);
  });

  it('words that are not collections are not plural', () => {
    expect(['status', 'me', 'auth', 'search', 'login', 'shared', 'cancel', 'bus', 'address', 'analysis', 'v1', 's3'].filter(isPlural)).toEqual([]);
  });
});

describe('casing', () => {
  it('splits at separators, humps and the end of an acronym', () => {
    expect(words('HTTPServer')).toEqual(['http', 'server']);
    expect(words('OAuthClient')).toEqual(['oauth', 'client']);
    expect(words('gift-cards_v2 list')).toEqual(['gift', 'cards', 'v2', 'list']);
    expect(words('orderID')).toEqual(['order', 'id']);
  });

  it('gives each case from any input', () => {
    expect(pascalCase('order_refunds')).toBe('OrderRefunds');
    expect(camelCase('Order refunds')).toBe('orderRefunds');
    expect(snakeCase('orderRefunds')).toBe('order_refunds');
    expect(kebabCase('OrderRefunds')).toBe('order-refunds');
    expect(upperSnakeCase('orderRefunds')).toBe('ORDER_REFUNDS');
    expect(humanize('createOrderRefund')).toBe('Create order refund');
    expect(camelCase('api-style')).toBe('apiStyle');
  });
});

describe('names in public contracts', () => {
  const markdown = [
    '# Catalogue',
    '',
    '## API',
    '',
    '- `POST /v1/movies` creates a movie: `{ title: string }`',
    '- `POST /v1/purchases` records a purchase',
    '- `POST /v1/statuses` posts a status',
    '- `GET /v1/analyses/{analysisId}` reads one analysis',
    '- `POST /v1/people` adds a person',
  ].join('\n');

  it('schemas and operation ids use the right singular', async () => {
    const scope = extractScope(markdown);
    const contract = await buildContract(scope, { apiStyle: 'rest', title: 'Catalogue', location: 'file' });
    const text = contract.artifact.text;
    for (const good of ['createMovie', 'Movie:', 'createPurchase', 'Purchase:', 'createStatus', 'Status:', 'getAnalysis', 'Analysis:', 'createPerson', 'Person:']) {
      expect(text).toContain(good);
    }
    for (const bad of ['Movy', 'Purchas:', 'Statuse', 'Analyse:', 'People:']) expect(text).not.toContain(bad);
  });

  it('business metrics name the entity in the singular', () => {
    const scope = extractScope(markdown);
    const spec = buildBackendSpec(refundsInput({ scope }));
    const names = spec.observability.metrics.map((metric) => metric.name);
    expect(names).toEqual(expect.arrayContaining(['app.movie.created', 'app.purchase.created', 'app.status.created', 'app.person.created']));
    expect(names.join(' ')).not.toMatch(/app\.(movy|purchas|statuse|people)\./);
  });

  it('GraphQL and proto names use the same kit', async () => {
    const scope = extractScope(markdown);
    const graphql = await buildContract(scope, { apiStyle: 'graphql', title: 'Catalogue', location: 'file' });
    expect(graphql.artifact.text).toMatch(/type Movie \{/);
    expect(graphql.artifact.text).toMatch(/createMovie\(/);
    const proto = await buildContract(scope, { apiStyle: 'grpc', title: 'Catalogue', location: 'file' });
    expect(proto.artifact.text).toMatch(/message Purchase \{/);
    expect(proto.artifact.text).not.toMatch(/Purchas\b|Movy|Statuse\b/);
  });
});

describe('snapshots', () => {
  it('hold no wrong singular: every generated entity name survives plural and back', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir)) {
        const full = join(dir, entry);
        if (statSync(full).isDirectory()) walk(full);
        else if (full.includes('__snapshots__')) files.push(full);
      }
    };
    walk('test');
    expect(files.length).toBeGreaterThan(10);
    const names = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      // `app.<entity>.` metrics are singular; `app.<collection>.read|write` scopes are plural by design.
      for (const match of text.matchAll(/\bapp\.([a-z_]+)\.(?!(?:read|write)\b)|#\/components\/schemas\/([A-Z]\w+)|\b(?:type|message|input) ([A-Z]\w+) \{|\b(?:create|get|list|update|delete)([A-Z][A-Za-z]+)\b/g)) {
        names.add(match[1] ?? match[2] ?? match[3] ?? match[4]);
      }
    }
    expect(names.size).toBeGreaterThan(10);
    const wrong = [...names].filter((name) => singular(name) !== name || singular(plural(name)) !== name);
    expect(wrong).toEqual([]);
  });
});

describe('one kit', () => {
  it('no module outside lib/naming defines its own singular, plural or case helper', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir)) {
        const full = join(dir, entry);
        if (statSync(full).isDirectory()) {
          if (full !== join('lib', 'naming')) walk(full);
        } else if (full.endsWith('.ts')) {
          const text = readFileSync(full, 'utf8');
          const helper = /(?:function (NAME)\s*[(<]|const (NAME)\s*=\s*\()/.source.replaceAll('NAME', 'singular\\w*|plural\\w*|isPlural|looksPlural|pascal\\w*|camel\\w*|snake\\w*|kebab\\w*|upperFirst|capitalize');
          for (const match of text.matchAll(new RegExp(helper, 'g'))) offenders.push(`${full}: ${match[1] ?? match[2]}`);
          // Hand-written English number rules: `ies` → `y` and friends.
          if (/\/[^/\n]*ies\$\//.test(text)) offenders.push(`${full}: an -ies rule`);
        }
      }
    };
    for (const dir of ['lib', 'generators', 'bin']) walk(dir);
    expect(offenders).toEqual([]);
  });
});
