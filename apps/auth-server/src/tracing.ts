import { startTracing } from '@dsaas/telemetry';

startTracing('auth-server');
