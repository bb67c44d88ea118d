/** Entities of the control-plane's schema (the outbox is added by ServiceRuntimeModule). */
export const ControlPlaneEntities = [] as (new (...args: any[]) => unknown)[];

/** Hand-written migrations of the control-plane's schema, in order. */
export const ControlPlaneMigrations = [] as (new (...args: any[]) => unknown)[];
