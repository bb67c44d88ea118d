import { startTracing } from '@dsaas/telemetry';

startTracing('issuer-service');
