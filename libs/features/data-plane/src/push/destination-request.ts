import { DspDataAddress, endpointProperty } from '../flows/data-address';

/** Method and headers of a write to a push destination (its credential from the destination's endpoint properties). */
export function destinationRequest(destination: DspDataAddress, contentType: string | undefined): { url: string; method: string; headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  if (contentType) headers['content-type'] = contentType;
  const authKey = endpointProperty(destination, 'authKey');
  const authCode = endpointProperty(destination, 'authCode');
  const authorization = endpointProperty(destination, 'authorization');
  if (authKey && authCode) headers[authKey] = authCode;
  else if (authorization) {
    const bearer = (endpointProperty(destination, 'authType') ?? '').toLowerCase() === 'bearer' && !/^bearer /i.test(authorization);
    headers.authorization = bearer ? `Bearer ${authorization}` : authorization;
  }
  const method = (endpointProperty(destination, 'method') ?? 'POST').toUpperCase();
  return { url: destination.endpoint!, method: ['POST', 'PUT', 'PATCH'].includes(method) ? method : 'POST', headers };
}
