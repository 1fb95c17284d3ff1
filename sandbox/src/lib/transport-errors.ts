import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './errors.ts';

// Requests that fail before routing (an undecodable URL) or before HTTP parsing completes (a
// malformed request line, bad headers, a broken chunked body) would otherwise get Fastify's own
// JSON, which SDKs cannot read as an API error. Both get the API's envelope instead.

const BAD_URL = new ApiError(400, 'request.bad-format', 'The request URL is not valid: check its percent-encoding.');

/** Fastify `frameworkErrors`: errors raised while routing, before any hook runs. */
export function frameworkErrors(error: { code?: string; message: string }, _request: FastifyRequest, reply: FastifyReply) {
  const apiError = error.code === 'FST_ERR_BAD_URL' ? BAD_URL : new ApiError(400, 'request.bad-format', `The request could not be routed: ${error.message}`);
  return reply.code(apiError.statusCode).type('application/json; charset=utf-8').send(apiError.toBody());
}

const CLIENT_ERROR_MESSAGES: Record<string, string> = {
  HPE_HEADER_OVERFLOW: 'The request headers are too large.',
  ERR_HTTP_REQUEST_TIMEOUT: 'The request did not arrive in time.',
};

/** Node `clientError`: the request could not be parsed as HTTP; answer with the envelope and close. */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const message = CLIENT_ERROR_MESSAGES[error.code ?? ''] ?? 'The request is not valid HTTP.';
  const body = JSON.stringify(new ApiError(400, 'request.bad-format', message).toBody());
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
