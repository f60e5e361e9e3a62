import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { app } from '../../src/app.js';

describe('GET /v1/products', () => {
  it('answers with a page object', async () => {
    const response = await request(app).get('/v1/products?limit=1');
    expect(response.status).toBe(200);
    expect(response.body).toHaveProperty('items');
  });
});
