import { Body, Controller, Get, Headers, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@dsaas/auth';
import { DspErrorFilter } from '../dsp/dsp-error.filter';
import { dspPath } from '../dsp/dsp-paths';
import { DspRequestAuthenticator } from '../dsp/dsp-request.authenticator';
import { DspNegotiationService, NegotiationMessageType } from './dsp-negotiation.service';
import { ProviderOffersNotSupportedException } from './provider-offers-not-supported.exception';

/**
 * DSP 2025-1 contract negotiation protocol of every hosted context, provider and consumer side on the same paths
 * (a consumer's callbackAddress is its DSP base): the pid says which of our negotiations, and so which role.
 * Authenticated by the caller's DCP token, not OAuth2; errors are ContractNegotiationError messages.
 */
@ApiExcludeController()
@Public()
@UseFilters(DspErrorFilter)
@Controller()
export class DspNegotiationController {
  constructor(private readonly requests: DspRequestAuthenticator, private readonly negotiations: DspNegotiationService) {}

  @Post(dspPath('negotiations/request'))
  @HttpCode(201)
  async request(@Param('ctxId') ctxId: string, @Headers('authorization') authorization: string | undefined, @Body() body: unknown) {
    const { context, caller } = await this.requests.authenticate(ctxId, authorization);
    return this.negotiations.request(context, caller, body);
  }

  /** A provider-initiated negotiation: our consumers only negotiate what they request. */
  @Post(dspPath('negotiations/offers'))
  async offers(@Param('ctxId') ctxId: string, @Headers('authorization') authorization: string | undefined): Promise<never> {
    await this.requests.authenticate(ctxId, authorization);
    throw new ProviderOffersNotSupportedException();
  }

  @Get(dspPath('negotiations/:pid'))
  async get(@Param('ctxId') ctxId: string, @Param('pid') pid: string, @Headers('authorization') authorization: string | undefined) {
    const { context, caller } = await this.requests.authenticate(ctxId, authorization);
    return this.negotiations.get(context, caller, pid);
  }

  @Post(dspPath('negotiations/:pid/request'))
  @HttpCode(200)
  counterRequest(@Param('ctxId') ctxId: string, @Param('pid') pid: string, @Headers('authorization') authorization: string | undefined, @Body() body: unknown) {
    return this.receive(ctxId, pid, authorization, 'ContractRequestMessage', body);
  }

  @Post(dspPath('negotiations/:pid/offers'))
  @HttpCode(200)
  offer(@Param('ctxId') ctxId: string, @Param('pid') pid: string, @Headers('authorization') authorization: string | undefined, @Body() body: unknown) {
    return this.receive(ctxId, pid, authorization, 'ContractOfferMessage', body);
  }

  @Post(dspPath('negotiations/:pid/agreement'))
  @HttpCode(200)
  agreement(@Param('ctxId') ctxId: string, @Param('pid') pid: string, @Headers('authorization') authorization: string | undefined, @Body() body: unknown) {
    return this.receive(ctxId, pid, authorization, 'ContractAgreementMessage', body);
  }

  @Post(dspPath('negotiations/:pid/agreement/verification'))
  @HttpCode(200)
  verification(@Param('ctxId') ctxId: string, @Param('pid') pid: string, @Headers('authorization') authorization: string | undefined, @Body() body: unknown) {
    return this.receive(ctxId, pid, authorization, 'ContractAgreementVerificationMessage', body);
  }

  @Post(dspPath('negotiations/:pid/events'))
  @HttpCode(200)
  events(@Param('ctxId') ctxId: string, @Param('pid') pid: string, @Headers('authorization') authorization: string | undefined, @Body() body: unknown) {
    return this.receive(ctxId, pid, authorization, 'ContractNegotiationEventMessage', body);
  }

  @Post(dspPath('negotiations/:pid/termination'))
  @HttpCode(200)
  termination(@Param('ctxId') ctxId: string, @Param('pid') pid: string, @Headers('authorization') authorization: string | undefined, @Body() body: unknown) {
    return this.receive(ctxId, pid, authorization, 'ContractNegotiationTerminationMessage', body);
  }

  private async receive(ctxId: string, pid: string, authorization: string | undefined, type: NegotiationMessageType, body: unknown): Promise<void> {
    const { context, caller } = await this.requests.authenticate(ctxId, authorization);
    await this.negotiations.message(context, caller, pid, type, body);
  }
}
