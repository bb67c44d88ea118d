import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_BUS, EventBus } from '../event-bus.port';

/** `/health/ready` check: `health.check([() => eventBusHealth.isHealthy('eventBus')])`. */
@Injectable()
export class EventBusHealthIndicator {
  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    private readonly health: HealthIndicatorService,
  ) {}

  async isHealthy(key = 'eventBus') {
    const session = this.health.check(key);
    return (await this.bus.isHealthy()) ? session.up() : session.down({ message: 'event bus not connected' });
  }
}
