import { CreateSecretsTable1767225600000 } from './create-secrets-table.migration';
import { SecretEntity } from './secret.entity';

export { SECRETS_SCHEMA } from './secret.entity';

/** For apps that wire the embedded store into their own data source. */
export const SECRETS_ENTITIES = [SecretEntity];
export const SECRETS_MIGRATIONS = [CreateSecretsTable1767225600000];
