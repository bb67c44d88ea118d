import { NotFoundException } from '@dsaas/model';

export class CredentialNotFoundException extends NotFoundException {
  constructor(id: string) {
    super('Credential', id);
  }
}
