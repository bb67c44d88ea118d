import { DSP_VERSION } from '@dsaas/protocol-dsp';

/** `api/dsp/:ctxId/2025-1/<suffix>`: a context's DSP 2025-1 routes. */
export function dspPath(suffix: string): string {
  return `api/dsp/:ctxId/${DSP_VERSION}/${suffix}`;
}

const DSP_ROUTE = new RegExp(`^/api/dsp/[^/]+/${DSP_VERSION}(/|$)`);

/** Whether a request path (without query) is one of a context's DSP 2025-1 routes. */
export function isDspPath(path: string): boolean {
  return DSP_ROUTE.test(path);
}
