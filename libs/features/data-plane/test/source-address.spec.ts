import { withDataAddressTypes } from '../src/flows/data-address';
import { destinationRequest } from '../src/push/destination-request';
import { parseSourceAddress, plainDataAddress } from '../src/sources/source-address';

describe('data addresses', () => {
  it('reads EDC data addresses in compact, prefixed and expanded form alike', () => {
    const expanded = { 'https://w3id.org/edc/v0.0.1/ns/type': [{ '@value': 'HttpData' }], 'edc:baseUrl': 'https://x.example.com', proxyPath: 'true' };
    expect(parseSourceAddress(plainDataAddress(expanded))).toMatchObject({ type: 'HttpData', baseUrl: 'https://x.example.com', proxyPath: true, proxyQueryParams: false, method: 'GET', authKey: 'Authorization' });
  });

  it('refuses what it cannot use, and credentials in clear', () => {
    expect(() => parseSourceAddress({ type: 'HttpData', baseUrl: 'ftp://x' })).toThrow('baseUrl');
    expect(() => parseSourceAddress({ type: 'HttpData', baseUrl: 'https://x', authCode: 'secret' })).toThrow('secretName');
    expect(() => parseSourceAddress({ type: 'S3' })).toThrow("source type 'S3' is not supported");
    expect(() => parseSourceAddress({ type: 'NATS' })).toThrow('subject');
  });

  it('adds the @types the DPS examples leave out, and nothing else', () => {
    expect(withDataAddressTypes({ endpointType: 'e', endpoint: 'https://x', endpointProperties: [{ name: 'a', value: 'b' }] })).toEqual({
      '@type': 'DataAddress',
      endpointType: 'e',
      endpoint: 'https://x',
      endpointProperties: [{ '@type': 'EndpointProperty', name: 'a', value: 'b' }],
    });
    expect(withDataAddressTypes('not an object')).toBe('not an object');
  });

  it('writes to a destination with its credential: authKey/authCode, or a bearer authorization', () => {
    const address = (props: Record<string, string>) => ({ '@type': 'DataAddress' as const, endpointType: 'x', endpoint: 'https://sink', endpointProperties: Object.entries(props).map(([name, value]) => ({ '@type': 'EndpointProperty' as const, name, value })) });
    expect(destinationRequest(address({ authKey: 'X-Key', authCode: 'k' }), 'text/plain')).toEqual({ url: 'https://sink', method: 'POST', headers: { 'content-type': 'text/plain', 'X-Key': 'k' } });
    expect(destinationRequest(address({ authorization: 't', authType: 'bearer', method: 'put' }), undefined).headers).toEqual({ authorization: 'Bearer t' });
    expect(destinationRequest(address({ method: 'DELETE' }), undefined).method).toBe('POST');
  });
});
