// Container HEALTHCHECK: GET /health/live on the app's port. node:20-slim has no curl or wget.
const DEFAULT_PORTS = {
  'auth-server': 8080,
  platform: 8080,
  'tenant-manager': 8081,
  'provision-manager': 8082,
  'activity-agent': 8083,
  'control-plane': 8084,
  'identity-hub': 8085,
  'issuer-service': 8086,
  'data-plane': 8087,
};
const port = process.env.PORT || (process.env.APP === 'platform' && process.env.PLATFORM_BASE_PORT) || DEFAULT_PORTS[process.env.APP] || 8080;
fetch(`http://127.0.0.1:${port}/health/live`, { signal: AbortSignal.timeout(4000) })
  .then((res) => process.exit(res.ok ? 0 : 1))
  .catch(() => process.exit(1));
