import { ServiceDefinition } from '@dsaas/server';
import { ControlPlaneConfig } from './control-plane.config';
import { ControlPlaneServiceModule } from './control-plane-service.module';
import { dspBodyErrorResponder } from './dsp/dsp-body-error.responder';

export const controlPlaneService: ServiceDefinition<ControlPlaneConfig> = {
  name: 'control-plane',
  configClass: ControlPlaneConfig,
  module: (config) => ControlPlaneServiceModule.forRoot(config),
  bodyErrorResponders: [dspBodyErrorResponder()],
};
