import { NotFoundException } from '@dsaas/model';

export class ClientNotFoundException extends NotFoundException {
  constructor(clientId: string) {
    super('OAuth2 client', clientId);
  }
}
