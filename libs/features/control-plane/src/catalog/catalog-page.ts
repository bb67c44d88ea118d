import { ValidationException } from '@dsaas/model';

export const DEFAULT_CATALOG_PAGE_SIZE = 50;
export const MAX_CATALOG_PAGE_SIZE = 1000;

export interface CatalogPage {
  offset: number;
  limit: number;
}

function integer(name: string, value: unknown, min: number, max: number, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new ValidationException('The catalog request is invalid', [`${name} must be an integer from ${min} to ${max}`]);
  }
  return number;
}

/** `?offset=&limit=` of a catalog request (the Link headers of the answer point at the neighbouring pages). */
export function parseCatalogPage(query: Record<string, unknown>): CatalogPage {
  return {
    offset: integer('offset', query.offset, 0, 10_000_000, 0),
    limit: integer('limit', query.limit, 1, MAX_CATALOG_PAGE_SIZE, DEFAULT_CATALOG_PAGE_SIZE),
  };
}
