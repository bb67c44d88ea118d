import { startTracing } from '@dsaas/telemetry';

startTracing('provision-manager');
