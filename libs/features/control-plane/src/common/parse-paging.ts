import { ValidationException } from '@dsaas/model';
import { DEFAULT_QUERY_LIMIT, MAX_QUERY_LIMIT } from './query-spec';

/** `?offset=&limit=` of list endpoints. */
export function parsePaging(offset?: string, limit?: string): { offset: number; limit: number } {
  const parse = (value: string | undefined, name: string, min: number, max: number, fallback: number) => {
    if (value === undefined || value === '') return fallback;
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max) {
      throw new ValidationException('The request is invalid', [`${name} must be an integer from ${min} to ${max}`]);
    }
    return number;
  };
  return { offset: parse(offset, 'offset', 0, 1_000_000, 0), limit: parse(limit, 'limit', 1, MAX_QUERY_LIMIT, DEFAULT_QUERY_LIMIT) };
}
