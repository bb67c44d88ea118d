import { Injectable } from '@nestjs/common';
import { DspSchemaName, dspValidator } from '@dsaas/protocol-dsp';
import { StsClient } from '../dcp-client/sts.client';
import { CounterPartyRejectedException } from './counter-party-rejected.exception';
import { CounterPartyUnreachableException } from './counter-party-unreachable.exception';
import { DspConfig } from './dsp.config';

export interface DspCall {
  /** Our context, whose STS token authenticates the call. */
  participantContextId: string;
  /** The counter-party's DID (audience of the token). */
  counterPartyId: string;
  method: 'GET' | 'POST';
  url: string;
  /** The message sent, validated against `requestSchema` first. */
  body?: Record<string, unknown>;
  requestSchema?: DspSchemaName;
  /** When given, a 2xx answer must be a valid message of this schema. */
  responseSchema?: DspSchemaName;
  /** DCP scopes the counter-party may read from our credential service. */
  scopes: string[];
}

export interface DspAnswer {
  status: number;
  body: unknown;
  headers: Headers;
}

/**
 * Sends DSP messages to counter-parties: a self-issued token of our context from the STS (granting the scopes
 * the counter-party may read), the message validated against its schema before it leaves and the answer after it
 * arrives. 4xx → CounterPartyRejectedException (final), network/5xx → CounterPartyUnreachableException (retry).
 */
@Injectable()
export class DspHttpClient {
  constructor(private readonly sts: StsClient, private readonly config: DspConfig) {}

  async call(call: DspCall): Promise<DspAnswer> {
    if (call.body && call.requestSchema) dspValidator.assertValid(call.requestSchema, call.body);
    const token = await this.sts.selfIssuedToken({
      participantContextId: call.participantContextId,
      audience: call.counterPartyId,
      bearerAccessScope: call.scopes.length ? call.scopes.join(' ') : undefined,
    });
    let response: Response;
    try {
      response = await fetch(call.url, {
        method: call.method,
        headers: { authorization: `Bearer ${token}`, ...(call.body ? { 'content-type': 'application/json' } : {}) },
        body: call.body ? JSON.stringify(call.body) : undefined,
        redirect: 'error',
        signal: AbortSignal.timeout(this.config.DSP_CALL_TIMEOUT_MS),
      });
    } catch (error) {
      throw new CounterPartyUnreachableException(`${call.method} ${call.url} failed: ${(error as Error)?.message ?? error}`);
    }
    const text = await response.text();
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text.slice(0, 500);
      }
    }
    if (response.status >= 500) throw new CounterPartyUnreachableException(`${call.method} ${call.url} answered HTTP ${response.status}`);
    if (!response.ok) {
      const reason = reasonOf(body);
      throw new CounterPartyRejectedException(`${call.method} ${call.url} was refused with HTTP ${response.status}${reason ? `: ${reason}` : ''}`, response.status, body);
    }
    if (call.responseSchema) {
      const validation = dspValidator.validate(call.responseSchema, body);
      if (!validation.valid) {
        throw new CounterPartyRejectedException(`the counter-party answered an invalid ${call.responseSchema}: ${validation.errors.slice(0, 3).join('; ')}`, response.status, body);
      }
    }
    return { status: response.status, body, headers: response.headers };
  }
}

function reasonOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return typeof body === 'string' ? body : undefined;
  const record = body as Record<string, unknown>;
  const reason = Array.isArray(record.reason) ? record.reason.map(String).join('; ') : record.detail;
  return typeof reason === 'string' ? reason : typeof record.code === 'string' ? record.code : undefined;
}
