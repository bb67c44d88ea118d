import { describeWithServices, expectStandaloneServiceBasics, ServiceUnderTest, startServiceForTest } from '@dsaas/testing';
import { startIssuerService } from '../src/start';

describeWithServices(['postgres', 'nats'], 'issuer-service started on its own', () => {
  let service: ServiceUnderTest;

  beforeAll(async () => {
    service = await startServiceForTest(startIssuerService, 'issuer_service');
  });
  afterAll(() => service?.stop());

  expectStandaloneServiceBasics(() => service, { secretStore: true });
});
