import { Body, Controller, Get, Headers, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@dsaas/auth';
import { DspErrorFilter } from '../dsp/dsp-error.filter';
import { dspPath } from '../dsp/dsp-paths';
import { DspRequestAuthenticator } from '../dsp/dsp-request.authenticator';
import { DspTransferService } from './dsp-transfer.service';
import { TransferMessageType } from './transfer-messages';

/**
 * DSP 2025-1 transfer process protocol of every hosted context, provider and consumer side on the same paths
 * (a context's callbackAddress is its DSP base): the pid says which of our processes, and so which role.
 * Authenticated by the caller's DCP token, not OAuth2; errors are TransferError messages.
 */
@ApiExcludeController()
@Public()
@UseFilters(DspErrorFilter)
@Controller()
export class DspTransferController {
  constructor(private readonly requests: DspRequestAuthenticator, private readonly transfers: DspTransferService) {}

  @Post(dspPath('transfers/request'))
  @HttpCode(201)
  async request(@Param('ctxId') ctxId: string, @Headers('authorization') authorization: string | undefined, @Body() body: unknown) {
    const { context, caller } = await this.requests.authenticate(ctxId, authorization);
    return this.transfers.request(context, caller, body);
  }

  @Get(dspPath('transfers/:pid'))
  async get(@Param('ctxId') ctxId: string, @Param('pid') pid: string, @Headers('authorization') authorization: string | undefined) {
    const { context, caller } = await this.requests.authenticate(ctxId, authorization);
    return this.transfers.get(context, caller, pid);
  }

  @Post(dspPath('transfers/:pid/start'))
  @HttpCode(200)
  start(@Param('ctxId') ctxId: string, @Param('pid') pid: string, @Headers('authorization') authorization: string | undefined, @Body() body: unknown) {
    return this.receive(ctxId, pid, authorization, 'TransferStartMessage', body);
  }

  @Post(dspPath('transfers/:pid/completion'))
  @HttpCode(200)
  completion(@Param('ctxId') ctxId: string, @Param('pid') pid: string, @Headers('authorization') authorization: string | undefined, @Body() body: unknown) {
    return this.receive(ctxId, pid, authorization, 'TransferCompletionMessage', body);
  }

  @Post(dspPath('transfers/:pid/suspension'))
  @HttpCode(200)
  suspension(@Param('ctxId') ctxId: string, @Param('pid') pid: string, @Headers('authorization') authorization: string | undefined, @Body() body: unknown) {
    return this.receive(ctxId, pid, authorization, 'TransferSuspensionMessage', body);
  }

  @Post(dspPath('transfers/:pid/termination'))
  @HttpCode(200)
  termination(@Param('ctxId') ctxId: string, @Param('pid') pid: string, @Headers('authorization') authorization: string | undefined, @Body() body: unknown) {
    return this.receive(ctxId, pid, authorization, 'TransferTerminationMessage', body);
  }

  private async receive(ctxId: string, pid: string, authorization: string | undefined, type: TransferMessageType, body: unknown): Promise<void> {
    const { context, caller } = await this.requests.authenticate(ctxId, authorization);
    await this.transfers.message(context, caller, pid, type, body);
  }
}
