import { startTracing } from '@dsaas/telemetry';

startTracing('dsaas-platform');
