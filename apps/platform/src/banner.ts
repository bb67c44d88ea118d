import type { RunningPlatform } from './start';

/** What a newcomer needs after `npm start`: where everything is and how to get a token. */
export function printBanner(platform: RunningPlatform): void {
  const width = Math.max(...Object.keys(platform.urls).map((n) => n.length));
  const lines = [
    '',
    'dsaas platform is up (embedded PostgreSQL, Postgres event bus, embedded secret store, embedded auth-server)',
    '',
    ...Object.entries(platform.urls).map(([name, url]) => `  ${name.padEnd(width)}  ${url}   (health: ${url}/health/ready, API docs: ${url}/api/openapi)`),
    '',
  ];
  lines.push(`  bootstrap admin client_id:     ${platform.admin.clientId}`);
  lines.push(`  bootstrap admin client_secret: ${platform.admin.clientSecret}`);
  if (platform.admin.secretFile) lines.push(`  (generated on the first start, kept in ${platform.admin.secretFile})`);
  lines.push('');
  console.log(lines.join('\n'));
}
