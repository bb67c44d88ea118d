import { ValidationException } from '@dsaas/model';

// Ids and keys become Vault path segments and AAD: no separators, no dot-segments, no control characters.
const CONTEXT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const SECRET_KEY = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,254}$/;

/** Secrets above this size belong in object storage, not in a secret store. */
export const MAX_SECRET_VALUE_BYTES = 64 * 1024;

function assertName(kind: string, value: unknown, pattern: RegExp, rule: string): asserts value is string {
  if (typeof value !== 'string' || !pattern.test(value) || value.includes('..')) {
    const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 64)) : typeof value;
    throw new ValidationException(`invalid ${kind} ${shown}`, [`${kind} must ${rule}`]);
  }
}

export function assertParticipantContextId(value: unknown): asserts value is string {
  assertName(
    'participant context id',
    value,
    CONTEXT_ID,
    'be 1-128 characters of letters, digits, ".", "_" or "-", start with a letter or digit and contain no ".."',
  );
}

export function assertSecretKey(value: unknown): asserts value is string {
  assertName(
    'secret key',
    value,
    SECRET_KEY,
    'be 1-255 characters of letters, digits, ".", "_", ":" or "-", start with a letter or digit and contain no ".."',
  );
}

export function assertSecretValue(value: unknown): asserts value is string {
  if (typeof value !== 'string') {
    throw new ValidationException('invalid secret value', ['secret value must be a string']);
  }
  if (Buffer.byteLength(value, 'utf8') > MAX_SECRET_VALUE_BYTES) {
    throw new ValidationException('secret value too large', [
      `secret value must be at most ${MAX_SECRET_VALUE_BYTES} bytes`,
    ]);
  }
}
