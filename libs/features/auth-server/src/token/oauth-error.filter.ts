import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Response } from 'express';
import { OAuthError } from './oauth-error';

/** Answers token endpoint errors as RFC 6749 §5.2 JSON, not as problem details (OAuth2 clients expect that). */
@Catch()
export class OAuthErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(OAuthErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    let status = 500;
    let body: { error: string; error_description?: string } = { error: 'server_error', error_description: 'The token could not be issued' };
    if (exception instanceof OAuthError) {
      status = exception.status;
      body = { error: exception.code, error_description: exception.message };
      if (exception.basicChallenge) response.setHeader('WWW-Authenticate', 'Basic realm="dsaas", charset="UTF-8"');
    } else if (exception instanceof HttpException && exception.getStatus() < 500) {
      status = 400;
      body = { error: 'invalid_request', error_description: exception.message };
    } else {
      this.logger.error({ err: exception }, 'token endpoint failed');
    }
    if (response.headersSent) return;
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Pragma', 'no-cache');
    response.status(status).json(body);
  }
}
