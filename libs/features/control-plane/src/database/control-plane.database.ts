/** Entities of the control-plane's schema (the outbox is added by ServiceRuntimeModule). */
export const ControlPlaneEntities = [] as Function[];

/** Hand-written migrations of the control-plane's schema, in order. */
export const ControlPlaneMigrations = [] as Function[];
