import { OAuthError } from './oauth-error';

export interface PresentedCredentials {
  clientId: string;
  clientSecret: string;
  method: 'client_secret_basic' | 'client_secret_post';
}

// RFC 6749 §2.3.1: id and secret are form-urlencoded before they go into the Basic header.
function formDecode(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, ' '));
}

/**
 * The client credentials of a token request, from the Basic header or the form body. Using both at once is
 * an invalid request (RFC 6749 §2.3); using neither (or a broken header) is an invalid client.
 */
export function presentedCredentials(authorization: string | undefined, form: Record<string, string | undefined>): PresentedCredentials {
  const basic = authorization !== undefined && /^basic\s/i.test(authorization);
  if (authorization !== undefined && !basic) {
    throw new OAuthError('invalid_client', 'Only HTTP Basic client authentication is supported in the Authorization header', true);
  }
  if (basic) {
    const credentials = decodeBasic(authorization!);
    // Some client libraries repeat client_id in the body next to Basic; harmless when it names the same client.
    if (form.client_secret !== undefined || (form.client_id !== undefined && form.client_id !== credentials.clientId)) {
      throw new OAuthError('invalid_request', 'Use either HTTP Basic or client_id/client_secret in the body, not both');
    }
    return credentials;
  }
  if (form.client_id && form.client_secret) {
    return { clientId: form.client_id, clientSecret: form.client_secret, method: 'client_secret_post' };
  }
  throw new OAuthError('invalid_client', 'Client authentication is required (HTTP Basic or client_id and client_secret)', true);
}

function decodeBasic(authorization: string): PresentedCredentials {
  try {
    const decoded = Buffer.from(authorization.replace(/^basic\s+/i, '').trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      return { clientId: formDecode(decoded.slice(0, colon)), clientSecret: formDecode(decoded.slice(colon + 1)), method: 'client_secret_basic' };
    }
  } catch {
    // a malformed percent-encoding falls through to the error below
  }
  throw new OAuthError('invalid_client', 'Malformed HTTP Basic credentials', true);
}
