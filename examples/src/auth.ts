import type { NextFunction, Request, Response } from 'express';
import jwt from 'jsonwebtoken';

export interface User {
  id: string;
  roles: string[];
}

export function requireUser(req: Request, res: Response, next: NextFunction): void {
  const token = req.header('authorization')?.replace(/^Bearer /, '');
  if (!token) {
    res.status(401).type('application/problem+json').json({ type: 'about:blank', title: 'Unauthorized', status: 401 });
    return;
  }
  try {
    res.locals.user = jwt.verify(token, process.env.JWT_PUBLIC_KEY ?? '', { algorithms: ['RS256'] }) as User;
    next();
  } catch {
    res.status(401).type('application/problem+json').json({ type: 'about:blank', title: 'Unauthorized', status: 401 });
  }
}
