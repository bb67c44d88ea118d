import { startTracing } from '@dsaas/telemetry';

startTracing('identity-hub');
