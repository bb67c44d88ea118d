import { describeWithServices, expectStandaloneServiceBasics, ServiceUnderTest, startServiceForTest } from '@dsaas/testing';
import { startAuthServer } from '../src/start';

describeWithServices(['postgres', 'nats'], 'auth-server started on its own', () => {
  let service: ServiceUnderTest;

  beforeAll(async () => {
    service = await startServiceForTest(startAuthServer, 'auth_server');
  });
  afterAll(() => service?.stop());

  expectStandaloneServiceBasics(() => service);
});
