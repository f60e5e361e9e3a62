import { Router } from 'express';
import { db } from '../db/client.js';

export const ordersRouter = Router();

ordersRouter.get('/:orderId', async (req, res) => {
  const order = await db.order.findFirst({ where: { id: req.params.orderId, userId: res.locals.user.id } });
  if (!order) {
    res.status(404).type('application/problem+json').json({ type: 'about:blank', title: 'Not Found', status: 404 });
    return;
  }
  res.json(order);
});
