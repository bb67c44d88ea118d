import { ArgumentsHost, Catch, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';

/**
 * Hands handler errors to JetStreamServer unchanged. Nest's default RPC filter turns every non-RpcException
 * into `{status: 'error'}`, which would hide a `PoisonMessageError` or a 4xx `DomainException` and get a
 * message retried that should be dead-lettered at once. Register globally on EventBus microservices.
 */
@Catch()
export class EventBusExceptionFilter implements RpcExceptionFilter {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}
