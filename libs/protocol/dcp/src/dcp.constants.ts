/** JSON-LD context every DCP 1.0 message lists in `@context`. */
export const DCP_CONTEXT_URL = 'https://w3id.org/dspace-dcp/v1.0/dcp.jsonld';
/** The ODRL context as the DCP tests map it (a different file from DSP's `odrl-profile.jsonld`). */
export const DCP_ODRL_CONTEXT_URL = 'https://www.w3.org/ns/odrl.jsonld';
/** DCP vocabulary namespace and the prefix of the DCP schema URIs. */
export const DCP_NAMESPACE = 'https://w3id.org/dspace-dcp/v1.0/';
/** `code` of the ProtocolValidationException thrown for an invalid DCP message. */
export const DCP_SCHEMA_VIOLATION = 'dcp_schema_violation';
