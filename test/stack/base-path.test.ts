// The one prefix an app's framework setting puts before every route (Nest setGlobalPrefix, Spring's
// context path) is the contract's server base path; a sprint that already writes it keeps its paths.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildContract } from '../../lib/contract/index.js';
import { extractScope } from '../../lib/scope/index.js';
import { detectedService } from '../helpers/detect.js';

const nest = {
  'package.json': JSON.stringify({ name: 'blog', dependencies: { '@nestjs/core': '^10', '@nestjs/common': '^10' } }),
  'src/app.module.ts': "import { Module } from '@nestjs/common';\n@Module({})\nexport class AppModule {}\n",
  'src/main.ts': "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\n\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.setGlobalPrefix('api');\n  await app.listen(3000);\n}\nbootstrap();\n",
};

describe('the app’s global route prefix', () => {
  it('is read from Nest’s setGlobalPrefix and becomes the server base path', async () => {
    const service = await detectedService(nest);
    expect(service.layout?.basePath).toEqual({ path: '/api', evidence: [{ file: 'src/main.ts', line: 6 }] });
    const scope = extractScope('# Drafts\n\n## API\n\n- `GET /articles/drafts` lists my drafts.\n');
    const { artifact } = await buildContract(scope, { apiStyle: 'rest', title: 'Drafts', stack: service, location: 'auto' });
    const doc = parse(artifact.text);
    expect(doc.servers).toEqual([{ url: '/api', description: "The app's global route prefix (src/main.ts:6); paths follow it." }]);
    expect(Object.keys(doc.paths)).toEqual(['/articles/drafts']);
    expect(artifact.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('leaves the server at / when the sprint already writes the prefix in its paths', async () => {
    const service = await detectedService(nest);
    const scope = extractScope('# Drafts\n\n## API\n\n- `GET /api/articles/drafts` lists my drafts.\n');
    const { artifact } = await buildContract(scope, { apiStyle: 'rest', title: 'Drafts', stack: service, location: 'auto' });
    expect(parse(artifact.text).servers[0].url).toBe('/');
  });

  it('is read from Spring Boot’s context path', async () => {
    const service = await detectedService({
      'pom.xml': '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>\n',
      'src/main/java/com/x/App.java': 'package com.x;\nimport org.springframework.boot.autoconfigure.SpringBootApplication;\n@SpringBootApplication\npublic class App {}\n',
      'src/main/resources/application.properties': 'spring.application.name=x\nserver.servlet.context-path=/shop/\n',
    });
    expect(service.layout?.basePath).toEqual({ path: '/shop', evidence: [{ file: 'src/main/resources/application.properties', line: 2 }] });
  });
});
