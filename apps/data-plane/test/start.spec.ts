import { describeWithServices, expectStandaloneServiceBasics, ServiceUnderTest, startServiceForTest } from '@dsaas/testing';
import { startDataPlane } from '../src/start';

describeWithServices(['postgres', 'nats'], 'data-plane started on its own', () => {
  let service: ServiceUnderTest;

  beforeAll(async () => {
    service = await startServiceForTest(startDataPlane, 'data_plane');
  });
  afterAll(() => service?.stop());

  expectStandaloneServiceBasics(() => service, { secretStore: true });
});
