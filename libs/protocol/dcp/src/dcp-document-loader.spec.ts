import { DCP_CONTEXT_URL, DCP_ODRL_CONTEXT_URL } from './dcp.constants';
import { DCP_CONTEXT_DOCUMENTS, dcpDocumentLoader } from './dcp-document-loader';
import { UnknownJsonLdContextException } from './json-ld/document-loader';

describe('dcpDocumentLoader', () => {
  it('serves the DCP context offline, in the shape jsonld expects', async () => {
    const remote = await dcpDocumentLoader(DCP_CONTEXT_URL);
    expect(remote.contextUrl).toBeNull();
    expect(remote.documentUrl).toBe(DCP_CONTEXT_URL);
    expect((remote.document as any)['@context'].dcp).toBe('https://w3id.org/dspace-dcp/v1.0/');
    expect((remote.document as any)['@context'].CredentialMessage['@id']).toBe('dcp:CredentialMessage');
  });

  it('serves the W3C ODRL context the DCP tests map', async () => {
    const remote = await dcpDocumentLoader(DCP_ODRL_CONTEXT_URL);
    expect((remote.document as any)['@context'].odrl).toBe('http://www.w3.org/ns/odrl/2/');
  });

  it('never fetches: an unknown context is a 400 domain error', async () => {
    await expect(dcpDocumentLoader('https://www.w3.org/2018/credentials/v1')).rejects.toBeInstanceOf(
      UnknownJsonLdContextException,
    );
    await expect(dcpDocumentLoader('https://www.w3.org/2018/credentials/v1')).rejects.toMatchObject({
      status: 400,
      code: 'unknown_jsonld_context',
    });
  });

  it('hands out frozen documents, so one caller cannot change another caller\'s context', () => {
    expect(Object.keys(DCP_CONTEXT_DOCUMENTS)).toEqual([DCP_CONTEXT_URL, DCP_ODRL_CONTEXT_URL]);
    expect(Object.isFrozen((DCP_CONTEXT_DOCUMENTS[DCP_CONTEXT_URL] as any)['@context'])).toBe(true);
  });
});
