import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { Public } from '@dsaas/auth';
import { dspValidator } from '@dsaas/protocol-dsp';
import { DspErrorFilter } from '../dsp/dsp-error.filter';
import { dspPath } from '../dsp/dsp-paths';
import { DspRequestAuthenticator } from '../dsp/dsp-request.authenticator';
import { parseCatalogPage } from './catalog-page';
import { CatalogService } from './catalog.service';

/** DSP 2025-1 catalog protocol, provider side. Authenticated by the caller's DCP token, not OAuth2. */
@ApiExcludeController()
@Public()
@UseFilters(DspErrorFilter)
@Controller()
export class DspCatalogController {
  constructor(private readonly requests: DspRequestAuthenticator, private readonly catalogs: CatalogService) {}

  @Post(dspPath('catalog/request'))
  @HttpCode(200)
  async request(
    @Param('ctxId') ctxId: string,
    @Headers('authorization') authorization: string | undefined,
    @Body() body: unknown,
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { context, caller } = await this.requests.authenticate(ctxId, authorization);
    dspValidator.assertValid('CatalogRequestMessage', body);
    const page = parseCatalogPage(query);
    const { catalog, hasMore } = await this.catalogs.catalog(context, caller, page);
    const links: string[] = [];
    const base = `${request.protocol}://${request.get('host')}${request.originalUrl.split('?')[0]}`;
    if (page.offset > 0) links.push(`<${base}?offset=${Math.max(0, page.offset - page.limit)}&limit=${page.limit}>; rel="previous"`);
    if (hasMore) links.push(`<${base}?offset=${page.offset + page.limit}&limit=${page.limit}>; rel="next"`);
    if (links.length) response.setHeader('Link', links.join(', '));
    return catalog;
  }

  @Get(dspPath('catalog/datasets/:id'))
  async dataset(@Param('ctxId') ctxId: string, @Param('id') id: string, @Headers('authorization') authorization: string | undefined) {
    const { context, caller } = await this.requests.authenticate(ctxId, authorization);
    return this.catalogs.dataset(context, caller, id);
  }
}
