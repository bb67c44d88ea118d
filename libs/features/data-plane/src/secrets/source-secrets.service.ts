import { Inject, Injectable } from '@nestjs/common';
import { ValidationException } from '@dsaas/model';
import { assertSecretKey, SECRET_STORE, SecretStore } from '@dsaas/secrets';

/** Keys the data plane keeps for itself in a context's namespace (push destinations): not the owner's to touch. */
const RESERVED = /^push-destination:/;

@Injectable()
export class SourceSecretsService {
  constructor(@Inject(SECRET_STORE) private readonly secrets: SecretStore) {}

  async list(participantContextId: string): Promise<string[]> {
    return (await this.secrets.list(participantContextId)).filter((key) => !RESERVED.test(key));
  }

  async put(participantContextId: string, name: string, body: unknown): Promise<void> {
    this.assertName(name);
    const record = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
    const extra = Object.keys(record).filter((key) => key !== 'value');
    if (typeof record.value !== 'string' || !record.value || extra.length) {
      throw new ValidationException('The secret is invalid', ['the body must be {"value": "<non-empty string>"} and nothing else']);
    }
    await this.secrets.put(participantContextId, name, record.value);
  }

  async delete(participantContextId: string, name: string): Promise<void> {
    this.assertName(name);
    await this.secrets.delete(participantContextId, name);
  }

  private assertName(name: string): void {
    assertSecretKey(name);
    if (RESERVED.test(name)) throw new ValidationException('The secret name is reserved', ['names starting with push-destination: are kept by the data plane']);
  }
}
