import { startTracing } from '@dsaas/telemetry';

startTracing('control-plane');
