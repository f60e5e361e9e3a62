// Runs the baseline generator through yeoman-environment in the current folder.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEnv } from 'yeoman-environment';

const env = createEnv({ skipInstall: true });
env.register(path.join(path.dirname(fileURLToPath(import.meta.url)), 'generators/app/index.js'), { namespace: 'baseline:app' });
await env.run(['baseline:app'], { skipInstall: true, force: true });
