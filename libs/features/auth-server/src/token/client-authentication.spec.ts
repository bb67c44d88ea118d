import { presentedCredentials } from './client-authentication';
import { OAuthError } from './oauth-error';

const basic = (raw: string) => `Basic ${Buffer.from(raw).toString('base64')}`;
const errorOf = (fn: () => unknown): OAuthError => {
  try {
    fn();
  } catch (error) {
    return error as OAuthError;
  }
  throw new Error('expected an OAuthError');
};

describe('presentedCredentials', () => {
  it('form-decodes the id and secret of an HTTP Basic header (RFC 6749 §2.3.1)', () => {
    expect(presentedCredentials(basic('my%20client:p%3Ass+word'), {})).toEqual({ clientId: 'my client', clientSecret: 'p:ss word', method: 'client_secret_basic' });
    expect(presentedCredentials(basic('id:se:cret'), {}).clientSecret).toBe('se:cret');
  });

  it('reads client_secret_post from the form', () => {
    expect(presentedCredentials(undefined, { client_id: 'id', client_secret: 's' })).toEqual({ clientId: 'id', clientSecret: 's', method: 'client_secret_post' });
  });

  it('tolerates the same client_id in the body next to Basic, but not a second secret or another id', () => {
    expect(presentedCredentials(basic('id:s'), { client_id: 'id' }).clientId).toBe('id');
    expect(errorOf(() => presentedCredentials(basic('id:s'), { client_id: 'other' })).code).toBe('invalid_request');
    expect(errorOf(() => presentedCredentials(basic('id:s'), { client_secret: 's' })).code).toBe('invalid_request');
  });

  it('answers invalid_client with a Basic challenge for missing or malformed credentials', () => {
    for (const [header, form] of [
      [undefined, {}],
      [undefined, { client_id: 'id' }],
      [basic('no-colon'), {}],
      [basic(':secret-without-id'), {}],
      [basic('bad%zzescape:s'), {}],
      ['Bearer abc', {}],
    ] as const) {
      const error = errorOf(() => presentedCredentials(header, form));
      expect(error).toBeInstanceOf(OAuthError);
      expect(error.code).toBe('invalid_client');
      expect(error.status).toBe(401);
      expect(error.basicChallenge).toBe(true);
    }
  });
});
