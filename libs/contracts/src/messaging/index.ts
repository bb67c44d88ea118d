export * from './subject-contract';
export * from './tenant-created.v1';
export * from './orchestration-requested.v1';
export * from './transfer-process-state-changed.v1';
export * from './contract-negotiation-state-changed.v1';
