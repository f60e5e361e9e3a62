import { readFileSync } from 'node:fs';
import { buildContract } from '../../lib/contract/index.js';
import { orderRefundsScope, jwtStack } from './order-refunds.scope.js';
const file = process.argv[2];
const text = readFileSync(file, 'utf8');
const r = await buildContract(orderRefundsScope(), { apiStyle: 'rest', title: 'Order refunds', stack: jwtStack(), location: 'auto', existingOpenApi: { path: file, text } });
console.log(r.artifact.text.slice(0, +(process.argv[3] ?? 3000)));
console.log(JSON.stringify({ problems: r.artifact.problems, warnings: r.warnings, exp: r.artifact.expectations }, null, 1));
