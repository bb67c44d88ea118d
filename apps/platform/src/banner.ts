import type { RunningPlatform } from './start';

/** What a newcomer needs after `npm start`: where everything is and how to get a token. */
export function printBanner(platform: RunningPlatform, credentials?: { clientId: string; clientSecret?: string }): void {
  const width = Math.max(...Object.keys(platform.urls).map((n) => n.length));
  const lines = [
    '',
    'dsaas platform is up (embedded PostgreSQL, Postgres event bus, embedded secret store, embedded auth-server)',
    '',
    ...Object.entries(platform.urls).map(([name, url]) => `  ${name.padEnd(width)}  ${url}   (health: ${url}/health/ready, API docs: ${url}/api/openapi)`),
    '',
  ];
  if (credentials) {
    lines.push(`  bootstrap admin client_id:     ${credentials.clientId}`);
    lines.push(
      credentials.clientSecret
        ? `  bootstrap admin client_secret: ${credentials.clientSecret}   (shown once; store it now)`
        : '  bootstrap admin client_secret: (set earlier: AUTH_BOOTSTRAP_CLIENT_SECRET or printed on the first start)',
    );
    lines.push('');
  }
  console.log(lines.join('\n'));
}
