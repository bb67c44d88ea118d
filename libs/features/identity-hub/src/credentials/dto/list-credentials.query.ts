import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

export class ListCredentialsQuery {
  @ApiPropertyOptional({ description: 'Only credentials of this type', example: 'MembershipCredential' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  type?: string;

  @ApiPropertyOptional({ description: 'Include the JWT and decoded content (default: metadata only)', example: false })
  @IsOptional()
  @Transform(({ obj, key }) => obj[key] === true || obj[key] === 'true')
  @IsBoolean()
  includeContent?: boolean;
}
