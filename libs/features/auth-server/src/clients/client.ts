import { Role } from '@dsaas/auth';

/** A registered OAuth2 client as the service sees it (never with its secret). */
export interface Client {
  clientId: string;
  role: Role;
  participantContextId?: string;
  scopes: string[];
  createdAt: Date;
  secretRotatedAt: Date;
  revokedAt?: Date;
}

/** A client together with its clear-text secret: returned once, on creation or secret rotation. */
export interface ClientCredentials {
  client: Client;
  clientSecret: string;
}
