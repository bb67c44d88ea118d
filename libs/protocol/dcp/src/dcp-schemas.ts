import { DCP_NAMESPACE } from './dcp.constants';
import { SCHEMA_FILES } from './spec-index.generated';
import type { RegisteredSchema } from './validation/protocol-schema-validator';

const DIF_FOLDER = 'test-resources/';

/**
 * Registration keys of the vendored DCP schemas (specs README, "Registration keys"): each file under
 * `https://w3id.org/dspace-dcp/v1.0/<path>`, whatever its `$id` says (context-schema.json still carries the
 * old v08 `$id`, credential-message-schema.json a `presentation/` one; ajv registers those `$id`s as well).
 * The DIF Presentation Exchange / Claim Format Registry files have no `$id`: they go under the
 * `https://identity.foundation/...` URIs the DCP schemas `$ref`.
 */
export function dcpSchemaFiles(): RegisteredSchema[] {
  return Object.entries(SCHEMA_FILES).map(([path, schema]) => ({
    key: path.startsWith(DIF_FOLDER)
      ? `https://identity.foundation/${path.slice(DIF_FOLDER.length)}`
      : `${DCP_NAMESPACE}${path}`,
    schema,
  }));
}

/** DCP message name → schema URI. */
export const DCP_SCHEMAS = {
  PresentationQueryMessage: `${DCP_NAMESPACE}presentation/presentation-query-message-schema.json`,
  PresentationResponseMessage: `${DCP_NAMESPACE}presentation/presentation-response-message-schema.json`,
  CredentialRequestMessage: `${DCP_NAMESPACE}issuance/credential-request-message-schema.json`,
  CredentialMessage: `${DCP_NAMESPACE}issuance/credential-message-schema.json`,
  CredentialOfferMessage: `${DCP_NAMESPACE}issuance/credential-offer-message-schema.json`,
  CredentialObject: `${DCP_NAMESPACE}issuance/credential-object-schema.json`,
  CredentialStatus: `${DCP_NAMESPACE}issuance/credential-status-schema.json`,
  IssuerMetadata: `${DCP_NAMESPACE}issuance/issuer-metadata-schema.json`,
} as const;

export type DcpSchemaName = keyof typeof DCP_SCHEMAS;
