/** The roles a platform token can carry in its `role` claim. */
export const ROLES = ['admin', 'provisioner', 'participant'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: taken from a verified access token. */
export interface Principal {
  /** OAuth2 client id (`client_id`, `azp` or `sub` claim). Not the participant context id. */
  clientId: string;
  /** Undefined when the token carries no known role: such a caller passes no @Roles() check. */
  role?: Role;
  /** The one participant context a `participant` token may reach. */
  participantContextId?: string;
  scopes: string[];
  /** All verified claims, for the rare route that needs more. */
  claims: Record<string, unknown>;
}

/** Admin and provisioner tokens reach every participant context; everyone else only their own. */
export function reachesAnyContext(principal: Principal): boolean {
  return principal.role === 'admin' || principal.role === 'provisioner';
}
