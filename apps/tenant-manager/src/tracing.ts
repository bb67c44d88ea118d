import { startTracing } from '@dsaas/telemetry';

startTracing('tenant-manager');
