/** A dependency /health/ready checks (database, event bus, secret store, ...). */
export interface ReadinessCheck {
  name: string;
  isHealthy(): Promise<boolean>;
}

/** Multi-provider token: modules add their checks with `{ provide: READINESS_CHECKS, useValue|useFactory, multi }`. */
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/** Providers of readiness checks, gathered into READINESS_CHECKS by ServerModule. */
export const READINESS_CHECK_PROVIDERS = Symbol('READINESS_CHECK_PROVIDERS');
