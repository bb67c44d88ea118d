/** The activity-agent's own Postgres schema; no other service reads it. */
export const ACTIVITY_AGENT_SCHEMA = 'activity_agent';
