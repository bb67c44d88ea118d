import { DSP_CONTEXT_URL, dspValidator } from '@dsaas/protocol-dsp';
import { TestCounterParty } from './dsp-test-counter-party';
import { call, CallResult, DspTestEnv, startDspTestEnv } from './dsp-test-env';

export const DSP_CONTEXT = [DSP_CONTEXT_URL];

/** A DSP message from the test counter-party to one of our contexts, with a fresh self-issued token. */
export async function tckSend(env: DspTestEnv, tck: TestCounterParty, ctx: string, ctxDid: string, method: 'GET' | 'POST', path: string, body?: Record<string, unknown>): Promise<CallResult> {
  return call(env.cp.url, method, `/api/dsp/${ctx}/2025-1${path}`, { authorization: `Bearer ${await tck.token(ctxDid)}`, body });
}

/** Asserts a ContractNegotiationError of `status` (schema-valid) and answers it. */
export function expectNegotiationError(answer: CallResult, status: number): any {
  if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  const validation = dspValidator.validate('ContractNegotiationError', answer.body);
  if (!validation.valid) throw new Error(`not a ContractNegotiationError: ${validation.errors.join('; ')} in ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Waits until the counter-party received a message whose path contains `pathPart` (and answers it). */
export async function received(tck: TestCounterParty, pathPart: string, timeoutMs = 10_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Our pids are URNs: the counter-party sees them percent-encoded in paths.
    const message = tck.received.find((m) => decodeURIComponent(m.path).includes(pathPart));
    if (message) return message;
    if (Date.now() > deadline) throw new Error(`nothing received at ${pathPart} (got ${tck.received.map((m) => m.path).join(', ')})`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Starts the counter-parties and a control plane trusting their credential issuers (fast polls and retries). */
export async function startWithCounterParties(name: string, parties: TestCounterParty[], extraEnv: Record<string, string> = {}): Promise<DspTestEnv> {
  for (const party of parties) await party.start();
  return startDspTestEnv(name, {
    STATE_MACHINE_POLL_MS: '50',
    TRUSTED_ISSUERS: JSON.stringify(parties.map((party) => ({ did: party.issuerDid, credentialTypes: ['MembershipCredential'] }))),
    ...extraEnv,
  });
}

export async function stopAll(env: DspTestEnv | undefined, parties: TestCounterParty[]): Promise<void> {
  await env?.stop();
  for (const party of parties) await party.stop();
}
