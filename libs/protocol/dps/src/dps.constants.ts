/** Prefix under which the DPS schemas `$ref` each other (`<prefix><File>.schema.json`). */
export const DPS_SCHEMA_BASE_URL = 'https://w3id.org/dspace-sig/v1.0/';
/** Prefix of the DPS profile identifiers and profile schemas. */
export const DPS_PROFILE_BASE_URL = 'https://w3id.org/dspace-sig/profile/';
/** `profile` / `endpointType` values of the HTTP profile. */
export const DPS_HTTP_PULL_PROFILE = 'https://w3id.org/dspace-sig/profile/http-pull';
export const DPS_HTTP_PUSH_PROFILE = 'https://w3id.org/dspace-sig/profile/http-push';
/** `code` of the ProtocolValidationException thrown for an invalid DPS message. */
export const DPS_SCHEMA_VIOLATION = 'dps_schema_violation';
