import { StrideCoreError } from '@stride/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, Errors } from '../errors.js';
import { isRedisUnreachable, redisUnavailable } from '../redis.js';

interface AjvIssue {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

/** "body.email must match format "email"" — names the field, as the API promises. */
function describeValidation(context: string | undefined, issues: AjvIssue[]) {
  const fields = issues.map((issue) => {
    const path = (issue.instancePath ?? '').split('/').filter(Boolean);
    const missing = issue.params?.missingProperty;
    const extra = issue.params?.additionalProperty;
    if (typeof missing === 'string') path.push(missing);
    if (typeof extra === 'string') path.push(extra);
    const field = [context ?? 'body', ...path].join('.');
    const message =
      typeof missing === 'string'
        ? 'is required'
        : typeof extra === 'string'
          ? 'is not allowed'
          : (issue.message ?? 'is invalid');
    return { field, message };
  });
  return {
    message: fields.map((f) => `${f.field} ${f.message}`).join('; '),
    details: { fields },
  };
}

// Fastify's own client errors, mapped onto the catalogue so the shape never varies.
const FASTIFY_CODES: Record<string, (message: string) => AppError> = {
  FST_ERR_CTP_BODY_TOO_LARGE: (m) => Errors.payloadTooLarge(m),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (m) => Errors.unsupportedMediaType(m),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: (m) => Errors.badRequest(m),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => Errors.badRequest('the JSON body is empty'),
  FST_ERR_CTP_INVALID_JSON_BODY: () => Errors.badRequest('the body is not valid JSON'),
  FST_ERR_BAD_URL: () => Errors.badRequest('the URL is not valid percent-encoded UTF-8'),
  FST_ERR_MAX_PARAM_LENGTH: () =>
    Errors.notFound('no such resource: a part of the path is longer than any id or handle'),
};

// Domain errors from core: a state-log event that does not fit the log is a conflict.
const CORE_CODES: Record<string, (message: string, details?: Record<string, unknown>) => AppError> =
  {
    CORE_ILLEGAL_TRANSITION: (m, d) => Errors.illegalTransition(m, d),
    CORE_EVENT_ORDER: (m, d) => Errors.eventOutOfOrder(m, d),
    // Impossible numbers (a STOP years after START): well-formed, but refused.
    CORE_IMPLAUSIBLE: (m, d) => Errors.unprocessable(m, d),
  };

/** The catalogue error for any error a request can end with. */
function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof StrideCoreError && CORE_CODES[error.code])
    return CORE_CODES[error.code]!(error.message, error.details);
  if (error.validation) {
    const { message, details } = describeValidation(
      error.validationContext,
      error.validation as AjvIssue[],
    );
    return Errors.validation(message, details);
  }
  // A Redis outage is a 503 naming Redis wherever it surfaces, never a 500.
  if (isRedisUnreachable(error)) return redisUnavailable('this request');
  if (error.code && FASTIFY_CODES[error.code]) return FASTIFY_CODES[error.code]!(error.message);
  if (error instanceof SyntaxError && 'statusCode' in error && error.statusCode === 400)
    return Errors.badRequest('the body is not valid JSON');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
    return new AppError(error.code ?? 'BAD_REQUEST', error.statusCode, error.message);
  return Errors.internal();
}

function sendError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const appError = toAppError(error);
  if (appError.statusCode >= 500) request.log.error({ err: error }, 'request failed');
  const body: { code: string; message: string; details?: Record<string, unknown> } = {
    code: appError.code,
    message: appError.message,
  };
  if (appError.details) body.details = appError.details;
  return reply.status(appError.statusCode).send({ error: body });
}

/**
 * For Fastify's `frameworkErrors`: the router refuses some URLs (broken percent-encoding, a
 * path part over the length limit) before any route or error handler runs.
 */
export const frameworkErrors = sendError;

/** Maps every error to `{ error: { code, message, details? } }`; 5xx are logged, 4xx are not. */
export function registerErrorHandler(
  app: FastifyInstance,
  /** Requests that should get the web app's shell instead of a 404 (client-side routes). */
  isAppRoute?: (request: FastifyRequest) => boolean,
): void {
  app.setErrorHandler(sendError);

  app.setNotFoundHandler((request, reply) => {
    if (isAppRoute?.(request)) return reply.type('text/html').sendFile('index.html');
    return reply.status(404).send({
      error: {
        code: 'NOT_FOUND',
        message: `no route for ${request.method} ${request.url.split('?')[0]}`,
      },
    });
  });
}
