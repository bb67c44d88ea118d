import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { parse, parseAllDocuments } from 'yaml';

// Checks the deployment descriptors offline: kustomize renders, compose structure (and `docker-compose config`
// when installed), the Dockerfile's shape. No cluster and no Docker engine needed.
const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../..');
const DEFAULT_PORTS: Record<string, number> = {
  'auth-server': 8080,
  'tenant-manager': 8081,
  'provision-manager': 8082,
  'activity-agent': 8083,
  'control-plane': 8084,
  'identity-hub': 8085,
  'issuer-service': 8086,
  'data-plane': 8087,
};
const DISTRIBUTED_APPS = Object.keys(DEFAULT_PORTS);
const ALL_APPS = [...DISTRIBUTED_APPS, 'platform'];
const CFM_APPS = ['tenant-manager', 'provision-manager', 'activity-agent'];
const APP_ENV = [
  'DATABASE_URL',
  'EVENT_BUS',
  'NATS_URL',
  'AUTH_ISSUER_URL',
  'AUTH_JWKS_URL',
  'SECRETS_BACKEND',
  'VAULT_ADDR',
  'VAULT_TOKEN',
  'SECRETS_ENCRYPTION_KEY',
  'LOG_LEVEL',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
];
// The seeds' alerts (000 "Configuring Critical Alerts") and SLA targets.
const SEED_ALERTS = [
  'VpaProvisioningStuck',
  'ContractNegotiationErrorRateHigh',
  'DspErrorRateHigh',
  'TransferFailuresConsecutive',
  'CellHealthDegraded',
  'CredentialExpiringSoon',
  'ConsumerLagHigh',
  'CatalogLatencyHigh',
  'ContractNegotiationSlow',
  'VpaProvisioningSlow',
  'TransferInitiationSlow',
];

function onPath(binary: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).concat('/usr/bin', '/usr/local/bin')) {
    const candidate = path.join(dir, binary);
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

const kubectl = onPath('kubectl');
const dockerCompose = onPath('docker-compose');
const describeWithKubectl = kubectl || process.env.REQUIRE_SERVICES === '1' ? describe : describe.skip;

type Manifest = { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string> }; spec?: any; data?: any };

