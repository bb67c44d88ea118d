import { Body, Controller, INestApplication, Module, Post } from '@nestjs/common';
import { bootstrapService, BodyErrorResponder, ServerModule } from '../src';

@Controller()
class EchoController {
  @Post(['protocol/echo', 'api/echo'])
  echo(@Body() body: unknown) {
    return body;
  }
}

@Module({ imports: [ServerModule.forRoot({ service: 'responder-spec' })], controllers: [EchoController] })
class TestModule {}

/** A service may answer refused bodies of its protocol paths in the protocol's own error shape. */
describe('body error responders', () => {
  let app: INestApplication;
  let url: string;
  const responder: BodyErrorResponder = {
    matches: (path) => path.startsWith('/protocol/'),
    respond: (error, req, res) => {
      res.status(error.status).json({ protocolError: error.type, path: req.originalUrl });
    },
  };

  beforeAll(async () => {
    app = await bootstrapService(TestModule, { service: 'responder-spec', port: 0, host: '127.0.0.1', maxBodySize: '1kb', logLevel: 'silent', shutdownHooks: false, bodyErrorResponders: [responder] });
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(() => app?.close());

  const post = (path: string, body: string) => fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('answers refused bodies of matching paths with the responder, keeping the status', async () => {
    const malformed = await post('/protocol/echo?x=1', '{"a":');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ protocolError: 'entity.parse.failed', path: '/protocol/echo?x=1' });
    const huge = await post('/protocol/echo', JSON.stringify({ a: 'x'.repeat(2_000) }));
    expect(huge.status).toBe(413);
    expect(await huge.json()).toEqual({ protocolError: 'entity.too.large', path: '/protocol/echo' });
  });

  it('keeps the problem body for other paths and lets good bodies through', async () => {
    const malformed = await post('/api/echo', '{"a":');
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toContain('application/problem+json');
    expect(await malformed.json()).toMatchObject({ code: 'malformed_body', instance: '/api/echo' });
    const good = await post('/protocol/echo', '{"a":1}');
    expect(good.status).toBe(201);
    expect(await good.json()).toEqual({ a: 1 });
  });
});
