import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../lib/errors.ts';

// Requests that fail before routing (an undecodable URL) or before HTTP parsing completes (a
// malformed request line, bad headers, a broken chunked body) would otherwise get Fastify's own
// JSON, which SDKs cannot read as an API error. Both get the API's envelope instead.

const BAD_URL = new ApiError(400, 'request.bad-format', 'The request URL is not valid: check its percent-encoding.');

/** Fastify `frameworkErrors`: errors raised while routing, before any hook runs. */
export function frameworkErrors(error: { code?: string; message: string }, _request: FastifyRequest, reply: FastifyReply): void {
  const apiError =
    error.code === 'FST_ERR_BAD_URL'
      ? BAD_URL
      : new ApiError(400, 'request.bad-format', `The request could not be routed: ${error.message}`);
  void reply.code(apiError.statusCode).type('application/json; charset=utf-8').send(apiError.toBody());
}

const CLIENT_ERRORS: Record<string, ApiError> = {
  HPE_HEADER_OVERFLOW: new ApiError(400, 'request.bad-format', 'The request headers are too large.'),
  // Raised by Node's headersTimeout / requestTimeout (see `timeouts` in config.ts).
  ERR_HTTP_REQUEST_TIMEOUT: new ApiError(
    408,
    'request.timeout',
    'The request did not arrive in time: send its headers and body without pausing.',
  ),
};
const NOT_HTTP = new ApiError(400, 'request.bad-format', 'The request is not valid HTTP.');

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 405: 'Method Not Allowed', 408: 'Request Timeout' };

/** The error envelope as a complete HTTP/1.1 answer that closes the connection, for a raw socket. */
function rawAnswer(error: ApiError, extraHeaders = ''): string {
  const body = JSON.stringify(error.toBody());
  return (
    `HTTP/1.1 ${error.statusCode} ${STATUS_TEXT[error.statusCode] ?? 'Error'}\r\nContent-Type: application/json; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\n${extraHeaders}Connection: close\r\n\r\n${body}`
  );
}

/** Node `clientError`: the request could not be parsed as HTTP, or timed out; answer with the envelope and close. */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  // Like Node's own handler: never write into an answer that has already started.
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && !inFlight?.headersSent) socket.write(rawAnswer(CLIENT_ERRORS[error.code ?? ''] ?? NOT_HTTP));
  socket.destroy(error);
}

const CONNECT_REFUSED = new ApiError(405, 'request.method-not-allowed', 'CONNECT is not supported: the sandbox is not a proxy.');
const EXPECTATION_FAILED = new ApiError(
  417,
  'request.expectation-failed',
  'Only "Expect: 100-continue" is supported; send the request without this Expect header.',
);

/**
 * Requests Node answers itself, before Fastify sees them: CONNECT (the socket would just close)
 * and an `Expect` other than 100-continue (a bare 417). Both get the envelope.
 */
export function answerRequestsOutsideFastify(server: Server): void {
  server.on('connect', (_request: IncomingMessage, socket: Duplex) => {
    socket.end(rawAnswer(CONNECT_REFUSED, 'Allow: GET, POST, PUT, PATCH, DELETE\r\n'));
  });
  server.on('checkExpectation', (_request: IncomingMessage, response: ServerResponse) => {
    const body = JSON.stringify(EXPECTATION_FAILED.toBody());
    response.writeHead(417, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      connection: 'close',
    });
    response.end(body);
  });
}
