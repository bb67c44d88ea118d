import { NotFoundException } from '@dsaas/model';

export class CredentialRequestNotFoundException extends NotFoundException {
  constructor(holderPid: string) {
    super('Credential request', holderPid);
  }
}
