/** Protocol names a management request may give for DSP 2025-1 (EDC-V's and EDC's spellings). */
export const DSP_2025_1_PROTOCOLS = ['http-dsp-profile-2025-1', 'dataspace-protocol-http:2025-1'] as const;
export const DSP_2025_1_PROTOCOL = DSP_2025_1_PROTOCOLS[0];
