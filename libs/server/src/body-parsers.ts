import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response, RequestHandler } from 'express';
import * as express from 'express';
import { PROBLEM_CONTENT_TYPE } from '@dsaas/model';
import { bodyParserProblem } from './problem-details.filter';

function guarded(parser: RequestHandler): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) =>
    parser(req, res, (err?: any) => {
      if (!err) return next();
      const body = bodyParserProblem({ status: err.status ?? 400, type: err.type, message: err.message });
      body.instance = req.originalUrl?.split('?')[0];
      res.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
    });
}

/**
 * JSON (including application/ld+json and other +json types) and form bodies with a size limit;
 * malformed or oversized bodies answer with a problem body before any handler runs.
 */
export function installBodyParsers(app: INestApplication, limit: string): void {
  app.use(guarded(express.json({ limit, type: ['application/json', 'application/*+json'] })));
  app.use(guarded(express.urlencoded({ limit, extended: false })));
}
