import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SECRET_STORE, SecretStore } from '@dsaas/secrets';
import { ControlPlaneCallbackClient } from '../callbacks/control-plane-callback.client';
import { DataPlaneConfig } from '../data-plane.config';
import { ActiveTransfers } from '../flows/active-transfers';
import { destinationSecretKey, DspDataAddress } from '../flows/data-address';
import { DataFlow } from '../flows/data-flow';
import { DataFlowRepository } from '../flows/data-flow.repository';
import { parseSourceAddress } from '../sources/source-address';
import { NatsPush } from '../streaming/nats-push';
import { HttpPush } from './http-push';

/** How long a runner owns a flow without renewing; a crashed replica's flows are taken over after this. */
export const RUNNER_LEASE_MS = 10_000;
const RENEW_EVERY_MS = 3_000;
const SHUTDOWN = 'the data plane is shutting down';

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

/**
 * Drives push flows (HTTP and streaming) under a lease in the flow row, so exactly one replica runs each. An HTTP
 * push is retried with backoff, and reported `completed` (with bytes) only once the destination accepted the whole
 * body, else `errored`. After a crash the flow is still STARTED with a lapsed lease: at start and every lease
 * period the runner picks such flows up again and re-runs the push from the start (attempts count on).
 */
@Injectable()
export class FlowRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('FlowRunner');
  private scanTimer?: NodeJS.Timeout;
  private stopping = false;

  constructor(
    private readonly flows: DataFlowRepository,
    private readonly active: ActiveTransfers,
    private readonly httpPush: HttpPush,
    private readonly natsPush: NatsPush,
    private readonly callbacks: ControlPlaneCallbackClient,
    private readonly config: DataPlaneConfig,
    @Inject(SECRET_STORE) private readonly secrets: SecretStore,
  ) {}

  onApplicationBootstrap(): void {
    this.scanTimer = setInterval(() => void this.recover(), RUNNER_LEASE_MS);
    this.scanTimer.unref();
    void this.recover();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.scanTimer);
    this.active.stopAll(SHUTDOWN);
  }

  /** Starts driving the flow unless some runner already does. */
  run(flow: DataFlow): void {
    void this.drive(flow.id).catch((error) => this.logger.error({ flowId: flow.id, participantContextId: flow.participantContextId, err: error }, 'push runner failed'));
  }

  /** Flows left STARTED by a stopped or crashed runner. */
  async recover(): Promise<void> {
    if (this.stopping) return;
    try {
      for (const flow of await this.flows.findOrphaned()) {
        this.logger.warn({ flowId: flow.id, participantContextId: flow.participantContextId, attempts: flow.attempts }, 'taking over an unfinished push');
        this.run(flow);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'scan for unfinished pushes failed');
    }
  }

  private async drive(id: string): Promise<void> {
    if (this.stopping || !(await this.flows.claim(id, RUNNER_LEASE_MS))) return;
    const tracked = this.active.track(id);
    const renew = setInterval(() => void this.flows.renewLease(id, RUNNER_LEASE_MS).catch(() => undefined), RENEW_EVERY_MS);
    try {
      const flow = (await this.flows.find(id))!;
      const stored = await this.secrets.get(flow.participantContextId, destinationSecretKey(id));
      if (!stored) return await this.fail(flow, 'the push destination is not in the secret store');
      const destination = JSON.parse(stored) as DspDataAddress;
      const source = parseSourceAddress(flow.source);
      if (source.type === 'NATS') {
        let bytes = flow.bytesTransferred;
        await this.natsPush.run(flow, source, destination, tracked.signal, (n) => void this.flows.setBytes(id, (bytes += n)));
        return;
      }
      await this.pushWithRetries(flow, source, destination, tracked.signal);
    } catch (error) {
      if (tracked.signal.aborted) return;
      const flow = await this.flows.find(id);
      if (flow) await this.fail(flow, (error as Error)?.message ?? String(error));
    } finally {
      clearInterval(renew);
      tracked.done();
      if (tracked.signal.aborted && (tracked.signal.reason as Error)?.message === SHUTDOWN) {
        // Another replica (or this one after a restart) takes over at once.
        await this.flows.releaseLease(id).catch(() => undefined);
      }
    }
  }

  private async pushWithRetries(flow: DataFlow, source: Parameters<HttpPush['once']>[1], destination: DspDataAddress, signal: AbortSignal): Promise<void> {
    let delay = this.config.PUSH_RETRY_DELAY_MS;
    let lastError = 'no attempt made';
    while (!signal.aborted) {
      const attempt = await this.flows.countAttempt(flow.id);
      if (attempt > this.config.PUSH_MAX_ATTEMPTS) return this.fail(flow, `push failed after ${attempt - 1} attempts: ${lastError}`);
      try {
        const bytes = await this.httpPush.once(flow, source, destination, signal);
        await this.flows.setBytes(flow.id, bytes);
        if (await this.flows.transition(flow.id, ['STARTED'], 'COMPLETED', { revoke: true, releaseLease: true })) {
          await this.secrets.delete(flow.participantContextId, destinationSecretKey(flow.id));
          this.logger.log({ flowId: flow.id, participantContextId: flow.participantContextId, bytes, attempt }, 'push completed');
          await this.callbacks.notify(flow, 'completed', 'COMPLETED', { bytesTransferred: bytes });
        }
        return;
      } catch (error) {
        if (signal.aborted) return;
        lastError = (error as Error)?.message ?? String(error);
        this.logger.warn({ flowId: flow.id, participantContextId: flow.participantContextId, attempt, detail: lastError }, 'push attempt failed');
        await sleep(delay, signal);
        delay *= 2;
      }
    }
  }

  private async fail(flow: DataFlow, error: string): Promise<void> {
    if (!(await this.flows.transition(flow.id, ['STARTED'], 'TERMINATED', { revoke: true, releaseLease: true, error }))) return;
    await this.secrets.delete(flow.participantContextId, destinationSecretKey(flow.id));
    this.logger.warn({ flowId: flow.id, participantContextId: flow.participantContextId, detail: error }, 'push errored');
    await this.callbacks.notify(flow, 'errored', 'TERMINATED', { error: error.slice(0, 1000) });
  }
}
