import { Inject, Injectable } from '@nestjs/common';
import { importJWK, JWK, KeyLike } from 'jose';
import { generateKeyPair, toPublicJwk } from '@dsaas/identity';
import { SECRET_STORE, SecretStore } from '@dsaas/secrets';
import { DataPlaneConfig } from '../data-plane.config';

/** SecretStore namespace of the data plane's own keys (not a participant context's). */
export const DATA_PLANE_SECRET_NAMESPACE = 'data-plane-system';

export interface EdrSigningKey {
  kid: string;
  privateKey: KeyLike | Uint8Array;
  publicKey: KeyLike | Uint8Array;
  publicJwk: JWK;
}

/**
 * The key EDR access tokens are signed with (ES256). Generated on the first start and kept in the SecretStore, so
 * every replica and every restart signs and verifies with the same key; its public half is published as JWKS.
 */
@Injectable()
export class EdrSigningKeyService {
  private loaded?: Promise<EdrSigningKey>;

  constructor(
    @Inject(SECRET_STORE) private readonly secrets: SecretStore,
    private readonly config: DataPlaneConfig,
  ) {}

  key(): Promise<EdrSigningKey> {
    this.loaded ??= this.load().catch((error) => {
      this.loaded = undefined;
      throw error;
    });
    return this.loaded;
  }

  private async load(): Promise<EdrSigningKey> {
    const name = `edr-signing-key:${this.config.DATA_PLANE_ID}`;
    let stored = await this.secrets.get(DATA_PLANE_SECRET_NAMESPACE, name);
    if (!stored) {
      const generated = await generateKeyPair('ES256');
      await this.secrets.put(DATA_PLANE_SECRET_NAMESPACE, name, JSON.stringify({ ...generated.privateJwk, kid: `${this.config.DATA_PLANE_ID}-edr-1` }));
      // Two replicas starting together may both generate: whoever wrote last wins, and both use that one.
      stored = (await this.secrets.get(DATA_PLANE_SECRET_NAMESPACE, name))!;
    }
    const privateJwk = JSON.parse(stored) as JWK;
    const publicJwk = { ...toPublicJwk(privateJwk), use: 'sig', alg: 'ES256' };
    return {
      kid: privateJwk.kid!,
      privateKey: await importJWK(privateJwk, 'ES256'),
      publicKey: await importJWK(publicJwk, 'ES256'),
      publicJwk,
    };
  }
}
