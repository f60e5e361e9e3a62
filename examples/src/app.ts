import express from 'express';
import { pinoHttp } from 'pino-http';
import { requireUser } from './auth.js';
import { ordersRouter } from './routes/orders.js';
import { productsRouter } from './routes/products.js';

export const app = express();

app.use(express.json({ limit: '100kb' }));
app.use(pinoHttp());
app.use('/v1/products', productsRouter);
app.use('/v1/orders', requireUser, ordersRouter);
