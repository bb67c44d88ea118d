/** JSON-LD context every DSP 2025-1 message (except the version metadata) lists in `@context`. */
export const DSP_CONTEXT_URL = 'https://w3id.org/dspace/2025/1/context.jsonld';
/** The ODRL profile context `@import`ed by the DSP context. */
export const DSP_ODRL_PROFILE_CONTEXT_URL = 'https://w3id.org/dspace/2025/1/odrl-profile.jsonld';
/** DSP vocabulary namespace (`dspace:`) and the prefix of the DSP schema URIs. */
export const DSP_NAMESPACE = 'https://w3id.org/dspace/2025/1/';
/** Version string in `/.well-known/dspace-version` and in the DSP paths (`/2025-1/...`). */
export const DSP_VERSION = '2025-1';
/** `code` of the ProtocolValidationException thrown for an invalid DSP message. */
export const DSP_SCHEMA_VIOLATION = 'dsp_schema_violation';
