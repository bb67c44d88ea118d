import { DataSource } from 'typeorm';
import { CONTRACT_NEGOTIATION_STATE_CHANGED_V1 } from '@dsaas/contracts';
import { describeWithServices, ServiceProcess, startServiceProcess } from '@dsaas/testing';
import { CONTROL_PLANE_SCHEMA } from '../src';
import { NegotiationWorker } from '../src/negotiation/negotiation-worker';
import { call, DspTestEnv, MGMT, MGMT_CONTEXT, startDspTestEnv } from './support/dsp-test-env';
import { catalogOffers, publishOffer } from './support/negotiation-test-env';

const SETTINGS = { STATE_MACHINE_POLL_MS: '50', STATE_MACHINE_LEASE_MS: '1500', STATE_MACHINE_BACKOFF_BASE_MS: '100', STATE_MACHINE_MAX_ATTEMPTS: '10' };
const SHARED = ['AUTH_ISSUER_URL', 'IDENTITY_HUB_URL', 'STS_CLIENT_ID', 'STS_CLIENT_SECRET', 'EVENT_BUS_PREFIX', 'SECRETS_ENCRYPTION_KEY', 'AUTH_KEY_ENCRYPTION_KEY'];

interface Event {
  ctx: string;
  id: string;
  state: string;
  previous: string | null;
}

/**
 * Two control-plane replicas on ONE database: replica 1 in this process, replica 2 its own node process (so it can
 * be killed for real). Both run the negotiation workers; DSP callbacks go to replica 1 (replica 2's PUBLIC_URL, as a
 * load balancer address would). Exactly-once transitions are checked on the outbox: per negotiation, one event per
 * state, each naming the previous one (nothing doubled, nothing lost).
 */
