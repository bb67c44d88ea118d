import { describeWithServices, expectStandaloneServiceBasics, ServiceUnderTest, startServiceForTest } from '@dsaas/testing';
import { startTenantManager } from '../src/start';

describeWithServices(['postgres', 'nats'], 'tenant-manager started on its own', () => {
  let service: ServiceUnderTest;

  beforeAll(async () => {
    service = await startServiceForTest(startTenantManager, 'tenant_manager');
  });
  afterAll(() => service?.stop());

  expectStandaloneServiceBasics(() => service);
});
