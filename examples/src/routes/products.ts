import { Router } from 'express';
import { z } from 'zod';
import { listProducts } from '../services/products.js';

export const productsRouter = Router();

const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20), cursor: z.string().optional() });

productsRouter.get('/', async (req, res) => {
  const query = listQuery.parse(req.query);
  res.json(await listProducts(query.limit, query.cursor));
});