describeWithKubectl(kubectl ? 'k8s kustomize overlays' : 'k8s kustomize overlays (skipped: kubectl not installed)', () => {
  const rendered: Record<string, Manifest[]> = {};

  beforeAll(async () => {
    if (!kubectl) throw new Error('kubectl is required (REQUIRE_SERVICES=1) but not installed');
    await Promise.all(
      ['dev', 'ha'].map(async (overlay) => {
        const { stdout } = await run(kubectl, ['kustomize', path.join(ROOT, 'k8s/overlays', overlay)], {
          maxBuffer: 16 * 1024 * 1024,
        });
        rendered[overlay] = parseAllDocuments(stdout)
          .map((d) => d.toJS() as Manifest)
          .filter(Boolean);
      }),
    );
  }, 15000);

  const find = (overlay: string, kind: string, name?: string) =>
    rendered[overlay].filter((m) => m.kind === kind && (name === undefined || m.metadata.name === name));

  describe.each(['dev', 'ha'])('%s overlay', (overlay) => {
    it.each(DISTRIBUTED_APPS)('runs %s as a probed, non-root Deployment behind a Service', (app) => {
      const [deployment] = find(overlay, 'Deployment', app);
      expect(deployment).toBeDefined();
      const pod = deployment.spec.template.spec;
      const container = pod.containers[0];
      expect(container.image).toMatch(new RegExp(`^dsaas/${app}(:|$)`));
      expect(container.livenessProbe.httpGet).toMatchObject({ path: '/health/live' });
      expect(container.readinessProbe.httpGet).toMatchObject({ path: '/health/ready' });
      expect(container.resources.requests).toBeDefined();
      expect(container.resources.limits.memory).toBeDefined();
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      expect(container.securityContext.allowPrivilegeEscalation).toBe(false);
      expect(container.env).toEqual(expect.arrayContaining([{ name: 'PORT', value: String(DEFAULT_PORTS[app]) }]));
      expect(container.ports).toEqual([expect.objectContaining({ containerPort: DEFAULT_PORTS[app] })]);

      const [service] = find(overlay, 'Service', app);
      expect(service).toBeDefined();
      for (const [label, value] of Object.entries<string>(service.spec.selector)) {
        expect(deployment.spec.template.metadata.labels[label]).toBe(value);
      }
      expect(service.spec.ports[0].targetPort).toBe(container.ports[0].name);

      expect(find(overlay, 'PodDisruptionBudget', app)).toHaveLength(1);
      const [hpa] = find(overlay, 'HorizontalPodAutoscaler', app);
      expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: app });
      expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(find(overlay, 'NetworkPolicy', app)).toHaveLength(1);
    });

    it('runs every CFM service with at least 2 replicas', () => {
      for (const app of CFM_APPS) expect(find(overlay, 'Deployment', app)[0].spec.replicas).toBeGreaterThanOrEqual(2);
    });

    it('references only ConfigMaps that exist, and Secrets that exist unless supplied by the operator', () => {
      const configMaps = new Set(find(overlay, 'ConfigMap').map((m) => m.metadata.name));
      const secrets = new Set(find(overlay, 'Secret').map((m) => m.metadata.name));
      for (const deployment of find(overlay, 'Deployment')) {
        const container = deployment.spec.template.spec.containers[0];
        for (const source of container.envFrom ?? []) {
          if (source.configMapRef) expect(configMaps).toContain(source.configMapRef.name);
        }
        for (const env of container.env ?? []) {
          const ref = env.valueFrom?.secretKeyRef;
          // ha expects the operator's `dsaas-secrets`; dev generates it.
          if (ref && overlay === 'dev') expect(secrets).toContain(ref.name);
        }
      }
    });

    it('has a 3-node NATS JetStream cluster that keeps its quorum in disruptions', () => {
      const [nats] = find(overlay, 'StatefulSet', 'nats');
      expect(nats.spec.replicas).toBe(3);
      const config = find(overlay, 'ConfigMap').find((m) => m.metadata.name.startsWith('nats-config'))!;
      expect(config.data['nats.conf']).toMatch(/jetstream\s*{/);
      expect(config.data['nats.conf'].match(/nats:\/\/nats-\d\./g)).toHaveLength(3);
      expect(find(overlay, 'PodDisruptionBudget', 'nats')[0].spec.minAvailable).toBe(2);
    });

    it('denies all traffic by default', () => {
      const [deny] = find(overlay, 'NetworkPolicy', 'default-deny');
      expect(deny.spec.podSelector).toEqual({});
      expect(deny.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    });

    it('carries the seeds’ alerts as a PrometheusRule', () => {
      const [rule] = find(overlay, 'PrometheusRule');
      const alerts = rule.spec.groups.flatMap((g: any) => g.rules.map((r: any) => r.alert));
      expect(alerts).toEqual(expect.arrayContaining(SEED_ALERTS));
      for (const r of rule.spec.groups.flatMap((g: any) => g.rules)) {
        expect(r.expr).toBeTruthy();
        expect(r.labels.severity).toMatch(/^(low|medium|high|critical)$/);
      }
    });
  });

  it('ha runs 3+ replicas of every app, never two of one app on the same node', () => {
    for (const app of DISTRIBUTED_APPS) {
      const [deployment] = find('ha', 'Deployment', app);
      expect(deployment.spec.replicas).toBeGreaterThanOrEqual(3);
      const required = deployment.spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution;
      expect(required).toEqual([
        expect.objectContaining({
          topologyKey: 'kubernetes.io/hostname',
          labelSelector: { matchLabels: { 'app.kubernetes.io/name': app } },
        }),
      ]);
    }
    const nats = find('ha', 'StatefulSet', 'nats')[0].spec.template.spec.affinity.podAntiAffinity;
    expect(nats.requiredDuringSchedulingIgnoredDuringExecution).toHaveLength(1);
  });
});

