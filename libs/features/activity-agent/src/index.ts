export * from './activity-agent.config';
export * from './activity-agent-service.module';
export * from './database/activity-agent.schema';
export * from './database/activity-agent.database';
export * from './activity-agent.service-definition';