describeWithServices(['postgres', 'nats'], 'negotiations on two control-plane replicas sharing one database', () => {
  let env: DspTestEnv;
  let replica2: ServiceProcess;
  let providerDid: string;
  let offer: any;
  const owners = new Set<string>();
  let sampling = false;

  const dataSource = () => env.cp.app.get(DataSource);
  const start = (via: string, counterPartyBase: string) =>
    call(via, 'POST', `${MGMT}/participants/alpha/contractnegotiations`, {
      token: env.admin,
      body: { '@context': MGMT_CONTEXT, '@type': 'ContractRequest', protocol: 'http-dsp-profile-2025-1', counterPartyAddress: `${counterPartyBase}/api/dsp/bravo/2025-1`, policy: { ...offer, assigner: providerDid, target: 'asset-1' } },
    }).then((answer) => {
      if (answer.status !== 200) throw new Error(`negotiation: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body['@id'] as string;
    });

  /** Records which processes hold leases while negotiations run. */
  async function sampleLeases(): Promise<void> {
    sampling = true;
    while (sampling) {
      const rows: { lease_owner: string }[] = await dataSource().query(`SELECT DISTINCT lease_owner FROM "${CONTROL_PLANE_SCHEMA}"."contract_negotiation" WHERE lease_owner IS NOT NULL`);
      rows.forEach((row) => owners.add(row.lease_owner.replace(/-\d+$/, '')));
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
  }

  async function states(ids: string[]): Promise<Map<string, string>> {
    const rows: { id: string; state: string; consumer_pid: string; participant_context_id: string }[] = await dataSource().query(
      `SELECT id, state, consumer_pid, participant_context_id FROM "${CONTROL_PLANE_SCHEMA}"."contract_negotiation" WHERE consumer_pid = ANY($1)`,
      [ids],
    );
    return new Map(rows.map((row) => [`${row.participant_context_id}:${row.consumer_pid}`, row.state]));
  }

  /** Waits until both sides of every negotiation are FINALIZED; answers the time it took. */
  async function allFinalized(ids: string[], timeoutMs = 40_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = await states(ids);
      const done = ids.filter((id) => current.get(`alpha:${id}`) === 'FINALIZED' && current.get(`bravo:${id}`) === 'FINALIZED').length;
      if (done === ids.length) return;
      const ended = [...current.entries()].filter(([, state]) => state === 'TERMINATED');
      if (ended.length) throw new Error(`terminated: ${ended.map(([key]) => key).join(', ')}`);
      if (Date.now() > deadline) throw new Error(`${done}/${ids.length} finalized; states: ${JSON.stringify([...current.entries()])}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Every negotiation (both sides) has one event per state, chained by previousState from its first to FINALIZED. */
  async function expectExactlyOnce(ids: string[]): Promise<number> {
    const rows: Event[] = await dataSource().query(
      `SELECT o.payload->>'participantContextId' AS ctx, o.payload->>'contractNegotiationId' AS id, o.payload->>'state' AS state, o.payload->>'previousState' AS previous
       FROM "${CONTROL_PLANE_SCHEMA}"."outbox" o WHERE o.subject = $1 ORDER BY o.position`,
      [CONTRACT_NEGOTIATION_STATE_CHANGED_V1.subject],
    );
    const negotiationRows: { id: string; participant_context_id: string }[] = await dataSource().query(
      `SELECT id, participant_context_id FROM "${CONTROL_PLANE_SCHEMA}"."contract_negotiation" WHERE consumer_pid = ANY($1)`,
      [ids],
    );
    expect(negotiationRows).toHaveLength(ids.length * 2);
    let events = 0;
    for (const negotiation of negotiationRows) {
      const chain = rows.filter((row) => row.ctx === negotiation.participant_context_id && row.id === negotiation.id);
      const statesSeen = chain.map((event) => event.state);
      expect(new Set(statesSeen).size).toBe(statesSeen.length);
      expect(chain[0].previous).toBeNull();
      chain.slice(1).forEach((event, index) => expect(event.previous).toBe(chain[index].state));
      expect(statesSeen[statesSeen.length - 1]).toBe('FINALIZED');
      events += chain.length;
    }
    return events;
  }

  beforeAll(async () => {
    env = await startDspTestEnv('cn_replicas', SETTINGS);
    await env.createContext('alpha');
    providerDid = await env.createContext('bravo');
    await publishOffer(env, 'bravo', 'cd-1', ['asset-1']);
    [offer] = await catalogOffers(env, 'alpha', 'bravo', providerDid, 'asset-1');
    const shared = Object.fromEntries(SHARED.map((key) => [key, env.cp.env[key]]));
    replica2 = await startServiceProcess('control-plane', 'cn_replicas_2', { ...shared, ...SETTINGS, PUBLIC_URL: env.cp.url }, { database: env.cp.database });
  }, 180_000);

  afterAll(async () => {
    sampling = false;
    await replica2?.kill().catch(() => undefined);
    await env?.stop();
  });

  it('runs 24 concurrent negotiations on both replicas: all FINALIZED on both sides, every transition exactly once', async () => {
    let replica1Transitions = 0;
    env.cp.app.get(NegotiationWorker).worker.onOutcome = (_row, outcome) => outcome === 'transitioned' && replica1Transitions++;
    const sampler = sampleLeases();
    const started = Date.now();
    const ids = await Promise.all(Array.from({ length: 24 }, (_, i) => (i % 2 ? start(replica2.url, env.cp.url) : start(env.cp.url, replica2.url))));
    await allFinalized(ids);
    const elapsed = Date.now() - started;
    sampling = false;
    await sampler;
    const events = await expectExactlyOnce(ids);
    // Both processes held leases (replica ids carry the process id).
    expect(owners.size).toBe(2);
    process.stdout.write(`24 negotiations on 2 replicas: all FINALIZED in ${elapsed} ms, ${events} state events, ${replica1Transitions} worker transitions on replica 1\n`);
  });

  it('a replica killed mid-way (SIGKILL) leaves leases that expire; the other replica finishes every negotiation', async () => {
    owners.clear();
    const sampler = sampleLeases();
    const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => start(i % 2 ? replica2.url : env.cp.url, env.cp.url)));
    // Kill replica 2 while it holds work.
    const deadline = Date.now() + 10_000;
    while (![...owners].some((owner) => owner.includes(`-${replica2.process.pid}-`)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
    const killedAt = Date.now();
    await replica2.kill();
    await allFinalized(ids);
    const recovery = Date.now() - killedAt;
    sampling = false;
    await sampler;
    await expectExactlyOnce(ids);
    process.stdout.write(`replica killed with work in flight: the other replica finished all 12 negotiations ${recovery} ms after the kill\n`);
  });
});
