import { startTracing } from '@dsaas/telemetry';

startTracing('activity-agent');
