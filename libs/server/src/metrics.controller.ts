import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '@dsaas/auth';
import { metricsRegistry } from '@dsaas/telemetry';

@ApiTags('health')
@Public()
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('Content-Type', metricsRegistry.contentType)
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition', schema: { example: 'dsaas_http_request_duration_seconds_count{service="auth-server"} 3' } })
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
