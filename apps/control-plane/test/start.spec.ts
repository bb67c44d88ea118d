import { describeWithServices, expectStandaloneServiceBasics, ServiceUnderTest, startServiceForTest } from '@dsaas/testing';
import { startControlPlane } from '../src/start';

describeWithServices(['postgres', 'nats'], 'control-plane started on its own', () => {
  let service: ServiceUnderTest;

  beforeAll(async () => {
    service = await startServiceForTest(startControlPlane, 'control_plane');
  });
  afterAll(() => service?.stop());

  expectStandaloneServiceBasics(() => service, { secretStore: true });
});
