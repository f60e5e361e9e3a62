// Technology knowledge as data: one entry per technology. Detection reads the
// signals; later stages read the conventions. Adding a technology is one entry here
// (and one fixture), never a new branch in the detector.
import type { ApiStyle } from '../types.js';

export type Ecosystem = 'node' | 'python' | 'go' | 'ruby' | 'rust' | 'jvm';
export const ECOSYSTEMS: readonly Ecosystem[] = ['node', 'python', 'go', 'ruby', 'rust', 'jvm'];

export type Kind =
  | 'language'
  | 'framework'
  | 'orm'
  | 'database'
  | 'auth'
  | 'apiStyle'
  | 'job'
  | 'testRunner'
  | 'packageManager'
  | 'validation'
  | 'logger'
  | 'migrations';

/** A file whose presence (or content, with `contains`) is evidence. `glob` is relative to the service folder. */
export interface FileSignal {
  glob: string;
  contains?: RegExp;
  weight?: number;
  /** Also matched against repository-level files outside any service (Kubernetes manifests); the file must name the service when there are several. */
  shared?: boolean;
}

export interface Signals {
  /** Package names in the ecosystem's manifests. Go modules match by path prefix; a trailing `*` is a prefix. */
  deps?: Partial<Record<Ecosystem, string[]>>;
  /** Module specifiers that source files import (`express`, `rest_framework`, `github.com/gin-gonic/gin`). */
  imports?: Partial<Record<Ecosystem, string[]>>;
  /** Code that shows the technology is really used, matched in the service's non-test sources. */
  usage?: RegExp[];
  /** Code in test files (test runners). */
  testUsage?: RegExp[];
  files?: FileSignal[];
  /** docker-compose image names (last path segment, no tag). */
  images?: string[];
  /** URL schemes in `.env.example` values. */
  schemes?: string[];
  /** Source file extensions (languages). */
  extensions?: string[];
}

export interface MigrationConvention {
  tool: string;
  /** File name pattern in the tool's own convention. */
  pattern: string;
  command?: string;
}

export interface Conventions {
  /** Display name. */
  label: string;
  /** Catalog id of the stack's own validation library. */
  validation?: string;
  /** Catalog id of the stack's default logger. */
  logger?: string;
  migrations?: MigrationConvention;
  /** How to run one test file / the suite (`<file>` is a placeholder). */
  testCommand?: string;
  /** Prefix that runs a tool through the package manager (`pnpm exec`, `poetry run`). */
  runPrefix?: string;
  /** Template folder of the contract-test generator. */
  contractTest?: string;
  /** API style a framework serves when nothing more specific is found. */
  defaultApiStyle?: ApiStyle;
  /** Test folder used when the repository has none yet. */
  defaultTestDir?: string;
}

export interface CatalogEntry {
  id: string;
  kind: Kind;
  ecosystems: Ecosystem[];
  signals: Signals;
  /** Declared and imported is not enough: a usage pattern (or a file signal) must be found. */
  requires?: 'usage' | 'file';
  /** Only considered when one of these frameworks is detected (Django auth outside Django is Flask-Login's decorator). */
  within?: string[];
  /** Dropped as a candidate when one of these is detected (it is a layer under them). */
  yieldsTo?: string[];
  /** Detecting this brings evidence for others (BullMQ → Redis). */
  implies?: { id: string; weight: number }[];
  /** Code that creates the app object, for the app entry. Named groups: `var` (assigned variable), `name` (exported symbol here), `symbol` (defined elsewhere). */
  construct?: RegExp[];
  conventions: Conventions;
}

const SETTINGS = '**/{settings.py,settings/*.py}';
const SPRING_CONFIG = 'src/main/resources/application*.{properties,yml,yaml}';

