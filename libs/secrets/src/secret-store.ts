/**
 * Where participant contexts keep their secrets (private keys, OAuth2 client secrets, data source credentials).
 * Every call names the participant context: a context only ever sees its own namespace.
 */
export interface SecretStore {
  /** The secret's value, or undefined when the context has no secret under that key. */
  get(participantContextId: string, key: string): Promise<string | undefined>;
  /** Creates or replaces the secret. */
  put(participantContextId: string, key: string, value: string): Promise<void>;
  /** Removes the secret; removing a secret that does not exist is not an error. */
  delete(participantContextId: string, key: string): Promise<void>;
  /** The keys the context holds, sorted. */
  list(participantContextId: string): Promise<string[]>;
  /** Removes every secret of the context (when the context is disposed). */
  deleteNamespace(participantContextId: string): Promise<void>;
  /** Whether the backend answers (for /health/ready). Never throws. */
  isHealthy(): Promise<boolean>;
}

/** Nest injection token of the configured SecretStore. */
export const SECRET_STORE = Symbol.for('dsaas.SecretStore');
