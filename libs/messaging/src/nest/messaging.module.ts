import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { EVENT_BUS, EventBus } from '../event-bus.port';
import { OutboxWriter } from '../outbox/outbox-writer';
import { EventBusHealthIndicator } from './event-bus.health';

export interface MessagingModuleOptions {
  imports?: any[];
  inject?: any[];
  /** Builds the bus, e.g. `JetStreamEventBus.connect(...)` or `PostgresEventBus.connect(...)` from config. */
  useFactory: (...args: any[]) => EventBus | Promise<EventBus>;
}

/** Provides `EVENT_BUS`, `OutboxWriter` and `EventBusHealthIndicator`; closes the bus on shutdown. */
@Module({})
export class MessagingModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_BUS) private readonly bus: EventBus) {}

  static forRootAsync(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [TerminusModule, ...(options.imports ?? [])],
      providers: [
        { provide: EVENT_BUS, inject: options.inject ?? [], useFactory: options.useFactory },
        OutboxWriter,
        EventBusHealthIndicator,
      ],
      exports: [EVENT_BUS, OutboxWriter, EventBusHealthIndicator],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}