export const CATALOG: readonly CatalogEntry[] = [
  // ── languages ────────────────────────────────────────────────────────────
  { id: 'typescript', kind: 'language', ecosystems: ['node'], signals: { extensions: ['.ts', '.tsx', '.mts', '.cts'], files: [{ glob: 'tsconfig*.json' }] }, conventions: { label: 'TypeScript' } },
  { id: 'javascript', kind: 'language', ecosystems: ['node'], signals: { extensions: ['.js', '.mjs', '.cjs', '.jsx'] }, conventions: { label: 'JavaScript' } },
  { id: 'python', kind: 'language', ecosystems: ['python'], signals: { extensions: ['.py'] }, conventions: { label: 'Python' } },
  { id: 'go', kind: 'language', ecosystems: ['go'], signals: { extensions: ['.go'] }, conventions: { label: 'Go' } },
  { id: 'ruby', kind: 'language', ecosystems: ['ruby'], signals: { extensions: ['.rb'] }, conventions: { label: 'Ruby' } },
  { id: 'rust', kind: 'language', ecosystems: ['rust'], signals: { extensions: ['.rs'] }, conventions: { label: 'Rust' } },
  { id: 'java', kind: 'language', ecosystems: ['jvm'], signals: { extensions: ['.java'] }, conventions: { label: 'Java' } },
  { id: 'kotlin', kind: 'language', ecosystems: ['jvm'], signals: { extensions: ['.kt'] }, conventions: { label: 'Kotlin' } },

  // ── frameworks: Node ─────────────────────────────────────────────────────
  {
    id: 'express', kind: 'framework', ecosystems: ['node'], yieldsTo: ['nestjs'],
    signals: { deps: { node: ['express'] }, imports: { node: ['express'] } },
    construct: [/(?:const|let|var)\s+(?<var>\w+)\s*(?::\s*[\w.]+\s*)?=\s*express\(\s*\)/],
    conventions: { label: 'Express', contractTest: 'express', defaultApiStyle: 'rest', defaultTestDir: 'test' },
  },
  {
    id: 'fastify', kind: 'framework', ecosystems: ['node'], yieldsTo: ['nestjs'],
    signals: { deps: { node: ['fastify'] }, imports: { node: ['fastify'] } },
    construct: [/(?:const|let|var)\s+(?<var>\w+)\s*(?::\s*[\w.<>]+\s*)?=\s*(?:await\s+)?[Ff]astify\(/, /(?:const|let|var)\s+(?<var>\w+)\s*=\s*require\(\s*['"]fastify['"]\s*\)\(/],
    conventions: { label: 'Fastify', contractTest: 'fastify', validation: 'typebox', logger: 'pino', defaultApiStyle: 'rest', defaultTestDir: 'test' },
  },
  {
    id: 'koa', kind: 'framework', ecosystems: ['node'],
    signals: { deps: { node: ['koa'] }, imports: { node: ['koa'] } },
    construct: [/(?:const|let|var)\s+(?<var>\w+)\s*(?::\s*[\w.<>]+\s*)?=\s*new\s+Koa\(/],
    conventions: { label: 'Koa', contractTest: 'koa', defaultApiStyle: 'rest', defaultTestDir: 'test' },
  },
  {
    id: 'hono', kind: 'framework', ecosystems: ['node'],
    signals: { deps: { node: ['hono'] }, imports: { node: ['hono'] } },
    construct: [/(?:const|let|var)\s+(?<var>\w+)\s*=\s*new\s+(?:Hono|OpenAPIHono)\s*(?:<[^>]*>)?\(/],
    conventions: { label: 'Hono', contractTest: 'hono', validation: 'zod', defaultApiStyle: 'rest', defaultTestDir: 'test' },
  },
  {
    id: 'nestjs', kind: 'framework', ecosystems: ['node'],
    signals: { deps: { node: ['@nestjs/core'] }, imports: { node: ['@nestjs/core', '@nestjs/common'] }, usage: [/@Module\(/] },
    construct: [/NestFactory\.create(?:<[^>]*>)?\(\s*(?<symbol>\w+)/],
    conventions: { label: 'NestJS', contractTest: 'nestjs', validation: 'class-validator', logger: 'nestjs-logger', defaultApiStyle: 'rest', defaultTestDir: 'test' },
  },
  {
    id: 'nextjs', kind: 'framework', ecosystems: ['node'], requires: 'file',
    signals: {
      deps: { node: ['next'] },
      imports: { node: ['next'] },
      files: [
        { glob: '{app,src/app}/**/route.{ts,js,mts,mjs}', weight: 0.7 },
        { glob: '{pages,src/pages}/api/**/*.{ts,js,mts,mjs}', weight: 0.7 },
      ],
    },
    construct: [
      /export\s+(?:async\s+)?function\s+(?<name>GET|POST|PUT|PATCH|DELETE)\b/,
      /export\s+const\s+(?<name>GET|POST|PUT|PATCH|DELETE)\b/,
      /export\s*\{\s*\w+\s+as\s+(?<name>GET|POST|PUT|PATCH|DELETE)\b/,
      /export\s+default\s+(?:async\s+)?function\s+\w*\s*\(\s*req\b/,
    ],
    conventions: { label: 'Next.js', contractTest: 'nextjs', validation: 'zod', defaultApiStyle: 'rest', defaultTestDir: '__tests__' },
  },
  {
    id: 'apollo-server', kind: 'framework', ecosystems: ['node'], yieldsTo: ['express', 'fastify', 'koa', 'hono', 'nestjs', 'nextjs'],
    signals: { deps: { node: ['@apollo/server', 'apollo-server', 'apollo-server-express'] }, imports: { node: ['@apollo/server', 'apollo-server', 'apollo-server-express'] } },
    construct: [/(?:const|let|var)\s+(?<var>\w+)\s*=\s*new\s+ApolloServer\s*(?:<[^>]*>)?\(/],
    conventions: { label: 'Apollo Server', contractTest: 'graphql', defaultApiStyle: 'graphql', defaultTestDir: 'test' },
  },
  {
    id: 'graphql-yoga', kind: 'framework', ecosystems: ['node'], yieldsTo: ['express', 'fastify', 'koa', 'hono', 'nestjs', 'nextjs'],
    signals: { deps: { node: ['graphql-yoga'] }, imports: { node: ['graphql-yoga'] } },
    construct: [/(?:const|let|var)\s+(?<var>\w+)\s*=\s*createYoga\s*(?:<[^>]*>)?\(/],
    conventions: { label: 'GraphQL Yoga', contractTest: 'graphql', defaultApiStyle: 'graphql', defaultTestDir: 'test' },
  },

  // ── frameworks: Python ───────────────────────────────────────────────────
  {
    id: 'fastapi', kind: 'framework', ecosystems: ['python'],
    signals: { deps: { python: ['fastapi'] }, imports: { python: ['fastapi'] } },
    construct: [/^(?<var>\w+)\s*(?::\s*\w+\s*)?=\s*FastAPI\(/m, /^\s+(?<var>\w+)\s*=\s*FastAPI\(/m],
    conventions: { label: 'FastAPI', contractTest: 'fastapi', validation: 'pydantic', logger: 'python-logging', defaultApiStyle: 'rest', defaultTestDir: 'tests' },
  },
  {
    id: 'django', kind: 'framework', ecosystems: ['python'], yieldsTo: ['drf'],
    signals: { deps: { python: ['django'] }, imports: { python: ['django'] }, files: [{ glob: 'manage.py', contains: /DJANGO_SETTINGS_MODULE/, weight: 0.6 }] },
    implies: [{ id: 'django-orm', weight: 0.5 }],
    construct: [/^(?<var>application)\s*=\s*get_wsgi_application\(/m],
    conventions: { label: 'Django', contractTest: 'django', validation: 'django-forms', logger: 'python-logging', defaultApiStyle: 'rest', defaultTestDir: 'tests' },
  },
  {
    id: 'drf', kind: 'framework', ecosystems: ['python'],
    signals: {
      deps: { python: ['djangorestframework'] },
      imports: { python: ['rest_framework'] },
      usage: [/\b(APIView|ModelViewSet|ViewSet|GenericAPIView)\b|@api_view\(/],
      files: [{ glob: SETTINGS, contains: /['"]rest_framework['"]/, weight: 0.5 }],
    },
    implies: [{ id: 'django-orm', weight: 0.5 }],
    construct: [/^(?<var>application)\s*=\s*get_wsgi_application\(/m],
    conventions: { label: 'Django REST framework', contractTest: 'django', validation: 'drf-serializers', logger: 'python-logging', defaultApiStyle: 'rest', defaultTestDir: 'tests' },
  },
  {
    id: 'flask', kind: 'framework', ecosystems: ['python'],
    signals: { deps: { python: ['flask'] }, imports: { python: ['flask'] } },
    construct: [/^\s*(?<var>\w+)\s*=\s*Flask\(/m],
    conventions: { label: 'Flask', contractTest: 'flask', validation: 'marshmallow', logger: 'python-logging', defaultApiStyle: 'rest', defaultTestDir: 'tests' },
  },

  // ── frameworks: Go ───────────────────────────────────────────────────────
  {
    id: 'go-net-http', kind: 'framework', ecosystems: ['go'], yieldsTo: ['gin', 'echo', 'chi', 'fiber', 'grpc-go'],
    signals: { imports: { go: ['net/http'] }, usage: [/http\.(ListenAndServe|NewServeMux|HandleFunc)\(|&http\.Server\{/] },
    requires: 'usage',
    construct: [/http\.NewServeMux\(\)/, /http\.ListenAndServe\(/, /&http\.Server\{/],
    conventions: { label: 'Go net/http', contractTest: 'go-net-http', logger: 'slog', defaultApiStyle: 'rest', defaultTestDir: '.' },
  },
  {
    id: 'gin', kind: 'framework', ecosystems: ['go'],
    signals: { deps: { go: ['github.com/gin-gonic/gin'] }, imports: { go: ['github.com/gin-gonic/gin'] } },
    construct: [/gin\.(Default|New)\(\)/],
    conventions: { label: 'Gin', contractTest: 'gin', validation: 'go-playground-validator', defaultApiStyle: 'rest', defaultTestDir: '.' },
  },
  {
    id: 'echo', kind: 'framework', ecosystems: ['go'],
    signals: { deps: { go: ['github.com/labstack/echo'] }, imports: { go: ['github.com/labstack/echo'] } },
    construct: [/echo\.New\(\)/],
    conventions: { label: 'Echo', contractTest: 'echo', defaultApiStyle: 'rest', defaultTestDir: '.' },
  },
  {
    id: 'chi', kind: 'framework', ecosystems: ['go'],
    signals: { deps: { go: ['github.com/go-chi/chi'] }, imports: { go: ['github.com/go-chi/chi'] } },
    construct: [/chi\.NewRouter\(\)/],
    conventions: { label: 'Chi', contractTest: 'go-net-http', defaultApiStyle: 'rest', defaultTestDir: '.' },
  },
  {
    id: 'fiber', kind: 'framework', ecosystems: ['go'],
    signals: { deps: { go: ['github.com/gofiber/fiber'] }, imports: { go: ['github.com/gofiber/fiber'] } },
    construct: [/fiber\.New\(/],
    conventions: { label: 'Fiber', defaultApiStyle: 'rest', defaultTestDir: '.' },
  },
  {
    id: 'grpc-go', kind: 'framework', ecosystems: ['go'],
    signals: { deps: { go: ['google.golang.org/grpc'] }, imports: { go: ['google.golang.org/grpc'] } },
    requires: 'usage',
    construct: [/grpc\.NewServer\(/],
    conventions: { label: 'gRPC-Go', contractTest: 'grpc-go', defaultApiStyle: 'grpc', defaultTestDir: '.' },
  },

  // ── frameworks: Ruby, Rust, JVM ──────────────────────────────────────────
  {
    id: 'rails', kind: 'framework', ecosystems: ['ruby'],
    signals: {
      deps: { ruby: ['rails', 'railties'] },
      files: [{ glob: 'config/application.rb', contains: /Rails::Application/, weight: 0.7 }, { glob: 'config/routes.rb', weight: 0.4 }],
    },
    implies: [{ id: 'active-record', weight: 0.45 }],
    construct: [/class\s+(?<name>Application)\s*<\s*Rails::Application/],
    conventions: { label: 'Ruby on Rails', contractTest: 'rails', validation: 'active-model-validations', logger: 'rails-logger', defaultApiStyle: 'rest', defaultTestDir: 'spec/requests' },
  },
  {
    id: 'sinatra', kind: 'framework', ecosystems: ['ruby'], yieldsTo: ['rails'],
    signals: { deps: { ruby: ['sinatra'] }, imports: { ruby: ['sinatra'] }, usage: [/Sinatra::(Base|Application)|^require\s+['"]sinatra/m] },
    construct: [/class\s+(?<name>\w+)\s*<\s*Sinatra::Base/],
    conventions: { label: 'Sinatra', defaultApiStyle: 'rest', defaultTestDir: 'test' },
  },
  {
    id: 'axum', kind: 'framework', ecosystems: ['rust'],
    signals: { deps: { rust: ['axum'] }, imports: { rust: ['axum'] } },
    construct: [/Router::new\(\)/],
    conventions: { label: 'axum', contractTest: 'axum', logger: 'tracing', defaultApiStyle: 'rest', defaultTestDir: 'tests' },
  },
  {
    id: 'actix-web', kind: 'framework', ecosystems: ['rust'],
    signals: { deps: { rust: ['actix-web'] }, imports: { rust: ['actix_web'] } },
    construct: [/HttpServer::new\(/],
    conventions: { label: 'actix-web', defaultApiStyle: 'rest', defaultTestDir: 'tests' },
  },
  {
    id: 'spring-boot', kind: 'framework', ecosystems: ['jvm'],
    signals: {
      deps: { jvm: ['org.springframework.boot:spring-boot-starter-web', 'org.springframework.boot:spring-boot-starter-webflux', 'org.springframework.boot:spring-boot-starter-parent', 'plugin:org.springframework.boot'] },
      imports: { jvm: ['org.springframework.boot'] },
      usage: [/@SpringBootApplication/],
    },
    construct: [/@SpringBootApplication[\s\S]{0,300}?class\s+(?<name>\w+)/],
    conventions: { label: 'Spring Boot', validation: 'jakarta-validation', logger: 'logback', defaultApiStyle: 'rest', defaultTestDir: 'src/test/java' },
  },

  // ── ORMs and data layers ─────────────────────────────────────────────────
  {
    id: 'prisma', kind: 'orm', ecosystems: ['node'],
    signals: { deps: { node: ['@prisma/client'] }, imports: { node: ['@prisma/client'] }, files: [{ glob: '**/*.prisma', contains: /^\s*(datasource|model)\s+\w+\s*\{/m, weight: 0.6 }] },
    conventions: { label: 'Prisma', migrations: { tool: 'prisma-migrate', pattern: 'prisma/migrations/<timestamp>_<name>/migration.sql', command: 'npx prisma migrate dev --name <name>' } },
  },
  {
    id: 'typeorm', kind: 'orm', ecosystems: ['node'],
    signals: { deps: { node: ['typeorm', '@nestjs/typeorm'] }, imports: { node: ['typeorm', '@nestjs/typeorm'] }, usage: [/new DataSource\(|TypeOrmModule\.forRoot|@Entity\(/] },
    conventions: { label: 'TypeORM', migrations: { tool: 'typeorm-migrations', pattern: 'src/migrations/<timestamp>-<Name>.ts', command: 'npx typeorm migration:generate src/migrations/<Name> -d <data-source>' } },
  },
  {
    id: 'drizzle', kind: 'orm', ecosystems: ['node'],
    signals: { deps: { node: ['drizzle-orm'] }, imports: { node: ['drizzle-orm'] }, files: [{ glob: '**/drizzle.config.{ts,js,mjs,cjs}', weight: 0.5 }] },
    conventions: { label: 'Drizzle ORM', migrations: { tool: 'drizzle-kit', pattern: 'drizzle/<nnnn>_<name>.sql', command: 'npx drizzle-kit generate --name <name>' } },
  },
  {
    id: 'sequelize', kind: 'orm', ecosystems: ['node'],
    signals: { deps: { node: ['sequelize', 'sequelize-typescript'] }, imports: { node: ['sequelize', 'sequelize-typescript'] }, usage: [/new Sequelize\(/] },
    conventions: { label: 'Sequelize', migrations: { tool: 'sequelize-migrations', pattern: 'migrations/<timestamp>-<name>.js', command: 'npx sequelize-cli migration:generate --name <name>' } },
  },
  {
    id: 'mongoose', kind: 'orm', ecosystems: ['node'],
    signals: { deps: { node: ['mongoose', '@nestjs/mongoose'] }, imports: { node: ['mongoose', '@nestjs/mongoose'] }, usage: [/mongoose\.(connect|model)\(|new Schema\(/] },
    implies: [{ id: 'mongodb', weight: 0.6 }],
    conventions: { label: 'Mongoose', migrations: { tool: 'migrate-mongo', pattern: 'migrations/<timestamp>-<name>.js' } },
  },
  {
    id: 'knex', kind: 'orm', ecosystems: ['node'],
    signals: { deps: { node: ['knex'] }, imports: { node: ['knex'] }, files: [{ glob: 'knexfile.{js,ts,cjs,mjs}', weight: 0.5 }] },
    conventions: { label: 'Knex', migrations: { tool: 'knex-migrations', pattern: 'migrations/<timestamp>_<name>.js', command: 'npx knex migrate:make <name>' } },
  },
  {
    id: 'kysely', kind: 'orm', ecosystems: ['node'],
    signals: { deps: { node: ['kysely'] }, imports: { node: ['kysely'] }, usage: [/new Kysely\s*</] },
    conventions: { label: 'Kysely', migrations: { tool: 'kysely-migrator', pattern: 'migrations/<timestamp>_<name>.ts' } },
  },
  {
    id: 'sqlalchemy', kind: 'orm', ecosystems: ['python'], yieldsTo: ['sqlmodel'],
    signals: {
      deps: { python: ['sqlalchemy', 'flask-sqlalchemy'] },
      imports: { python: ['sqlalchemy', 'flask_sqlalchemy'] },
      usage: [/create_(async_)?engine\(|declarative_base\(|DeclarativeBase\b|SQLAlchemy\(/],
    },
    conventions: { label: 'SQLAlchemy', migrations: { tool: 'alembic', pattern: 'alembic/versions/<rev>_<name>.py', command: 'alembic revision --autogenerate -m "<name>"' } },
  },
  {
    id: 'sqlmodel', kind: 'orm', ecosystems: ['python'],
    signals: { deps: { python: ['sqlmodel'] }, imports: { python: ['sqlmodel'] }, usage: [/\bSQLModel\b/] },
    conventions: { label: 'SQLModel', migrations: { tool: 'alembic', pattern: 'alembic/versions/<rev>_<name>.py', command: 'alembic revision --autogenerate -m "<name>"' } },
  },
  {
    id: 'django-orm', kind: 'orm', ecosystems: ['python'], within: ['django', 'drf'],
    signals: { files: [{ glob: '**/models.py', contains: /from django\.db import models/, weight: 0.6 }], usage: [/models\.Model\b/] },
    conventions: { label: 'Django ORM', migrations: { tool: 'django-migrations', pattern: '<app>/migrations/<nnnn>_<name>.py', command: 'python manage.py makemigrations <app> --name <name>' } },
  },
  {
    id: 'gorm', kind: 'orm', ecosystems: ['go'],
    signals: { deps: { go: ['gorm.io/gorm', 'github.com/jinzhu/gorm'] }, imports: { go: ['gorm.io/gorm', 'github.com/jinzhu/gorm'] }, usage: [/gorm\.Open\(/] },
    conventions: { label: 'GORM', migrations: { tool: 'golang-migrate', pattern: 'migrations/<timestamp>_<name>.up.sql', command: 'migrate create -ext sql -dir migrations <name>' } },
  },
  {
    id: 'sqlc', kind: 'orm', ecosystems: ['go'],
    signals: { files: [{ glob: '**/sqlc.{yaml,yml,json}', weight: 0.7 }] },
    conventions: { label: 'sqlc', migrations: { tool: 'golang-migrate', pattern: 'migrations/<timestamp>_<name>.up.sql', command: 'migrate create -ext sql -dir migrations <name>' } },
  },
  {
    id: 'sqlx', kind: 'orm', ecosystems: ['go', 'rust'],
    signals: {
      deps: { go: ['github.com/jmoiron/sqlx'], rust: ['sqlx'] },
      imports: { go: ['github.com/jmoiron/sqlx'], rust: ['sqlx'] },
      usage: [/sqlx\.(Connect|Open|MustConnect)\(|sqlx::(query|query_as|migrate)|PgPoolOptions|SqlitePoolOptions|MySqlPoolOptions/],
    },
    conventions: { label: 'sqlx', migrations: { tool: 'sqlx-migrate', pattern: 'migrations/<timestamp>_<name>.sql', command: 'sqlx migrate add <name>' } },
  },
  {
    id: 'ent', kind: 'orm', ecosystems: ['go'],
    signals: { deps: { go: ['entgo.io/ent'] }, imports: { go: ['entgo.io/ent'] }, files: [{ glob: '**/ent/schema/*.go', weight: 0.6 }] },
    conventions: { label: 'ent', migrations: { tool: 'atlas', pattern: 'ent/migrate/migrations/<timestamp>_<name>.sql', command: 'atlas migrate diff <name>' } },
  },
  {
    id: 'active-record', kind: 'orm', ecosystems: ['ruby'],
    signals: {
      deps: { ruby: ['activerecord', 'sinatra-activerecord'] },
      usage: [/<\s*(ApplicationRecord|ActiveRecord::Base)\b/],
      files: [{ glob: 'app/models/application_record.rb', weight: 0.6 }, { glob: 'db/schema.rb', weight: 0.5 }],
    },
    conventions: { label: 'Active Record', validation: 'active-model-validations', migrations: { tool: 'rails-migrations', pattern: 'db/migrate/<timestamp>_<name>.rb', command: 'bin/rails generate migration <Name>' } },
  },
  {
    id: 'sequel', kind: 'orm', ecosystems: ['ruby'],
    signals: { deps: { ruby: ['sequel'] }, usage: [/Sequel\.(connect|sqlite|postgres)|Sequel::Model/] },
    conventions: { label: 'Sequel', migrations: { tool: 'sequel-migrations', pattern: 'db/migrations/<nnn>_<name>.rb' } },
  },
  {
    id: 'diesel', kind: 'orm', ecosystems: ['rust'],
    signals: { deps: { rust: ['diesel'] }, imports: { rust: ['diesel'] }, files: [{ glob: 'diesel.toml', weight: 0.5 }] },
    conventions: { label: 'Diesel', migrations: { tool: 'diesel-migrations', pattern: 'migrations/<timestamp>_<name>/up.sql', command: 'diesel migration generate <name>' } },
  },
  {
    id: 'jpa', kind: 'orm', ecosystems: ['jvm'],
    signals: {
      deps: { jvm: ['org.springframework.boot:spring-boot-starter-data-jpa', 'jakarta.persistence:jakarta.persistence-api', 'org.hibernate.orm:hibernate-core', 'org.hibernate:hibernate-core'] },
      imports: { jvm: ['jakarta.persistence', 'javax.persistence', 'org.springframework.data.jpa'] },
      usage: [/@Entity\b|JpaRepository</],
    },
    conventions: { label: 'JPA / Hibernate', migrations: { tool: 'flyway', pattern: 'src/main/resources/db/migration/V<n>__<name>.sql' } },
  },
  {
    id: 'mybatis', kind: 'orm', ecosystems: ['jvm'],
    signals: {
      deps: { jvm: ['org.mybatis.spring.boot:mybatis-spring-boot-starter', 'org.mybatis:mybatis'] },
      imports: { jvm: ['org.apache.ibatis', 'org.mybatis'] },
      usage: [/@Mapper\b/],
    },
    conventions: { label: 'MyBatis', migrations: { tool: 'flyway', pattern: 'src/main/resources/db/migration/V<n>__<name>.sql' } },
  },

  // ── databases ────────────────────────────────────────────────────────────
  {
    id: 'postgres', kind: 'database', ecosystems: ['node', 'python', 'go', 'ruby', 'rust', 'jvm'],
    signals: {
      deps: {
        node: ['pg', 'postgres', 'pg-promise', '@neondatabase/serverless', '@vercel/postgres'],
        python: ['psycopg2', 'psycopg2-binary', 'psycopg', 'asyncpg', 'pg8000'],
        go: ['github.com/lib/pq', 'github.com/jackc/pgx', 'gorm.io/driver/postgres'],
        ruby: ['pg'],
        rust: ['tokio-postgres', 'postgres', 'sqlx/postgres', 'diesel/postgres', 'sea-orm/sqlx-postgres'],
        jvm: ['org.postgresql:postgresql'],
      },
      usage: [/type:\s*['"]postgres['"]|client:\s*['"](pg|postgres|postgresql)['"]|dialect:\s*['"]postgres(ql)?['"]|['"`]postgres(ql)?(\+\w+)?:\/\/|sql\.Open\(\s*"(postgres|pgx)"|pgxpool\.|PgPool(Options)?\b/],
      files: [
        { glob: '**/*.prisma', contains: /provider\s*=\s*"postgres(ql)?"/, weight: 0.7 },
        { glob: '**/drizzle.config.{ts,js,mjs,cjs}', contains: /dialect:\s*['"]postgresql['"]/, weight: 0.7 },
        { glob: 'config/database.yml', contains: /adapter:\s*postg/, weight: 0.7 },
        { glob: SETTINGS, contains: /django\.db\.backends\.postgresql/, weight: 0.7 },
        { glob: '**/sqlc.{yaml,yml,json}', contains: /engine["']?:\s*["']?postgresql/, weight: 0.7 },
        { glob: SPRING_CONFIG, contains: /jdbc:postgresql:/, weight: 0.7 },
        { glob: 'alembic.ini', contains: /^sqlalchemy\.url\s*=\s*postgres/m, weight: 0.6 },
      ],
      images: ['postgres', 'postgresql', 'postgis', 'timescaledb', 'pgvector'],
      schemes: ['postgres', 'postgresql'],
    },
    conventions: { label: 'PostgreSQL' },
  },
  {
    id: 'mysql', kind: 'database', ecosystems: ['node', 'python', 'go', 'ruby', 'rust', 'jvm'],
    signals: {
      deps: {
        node: ['mysql', 'mysql2', '@planetscale/database'],
        python: ['mysqlclient', 'pymysql', 'mysql-connector-python', 'aiomysql', 'asyncmy'],
        go: ['github.com/go-sql-driver/mysql', 'gorm.io/driver/mysql'],
        ruby: ['mysql2', 'trilogy'],
        rust: ['mysql', 'mysql_async', 'sqlx/mysql', 'diesel/mysql'],
        jvm: ['com.mysql:mysql-connector-j', 'mysql:mysql-connector-java', 'org.mariadb.jdbc:mariadb-java-client'],
      },
      usage: [/type:\s*['"](mysql|mariadb)['"]|client:\s*['"]mysql2?['"]|dialect:\s*['"](mysql|mariadb)['"]|['"`]mysql(\+\w+)?:\/\/|sql\.Open\(\s*"mysql"/],
      files: [
        { glob: '**/*.prisma', contains: /provider\s*=\s*"mysql"/, weight: 0.7 },
        { glob: '**/drizzle.config.{ts,js,mjs,cjs}', contains: /dialect:\s*['"]mysql['"]/, weight: 0.7 },
        { glob: 'config/database.yml', contains: /adapter:\s*(mysql2|trilogy)/, weight: 0.7 },
        { glob: SETTINGS, contains: /django\.db\.backends\.mysql/, weight: 0.7 },
        { glob: '**/sqlc.{yaml,yml,json}', contains: /engine["']?:\s*["']?mysql/, weight: 0.7 },
        { glob: SPRING_CONFIG, contains: /jdbc:(mysql|mariadb):/, weight: 0.7 },
      ],
      images: ['mysql', 'mariadb', 'percona'],
      schemes: ['mysql', 'mariadb'],
    },
    conventions: { label: 'MySQL' },
  },
  {
    id: 'sqlite', kind: 'database', ecosystems: ['node', 'python', 'go', 'ruby', 'rust', 'jvm'],
    signals: {
      deps: {
        node: ['sqlite3', 'better-sqlite3', '@libsql/client', 'sqlite'],
        python: ['aiosqlite'],
        go: ['github.com/mattn/go-sqlite3', 'modernc.org/sqlite', 'gorm.io/driver/sqlite', 'github.com/glebarez/sqlite'],
        ruby: ['sqlite3'],
        rust: ['rusqlite', 'sqlx/sqlite', 'diesel/sqlite'],
        jvm: ['org.xerial:sqlite-jdbc'],
      },
      usage: [/type:\s*['"](sqlite|better-sqlite3)['"]|client:\s*['"](sqlite3|better-sqlite3)['"]|dialect:\s*['"]sqlite['"]|['"`]sqlite(\+\w+)?:\/\/|^import sqlite3|sql\.Open\(\s*"sqlite3?"|Sequel\.sqlite/m],
      files: [
        { glob: '**/*.prisma', contains: /provider\s*=\s*"sqlite"/, weight: 0.7 },
        { glob: '**/drizzle.config.{ts,js,mjs,cjs}', contains: /dialect:\s*['"](sqlite|turso)['"]/, weight: 0.7 },
        { glob: 'config/database.yml', contains: /adapter:\s*sqlite3/, weight: 0.7 },
        { glob: SETTINGS, contains: /django\.db\.backends\.sqlite3/, weight: 0.7 },
        { glob: '**/sqlc.{yaml,yml,json}', contains: /engine["']?:\s*["']?sqlite/, weight: 0.7 },
      ],
      schemes: ['sqlite'],
    },
    conventions: { label: 'SQLite' },
  },
  {
    id: 'mongodb', kind: 'database', ecosystems: ['node', 'python', 'go', 'ruby', 'rust', 'jvm'],
    signals: {
      deps: {
        node: ['mongodb'],
        python: ['pymongo', 'motor', 'beanie', 'mongoengine'],
        go: ['go.mongodb.org/mongo-driver'],
        ruby: ['mongoid', 'mongo'],
        rust: ['mongodb'],
        jvm: ['org.springframework.boot:spring-boot-starter-data-mongodb', 'org.mongodb:mongodb-driver-sync'],
      },
      usage: [/['"`]mongodb(\+srv)?:\/\/|mongo\.Connect\(|MongoClient\(/],
      files: [{ glob: '**/*.prisma', contains: /provider\s*=\s*"mongodb"/, weight: 0.7 }],
      images: ['mongo', 'mongodb'],
      schemes: ['mongodb'],
    },
    conventions: { label: 'MongoDB' },
  },
  {
    id: 'redis', kind: 'database', ecosystems: ['node', 'python', 'go', 'ruby', 'rust', 'jvm'],
    signals: {
      deps: {
        node: ['redis', 'ioredis', '@upstash/redis'],
        python: ['redis', 'aioredis', 'celery/redis'],
        go: ['github.com/redis/go-redis', 'github.com/go-redis/redis', 'github.com/gomodule/redigo'],
        ruby: ['redis'],
        rust: ['redis', 'deadpool-redis'],
        jvm: ['org.springframework.boot:spring-boot-starter-data-redis', 'redis.clients:jedis', 'io.lettuce:lettuce-core'],
      },
      usage: [/['"`]rediss?:\/\//],
      images: ['redis', 'valkey', 'redis-stack', 'redis-stack-server', 'keydb'],
      schemes: ['redis', 'rediss'],
    },
    conventions: { label: 'Redis' },
  },

  // ── auth ─────────────────────────────────────────────────────────────────
  {
    id: 'jwt', kind: 'auth', ecosystems: ['node', 'python', 'go', 'ruby', 'rust', 'jvm'], requires: 'usage',
    signals: {
      deps: {
        node: ['jsonwebtoken', 'jose', '@fastify/jwt', '@nestjs/jwt', 'passport-jwt', 'express-jwt'],
        python: ['pyjwt', 'python-jose', 'flask-jwt-extended', 'fastapi-jwt-auth'],
        go: ['github.com/golang-jwt/jwt', 'github.com/dgrijalva/jwt-go', 'github.com/lestrrat-go/jwx'],
        ruby: ['jwt'],
        rust: ['jsonwebtoken', 'jwt-simple'],
        jvm: ['io.jsonwebtoken:jjwt-api', 'io.jsonwebtoken:jjwt', 'com.auth0:java-jwt', 'org.springframework.boot:spring-boot-starter-oauth2-resource-server'],
      },
      imports: {
        node: ['jsonwebtoken', 'jose', '@fastify/jwt', '@nestjs/jwt', 'passport-jwt', 'express-jwt', 'hono/jwt'],
        python: ['jwt', 'jose', 'flask_jwt_extended'],
        go: ['github.com/golang-jwt/jwt', 'github.com/dgrijalva/jwt-go', 'github.com/lestrrat-go/jwx'],
        rust: ['jsonwebtoken', 'jwt_simple'],
        jvm: ['io.jsonwebtoken', 'com.auth0.jwt'],
      },
      usage: [/\bjwt\.(verify|decode)\(|\bjwtVerify\(|\.jwtVerify\(|jwt\.Parse(WithClaims)?\(|JWT\.decode\(|jsonwebtoken::decode|decode::<\w+>\(|Jwts\.parser|ExtractJwt\.|@?jwt_required|verify_jwt_in_request|expressjwt\(|\bjwt\(\{\s*secret|oauth2ResourceServer|JwtService\b|jwt\.ParseString/],
    },
    conventions: { label: 'JWT (bearer tokens)' },
  },
  {
    id: 'session', kind: 'auth', ecosystems: ['node', 'python', 'go', 'ruby', 'rust', 'jvm'],
    signals: {
      deps: {
        node: ['express-session', 'cookie-session', '@fastify/session', '@fastify/secure-session', 'koa-session', 'iron-session', 'hono-sessions'],
        python: ['flask-login', 'flask-session'],
        go: ['github.com/gorilla/sessions', 'github.com/alexedwards/scs'],
        rust: ['actix-session', 'tower-sessions', 'axum-sessions'],
        jvm: ['org.springframework.session:spring-session-core', 'org.springframework.session:spring-session-data-redis'],
      },
      usage: [/\bsession\(\{|app\.use\(\s*session\b|\breq\.session\b|\bctx\.session\b|login_user\(|LoginManager\(|sessions\.NewCookieStore|scs\.New\(|SessionMiddleware|session\[:user_id\]|session\.insert\(|getIronSession\(/],
    },
    conventions: { label: 'Server-side sessions (cookie)' },
  },
  {
    id: 'oauth-oidc', kind: 'auth', ecosystems: ['node', 'python', 'go', 'ruby', 'rust', 'jvm'],
    signals: {
      deps: {
        node: ['openid-client', 'passport-google-oauth20', 'passport-github2', 'passport-oauth2', 'express-openid-connect', 'express-oauth2-jwt-bearer', 'oidc-provider', 'arctic'],
        python: ['authlib', 'social-auth-app-django', 'django-allauth', 'oauthlib', 'requests-oauthlib', 'fastapi-sso'],
        go: ['golang.org/x/oauth2', 'github.com/coreos/go-oidc'],
        ruby: ['omniauth', 'omniauth-*', 'doorkeeper'],
        rust: ['oauth2', 'openidconnect'],
        jvm: ['org.springframework.boot:spring-boot-starter-oauth2-client', 'org.springframework.boot:spring-boot-starter-oauth2-resource-server'],
      },
      usage: [/oauth2\.Config\{|oidc\.NewProvider\(|Issuer\.discover\(|OAuth\(\w*\)|OmniAuth|oauth2Login|oauth2ResourceServer|issuerBaseURL|GoogleStrategy|GitHubStrategy|auth\(\{\s*audience/],
    },
    conventions: { label: 'OAuth 2.0 / OpenID Connect' },
  },
  {
    id: 'next-auth', kind: 'auth', ecosystems: ['node'],
    signals: { deps: { node: ['next-auth', '@auth/core'] }, imports: { node: ['next-auth', '@auth/core'] }, usage: [/NextAuth\(/] },
    conventions: { label: 'Auth.js (next-auth)' },
  },
  {
    id: 'better-auth', kind: 'auth', ecosystems: ['node'],
    signals: { deps: { node: ['better-auth'] }, imports: { node: ['better-auth'] }, usage: [/betterAuth\(/] },
    conventions: { label: 'Better Auth' },
  },
  {
    id: 'passport', kind: 'auth', ecosystems: ['node'], requires: 'usage',
    signals: { deps: { node: ['passport', '@nestjs/passport'] }, imports: { node: ['passport', '@nestjs/passport'] }, usage: [/passport\.(use|authenticate)\(|PassportStrategy\(|AuthGuard\(/] },
    conventions: { label: 'Passport' },
  },
  {
    id: 'devise', kind: 'auth', ecosystems: ['ruby'],
    signals: { deps: { ruby: ['devise'] }, usage: [/devise_for\b|^\s*devise\s+:|authenticate_user!/m], files: [{ glob: 'config/initializers/devise.rb', weight: 0.5 }] },
    conventions: { label: 'Devise' },
  },
  {
    id: 'django-auth', kind: 'auth', ecosystems: ['python'], within: ['django', 'drf'],
    signals: {
      files: [{ glob: SETTINGS, contains: /['"]django\.contrib\.auth['"]/, weight: 0.45 }],
      usage: [/@login_required|LoginRequiredMixin|from django\.contrib\.auth\b|\bIsAuthenticated\b|SessionAuthentication/],
    },
    conventions: { label: 'Django auth' },
  },
  {
    id: 'drf-jwt', kind: 'auth', ecosystems: ['python'],
    signals: {
      deps: { python: ['djangorestframework-simplejwt', 'djangorestframework-jwt', 'drf-jwt'] },
      imports: { python: ['rest_framework_simplejwt', 'rest_framework_jwt'] },
      usage: [/JWTAuthentication|TokenObtainPairView|JSONWebTokenAuthentication/],
      files: [{ glob: SETTINGS, contains: /rest_framework_simplejwt|rest_framework_jwt/, weight: 0.6 }],
    },
    conventions: { label: 'DRF JWT (simplejwt)' },
  },
  {
    id: 'clerk', kind: 'auth', ecosystems: ['node', 'python', 'go'],
    signals: {
      deps: { node: ['@clerk/*'], python: ['clerk-backend-api'], go: ['github.com/clerk/clerk-sdk-go'] },
      imports: { node: ['@clerk/*'], python: ['clerk_backend_api'], go: ['github.com/clerk/clerk-sdk-go'] },
      usage: [/clerkMiddleware\(|ClerkExpressRequireAuth|requireAuth\(|getAuth\(|clerkClient\b|authenticateRequest\(/],
    },
    conventions: { label: 'Clerk' },
  },
  {
    id: 'supabase-auth', kind: 'auth', ecosystems: ['node', 'python'], requires: 'usage',
    signals: {
      deps: { node: ['@supabase/supabase-js', '@supabase/ssr'], python: ['supabase'] },
      imports: { node: ['@supabase/supabase-js', '@supabase/ssr'], python: ['supabase'] },
      usage: [/\.auth\.(getUser|getSession|signIn\w*|admin\.\w+)\(/],
    },
    conventions: { label: 'Supabase Auth' },
  },
  {
    id: 'paseto', kind: 'auth', ecosystems: ['node', 'python', 'go', 'ruby', 'rust'],
    signals: {
      deps: { node: ['paseto', 'paseto-ts'], python: ['pyseto'], go: ['github.com/o1egl/paseto', 'aidanwoods.dev/go-paseto'], ruby: ['paseto'], rust: ['rusty_paseto', 'pasetors'] },
      imports: { node: ['paseto', 'paseto-ts'], python: ['pyseto'], go: ['github.com/o1egl/paseto', 'aidanwoods.dev/go-paseto'], rust: ['rusty_paseto', 'pasetors'] },
      usage: [/paseto\.(NewV2|NewV4|NewParser|V4)|\bV4\.(verify|sign)\(|pyseto\.decode|pasetors::/],
    },
    conventions: { label: 'PASETO' },
  },
  {
    id: 'firebase-auth', kind: 'auth', ecosystems: ['node', 'python'], requires: 'usage',
    signals: { deps: { node: ['firebase-admin'], python: ['firebase-admin'] }, usage: [/verifyIdToken\(|verify_id_token\(/] },
    conventions: { label: 'Firebase Auth' },
  },
  {
    id: 'spring-security', kind: 'auth', ecosystems: ['jvm'],
    signals: { deps: { jvm: ['org.springframework.boot:spring-boot-starter-security', 'org.springframework.boot:spring-boot-starter-oauth2-resource-server', 'org.springframework.boot:spring-boot-starter-oauth2-client'] }, usage: [/SecurityFilterChain|@EnableWebSecurity/] },
    conventions: { label: 'Spring Security' },
  },

  // ── API styles ───────────────────────────────────────────────────────────
  {
    id: 'rest', kind: 'apiStyle', ecosystems: ['node', 'python', 'go', 'ruby', 'rust', 'jvm'],
    signals: {
      usage: [
        /\b(?!axios\b|got\b|ky\b|request\b|client\b|http\b|https\b|superagent\b|api\b|fetcher\b)\w+\.(get|post|put|patch|delete)\(\s*['"`]\/(?!graphql\b|trpc\b)/,
        /@(Get|Post|Put|Patch|Delete)\(|@Controller\(/,
        /export\s+(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE)\b/,
        /@\w+\.(get|post|put|patch|delete|route)\(\s*['"]/,
        /\b(APIView|ModelViewSet|GenericAPIView)\b|@api_view\(|JsonResponse\(/,
        /\.(GET|POST|PUT|PATCH|DELETE|Get|Post|Put|Patch|Delete)\(\s*"\//,
        /HandleFunc\(\s*"(GET |POST |PUT |PATCH |DELETE )?\//,
        /^\s*resources?\s+:\w+|render\s+json:|^\s*(get|post|put|patch|delete)\s+['"]\//m,
        /\.route\(\s*"\/|#\[(get|post|put|patch|delete)\(|web::(get|post|put|patch|delete)\(\)/,
        /@(RestController|GetMapping|PostMapping|PutMapping|DeleteMapping|PatchMapping)\b/,
      ],
    },
    conventions: { label: 'REST (JSON over HTTP)' },
  },
  {
    id: 'graphql', kind: 'apiStyle', ecosystems: ['node', 'python', 'go', 'ruby', 'rust', 'jvm'], requires: 'usage',
    signals: {
      deps: {
        node: ['graphql', '@apollo/server', 'apollo-server', 'apollo-server-express', 'graphql-yoga', '@nestjs/graphql', 'type-graphql', '@pothos/core', 'mercurius', 'graphql-http'],
        python: ['strawberry-graphql', 'graphene', 'graphene-django', 'ariadne'],
        go: ['github.com/99designs/gqlgen', 'github.com/graph-gophers/graphql-go'],
        ruby: ['graphql'],
        rust: ['async-graphql', 'juniper'],
        jvm: ['org.springframework.boot:spring-boot-starter-graphql', 'com.netflix.graphql.dgs:graphql-dgs-spring-boot-starter'],
      },
      usage: [/new ApolloServer\s*(<[^>]*>)?\(|createYoga\s*(<[^>]*>)?\(|makeExecutableSchema\(|buildSchema\(|GraphQLModule\.forRoot|@Resolver\(|strawberry\.Schema\(|graphene\.Schema\(|make_executable_schema\(|handler\.NewDefaultServer|GraphQL::Schema|async_graphql::Schema|@QueryMapping|@DgsQuery|mercurius/],
      files: [{ glob: '**/*.{graphql,gql}', weight: 0.3 }],
    },
    conventions: { label: 'GraphQL' },
  },
  {
    id: 'grpc', kind: 'apiStyle', ecosystems: ['node', 'python', 'go', 'rust', 'jvm'], requires: 'usage',
    signals: {
      deps: {
        node: ['@grpc/grpc-js', 'nice-grpc', '@connectrpc/connect-node'],
        python: ['grpcio', 'grpclib'],
        go: ['google.golang.org/grpc', 'connectrpc.com/connect'],
        rust: ['tonic'],
        jvm: ['net.devh:grpc-server-spring-boot-starter', 'io.grpc:grpc-netty-shaded'],
      },
      usage: [/grpc\.NewServer\(|new grpc\.Server\(|grpc\.server\(|createServer\(\)\.add\(|tonic::transport::Server|Server::builder\(\)\.add_service|ServerBuilder\.forPort|@GrpcService|add_\w+Servicer_to_server|connectNodeAdapter\(|connect\.New\w*Handler/],
      files: [{ glob: '**/*.proto', contains: /^\s*service\s+\w+\s*\{/m, weight: 0.3 }],
    },
    conventions: { label: 'gRPC' },
  },
  {
    id: 'trpc', kind: 'apiStyle', ecosystems: ['node'],
    signals: { deps: { node: ['@trpc/server'] }, imports: { node: ['@trpc/server'] }, usage: [/initTRPC\b|createTRPCRouter\(|\.procedure\b/] },
    conventions: { label: 'tRPC', contractTest: 'trpc' },
  },

  // ── background jobs ──────────────────────────────────────────────────────
  {
    id: 'bullmq', kind: 'job', ecosystems: ['node'],
    signals: { deps: { node: ['bullmq', '@nestjs/bullmq'] }, imports: { node: ['bullmq', '@nestjs/bullmq'] }, usage: [/new (Worker|Queue)\s*(<[^>]*>)?\(|@Processor\(/] },
    implies: [{ id: 'redis', weight: 0.6 }],
    conventions: { label: 'BullMQ' },
  },
  {
    id: 'bull', kind: 'job', ecosystems: ['node'], yieldsTo: ['bullmq'],
    signals: { deps: { node: ['bull', '@nestjs/bull'] }, imports: { node: ['bull', '@nestjs/bull'] } },
    implies: [{ id: 'redis', weight: 0.6 }],
    conventions: { label: 'Bull' },
  },
  {
    id: 'agenda', kind: 'job', ecosystems: ['node'],
    signals: { deps: { node: ['agenda'] }, imports: { node: ['agenda'] } },
    implies: [{ id: 'mongodb', weight: 0.5 }],
    conventions: { label: 'Agenda' },
  },
  {
    id: 'node-cron', kind: 'job', ecosystems: ['node'],
    signals: { deps: { node: ['node-cron', 'cron', 'node-schedule', '@nestjs/schedule'] }, imports: { node: ['node-cron', 'cron', 'node-schedule', '@nestjs/schedule'] }, usage: [/cron\.schedule\(|new CronJob\(|@Cron\(|scheduleJob\(/] },
    conventions: { label: 'node-cron (in-process schedule)' },
  },
  {
    id: 'celery', kind: 'job', ecosystems: ['python'],
    signals: { deps: { python: ['celery'] }, imports: { python: ['celery'] }, usage: [/Celery\(|@shared_task|@\w+\.task\b/] },
    conventions: { label: 'Celery' },
  },
  {
    id: 'rq', kind: 'job', ecosystems: ['python'],
    signals: { deps: { python: ['rq', 'django-rq', 'flask-rq2'] }, imports: { python: ['rq', 'django_rq', 'flask_rq2'] }, usage: [/Queue\(|@job\b/] },
    implies: [{ id: 'redis', weight: 0.6 }],
    conventions: { label: 'RQ' },
  },
  {
    id: 'dramatiq', kind: 'job', ecosystems: ['python'],
    signals: { deps: { python: ['dramatiq'] }, imports: { python: ['dramatiq'] }, usage: [/@dramatiq\.actor/] },
    conventions: { label: 'Dramatiq' },
  },
  {
    id: 'arq', kind: 'job', ecosystems: ['python'],
    signals: { deps: { python: ['arq'] }, imports: { python: ['arq'] } },
    implies: [{ id: 'redis', weight: 0.6 }],
    conventions: { label: 'arq' },
  },
  {
    id: 'apscheduler', kind: 'job', ecosystems: ['python'],
    signals: { deps: { python: ['apscheduler'] }, imports: { python: ['apscheduler'] } },
    conventions: { label: 'APScheduler' },
  },
  {
    id: 'sidekiq', kind: 'job', ecosystems: ['ruby'],
    signals: { deps: { ruby: ['sidekiq'] }, usage: [/include\s+Sidekiq::(Job|Worker)|Sidekiq\.configure_/], files: [{ glob: 'config/sidekiq.yml', weight: 0.4 }] },
    implies: [{ id: 'redis', weight: 0.6 }],
    conventions: { label: 'Sidekiq' },
  },
  {
    id: 'solid-queue', kind: 'job', ecosystems: ['ruby'],
    signals: { deps: { ruby: ['solid_queue'] }, files: [{ glob: 'config/queue.yml', weight: 0.3 }] },
    conventions: { label: 'Solid Queue' },
  },
  {
    id: 'good-job', kind: 'job', ecosystems: ['ruby'],
    signals: { deps: { ruby: ['good_job'] } },
    conventions: { label: 'GoodJob' },
  },
  {
    id: 'resque', kind: 'job', ecosystems: ['ruby'],
    signals: { deps: { ruby: ['resque'] } },
    implies: [{ id: 'redis', weight: 0.6 }],
    conventions: { label: 'Resque' },
  },
  {
    id: 'asynq', kind: 'job', ecosystems: ['go'],
    signals: { deps: { go: ['github.com/hibiken/asynq'] }, imports: { go: ['github.com/hibiken/asynq'] }, usage: [/asynq\.(NewServer|NewClient|NewTask)\(/] },
    implies: [{ id: 'redis', weight: 0.6 }],
    conventions: { label: 'Asynq' },
  },
  {
    id: 'river', kind: 'job', ecosystems: ['go'],
    signals: { deps: { go: ['github.com/riverqueue/river'] }, imports: { go: ['github.com/riverqueue/river'] } },
    implies: [{ id: 'postgres', weight: 0.5 }],
    conventions: { label: 'River' },
  },
  {
    id: 'go-cron', kind: 'job', ecosystems: ['go'],
    signals: { deps: { go: ['github.com/robfig/cron', 'github.com/go-co-op/gocron'] }, imports: { go: ['github.com/robfig/cron', 'github.com/go-co-op/gocron'] } },
    conventions: { label: 'cron (in-process schedule)' },
  },
  {
    id: 'temporal', kind: 'job', ecosystems: ['node', 'python', 'go', 'jvm'],
    signals: {
      deps: { node: ['@temporalio/worker', '@temporalio/client'], python: ['temporalio'], go: ['go.temporal.io/sdk'], jvm: ['io.temporal:temporal-sdk'] },
      imports: { node: ['@temporalio/worker', '@temporalio/client'], python: ['temporalio'], go: ['go.temporal.io/sdk'], jvm: ['io.temporal'] },
    },
    conventions: { label: 'Temporal' },
  },
  {
    id: 'cloud-tasks', kind: 'job', ecosystems: ['node', 'python', 'go', 'jvm'],
    signals: {
      deps: { node: ['@google-cloud/tasks'], python: ['google-cloud-tasks'], go: ['cloud.google.com/go/cloudtasks'], jvm: ['com.google.cloud:google-cloud-tasks'] },
      imports: { node: ['@google-cloud/tasks'], python: ['google.cloud.tasks', 'google.cloud.tasks_v2'], go: ['cloud.google.com/go/cloudtasks'], jvm: ['com.google.cloud.tasks'] },
    },
    conventions: { label: 'Google Cloud Tasks' },
  },
  {
    id: 'k8s-cronjob', kind: 'job', ecosystems: ['node', 'python', 'go', 'ruby', 'rust', 'jvm'],
    signals: { files: [{ glob: '{k8s,kubernetes,deploy,deployment,deployments,manifests,charts,helm,kustomize,infra,.k8s}/**/*.{yaml,yml}', contains: /^kind:\s*CronJob\b/m, weight: 0.7, shared: true }, { glob: '**/*cronjob*.{yaml,yml}', contains: /^kind:\s*CronJob\b/m, weight: 0.7, shared: true }] },
    conventions: { label: 'Kubernetes CronJob' },
  },
  {
    id: 'spring-scheduling', kind: 'job', ecosystems: ['jvm'], within: ['spring-boot'],
    signals: { usage: [/@Scheduled\(/] },
    conventions: { label: 'Spring @Scheduled' },
  },

  // ── test runners ─────────────────────────────────────────────────────────
  {
    id: 'vitest', kind: 'testRunner', ecosystems: ['node'],
    signals: { deps: { node: ['vitest'] }, files: [{ glob: 'vitest.{config,workspace}.{ts,js,mts,mjs}' }], testUsage: [/from\s+['"]vitest['"]/] },
    conventions: { label: 'Vitest', testCommand: 'vitest run <file>' },
  },
  {
    id: 'jest', kind: 'testRunner', ecosystems: ['node'],
    signals: { deps: { node: ['jest', 'ts-jest', '@jest/globals'] }, files: [{ glob: 'jest.config.{ts,js,mjs,cjs,json}' }, { glob: 'package.json', contains: /"jest"\s*:\s*\{/ }], testUsage: [/from\s+['"]@jest\/globals['"]|jest\.fn\(/] },
    conventions: { label: 'Jest', testCommand: 'jest <file>' },
  },
  {
    id: 'mocha', kind: 'testRunner', ecosystems: ['node'],
    signals: { deps: { node: ['mocha'] }, files: [{ glob: '.mocharc.{js,cjs,json,yml,yaml}' }] },
    conventions: { label: 'Mocha', testCommand: 'mocha <file>' },
  },
  {
    id: 'node-test', kind: 'testRunner', ecosystems: ['node'],
    signals: { files: [{ glob: 'package.json', contains: /"test"\s*:\s*"[^"]*\bnode\b[^"]*\s--test\b/, weight: 0.6 }], testUsage: [/['"]node:test['"]/] },
    conventions: { label: 'node:test', testCommand: 'node --test <file>' },
  },
  {
    id: 'pytest', kind: 'testRunner', ecosystems: ['python'],
    signals: {
      deps: { python: ['pytest', 'pytest-django', 'pytest-asyncio'] },
      files: [{ glob: '**/conftest.py' }, { glob: 'pytest.ini' }, { glob: 'pyproject.toml', contains: /^\[tool\.pytest/m }, { glob: 'setup.cfg', contains: /^\[tool:pytest\]/m }],
      testUsage: [/^import pytest|^from pytest/m],
    },
    conventions: { label: 'pytest', testCommand: 'pytest <file>' },
  },
  {
    id: 'unittest', kind: 'testRunner', ecosystems: ['python'],
    signals: { testUsage: [/^import unittest|unittest\.TestCase|from django\.test import/m] },
    conventions: { label: 'unittest', testCommand: 'python -m unittest <module>' },
  },
  {
    id: 'go-test', kind: 'testRunner', ecosystems: ['go'],
    signals: { files: [{ glob: '**/*_test.go', weight: 0.8 }, { glob: 'go.mod', weight: 0.45 }] },
    conventions: { label: 'go test', testCommand: 'go test ./...' },
  },
  {
    id: 'rspec', kind: 'testRunner', ecosystems: ['ruby'],
    signals: { deps: { ruby: ['rspec', 'rspec-rails'] }, files: [{ glob: '.rspec' }, { glob: 'spec/**/*_spec.rb', weight: 0.6 }] },
    conventions: { label: 'RSpec', testCommand: 'bundle exec rspec <file>' },
  },
  {
    id: 'minitest', kind: 'testRunner', ecosystems: ['ruby'],
    signals: { deps: { ruby: ['minitest'] }, files: [{ glob: 'test/**/*_test.rb', weight: 0.6 }], testUsage: [/Minitest::Test|ActiveSupport::TestCase|ActionDispatch::IntegrationTest/] },
    conventions: { label: 'Minitest', testCommand: 'bundle exec ruby -Itest <file>' },
  },
  {
    id: 'cargo-test', kind: 'testRunner', ecosystems: ['rust'],
    signals: { files: [{ glob: 'Cargo.toml', weight: 0.6 }], testUsage: [/#\[(tokio::)?test\]/] },
    conventions: { label: 'cargo test', testCommand: 'cargo test' },
  },
  {
    id: 'junit', kind: 'testRunner', ecosystems: ['jvm'],
    signals: {
      deps: { jvm: ['org.junit.jupiter:junit-jupiter', 'junit:junit', 'org.springframework.boot:spring-boot-starter-test'] },
      files: [{ glob: 'src/test/**/*.{java,kt}', weight: 0.5 }],
    },
    conventions: { label: 'JUnit', testCommand: 'mvn test' },
  },

  // ── package managers ─────────────────────────────────────────────────────
  { id: 'pnpm', kind: 'packageManager', ecosystems: ['node'], signals: { files: [{ glob: 'pnpm-lock.yaml', weight: 0.9 }, { glob: 'pnpm-workspace.yaml', weight: 0.6 }, { glob: 'package.json', contains: /"packageManager"\s*:\s*"pnpm@/, weight: 0.8 }] }, conventions: { label: 'pnpm', runPrefix: 'pnpm exec' } },
  { id: 'yarn', kind: 'packageManager', ecosystems: ['node'], signals: { files: [{ glob: 'yarn.lock', weight: 0.9 }, { glob: 'package.json', contains: /"packageManager"\s*:\s*"yarn@/, weight: 0.8 }] }, conventions: { label: 'Yarn', runPrefix: 'yarn' } },
  { id: 'bun', kind: 'packageManager', ecosystems: ['node'], signals: { files: [{ glob: 'bun.{lockb,lock}', weight: 0.9 }, { glob: 'package.json', contains: /"packageManager"\s*:\s*"bun@/, weight: 0.8 }] }, conventions: { label: 'Bun', runPrefix: 'bunx' } },
  { id: 'npm', kind: 'packageManager', ecosystems: ['node'], signals: { files: [{ glob: '{package-lock,npm-shrinkwrap}.json', weight: 0.9 }, { glob: 'package.json', weight: 0.3 }] }, conventions: { label: 'npm', runPrefix: 'npx' } },
  { id: 'uv', kind: 'packageManager', ecosystems: ['python'], signals: { files: [{ glob: 'uv.lock', weight: 0.9 }, { glob: 'pyproject.toml', contains: /^\[tool\.uv\b/m, weight: 0.6 }] }, conventions: { label: 'uv', runPrefix: 'uv run' } },
  { id: 'poetry', kind: 'packageManager', ecosystems: ['python'], signals: { files: [{ glob: 'poetry.lock', weight: 0.9 }, { glob: 'pyproject.toml', contains: /^\[tool\.poetry\]/m, weight: 0.7 }] }, conventions: { label: 'Poetry', runPrefix: 'poetry run' } },
  { id: 'pipenv', kind: 'packageManager', ecosystems: ['python'], signals: { files: [{ glob: 'Pipfile.lock', weight: 0.9 }, { glob: 'Pipfile', weight: 0.7 }] }, conventions: { label: 'Pipenv', runPrefix: 'pipenv run' } },
  { id: 'pip', kind: 'packageManager', ecosystems: ['python'], signals: { files: [{ glob: '{requirements*.txt,requirements/*.txt}', weight: 0.45 }, { glob: 'pyproject.toml', weight: 0.3 }] }, conventions: { label: 'pip' } },
  { id: 'go', kind: 'packageManager', ecosystems: ['go'], signals: { files: [{ glob: 'go.mod', weight: 0.9 }] }, conventions: { label: 'Go modules' } },
  { id: 'bundler', kind: 'packageManager', ecosystems: ['ruby'], signals: { files: [{ glob: 'Gemfile', weight: 0.9 }] }, conventions: { label: 'Bundler', runPrefix: 'bundle exec' } },
  { id: 'cargo', kind: 'packageManager', ecosystems: ['rust'], signals: { files: [{ glob: 'Cargo.toml', weight: 0.9 }] }, conventions: { label: 'Cargo' } },
  { id: 'maven', kind: 'packageManager', ecosystems: ['jvm'], signals: { files: [{ glob: 'pom.xml', weight: 0.9 }] }, conventions: { label: 'Maven', testCommand: 'mvn test' } },
  { id: 'gradle', kind: 'packageManager', ecosystems: ['jvm'], signals: { files: [{ glob: 'build.gradle{,.kts}', weight: 0.9 }] }, conventions: { label: 'Gradle', testCommand: './gradlew test' } },

  // ── validation ───────────────────────────────────────────────────────────
  { id: 'zod', kind: 'validation', ecosystems: ['node'], signals: { deps: { node: ['zod'] }, imports: { node: ['zod'] } }, conventions: { label: 'zod' } },
  { id: 'class-validator', kind: 'validation', ecosystems: ['node'], signals: { deps: { node: ['class-validator'] }, imports: { node: ['class-validator'] } }, conventions: { label: 'class-validator' } },
  { id: 'joi', kind: 'validation', ecosystems: ['node'], signals: { deps: { node: ['joi'] }, imports: { node: ['joi'] } }, conventions: { label: 'Joi' } },
  { id: 'yup', kind: 'validation', ecosystems: ['node'], signals: { deps: { node: ['yup'] }, imports: { node: ['yup'] } }, conventions: { label: 'Yup' } },
  { id: 'valibot', kind: 'validation', ecosystems: ['node'], signals: { deps: { node: ['valibot'] }, imports: { node: ['valibot'] } }, conventions: { label: 'Valibot' } },
  { id: 'typebox', kind: 'validation', ecosystems: ['node'], signals: { deps: { node: ['@sinclair/typebox', '@fastify/type-provider-typebox'] }, imports: { node: ['@sinclair/typebox', '@fastify/type-provider-typebox'] } }, conventions: { label: 'TypeBox (JSON Schema)' } },
  { id: 'pydantic', kind: 'validation', ecosystems: ['python'], signals: { deps: { python: ['pydantic'] }, imports: { python: ['pydantic'] } }, conventions: { label: 'Pydantic' } },
  { id: 'marshmallow', kind: 'validation', ecosystems: ['python'], signals: { deps: { python: ['marshmallow', 'flask-marshmallow'] }, imports: { python: ['marshmallow', 'flask_marshmallow'] } }, conventions: { label: 'marshmallow' } },
  { id: 'drf-serializers', kind: 'validation', ecosystems: ['python'], within: ['drf'], signals: { usage: [/serializers\.(Model)?Serializer\b/] }, conventions: { label: 'DRF serializers' } },
  { id: 'django-forms', kind: 'validation', ecosystems: ['python'], within: ['django', 'drf'], signals: { usage: [/forms\.(Model)?Form\b/] }, conventions: { label: 'Django forms' } },
  { id: 'go-playground-validator', kind: 'validation', ecosystems: ['go'], signals: { deps: { go: ['github.com/go-playground/validator'] }, imports: { go: ['github.com/go-playground/validator'] } }, conventions: { label: 'go-playground/validator' } },
  { id: 'ozzo-validation', kind: 'validation', ecosystems: ['go'], signals: { deps: { go: ['github.com/go-ozzo/ozzo-validation'] }, imports: { go: ['github.com/go-ozzo/ozzo-validation'] } }, conventions: { label: 'ozzo-validation' } },
  { id: 'active-model-validations', kind: 'validation', ecosystems: ['ruby'], within: ['rails', 'sinatra'], signals: { usage: [/^\s*validates?\s+:/m] }, conventions: { label: 'Active Model validations' } },
  { id: 'validator-rs', kind: 'validation', ecosystems: ['rust'], signals: { deps: { rust: ['validator', 'garde'] }, imports: { rust: ['validator', 'garde'] } }, conventions: { label: 'validator (crate)' } },
  { id: 'jakarta-validation', kind: 'validation', ecosystems: ['jvm'], signals: { deps: { jvm: ['org.springframework.boot:spring-boot-starter-validation', 'jakarta.validation:jakarta.validation-api'] }, imports: { jvm: ['jakarta.validation', 'javax.validation'] } }, conventions: { label: 'Jakarta Bean Validation' } },

  // ── loggers ──────────────────────────────────────────────────────────────
  { id: 'pino', kind: 'logger', ecosystems: ['node'], signals: { deps: { node: ['pino', 'pino-http', 'nestjs-pino'] }, imports: { node: ['pino', 'pino-http', 'nestjs-pino'] } }, conventions: { label: 'pino' } },
  { id: 'winston', kind: 'logger', ecosystems: ['node'], signals: { deps: { node: ['winston', 'nest-winston'] }, imports: { node: ['winston', 'nest-winston'] } }, conventions: { label: 'winston' } },
  { id: 'bunyan', kind: 'logger', ecosystems: ['node'], signals: { deps: { node: ['bunyan'] }, imports: { node: ['bunyan'] } }, conventions: { label: 'bunyan' } },
  { id: 'nestjs-logger', kind: 'logger', ecosystems: ['node'], within: ['nestjs'], signals: { usage: [/new Logger\(/] }, conventions: { label: 'NestJS Logger' } },
  { id: 'structlog', kind: 'logger', ecosystems: ['python'], signals: { deps: { python: ['structlog'] }, imports: { python: ['structlog'] } }, conventions: { label: 'structlog' } },
  { id: 'loguru', kind: 'logger', ecosystems: ['python'], signals: { deps: { python: ['loguru'] }, imports: { python: ['loguru'] } }, conventions: { label: 'loguru' } },
  { id: 'python-logging', kind: 'logger', ecosystems: ['python'], signals: { usage: [/^import logging\b|logging\.getLogger\(/m] }, conventions: { label: 'logging (stdlib)' } },
  { id: 'zap', kind: 'logger', ecosystems: ['go'], signals: { deps: { go: ['go.uber.org/zap'] }, imports: { go: ['go.uber.org/zap'] } }, conventions: { label: 'zap' } },
  { id: 'zerolog', kind: 'logger', ecosystems: ['go'], signals: { deps: { go: ['github.com/rs/zerolog'] }, imports: { go: ['github.com/rs/zerolog'] } }, conventions: { label: 'zerolog' } },
  { id: 'logrus', kind: 'logger', ecosystems: ['go'], signals: { deps: { go: ['github.com/sirupsen/logrus'] }, imports: { go: ['github.com/sirupsen/logrus'] } }, conventions: { label: 'logrus' } },
  { id: 'slog', kind: 'logger', ecosystems: ['go'], signals: { imports: { go: ['log/slog'] }, usage: [/\bslog\.(New|Info|Error|Warn|Debug)\w*\(/] }, conventions: { label: 'log/slog' } },
  { id: 'rails-logger', kind: 'logger', ecosystems: ['ruby'], within: ['rails'], signals: { deps: { ruby: ['lograge', 'semantic_logger', 'rails_semantic_logger'] }, usage: [/Rails\.logger\./] }, conventions: { label: 'Rails.logger' } },
  { id: 'tracing', kind: 'logger', ecosystems: ['rust'], signals: { deps: { rust: ['tracing', 'tracing-subscriber'] }, imports: { rust: ['tracing', 'tracing_subscriber'] } }, conventions: { label: 'tracing' } },
  { id: 'logback', kind: 'logger', ecosystems: ['jvm'], signals: { imports: { jvm: ['org.slf4j'] }, files: [{ glob: 'src/main/resources/logback*.xml' }] }, conventions: { label: 'SLF4J + Logback' } },

  // ── migration tools ──────────────────────────────────────────────────────
  { id: 'prisma-migrate', kind: 'migrations', ecosystems: ['node'], signals: { files: [{ glob: '**/prisma/migrations/*/migration.sql', weight: 0.8 }] }, conventions: { label: 'Prisma Migrate', migrations: { tool: 'prisma-migrate', pattern: 'prisma/migrations/<timestamp>_<name>/migration.sql', command: 'npx prisma migrate dev --name <name>' } } },
  { id: 'drizzle-kit', kind: 'migrations', ecosystems: ['node'], signals: { deps: { node: ['drizzle-kit'] }, files: [{ glob: '**/meta/_journal.json', weight: 0.7 }] }, conventions: { label: 'drizzle-kit', migrations: { tool: 'drizzle-kit', pattern: 'drizzle/<nnnn>_<name>.sql', command: 'npx drizzle-kit generate --name <name>' } } },
  { id: 'typeorm-migrations', kind: 'migrations', ecosystems: ['node'], signals: { files: [{ glob: '**/migrations/*.{ts,js}', contains: /MigrationInterface/, weight: 0.7 }] }, conventions: { label: 'TypeORM migrations', migrations: { tool: 'typeorm-migrations', pattern: 'src/migrations/<timestamp>-<Name>.ts' } } },
  { id: 'sequelize-migrations', kind: 'migrations', ecosystems: ['node'], signals: { deps: { node: ['sequelize-cli'] }, files: [{ glob: '.sequelizerc', weight: 0.5 }, { glob: '**/migrations/*.{js,cjs}', contains: /queryInterface/, weight: 0.7 }] }, conventions: { label: 'Sequelize migrations', migrations: { tool: 'sequelize-migrations', pattern: 'migrations/<timestamp>-<name>.js', command: 'npx sequelize-cli migration:generate --name <name>' } } },
  { id: 'knex-migrations', kind: 'migrations', ecosystems: ['node'], signals: { files: [{ glob: '**/migrations/*.{js,ts,cjs,mjs}', contains: /\(knex\b|knex\.schema/, weight: 0.7 }] }, conventions: { label: 'Knex migrations', migrations: { tool: 'knex-migrations', pattern: 'migrations/<timestamp>_<name>.js', command: 'npx knex migrate:make <name>' } } },
  { id: 'migrate-mongo', kind: 'migrations', ecosystems: ['node'], signals: { deps: { node: ['migrate-mongo'] }, files: [{ glob: 'migrate-mongo-config.{js,cjs,mjs}', weight: 0.7 }] }, conventions: { label: 'migrate-mongo', migrations: { tool: 'migrate-mongo', pattern: 'migrations/<timestamp>-<name>.js', command: 'npx migrate-mongo create <name>' } } },
  { id: 'kysely-migrator', kind: 'migrations', ecosystems: ['node'], signals: { files: [{ glob: '**/migrations/*.ts', contains: /Kysely<any>/, weight: 0.7 }] }, conventions: { label: 'Kysely Migrator', migrations: { tool: 'kysely-migrator', pattern: 'migrations/<timestamp>_<name>.ts' } } },
  { id: 'alembic', kind: 'migrations', ecosystems: ['python'], signals: { deps: { python: ['alembic', 'flask-migrate'] }, files: [{ glob: '**/alembic.ini', weight: 0.6 }, { glob: '**/{alembic,migrations}/versions/*.py', weight: 0.7 }] }, conventions: { label: 'Alembic', migrations: { tool: 'alembic', pattern: 'alembic/versions/<rev>_<name>.py', command: 'alembic revision --autogenerate -m "<name>"' } } },
  { id: 'django-migrations', kind: 'migrations', ecosystems: ['python'], signals: { files: [{ glob: '**/migrations/0*.py', weight: 0.8 }] }, conventions: { label: 'Django migrations', migrations: { tool: 'django-migrations', pattern: '<app>/migrations/<nnnn>_<name>.py', command: 'python manage.py makemigrations <app> --name <name>' } } },
  { id: 'rails-migrations', kind: 'migrations', ecosystems: ['ruby'], signals: { files: [{ glob: 'db/migrate/*.rb', weight: 0.8 }] }, conventions: { label: 'Active Record migrations', migrations: { tool: 'rails-migrations', pattern: 'db/migrate/<timestamp>_<name>.rb', command: 'bin/rails generate migration <Name>' } } },
  { id: 'golang-migrate', kind: 'migrations', ecosystems: ['go'], signals: { deps: { go: ['github.com/golang-migrate/migrate'] }, files: [{ glob: '**/*.up.sql', weight: 0.6 }] }, conventions: { label: 'golang-migrate', migrations: { tool: 'golang-migrate', pattern: 'migrations/<timestamp>_<name>.up.sql', command: 'migrate create -ext sql -dir migrations <name>' } } },
  { id: 'goose', kind: 'migrations', ecosystems: ['go'], signals: { deps: { go: ['github.com/pressly/goose'] }, files: [{ glob: '**/migrations/*.sql', contains: /\+goose Up/, weight: 0.8 }] }, conventions: { label: 'goose', migrations: { tool: 'goose', pattern: 'migrations/<timestamp>_<name>.sql', command: 'goose -dir migrations create <name> sql' } } },
  { id: 'atlas', kind: 'migrations', ecosystems: ['go'], signals: { files: [{ glob: '**/ent/migrate/migrations/*.sql', weight: 0.7 }, { glob: 'atlas.hcl', weight: 0.6 }] }, conventions: { label: 'Atlas', migrations: { tool: 'atlas', pattern: 'ent/migrate/migrations/<timestamp>_<name>.sql', command: 'atlas migrate diff <name>' } } },
  { id: 'sqlx-migrate', kind: 'migrations', ecosystems: ['rust'], signals: { files: [{ glob: 'migrations/*.sql', weight: 0.6 }] }, conventions: { label: 'sqlx migrate', migrations: { tool: 'sqlx-migrate', pattern: 'migrations/<timestamp>_<name>.sql', command: 'sqlx migrate add <name>' } } },
  { id: 'diesel-migrations', kind: 'migrations', ecosystems: ['rust'], signals: { files: [{ glob: 'migrations/*/up.sql', weight: 0.8 }] }, conventions: { label: 'Diesel migrations', migrations: { tool: 'diesel-migrations', pattern: 'migrations/<timestamp>_<name>/up.sql', command: 'diesel migration generate <name>' } } },
  { id: 'sequel-migrations', kind: 'migrations', ecosystems: ['ruby'], signals: { files: [{ glob: 'db/migrations/*.rb', contains: /Sequel\.migration/, weight: 0.8 }] }, conventions: { label: 'Sequel migrations', migrations: { tool: 'sequel-migrations', pattern: 'db/migrations/<nnn>_<name>.rb', command: 'sequel -m db/migrations $DATABASE_URL' } } },
  { id: 'flyway', kind: 'migrations', ecosystems: ['jvm'], signals: { deps: { jvm: ['org.flywaydb:flyway-core'] }, files: [{ glob: 'src/main/resources/db/migration/V*.sql', weight: 0.8 }] }, conventions: { label: 'Flyway', migrations: { tool: 'flyway', pattern: 'src/main/resources/db/migration/V<n>__<name>.sql' } } },
  { id: 'liquibase', kind: 'migrations', ecosystems: ['jvm'], signals: { deps: { jvm: ['org.liquibase:liquibase-core'] }, files: [{ glob: 'src/main/resources/db/changelog/**', weight: 0.6 }] }, conventions: { label: 'Liquibase', migrations: { tool: 'liquibase', pattern: 'src/main/resources/db/changelog/<nnn>-<name>.yaml' } } },
];

const BY_KIND_ID = new Map(CATALOG.map((entry) => [`${entry.kind}:${entry.id}`, entry]));

/** The entry for an id; `kind` tells apart the two ids that are shared (`go` the language and the module tool). */
export function catalogEntry(id: string, kind?: Kind): CatalogEntry | undefined {
  if (kind) return BY_KIND_ID.get(`${kind}:${id}`);
  return CATALOG.find((entry) => entry.id === id);
}

export function entriesOfKind(kind: Kind): CatalogEntry[] {
  return CATALOG.filter((entry) => entry.kind === kind);
}
