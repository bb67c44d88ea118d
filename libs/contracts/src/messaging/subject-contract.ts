/** A class whose instances are a message payload (a DTO with class-validator decorators). */
export type PayloadType<T> = new (...args: any[]) => T;

/**
 * One message type on the bus: a dotted name plus a version, giving the subject `<name>.v<version>`.
 * Declared once here so call sites never spell a subject as a string literal; a breaking payload change
 * gets a new version (and a new subject) while consumers of the old one keep working.
 */
export interface SubjectContract<T> {
  readonly name: string;
  readonly version: number;
  /** The subject published on, e.g. `cfm.tenant.created.v1`. */
  readonly subject: string;
  readonly payload: PayloadType<T>;
}

/** The payload type carried by a contract. */
export type PayloadOf<C> = C extends SubjectContract<infer T> ? T : never;

const NAME = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/;

export function defineSubject<T>(name: string, version: number, payload: PayloadType<T>): SubjectContract<T> {
  if (!NAME.test(name)) {
    throw new Error(`subject name "${name}" must be dotted lower-case tokens without wildcards`);
  }
  if (!Number.isInteger(version) || version < 1) {
    throw new Error(`subject "${name}" needs a positive integer version, got ${version}`);
  }
  return Object.freeze({ name, version, subject: `${name}.v${version}`, payload });
}
