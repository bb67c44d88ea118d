import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ParticipantContext } from '../participant-context';

export const PARTICIPANT_CONTEXT_EXAMPLE = {
  participantContextId: 'acme',
  did: 'did:web:identity.example.com:acme',
  dspEndpoint: 'https://cp.example.com/api/dsp/acme/2025-1',
  state: 'active',
  didPublished: true,
  createdAt: '2026-01-01T12:00:00.000Z',
  updatedAt: '2026-01-01T12:00:00.000Z',
};

export class ParticipantContextDto {
  @ApiProperty({ example: PARTICIPANT_CONTEXT_EXAMPLE.participantContextId })
  participantContextId: string;

  @ApiProperty({ example: PARTICIPANT_CONTEXT_EXAMPLE.did })
  did: string;

  @ApiPropertyOptional({ example: PARTICIPANT_CONTEXT_EXAMPLE.dspEndpoint })
  dspEndpoint?: string;

  @ApiProperty({ enum: ['active', 'deactivated'], example: PARTICIPANT_CONTEXT_EXAMPLE.state })
  state: string;

  @ApiProperty({ description: 'Whether the DID document is served', example: true })
  didPublished: boolean;

  @ApiProperty({ example: PARTICIPANT_CONTEXT_EXAMPLE.createdAt })
  createdAt: string;

  @ApiProperty({ example: PARTICIPANT_CONTEXT_EXAMPLE.updatedAt })
  updatedAt: string;

  static from(context: ParticipantContext): ParticipantContextDto {
    return Object.assign(new ParticipantContextDto(), {
      participantContextId: context.participantContextId,
      did: context.did,
      dspEndpoint: context.dspEndpoint,
      state: context.state,
      didPublished: context.didPublished,
      createdAt: context.createdAt.toISOString(),
      updatedAt: context.updatedAt.toISOString(),
    });
  }
}
