import type { BodyErrorResponder } from '@dsaas/server';
import { DspErrorFilter } from './dsp-error.filter';
import { isDspPath } from './dsp-paths';

/**
 * Malformed, oversized or wrongly encoded bodies sent to a DSP route are refused by the shared body parser before
 * routing, where the controllers' DspErrorFilter cannot see them; this answers them with the same protocol error
 * message (CatalogError, ContractNegotiationError, TransferError) and status (400, 413, 415). The pids are unknown
 * then (no body, no route params) and stay empty, as for any DSP error whose process is unknown.
 */
export function dspBodyErrorResponder(): BodyErrorResponder {
  const filter = new DspErrorFilter();
  return { matches: isDspPath, respond: (error, req, res) => filter.answer(error, req, res) };
}
