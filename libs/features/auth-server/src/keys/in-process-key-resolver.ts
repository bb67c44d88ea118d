import type { JWTVerifyGetKey } from 'jose';

/**
 * Lets the app's AuthModule verify our own tokens without an HTTP call to itself. The AuthModule options are
 * built before the signing key service exists, so they get this stand-in, which the service fills in at start.
 */
export class InProcessKeyResolver {
  private delegate?: JWTVerifyGetKey;

  attach(delegate: JWTVerifyGetKey): void {
    this.delegate = delegate;
  }

  readonly getKey: JWTVerifyGetKey = (header, token) => {
    if (!this.delegate) throw new Error('the auth-server signing keys are not loaded yet');
    return this.delegate(header, token);
  };
}
