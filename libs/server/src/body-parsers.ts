import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response, RequestHandler } from 'express';
import * as express from 'express';
import { PROBLEM_CONTENT_TYPE } from '@dsaas/model';
import { bodyParserProblem } from './problem-details.filter';

/** What body-parser reports for a body it refuses (malformed JSON, too large, unsupported charset). */
export interface BodyParserError {
  status: number;
  type?: string;
  message?: string;
}

/**
 * Answers refused bodies of some paths in another shape than problem+json: a protocol (DSP, DPS) must answer with
 * its own error message, and the parsers run before routing, so no route's exception filter sees these errors.
 */
export interface BodyErrorResponder {
  /** Whether this responder answers for a request path (without query). */
  matches(path: string): boolean;
  respond(error: BodyParserError, req: Request, res: Response): void;
}

function guarded(parser: RequestHandler, responders: readonly BodyErrorResponder[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) =>
    parser(req, res, (err?: any) => {
      if (!err) return next();
      const error: BodyParserError = { status: err.status ?? 400, type: err.type, message: err.message };
      const path = req.originalUrl?.split('?')[0] ?? '';
      const responder = responders.find((r) => r.matches(path));
      if (responder) return responder.respond(error, req, res);
      const body = bodyParserProblem(error);
      body.instance = path;
      res.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
    });
}

/**
 * JSON (including application/ld+json and other +json types) and form bodies with a size limit;
 * malformed or oversized bodies answer with a problem body (or a matching responder's) before any handler runs.
 */
export function installBodyParsers(app: INestApplication, limit: string, responders: readonly BodyErrorResponder[] = []): void {
  app.use(guarded(express.json({ limit, type: ['application/json', 'application/*+json'] }), responders));
  app.use(guarded(express.urlencoded({ limit, extended: false }), responders));
}
