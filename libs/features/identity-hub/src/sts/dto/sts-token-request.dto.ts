import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CONTEXT_ID_PATTERN } from '../../participants/dto/create-participant-context.dto';

export class StsTokenRequestDto {
  @ApiPropertyOptional({ description: 'Required for admin/provisioner tokens; a participant token signs for its own context', example: 'acme' })
  @IsOptional()
  @Matches(CONTEXT_ID_PATTERN, { message: 'participantContextId must be a participant context id' })
  participantContextId?: string;

  @ApiProperty({ description: "The counter-party's DID (the token's aud)", example: 'did:web:connector.example.org:bravo' })
  @IsString()
  @MaxLength(512)
  @Matches(/^did:[a-z0-9]+:\S+$/, { message: 'audience must be a DID' })
  audience: string;

  @ApiPropertyOptional({
    description: 'Space-separated DCP scopes the counter-party may read from our credential service; minted into the `token` claim',
    example: 'org.eclipse.dspace.dcp.vc.type:MembershipCredential:read',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  bearerAccessScope?: string;

  @ApiPropertyOptional({ description: "The counter-party's access token, passed on in the `token` claim", example: 'eyJhbGciOiJFUzI1NiJ9.e30.c2ln' })
  @IsOptional()
  @IsString()
  @MaxLength(16384)
  token?: string;
}
