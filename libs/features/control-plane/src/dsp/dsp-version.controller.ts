import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@dsaas/auth';
import { DSP_VERSION, dspValidator } from '@dsaas/protocol-dsp';
import { DspAddresses } from './dsp-addresses';
import { DspParticipantContextRepository } from './dsp-participant-context.repository';

/** DSP 2025-1 §4.3 version metadata: one 2025-1 endpoint per hosted participant context. */
@ApiTags('DSP')
@Public()
@Controller()
export class DspVersionController {
  constructor(private readonly contexts: DspParticipantContextRepository) {}

  @Get('.well-known/dspace-version')
  @ApiOperation({ summary: 'The DSP versions and endpoints of the participant contexts hosted here' })
  @ApiOkResponse({
    description: 'Version metadata (DSP 2025-1 §4.3)',
    example: {
      protocolVersions: [
        {
          version: '2025-1',
          path: '/api/dsp/ctx-a/2025-1',
          binding: 'HTTPS',
          serviceId: 'did:web:localhost%3A8085:ctx-a#dsp',
          identifierType: 'did:web',
          auth: { protocol: 'DCP', version: '1.0' },
        },
      ],
    },
  })
  async versions() {
    const contexts = await this.contexts.list();
    const body = {
      protocolVersions: contexts.map((context) => ({
        version: DSP_VERSION,
        path: DspAddresses.path(context.participantContextId),
        binding: 'HTTPS',
        serviceId: `${context.did}#dsp`,
        identifierType: 'did:web',
        auth: { protocol: 'DCP', version: '1.0' },
      })),
    };
    dspValidator.assertValid('VersionResponse', body);
    return body;
  }
}
