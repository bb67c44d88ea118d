/** The API versions every management route is served under, with the same handlers. */
export const MANAGEMENT_API_VERSIONS = ['v4alpha', 'v5beta'] as const;

/** `api/mgmt/{version}/{suffix}` for every served version (for controller path arrays). */
export function managementPaths(suffix: string): string[] {
  return MANAGEMENT_API_VERSIONS.map((version) => `api/mgmt/${version}/${suffix}`);
}

/** Paths of a resource inside a participant context: `api/mgmt/{version}/participants/:ctxId/{resource}`. */
export function contextPaths(resource: string): string[] {
  return managementPaths(`participants/:ctxId/${resource}`);
}
