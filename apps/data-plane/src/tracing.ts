import { startTracing } from '@dsaas/telemetry';

startTracing('data-plane');
