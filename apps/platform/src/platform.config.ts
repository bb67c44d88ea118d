import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Max, Min } from 'class-validator';

/** Environment of the all-in-one platform. Every service's own variables may also be set and are passed on. */
export class PlatformConfig {
  /** Where the embedded database and generated keys live between starts. */
  @IsString()
  PLATFORM_DATA_DIR = '.data/platform';

  /** Use this PostgreSQL instead of the embedded one. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['postgres', 'postgresql'] })
  DATABASE_URL?: string;

  /** First port; the services take consecutive ports from here (auth-server first). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65000)
  PLATFORM_BASE_PORT = 8080;

  @IsString()
  HOST = '0.0.0.0';

  /** Host name clients use to reach the platform (printed URLs, token issuer). */
  @IsString()
  PUBLIC_HOST = 'localhost';
}
