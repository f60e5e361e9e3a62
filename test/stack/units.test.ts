import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { globToRegExp } from '../../lib/stack/glob.js';
import { depMatches, readManifests } from '../../lib/stack/manifests.js';
import { fileRole, RepoReader } from '../../lib/stack/scan.js';
import { enclosingFunction, extractImports, isReferenced } from '../../lib/stack/sources.js';

describe('glob', () => {
  it('matches **, * and braces', () => {
    expect(globToRegExp('**/*.prisma').test('prisma/schema.prisma')).toBe(true);
    expect(globToRegExp('**/*.prisma').test('schema.prisma')).toBe(true);
    expect(globToRegExp('{app,src/app}/**/route.{ts,js}').test('src/app/api/x/route.ts')).toBe(true);
    expect(globToRegExp('{app,src/app}/**/route.{ts,js}').test('lib/app/route.ts')).toBe(false);
    expect(globToRegExp('migrations/*.sql').test('migrations/a/up.sql')).toBe(false);
  });
});

describe('manifests', () => {
  let root: string;
  const write = async (files: Record<string, string>) => {
    root = await mkdtemp(path.join(tmpdir(), 'magi-manifest-'));
    for (const [rel, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
      await writeFile(path.join(root, rel), text);
    }
    return new RepoReader(root);
  };
  afterAll(async () => root && rm(root, { recursive: true, force: true }));

  it('follows -r includes, keeps extras as pseudo-dependencies and marks dev files', async () => {
    const reader = await write({ 'requirements.txt': '-r requirements/base.txt\n', 'requirements/base.txt': 'Django==5.0\ncelery[redis]==5.3\n', 'requirements-dev.txt': 'pytest\n' });
    const { deps } = await readManifests(reader, '.', ['requirements.txt', 'requirements/base.txt', 'requirements-dev.txt']);
    expect(deps.map((d) => `${d.name}:${d.dev}:${d.file}:${d.line}`).sort()).toEqual(
      ['celery/redis:false:requirements/base.txt:2', 'celery:false:requirements/base.txt:2', 'django:false:requirements/base.txt:1', 'pytest:true:requirements-dev.txt:1'].sort(),
    );
  });

  it('marks Go // indirect requirements and Gemfile groups, with and without versions', async () => {
    const reader = await write({
      'go.mod': 'module x\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.9.1\n\tgorm.io/gorm v1.25.9 // indirect\n)\n',
      'Gemfile': 'gem "rails", "~> 7.1"\ngem \'pg\'\ngroup :development, :test do\n  gem "rspec-rails"\nend\ngem "minitest", group: :test\n',
    });
    const { deps } = await readManifests(reader, '.', ['go.mod', 'Gemfile']);
    const byName = Object.fromEntries(deps.map((d) => [d.name, d]));
    expect(byName['gorm.io/gorm'].indirect).toBe(true);
    expect(byName['github.com/gin-gonic/gin'].indirect).toBe(false);
    expect([byName.rails.dev, byName.pg.dev, byName['rspec-rails'].dev, byName.minitest.dev]).toEqual([false, false, true, true]);
    expect(byName.pg.line).toBe(2);
  });

  it('keeps a gem\'s version requirement as declared, else the version Gemfile.lock resolved', async () => {
    const reader = await write({
      'Gemfile': "gem 'rails', '4.2.6'\ngem 'sass-rails', '~> 5.0', '>= 5.0.1'\ngem 'jbuilder'\ngem 'puma', require: false\n",
      'Gemfile.lock': 'GEM\n  remote: https://rubygems.org/\n  specs:\n    jbuilder (2.6.0)\n      activesupport (>= 3.0.0, < 5.1)\n    rails (4.2.6)\n\nDEPENDENCIES\n  jbuilder (~> 2.0)\n',
    });
    const { deps } = await readManifests(reader, '.', ['Gemfile']);
    expect(Object.fromEntries(deps.map((d) => [d.name, d.version]))).toEqual({ rails: '4.2.6', 'sass-rails': '~> 5.0, >= 5.0.1', jbuilder: '2.6.0', puma: undefined });
  });

  it('reads poetry groups, PEP 735 groups and Cargo features', async () => {
    const reader = await write({
      'pyproject.toml': '[project]\nname = "x"\ndependencies = ["fastapi>=0.1"]\n[dependency-groups]\ndev = ["pytest"]\n[tool.poetry.group.test.dependencies]\nhttpx = "*"\n',
      'Cargo.toml': '[package]\nname = "y"\n[dependencies]\nsqlx = { version = "0.7", features = ["postgres"] }\n',
    });
    const { deps, names } = await readManifests(reader, '.', ['pyproject.toml', 'Cargo.toml']);
    expect(deps.filter((d) => d.ecosystem === 'python').map((d) => `${d.name}:${d.dev}`)).toEqual(['fastapi:false', 'pytest:true', 'httpx:true']);
    expect(deps.filter((d) => d.ecosystem === 'rust').map((d) => d.name)).toEqual(['sqlx', 'sqlx/postgres']);
    expect(names).toEqual(['x', 'y']);
  });

  it('reads Gradle dependencies through the version catalog: libraries, bundles and plugins, with their versions', async () => {
    const reader = await write({
      'gradle/libs.versions.toml': [
        '[versions]', 'ktor = "3.0.3"', '',
        '[libraries]',
        'ktor-server-core = { module = "io.ktor:ktor-server-core-jvm", version.ref = "ktor" }',
        'ktor_server_auth_jwt = { group = "io.ktor", name = "ktor-server-auth-jwt", version = "3.0.1" }',
        'exposed-core = "org.jetbrains.exposed:exposed-core:0.56.0"',
        'exposed-jdbc = { module = "org.jetbrains.exposed:exposed-jdbc" }',
        'test-host = { module = "io.ktor:ktor-server-test-host-jvm", version.ref = "ktor" }', '',
        '[bundles]', 'exposed = ["exposed-core", "exposed-jdbc"]', '',
        '[plugins]', 'ktor = { id = "io.ktor.plugin", version.ref = "ktor" }', '',
      ].join('\n'),
      'app/build.gradle.kts': [
        'plugins {', '    alias(libs.plugins.ktor)', '}', 'dependencies {',
        '    implementation(libs.ktor.server.core)', '    implementation(libs.ktor.server.auth.jwt)', '    implementation(libs.bundles.exposed)',
        '    implementation("org.postgresql:postgresql:$postgresVersion")', '    testImplementation(libs.test.host)', '    implementation(libs.not.in.catalog)', '}', '',
      ].join('\n'),
      'app/settings.gradle.kts': 'rootProject.name = "shelf"\n',
    });
    // The catalog sits at the build's root, one folder above the module.
    const { deps, names } = await readManifests(reader, 'app', ['app/build.gradle.kts']);
    expect(deps.map((d) => [d.name, d.line, d.dev, d.version])).toEqual([
      ['plugin:io.ktor.plugin', 2, false, '3.0.3'],
      ['io.ktor:ktor-server-core-jvm', 5, false, '3.0.3'],
      ['io.ktor:ktor-server-auth-jwt', 6, false, '3.0.1'],
      ['org.jetbrains.exposed:exposed-core', 7, false, '0.56.0'],
      ['org.jetbrains.exposed:exposed-jdbc', 7, false, undefined],
      ['org.postgresql:postgresql', 8, false, undefined],
      ['io.ktor:ktor-server-test-host-jvm', 9, true, '3.0.3'],
    ]);
    expect(names).toEqual(['shelf']);
  });

  it('a version catalog that does not parse is a warning, and the literal dependencies still count', async () => {
    const reader = await write({ 'gradle/libs.versions.toml': '[libraries\n', 'build.gradle': "dependencies {\n  implementation 'io.ktor:ktor-server-core:2.3.0'\n  implementation libs.exposed.core\n}\n" });
    const result = await readManifests(reader, '.', ['build.gradle']);
    expect(result.deps.map((d) => `${d.name}@${d.version}`)).toEqual(['io.ktor:ktor-server-core@2.3.0']);
    expect(result.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^gradle\/libs\.versions\.toml could not be parsed \(.+\); the dependencies it names were skipped\.$/)]);
  });

  it('turns an unparsable manifest into a warning', async () => {
    const reader = await write({ 'package.json': '{ nope', 'pom.xml': '<nothing/>' });
    const result = await readManifests(reader, '.', ['package.json', 'pom.xml']);
    expect(result.warnings.map((w) => w.code)).toEqual(['unparsable-manifest', 'unparsable-manifest']);
    expect(result.deps).toEqual([]);
  });

  it('matches Go module paths by prefix and JVM coordinates exactly', () => {
    expect(depMatches('github.com/jackc/pgx/v5', 'github.com/jackc/pgx')).toBe(true);
    expect(depMatches('github.com/jackc/pgxpool', 'github.com/jackc/pgx')).toBe(false);
    expect(depMatches('celery/redis', 'celery')).toBe(false);
    expect(depMatches('@clerk/express', '@clerk/*')).toBe(true);
  });
});

