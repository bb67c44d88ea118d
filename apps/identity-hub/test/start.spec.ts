import { describeWithServices, expectStandaloneServiceBasics, ServiceUnderTest, startServiceForTest } from '@dsaas/testing';
import { startIdentityHub } from '../src/start';

describeWithServices(['postgres', 'nats'], 'identity-hub started on its own', () => {
  let service: ServiceUnderTest;

  beforeAll(async () => {
    service = await startServiceForTest(startIdentityHub, 'identity_hub');
  });
  afterAll(() => service?.stop());

  expectStandaloneServiceBasics(() => service, { secretStore: true });
});