describe('docker-compose.yml', () => {
  const text = fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');
  const compose = parse(text, { merge: true });

  it('is accepted by docker-compose 1.29 (no top-level name, version 3.8)', () => {
    expect(compose).not.toHaveProperty('name');
    expect(compose.version).toBe('3.8');
  });

  it.each(ALL_APPS)('builds %s from the one Dockerfile with a healthcheck', (app) => {
    const service = compose.services[app];
    expect(service).toBeDefined();
    expect(service.build).toMatchObject({ context: '.', args: { APP: app } });
    expect(service.healthcheck.test).toBeDefined();
    expect(service.depends_on.postgres).toEqual({ condition: 'service_healthy' });
  });

  it.each(DISTRIBUTED_APPS)('gives %s its port and the shared settings', (app) => {
    const env = compose.services[app].environment;
    expect(String(env.PORT)).toBe(String(DEFAULT_PORTS[app]));
    for (const name of APP_ENV) expect(Object.keys(env)).toContain(name);
    expect(env.EVENT_BUS).toBe('nats');
    for (const dependency of ['nats-1', 'nats-2', 'nats-3', 'vault']) {
      expect(compose.services[app].depends_on[dependency]).toEqual({ condition: 'service_healthy' });
    }
  });

  it('runs PostgreSQL 16, a 3-node NATS JetStream cluster and a Vault dev server, all with healthchecks', () => {
    expect(compose.services.postgres.image).toMatch(/^postgres:16/);
    for (const node of ['nats-1', 'nats-2', 'nats-3']) {
      const nats = compose.services[node];
      expect(nats.image).toMatch(/^nats:2\.10/);
      const args = nats.command.join(' ');
      expect(args).toContain('--jetstream');
      expect(args).toMatch(/--routes=(nats:\/\/nats-\d:6222,?){2}/);
      expect(nats.healthcheck.test).toBeDefined();
    }
    expect(compose.services.vault.command).toContain('-dev');
    for (const name of ['postgres', 'vault']) expect(compose.services[name].healthcheck.test).toBeDefined();
  });

  (dockerCompose ? it : it.skip)(
    dockerCompose ? 'passes `docker-compose config -q`' : 'passes `docker-compose config -q` (skipped: docker-compose not installed)',
    async () => {
      await expect(
        run(dockerCompose!, ['-f', path.join(ROOT, 'docker-compose.yml'), 'config', '-q'], { cwd: ROOT, timeout: 15000 }),
      ).resolves.toBeDefined();
    },
  );
});

describe('Dockerfile', () => {
  const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
  const instructions = dockerfile.split('\n').filter((l) => !l.trim().startsWith('#'));
  const lines = instructions.join('\n');

  it('has a build stage and a slim, non-root runtime stage with production dependencies only', () => {
    expect(lines).toMatch(/^FROM \S+ AS build$/m);
    expect(lines).toMatch(/^FROM \S+ AS runtime$/m);
    expect(lines).toMatch(/^ARG NODE_IMAGE=node:20-slim$/m);
    expect(lines).toMatch(/RUN npm run build/);
    const runtime = lines.slice(lines.search(/ AS runtime$/m));
    expect(runtime).toMatch(/npm ci --omit=dev/);
    expect(runtime).toMatch(/COPY --from=build \/app\/dist/);
    expect(runtime).toMatch(/tools\/register-paths\.js/);
    expect(runtime).toMatch(/tsconfig\.base\.json/);
    const user = runtime.match(/^USER (\S+)/m);
    expect(user?.[1]).not.toMatch(/^(root|0)(:|$)/);
    expect(runtime).toMatch(/^HEALTHCHECK /m);
  });

  it('selects the app with ARG/ENV APP and starts its compiled main.js', () => {
    expect(lines).toMatch(/^ARG APP(=\S+)?$/m);
    expect(lines).toMatch(/^ENV APP=\$\{APP\}/m);
    expect(lines).toMatch(/node -r \.\/tools\/register-paths\.js dist\/apps\/\$\{APP\}\/src\/main\.js/);
    for (const app of ALL_APPS) expect(fs.existsSync(path.join(ROOT, 'apps', app, 'src/main.ts'))).toBe(true);
  });

  it('keeps node_modules and build output out of the build context', () => {
    const ignored = fs.readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', '.git']));
  });
});