describe('sources', () => {
  it('extracts run-time imports and skips type-only ones', () => {
    const ts = "import type { Request } from 'express';\nimport { z } from 'zod';\nconst pg = require('pg');\n";
    expect(extractImports(ts, 'node')).toEqual(['zod', 'pg']);
    expect(extractImports('from app.db import x\nimport os, jwt as j\n', 'python')).toEqual(['app.db', 'os', 'jwt']);
    expect(extractImports('import (\n\t"net/http"\n\tpaseto "aidanwoods.dev/go-paseto"\n)\n', 'go')).toEqual(['net/http', 'aidanwoods.dev/go-paseto']);
    expect(extractImports('use axum::Router;\nlet x = sqlx::query("");\n', 'rust')).toContain('sqlx');
  });

  it('finds the enclosing function by indentation, and whether anything calls it', () => {
    const go = 'package x\n\nfunc startLegacy() {\n\tr := gin.Default()\n}\n';
    expect(enclosingFunction(go, go.indexOf('gin.Default'), 'go')).toBe('startLegacy');
    const py = 'app = Flask(__name__)\n';
    expect(enclosingFunction(py, 0, 'python')).toBeUndefined();
    expect(isReferenced('startLegacy', [go])).toBe(false);
    expect(isReferenced('startLegacy', [go, 'startLegacy()'])).toBe(true);
    expect(isReferenced('create_app', [])).toBe(true);
  });

  it('does not judge a decorated function by its callers: the decorator registers it', () => {
    const py = [
      'class Settings(BaseSettings):',
      '    @field_validator("database_url", mode="before")',
      '    @classmethod',
      '    def _driver(cls, value):',
      '        return value.replace("postgresql://", "postgresql+psycopg://", 1)',
      '',
    ].join('\n');
    expect(enclosingFunction(py, py.indexOf('postgresql://'), 'python')).toBeUndefined();
    const spread = ['@router.get(', '    "/health",', ')', 'def health():', '    return pool.ping()', ''].join('\n');
    expect(enclosingFunction(spread, spread.indexOf('pool.ping'), 'python')).toBeUndefined();
    const plain = ['def unused_helper():', '    return connect("postgresql://x")', ''].join('\n');
    expect(enclosingFunction(plain, plain.indexOf('postgresql'), 'python')).toBe('unused_helper');
  });

  it('classifies examples, tests and app files', () => {
    expect(fileRole('examples/hello/index.js')).toBe('aux');
    expect(fileRole('src/app.test.ts')).toBe('test');
    expect(fileRole('posts/tests.py')).toBe('test');
    expect(fileRole('internal/api/handlers.go')).toBe('main');
  });
});
