import * as http from 'http';
import { AddressInfo } from 'net';

/**
 * A small in-process stand-in for the parts of Vault's HTTP API the adapter uses (KV v2 data + metadata,
 * AppRole login, sys/health), as documented by HashiCorp. There is no Vault on this machine; the same
 * tests run against a real one when VAULT_ADDR is set.
 */
export interface Kv2StandIn {
  address: string;
  rootToken: string;
  appRole: { roleId: string; secretId: string };
  /** Raw stored data, keyed by `<namespace>|<mount>/<path>`, for assertions on where things landed. */
  entries: Map<string, Record<string, unknown>>;
  /** Force every request to fail with this status (e.g. 503 while sealed). */
  failWith: number | undefined;
  /** Revoke every AppRole-issued token (as if they expired). */
  expireTokens(): void;
  close(): Promise<void>;
}

export async function startKv2StandIn(options: { namespace?: string; mount?: string } = {}): Promise<Kv2StandIn> {
  const mount = options.mount ?? 'secret';
  const rootToken = 'root-token';
  const appRole = { roleId: 'role-id', secretId: 'secret-id' };
  const tokens = new Set([rootToken]);
  const entries = new Map<string, Record<string, unknown>>();
  let issued = 0;

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const send = (status: number, body?: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(body === undefined ? undefined : JSON.stringify(body));
      };
      if (state.failWith) return send(state.failWith, { errors: ['stand-in failure'] });
      const url = new URL(req.url ?? '/', 'http://vault');
      const path = decodeURIComponent(url.pathname.replace(/^\/v1\//, ''));
      const method = req.method === 'GET' && url.searchParams.get('list') ? 'LIST' : req.method;
      if (path === 'sys/health') return send(200, { initialized: true, sealed: false, standby: false });
      if (options.namespace && req.headers['x-vault-namespace'] !== options.namespace) {
        return send(403, { errors: ['permission denied (namespace)'] });
      }
      if (path === 'auth/approle/login' && method === 'POST') {
        const body = JSON.parse(raw || '{}');
        if (body.role_id !== appRole.roleId || body.secret_id !== appRole.secretId) {
          return send(400, { errors: ['invalid role or secret ID'] });
        }
        const token = `approle-token-${++issued}`;
        tokens.add(token);
        return send(200, { auth: { client_token: token, lease_duration: 60 } });
      }
      if (!tokens.has(String(req.headers['x-vault-token']))) return send(403, { errors: ['permission denied'] });
      const ns = String(req.headers['x-vault-namespace'] ?? '');
      const data = path.match(new RegExp(`^${mount}/data/(.+)$`));
      const metadata = path.match(new RegExp(`^${mount}/metadata/(.+?)/?$`));
      if (data && method === 'GET') {
        const entry = entries.get(`${ns}|${mount}/${data[1]}`);
        return entry ? send(200, { data: { data: entry, metadata: { version: 1 } } }) : send(404, { errors: [] });
      }
      if (data && (method === 'POST' || method === 'PUT')) {
        entries.set(`${ns}|${mount}/${data[1]}`, JSON.parse(raw).data);
        return send(200, { data: { version: 1 } });
      }
      if (metadata && method === 'DELETE') {
        entries.delete(`${ns}|${mount}/${metadata[1]}`);
        return send(204);
      }
      if (metadata && method === 'LIST') {
        const folder = `${ns}|${mount}/${metadata[1]}/`;
        const keys = new Set<string>();
        for (const k of entries.keys()) {
          if (!k.startsWith(folder)) continue;
          const rest = k.slice(folder.length);
          keys.add(rest.includes('/') ? `${rest.split('/')[0]}/` : rest);
        }
        return keys.size ? send(200, { data: { keys: [...keys] } }) : send(404, { errors: [] });
      }
      return send(405, { errors: [`unsupported ${method} ${path}`] });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const state: Kv2StandIn = {
    address: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    rootToken,
    appRole,
    entries,
    failWith: undefined,
    expireTokens: () => {
      for (const t of [...tokens]) if (t !== rootToken) tokens.delete(t);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return state;
}
