import { BaseRpcContext } from '@nestjs/microservices';
import { EventMessage } from '../event-bus.port';

/** What `@Ctx()` gives a handler served by JetStreamServer. */
export class JetStreamContext extends BaseRpcContext<[EventMessage]> {
  getMessage(): EventMessage {
    return this.args[0];
  }
  getSubject(): string {
    return this.args[0].subject;
  }
  getHeaders(): Record<string, string> {
    return this.args[0].headers;
  }
  getAttempt(): number {
    return this.args[0].attempt;
  }
  getMessageId(): string {
    return this.args[0].messageId;
  }
}
