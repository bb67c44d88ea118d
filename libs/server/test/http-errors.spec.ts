import { Body, Controller, Get, INestApplication, Module, Param, Post } from '@nestjs/common';
import { IsInt, IsString, Max } from 'class-validator';
import { ConflictException, NotFoundException } from '@dsaas/model';
import { bootstrapService, ConfigValidationError, loadConfig, ServerModule, ServiceConfig } from '../src';

class CreateThingDto {
  @IsString()
  name: string;

  @IsInt()
  @Max(10)
  size: number;
}

const stored: CreateThingDto[] = [];

@Controller('things')
class ThingsController {
  @Post()
  create(@Body() dto: CreateThingDto) {
    if (stored.some((t) => t.name === dto.name)) throw new ConflictException(`thing '${dto.name}' exists`);
    stored.push(dto);
    return dto;
  }

  @Get(':id')
  get(@Param('id') id: string) {
    throw new NotFoundException('thing', id);
  }

  @Get('boom/now')
  boom() {
    throw new Error('database password is hunter2');
  }
}

@Module({ imports: [ServerModule.forRoot({ service: 'server-spec' })], controllers: [ThingsController] })
class TestModule {}

describe('HTTP edge of every service: bad input gets a problem body and changes nothing', () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    app = await bootstrapService(TestModule, { service: 'server-spec', port: 0, host: '127.0.0.1', maxBodySize: '10kb', logLevel: 'silent', shutdownHooks: false });
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(() => app?.close());
  beforeEach(() => (stored.length = 0));

  const post = (body: string, contentType = 'application/json') =>
    fetch(`${url}/things`, { method: 'POST', headers: { 'content-type': contentType }, body });

  async function expectProblem(response: Response, status: number, code: string) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const body: any = await response.json();
    expect(body).toMatchObject({ status, code, type: expect.stringContaining(code), title: expect.any(String) });
    return body;
  }

  it('accepts a valid body', async () => {
    const response = await post(JSON.stringify({ name: 'a', size: 1 }));
    expect(response.status).toBe(201);
    expect(stored).toHaveLength(1);
  });

  it('answers malformed JSON with 400 malformed_body', async () => {
    await expectProblem(await post('{"name": "a",'), 400, 'malformed_body');
    expect(stored).toHaveLength(0);
  });

  it('answers unknown fields with 400 validation_failed naming them', async () => {
    const body = await expectProblem(await post(JSON.stringify({ name: 'a', size: 1, admin: true })), 400, 'validation_failed');
    expect(body.errors.join(' ')).toContain('admin');
    expect(stored).toHaveLength(0);
  });

  it('answers wrong types and out-of-range values with 400', async () => {
    await expectProblem(await post(JSON.stringify({ name: 5, size: 'big' })), 400, 'validation_failed');
    await expectProblem(await post(JSON.stringify({ name: 'a', size: 11 })), 400, 'validation_failed');
    expect(stored).toHaveLength(0);
  });

  it('answers a body over the limit with 413', async () => {
    await expectProblem(await post(JSON.stringify({ name: 'x'.repeat(20_000), size: 1 })), 413, 'payload_too_large');
    expect(stored).toHaveLength(0);
  });

  it('maps domain exceptions to their status and code', async () => {
    await expectProblem(await fetch(`${url}/things/t1`), 404, 'not_found');
    await post(JSON.stringify({ name: 'a', size: 1 }));
    await expectProblem(await post(JSON.stringify({ name: 'a', size: 2 })), 409, 'conflict');
  });

  it('answers an unknown route with a 404 problem', async () => {
    await expectProblem(await fetch(`${url}/nothing-here`), 404, 'not_found');
  });

  it('hides internal error details behind a 500 problem', async () => {
    const body = await expectProblem(await fetch(`${url}/things/boom/now`), 500, 'internal_error');
    expect(JSON.stringify(body)).not.toContain('hunter2');
  });
});

describe('loadConfig', () => {
  it('fails fast naming every bad variable and never echoing values', () => {
    let error: ConfigValidationError | undefined;
    try {
      loadConfig(ServiceConfig, { PORT: '99999', EVENT_BUS: 'kafka', SECRETS_BACKEND: 'vault', VAULT_TOKEN: 's3cr3t' });
    } catch (e) {
      error = e as ConfigValidationError;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect(error!.variables).toEqual(expect.arrayContaining(['PORT', 'EVENT_BUS', 'VAULT_ADDR']));
    expect(error!.message).not.toContain('s3cr3t');
  });

  it('converts and defaults typed values', () => {
    const config = loadConfig(ServiceConfig, { PORT: '8090' });
    expect(config.PORT).toBe(8090);
    expect(config.EVENT_BUS).toBe('nats');
    expect(config.AUTH_AUDIENCE).toBe('dsaas');
  });
});
