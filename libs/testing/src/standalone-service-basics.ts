import type { ServiceUnderTest } from './service-under-test';

/**
 * What every service must show when started on its own: live, ready (database and event bus up), metrics,
 * an OpenAPI document, deny-by-default auth and problem-details errors.
 */
export function expectStandaloneServiceBasics(service: () => ServiceUnderTest, options: { secretStore?: boolean } = {}): void {
  it('answers /health/live and /health/ready with its database and event bus up', async () => {
    const live = await fetch(`${service().url}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${service().url}/health/ready`);
    const body: any = await ready.json();
    expect(ready.status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.info.database.status).toBe('up');
    expect(body.info.eventBus.status).toBe('up');
    if (options.secretStore) expect(body.info.secretStore.status).toBe('up');
  });

  it('exposes Prometheus metrics and its OpenAPI document', async () => {
    const metrics = await fetch(`${service().url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('process_cpu_user_seconds_total');
    const openapi = await fetch(`${service().url}/api/openapi.json`);
    expect(openapi.status).toBe(200);
    expect(((await openapi.json()) as any).openapi).toMatch(/^3\./);
  });

  it('documents every endpoint with a response example (and a request example where there is a body)', async () => {
    const document: any = await (await fetch(`${service().url}/api/openapi.json`)).json();
    const missing: string[] = [];
    const resolve = (schema: any): any =>
      schema?.$ref ? document.components?.schemas?.[schema.$ref.split('/').pop()] : schema?.items?.$ref ? resolve(schema.items) : schema;
    // An example on the media type, on the schema, or on the properties of the DTO the schema refers to.
    const schemaHasExample = (schema: any) =>
      schema?.example !== undefined ||
      Object.values<any>(resolve(schema)?.properties ?? {}).some((property) => property.example !== undefined) ||
      resolve(schema)?.example !== undefined;
    const hasExample = (content: any) =>
      Object.values(content ?? {}).some((media: any) => media.example !== undefined || media.examples !== undefined || schemaHasExample(media.schema));
    for (const [path, operations] of Object.entries<any>(document.paths)) {
      for (const [method, operation] of Object.entries<any>(operations)) {
        const responses = Object.values<any>(operation.responses ?? {});
        if (!responses.some((r) => hasExample(r.content))) missing.push(`${method.toUpperCase()} ${path}: response`);
        if (operation.requestBody && !hasExample(operation.requestBody.content)) missing.push(`${method.toUpperCase()} ${path}: request`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('denies an unauthenticated call with a problem body', async () => {
    const response = await fetch(`${service().url}/api/service-info`);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as any).status).toBe(401);
  });
}
