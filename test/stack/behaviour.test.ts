import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isMagiError } from '../../lib/errors.js';
import { detectStack, pickService } from '../../lib/stack/index.js';
import { LIMITS } from '../../lib/stack/detect.js';
import { RepoReader } from '../../lib/stack/scan.js';

const made: string[] = [];

async function repo(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'magi-stack-'));
  made.push(root);
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), text);
  }
  return root;
}

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const expressApp = {
  'package.json': JSON.stringify({ name: 'api', dependencies: { express: '^4' } }),
  'src/app.js': "const express = require('express');\nconst app = express();\napp.get('/x', (req, res) => res.json({}));\nmodule.exports = app;\n",
};

describe('detectStack', () => {
  it('gives Rails the version its Gemfile declares, or Gemfile.lock resolves', async () => {
    const app = { 'config/application.rb': 'require "rails/all"\nmodule Shop\n  class Application < Rails::Application\n  end\nend\n', 'config/routes.rb': 'Rails.application.routes.draw do\n  resources :orders\nend\n' };
    const declared = await detectStack(await repo({ ...app, Gemfile: "source 'https://rubygems.org'\ngem 'rails', '4.2.6'\n" }));
    expect(declared.services[0].framework).toMatchObject({ value: 'rails', version: '4.2.6' });
    const locked = await detectStack(await repo({ ...app, Gemfile: "gem 'rails'\n", 'Gemfile.lock': 'GEM\n  specs:\n    rails (7.1.3)\n' }));
    expect(locked.services[0].framework).toMatchObject({ value: 'rails', version: '7.1.3' });
  });

  it('reports an empty repository as empty', async () => {
    expect(await detectStack(await repo({}))).toEqual({ kind: 'empty', services: [], warnings: [] });
  });

  it('treats a repository holding only a .env file as empty and never reads the secret', async () => {
    const spy = vi.spyOn(RepoReader.prototype, 'read');
    const report = await detectStack(await repo({ '.env': 'DATABASE_URL=mysql://fake:fake@x/y\n' }));
    expect(report.kind).toBe('empty');
    expect(spy.mock.calls.map(([file]) => file)).not.toContain('.env');
  });

  it('never reads .env files, even beside a real app', async () => {
    const spy = vi.spyOn(RepoReader.prototype, 'read');
    const root = await repo({ ...expressApp, '.env': 'DATABASE_URL=mysql://fake:fake@x/y\n', 'config/.env.local': 'REDIS_URL=redis://fake@x\n' });
    const report = await detectStack(root);
    const read = spy.mock.calls.map(([file]) => path.basename(file));
    expect(read).not.toContain('.env');
    expect(read).not.toContain('.env.local');
    expect(report.services[0].databases).toEqual([]);
  });

  it('throws a MagiError when the root is not a folder', async () => {
    const error = await detectStack(path.join(tmpdir(), 'does-not-exist-magi')).catch((e: unknown) => e);
    expect(isMagiError(error)).toBe(true);
  });

  it('records two frameworks that are both used as an ambiguity, best first', async () => {
    const root = await repo({
      'package.json': JSON.stringify({ name: 'two', dependencies: { express: '^4', fastify: '^4' } }),
      'src/app.js': "const express = require('express');\nconst app = express();\napp.get('/a', (q, s) => s.end());\nmodule.exports = app;\n",
      'src/server.js': "const Fastify = require('fastify');\nconst server = Fastify();\nserver.get('/b', async () => ({}));\nmodule.exports = server;\n",
    });
    const [service] = (await detectStack(root)).services;
    const ambiguity = service.ambiguities.find((a) => a.dimension === 'framework');
    expect(ambiguity?.candidates.map((c) => c.value).sort()).toEqual(['express', 'fastify']);
    expect(ambiguity?.candidates[0].value).toBe(service.framework?.value);
    expect(ambiguity!.candidates[0].confidence).toBeGreaterThanOrEqual(ambiguity!.candidates[1].confidence);
  });

  it('records two server binaries in one Go module as an app-entry ambiguity', async () => {
    const main = (port: string) => `package main\n\nimport "github.com/gin-gonic/gin"\n\nfunc main() {\n\tr := gin.Default()\n\tr.GET("/x", nil)\n\tr.Run("${port}")\n}\n`;
    const root = await repo({
      'go.mod': 'module example.com/two\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.9.1\n',
      'cmd/public/main.go': main(':8080'),
      'cmd/admin/main.go': main(':8081'),
    });
    const [service] = (await detectStack(root)).services;
    const ambiguity = service.ambiguities.find((a) => a.dimension === 'appEntry');
    expect(ambiguity?.candidates.map((c) => c.value).sort()).toEqual(['cmd/admin/main.go#main', 'cmd/public/main.go#main']);
  });

  it('skips folders ignored by .gitignore and dependency folders', async () => {
    const root = await repo({
      ...expressApp,
      '.gitignore': 'generated/\n',
      'generated/server.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
      'generated/requirements.txt': 'fastapi\n',
      'node_modules/koa/package.json': JSON.stringify({ name: 'koa' }),
    });
    const report = await detectStack(root);
    expect(report.kind).toBe('app');
    expect(report.services.map((s) => s.framework?.value)).toEqual(['express']);
  });

  it('reads a bounded number of files however many sources the repository has', async () => {
    const files: Record<string, string> = { ...expressApp };
    for (let i = 0; i < 1500; i++) files[`src/feature${i % 30}/util${i}.js`] = `module.exports = ${i};\n`;
    const root = await repo(files);
    const spy = vi.spyOn(RepoReader.prototype, 'read');
    const [service] = (await detectStack(root)).services;
    expect(service.framework?.value).toBe('express');
    expect(service.appEntry?.value).toBe('src/app.js#default');
    expect(spy.mock.calls.length).toBeLessThan(LIMITS.sourcesPerService + LIMITS.testsPerService + 60);
  });

  it('narrows the report to the service asked for, by name or by path', async () => {
    const root = await repo({
      'a/package.json': JSON.stringify({ name: 'svc-a', dependencies: { express: '^4' } }),
      'a/index.js': "const express = require('express');\nconst app = express();\napp.listen(1);\n",
      'b/requirements.txt': 'flask\n',
      'b/app.py': 'from flask import Flask\napp = Flask(__name__)\n',
    });
    const full = await detectStack(root);
    expect(full.kind).toBe('monorepo');
    expect(pickService(full)).toBeUndefined();
    expect(pickService(full, 'svc-a')?.path).toBe('a');
    expect(pickService(full, './b/')?.framework?.value).toBe('flask');
    expect(pickService(full, 'nope')).toBeUndefined();
    const narrowed = await detectStack(root, { service: 'b' });
    expect(narrowed.services.map((s) => s.path)).toEqual(['b']);
    const error = await detectStack(root, { service: 'c' }).catch((e: unknown) => e);
    expect(isMagiError(error) && error.id).toBe('unknown-service');
  });

  it('lists the API style served from the most files first: REST before a small internal gRPC server', async () => {
    const report = await detectStack(path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/repos/fit-express-grpc-side'));
    expect(report.services[0].apiStyles.map((s) => s.value)).toEqual(['rest', 'grpc']);
  });

  it('does not report gRPC for an app that only calls a gRPC service', async () => {
    const root = await repo({
      'package.json': JSON.stringify({ name: 'api', dependencies: { express: '^4', '@grpc/grpc-js': '^1', '@grpc/proto-loader': '^0.7' } }),
      'protos/stock.proto': 'syntax = "proto3";\nservice Stock {\n  rpc Check (Req) returns (Res);\n}\nmessage Req {}\nmessage Res {}\n',
      'src/app.js': "const express = require('express');\nconst { check } = require('./stock');\nconst app = express();\napp.get('/x', async (q, s) => s.json(await check()));\nmodule.exports = app;\n",
      'src/stock.js': "const grpc = require('@grpc/grpc-js');\nconst loader = require('@grpc/proto-loader');\nconst { Stock } = grpc.loadPackageDefinition(loader.loadSync('protos/stock.proto'));\nconst client = new Stock('stock:50051', grpc.credentials.createInsecure());\nexports.check = () => new Promise((ok) => client.Check({}, (e, r) => ok(r)));\n",
    });
    const [service] = (await detectStack(root)).services;
    expect(service.framework?.value).toBe('express');
    expect(service.apiStyles.map((s) => s.value)).toEqual(['rest']);
  });

  it('does not count JWT code in a side-purpose function, but counts the real check beside it', async () => {
    const users = (withLogin: boolean) =>
      "const jwt = require('jsonwebtoken');\n\nfunction confirmEmailChange(token) {\n  return jwt.verify(token, 'k');\n}\n" +
      (withLogin ? "\nfunction requireUser(req, res, next) {\n  req.user = jwt.verify(req.headers.authorization, 'k');\n  next();\n}\n" : '') +
      'module.exports = { confirmEmailChange, requireUser: typeof requireUser === "undefined" ? null : requireUser };\n';
    const app = (withLogin: boolean) => ({
      'package.json': JSON.stringify({ name: 'api', dependencies: { express: '^4', jsonwebtoken: '^9' } }),
      'src/app.js': "const express = require('express');\nconst users = require('./users');\nconst app = express();\napp.get('/x', (q, s) => s.json(users.confirmEmailChange(q.query.t)));\napp.get('/me', users.requireUser, (q, s) => s.json(q.user));\nmodule.exports = app;\n",
      'src/users.js': users(withLogin),
    });
    const side = (await detectStack(await repo(app(false)))).services[0];
    expect(side.auth.map((a) => a.value)).not.toContain('jwt');
    const real = (await detectStack(await repo(app(true)))).services[0];
    expect(real.auth.map((a) => a.value)).toContain('jwt');
  });

  it('picks the only app of a single-service report', async () => {
    const report = await detectStack(await repo(expressApp));
    expect(pickService(report)?.framework?.value).toBe('express');
  });
});
