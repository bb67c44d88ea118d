/** Small helpers over VC data model JSON that both issuance and verification need. */

export function asArray<T>(value: T | T[] | undefined | null): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** `issuer` may be a string or an object with `id` (VC 1.1 §4.5, VC 2.0 §4.7). */
export function issuerIdOf(issuer: unknown): string | undefined {
  if (typeof issuer === 'string') return issuer;
  if (issuer && typeof issuer === 'object' && typeof (issuer as { id?: unknown }).id === 'string') return (issuer as { id: string }).id;
  return undefined;
}

/** Types as strings, whether `type` is a string or an array. */
export function typesOf(credential: Record<string, unknown>): string[] {
  return asArray(credential.type as string | string[]).filter((type): type is string => typeof type === 'string');
}

/** Epoch seconds of an XML Schema dateTime, or undefined when absent; throws on a malformed date. */
export function epochSeconds(value: unknown, member: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const millis = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(millis)) throw new Error(`'${member}' is not a date-time: ${JSON.stringify(value)}`);
  return Math.floor(millis / 1000);
}

/** The date-time form the VC data model uses, without milliseconds. */
export function isoDateTime(epochSecondsValue: number): string {
  return new Date(epochSecondsValue * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
