const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);

/** The value at `a.b.c` of plain JSON data, or undefined. */
export function readPath(data: unknown, path: string): unknown {
  let current: unknown = data;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object' || FORBIDDEN_SEGMENTS.has(segment)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** Sets `a.b.c`, creating objects on the way. Refuses prototype-polluting segments. */
export function writePath(target: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split('.');
  if (segments.some((segment) => FORBIDDEN_SEGMENTS.has(segment) || segment === '')) throw new Error(`invalid path '${path}'`);
  let current = target;
  for (const segment of segments.slice(0, -1)) {
    const next = current[segment];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) current[segment] = {};
    current = current[segment] as Record<string, unknown>;
  }
  current[segments[segments.length - 1]] = value;
}
