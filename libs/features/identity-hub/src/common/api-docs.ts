/** Problem-details examples shared by the OpenAPI descriptions of the identity hub's endpoints. */
export function problemExample(status: number, code: string, title: string, detail?: string) {
  return { type: `https://dsaas.dev/problems/${code}`, title, status, code, ...(detail ? { detail } : {}) };
}

export const EXAMPLE_CONTEXT_ID = 'acme';
export const EXAMPLE_DID = 'did:web:identity.example.com:acme';
export const EXAMPLE_VERIFIER_DID = 'did:web:connector.example.org:bravo';
export const EXAMPLE_ISSUER_DID = 'did:web:issuer.example.com:dataspace-issuer';
export const EXAMPLE_JWT = 'eyJhbGciOiJFUzI1NiIsImtpZCI6ImRpZDp3ZWI6aWRlbnRpdHkuZXhhbXBsZS5jb206YWNtZSNrZXktMWEyYjNjIn0.eyJpc3MiOiJkaWQ6d2ViOmlkZW50aXR5LmV4YW1wbGUuY29tOmFjbWUifQ.c2lnbmF0dXJl';

export const CONTEXT_ID_PARAM = { name: 'ctxId', description: 'Participant context id', example: EXAMPLE_CONTEXT_ID };

export const UNAUTHORIZED = {
  status: 401,
  description: 'No valid access token',
  schema: { example: problemExample(401, 'unauthenticated', 'Unauthorized', 'An access token is required') },
};
export const FORBIDDEN = {
  status: 403,
  description: 'The token lacks the role or scope',
  schema: { example: problemExample(403, 'forbidden', 'Forbidden', 'The access token lacks the scopes: identity-api:write') },
};
export const CONTEXT_NOT_FOUND = {
  status: 404,
  description: 'No such participant context (also for a context the token may not reach)',
  schema: { example: problemExample(404, 'not_found', 'Not Found', "Participant context 'acme' was not found") },
};
export const BAD_REQUEST = {
  status: 400,
  description: 'Malformed body',
  schema: { example: problemExample(400, 'validation_failed', 'Bad Request', 'The request is invalid') },
};
