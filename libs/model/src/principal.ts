/** Roles carried in the `role` claim of access tokens. */
export enum Role {
  Admin = 'admin',
  Provisioner = 'provisioner',
  Participant = 'participant',
}

/** Scopes carried in the `scope` claim. */
export const Scopes = {
  ManagementRead: 'management-api:read',
  ManagementWrite: 'management-api:write',
  IdentityRead: 'identity-api:read',
  IdentityWrite: 'identity-api:write',
  IssuerAdminRead: 'issuer-admin-api:read',
  IssuerAdminWrite: 'issuer-admin-api:write',
  TenantRead: 'tenant-manager-api:read',
  TenantWrite: 'tenant-manager-api:write',
  ProvisionRead: 'provision-manager-api:read',
  ProvisionWrite: 'provision-manager-api:write',
  AuthAdminRead: 'auth-admin-api:read',
  AuthAdminWrite: 'auth-admin-api:write',
} as const;
export type Scope = (typeof Scopes)[keyof typeof Scopes];
