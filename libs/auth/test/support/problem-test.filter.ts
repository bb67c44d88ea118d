import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import { DomainException, PROBLEM_CONTENT_TYPE } from '@dsaas/model';

/**
 * A stand-in for the platform's problem-details filter (libs/server, which this util lib may not import):
 * enough to see the status, code and detail a guard produces.
 */
@Catch()
export class ProblemTestFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest();
    const response = host.switchToHttp().getResponse();
    let body: Record<string, unknown>;
    if (exception instanceof DomainException) {
      body = { type: `about:${exception.code}`, title: exception.code, status: exception.status, detail: exception.message, code: exception.code };
    } else if (exception instanceof HttpException) {
      body = { title: 'http', status: exception.getStatus(), detail: exception.message, code: 'http' };
    } else {
      body = { title: 'error', status: 500, detail: String(exception), code: 'internal' };
    }
    body.instance = request.originalUrl;
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }
}
