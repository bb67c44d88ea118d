import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'dsaas:auth:public';

/** Opts a route (or controller) out of authentication. Every other route needs a valid token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
