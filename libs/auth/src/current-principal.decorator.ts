import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Principal } from './principal';

/** The caller's {@link Principal}, set by the authentication guard (undefined on @Public() routes). */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | undefined => context.switchToHttp().getRequest().principal,
);
