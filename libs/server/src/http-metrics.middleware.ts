import type { NextFunction, Request, Response } from 'express';
import { apiRequestsTotal, httpRequestDuration } from '@dsaas/telemetry';

/** Latency per route and API calls per participant context (a pricing dimension). */
export function httpMetricsMiddleware(service: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    const end = httpRequestDuration.startTimer();
    res.on('finish', () => {
      const route = req.route?.path ? `${req.baseUrl}${req.route.path}` : 'unmatched';
      if (route.startsWith('/metrics') || route.startsWith('/health')) return;
      end({ service, method: req.method, route, status: String(res.statusCode) });
      const ctx = (req.params?.ctxId as string | undefined) ?? (req.params?.participantContextId as string | undefined) ?? 'none';
      apiRequestsTotal.inc({ service, participant_context_id: ctx, status_class: `${Math.floor(res.statusCode / 100)}xx` });
    });
    next();
  };
}
