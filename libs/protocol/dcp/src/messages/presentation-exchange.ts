// DIF Presentation Exchange 2.0 structures as DCP uses them (presentationDefinition, presentationSubmission,
// issuancePolicy). Only the members DCP implementations read are typed; the rest pass through.

export interface InputDescriptorField {
  path: string[];
  id?: string;
  purpose?: string;
  name?: string;
  filter?: Record<string, unknown>;
  optional?: boolean;
  [member: string]: unknown;
}

export interface InputDescriptor {
  id: string;
  name?: string;
  purpose?: string;
  format?: Record<string, unknown>;
  group?: string[];
  constraints?: { limit_disclosure?: 'required' | 'preferred'; fields?: InputDescriptorField[]; [member: string]: unknown };
  [member: string]: unknown;
}

export interface PresentationDefinition {
  id: string;
  name?: string;
  purpose?: string;
  format?: Record<string, unknown>;
  submission_requirements?: Array<Record<string, unknown>>;
  input_descriptors: InputDescriptor[];
  [member: string]: unknown;
}

export interface DescriptorMapEntry {
  id: string;
  format: string;
  path: string;
  path_nested?: DescriptorMapEntry;
}

export interface PresentationSubmission {
  id: string;
  definition_id: string;
  descriptor_map: DescriptorMapEntry[];
}
