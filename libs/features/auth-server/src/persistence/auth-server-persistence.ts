import { ClientEntity } from './client.entity';
import { CreateAuthServerTables1767312000000 } from './create-auth-server-tables.migration';
import { SigningKeyEntity } from './signing-key.entity';

export { AUTH_SERVER_SCHEMA } from './auth-server-schema';

/** Wire these into PersistenceModule.forService({ schema: AUTH_SERVER_SCHEMA, entities, migrations }). */
export const AUTH_SERVER_ENTITIES = [ClientEntity, SigningKeyEntity];
export const AUTH_SERVER_MIGRATIONS = [CreateAuthServerTables1767312000000];
