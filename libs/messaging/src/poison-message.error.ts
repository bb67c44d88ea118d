/** Thrown by a handler for a message that can never succeed: it is dead-lettered without retries. */
export class PoisonMessageError extends Error {
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'PoisonMessageError';
  }
}
