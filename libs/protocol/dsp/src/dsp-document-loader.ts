import { createDocumentLoader, parseContextDocuments } from '@dsaas/protocol-dcp';
import { DSP_CONTEXT_URL, DSP_ODRL_PROFILE_CONTEXT_URL } from './dsp.constants';
import { CONTEXT_FILES } from './spec-index.generated';

/** The vendored DSP 2025-1 JSON-LD contexts, by URL (the upstream AbstractJsonLdTest/DspConstants mapping). */
export const DSP_CONTEXT_DOCUMENTS: Readonly<Record<string, object>> = parseContextDocuments({
  [DSP_CONTEXT_URL]: CONTEXT_FILES['dspace.jsonld'],
  [DSP_ODRL_PROFILE_CONTEXT_URL]: CONTEXT_FILES['odrl.jsonld'],
});

/** Offline JSON-LD document loader for the DSP contexts; plug into jsonld as `documentLoader`. */
export const dspDocumentLoader = createDocumentLoader(DSP_CONTEXT_DOCUMENTS);
