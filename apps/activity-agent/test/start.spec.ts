import { describeWithServices, expectStandaloneServiceBasics, ServiceUnderTest, startServiceForTest } from '@dsaas/testing';
import { startActivityAgent } from '../src/start';

describeWithServices(['postgres', 'nats'], 'activity-agent started on its own', () => {
  let service: ServiceUnderTest;

  beforeAll(async () => {
    service = await startServiceForTest(startActivityAgent, 'activity_agent');
  });
  afterAll(() => service?.stop());

  expectStandaloneServiceBasics(() => service);
});
