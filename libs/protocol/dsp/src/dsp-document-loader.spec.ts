import { UnknownJsonLdContextException } from '@dsaas/protocol-dcp';
import { DSP_CONTEXT_URL, DSP_ODRL_PROFILE_CONTEXT_URL } from './dsp.constants';
import { DSP_CONTEXT_DOCUMENTS, dspDocumentLoader } from './dsp-document-loader';

describe('dspDocumentLoader', () => {
  it('serves the DSP context offline, in the shape jsonld expects', async () => {
    const remote = await dspDocumentLoader(DSP_CONTEXT_URL);
    expect(remote).toMatchObject({ contextUrl: null, documentUrl: DSP_CONTEXT_URL });
    expect((remote.document as any)['@context'].dspace).toBe('https://w3id.org/dspace/2025/1/');
  });

  it('serves the ODRL profile context the DSP context @imports', async () => {
    const imported = JSON.stringify(DSP_CONTEXT_DOCUMENTS[DSP_CONTEXT_URL]).match(/"@import":"([^"]+)"/)?.[1];
    expect(imported).toBe(DSP_ODRL_PROFILE_CONTEXT_URL);
    const remote = await dspDocumentLoader(DSP_ODRL_PROFILE_CONTEXT_URL);
    expect((remote.document as any)['@context'].odrl).toBe('http://www.w3.org/ns/odrl/2/');
  });

  it('never fetches: the DID context the did-service examples use is not held and is refused', async () => {
    await expect(dspDocumentLoader('https://www.w3.org/ns/did/v1')).rejects.toBeInstanceOf(UnknownJsonLdContextException);
  });
});
