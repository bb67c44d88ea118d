import { Controller, Get, Param } from '@nestjs/common';
import { NotFoundException } from '@dsaas/model';
import { CurrentPrincipal, participantContextNotFound, Principal, Public, RequireScopes, Roles } from '../../src';

/** In-memory resources per participant context: what a real management API would look up. */
export const store = new Map<string, Set<string>>();

@Controller('participants/:ctxId/things')
export class ThingsController {
  @Get(':id')
  @RequireScopes('management-api:read')
  get(@Param('ctxId') ctxId: string, @Param('id') id: string) {
    const things = store.get(ctxId);
    if (!things) throw participantContextNotFound(ctxId);
    if (!things.has(id)) throw new NotFoundException('Thing', id);
    return { ctxId, id };
  }
}

@Controller()
export class MiscController {
  @Get('ping')
  @Public()
  ping() {
    return { pong: true };
  }

  @Get('me')
  me(@CurrentPrincipal() principal: Principal) {
    const { claims: _claims, ...rest } = principal;
    return rest;
  }

  @Get('admin-only')
  @Roles('admin')
  adminOnly() {
    return { ok: true };
  }
}
