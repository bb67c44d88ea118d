import { DCP_CONTEXT_URL, DCP_ODRL_CONTEXT_URL } from './dcp.constants';
import { createDocumentLoader, parseContextDocuments } from './json-ld/document-loader';
import { CONTEXT_FILES } from './spec-index.generated';

/** The vendored DCP JSON-LD contexts, by the URL messages reference them with (the upstream test mapping). */
export const DCP_CONTEXT_DOCUMENTS: Readonly<Record<string, object>> = parseContextDocuments({
  [DCP_CONTEXT_URL]: CONTEXT_FILES['dcp.jsonld'],
  [DCP_ODRL_CONTEXT_URL]: CONTEXT_FILES['odrl.jsonld'],
});

/** Offline JSON-LD document loader for the DCP contexts; plug into jsonld as `documentLoader`. */
export const dcpDocumentLoader = createDocumentLoader(DCP_CONTEXT_DOCUMENTS);
