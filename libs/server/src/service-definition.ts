import { DynamicModule } from '@nestjs/common';
import { BodyErrorResponder } from './body-parsers';
import { ServiceConfig } from './service.config';

/** How to build one service: its name, its config class and its root module. Apps and the platform share it. */
export interface ServiceDefinition<C extends ServiceConfig = ServiceConfig> {
  name: string;
  configClass: new () => C;
  module(config: C): DynamicModule;
  /** Protocol paths whose malformed or oversized bodies answer with the protocol's error message. */
  bodyErrorResponders?: readonly BodyErrorResponder[];
}
