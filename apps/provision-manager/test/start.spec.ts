import { describeWithServices, expectStandaloneServiceBasics, ServiceUnderTest, startServiceForTest } from '@dsaas/testing';
import { startProvisionManager } from '../src/start';

describeWithServices(['postgres', 'nats'], 'provision-manager started on its own', () => {
  let service: ServiceUnderTest;

  beforeAll(async () => {
    service = await startServiceForTest(startProvisionManager, 'provision_manager');
  });
  afterAll(() => service?.stop());

  expectStandaloneServiceBasics(() => service);
});
