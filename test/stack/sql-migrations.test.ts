// A Spring Boot app whose ORM declares no tables (MyBatis mappers): the SQL migrations are where its tables,
// their columns and their key type are written (Spring realworld trial: `id varchar(255) primary key`).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectStack } from '../../lib/stack/index.js';
import { fileRole } from '../../lib/stack/scan.js';
import type { ServiceStack } from '../../lib/types.js';
import { detectedService } from '../helpers/detect.js';

const REPO = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/repos/fit-spring-mybatis-flyway');

describe('tables and keys from SQL migrations', () => {
  let shelf: ServiceStack;
  beforeAll(async () => {
    shelf = (await detectStack(REPO)).services[0];
  });

  it('reads `id varchar(64) primary key` as string keys, citing the migration', () => {
    expect(shelf.layout?.primaryKey).toEqual({ type: 'string', evidence: [{ file: 'src/main/resources/db/migration/V1__create_books.sql', line: 2 }] });
  });

  it('reads the tables CREATE TABLE makes, with the columns a later ALTER TABLE adds', () => {
    const books = shelf.layout?.tables?.find((table) => table.table === 'books');
    expect(books?.columns.map((column) => `${column.name} ${column.type}`)).toEqual(['id varchar(64)', 'owner_id varchar(64)', 'title varchar(200)', 'created_at timestamp', 'isbn varchar(20)']);
    expect(books?.evidence).toEqual([{ file: 'src/main/resources/db/migration/V1__create_books.sql', line: 1 }]);
  });

  it('a char(36) key stays a uuid, and an integer key an integer', async () => {
    const keyOf = async (sql: string) => (await detectedService({
      'pom.xml': '<project><dependencies><dependency><groupId>org.flywaydb</groupId><artifactId>flyway-core</artifactId></dependency></dependencies></project>',
      'src/main/resources/db/migration/V1__init.sql': sql,
    })).layout?.primaryKey?.type;
    expect(await keyOf('create table a (\n  id char(36) primary key\n);\n')).toBe('uuid');
    expect(await keyOf('create table a (\n  id integer primary key\n);\n')).toBe('integer');
    expect(await keyOf('create table a (\n  id text primary key\n);\n')).toBe('string');
  });
});

describe('a Java package named like a demo folder', () => {
  it('src/main/java/com/example/… is main code, src/test/java/com/example/… tests; a top-level examples/ stays aux', () => {
    expect(fileRole('src/main/java/com/example/demo/DemoApplication.java')).toBe('main');
    expect(fileRole('src/main/kotlin/com/example/demo/Api.kt')).toBe('main');
    expect(fileRole('src/test/java/com/example/demo/DemoApplicationTests.java')).toBe('test');
    expect(fileRole('examples/src/main/java/com/acme/App.java')).toBe('aux');
  });
});

describe('javax.validation against jakarta.validation', () => {
  it('imports of javax.validation are Bean Validation under its javax package (Spring Boot 2)', async () => {
    const shelf = (await detectStack(REPO)).services[0];
    expect(shelf.validation?.value).toBe('javax-validation');
  });
});
