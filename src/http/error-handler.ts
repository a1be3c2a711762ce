import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { errors } from '../app/app.errors.js';
import { isAppRoute } from './static-assets.js';

export interface ErrorBody {
  error: { code: string; message: string; retryable?: boolean };
}

/**
 * One place that turns errors into responses: catalogued errors keep their status and user
 * message, validation problems become 400 with the field named, anything else is a logged 500
 * whose details stay in the log.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const field = first?.instancePath ? first.instancePath.replace(/^\//, '').replace(/\//g, '.') : error.validationContext;
      return reply.status(400).send(body('INVALID_INPUT', `${field ?? 'input'}: ${first?.message ?? 'invalid'}`));
    }
    const known = errors.known(error);
    if (known) {
      // A retryable 503 (database or routing briefly away) is expected in operation; a warning, not an error.
      if (known.status >= 500) request.log[known.retryable ? 'warn' : 'error']({ err: error }, known.message);
      return reply.status(known.status).send(body(known.code, known.userMessage, known.retryable));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own codes (FST_ERR_…) are internals; clients get the catalogue's words for them.
      const code = error.statusCode === 429 ? 'RATE_LIMITED' : (FRAMEWORK_CODES[error.code ?? ''] ?? 'BAD_REQUEST');
      return reply.status(error.statusCode).send(body(code, error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', 'Something went wrong on our side'));
  });
  app.setNotFoundHandler((request, reply) => {
    if (isAppRoute(request.method, request.url)) return reply.sendFile('index.html');
    return reply.status(404).send(body('ROUTE_NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`));
  });
}

const FRAMEWORK_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_INPUT',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_BAD_URL: 'INVALID_URL',
  FST_ERR_INVALID_URL: 'INVALID_URL',
};

/**
 * For Fastify's `frameworkErrors` option: a URL that is not valid percent-encoding never reaches
 * a route (or the error handler), so it gets the same error shape here.
 */
export function frameworkErrorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const code = FRAMEWORK_CODES[error.code] ?? 'BAD_REQUEST';
  reply.status(400).send(body(code, code === 'INVALID_URL' ? 'The URL is not valid (bad percent-encoding)' : error.message));
}

function body(code: string, message: string, retryable?: boolean): ErrorBody {
  return { error: retryable === undefined ? { code, message } : { code, message, retryable } };
}
