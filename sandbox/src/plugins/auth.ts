import { hash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../lib/errors.ts';
import type { Project } from '../store/store.ts';

/** `secret`: project ID + secret key. `public`: the project ID alone is enough (ProcessOut.js routes). */
export type AuthLevel = 'secret' | 'public';

const SANDBOX_PROJECT_PREFIX = 'test-proj_';
const SECRET_PREFIXES = ['key_sandbox_', 'key_test_'];

export interface Credentials {
  projectId: string;
  secret: string;
}

export function parseBasicAuth(header: string | undefined): Credentials | null {
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return { projectId: decoded, secret: '' };
  return { projectId: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

// The docs show both `key_sandbox_…` and `key_test_…` for the same sandbox secret, so either prefix
// is accepted in front of the project's secret body.
function secretBody(secret: string): string {
  const prefix = SECRET_PREFIXES.find((p) => secret.startsWith(p));
  return prefix ? secret.slice(prefix.length) : secret;
}

const digest = (value: string) => hash('sha256', value, 'buffer');
/** Digests of the projects' own secrets (a handful), computed once: every request is checked against one. */
const secretDigests = new Map<string, Buffer>();

/**
 * Constant-time comparison: both sides are hashed first, so timingSafeEqual gets equal-length
 * buffers and the time taken says nothing about the secret's length or its first wrong character.
 */
function sameSecret(given: string, expected: string): boolean {
  let expectedDigest = secretDigests.get(expected);
  if (!expectedDigest) {
    expectedDigest = digest(expected);
    secretDigests.set(expected, expectedDigest);
  }
  return timingSafeEqual(digest(given), expectedDigest);
}

function looksLive(credentials: Credentials): boolean {
  return credentials.projectId.startsWith('proj_') || credentials.secret.startsWith('key_live_');
}

function unauthorized(message: string, errorType = 'request.authentication.invalid'): ApiError {
  return new ApiError(401, errorType, message);
}

/** Resolves the calling project or throws the 401 the real API would send. */
export function authenticate(header: string | undefined, level: AuthLevel, findProject: (id: string) => Project | undefined): Project {
  const credentials = parseBasicAuth(header);
  if (!credentials || credentials.projectId === '') {
    throw unauthorized('Missing API credentials: use HTTP Basic auth with your project ID as username and your secret key as password.');
  }
  if (looksLive(credentials)) {
    throw unauthorized(
      'These look like live (production) keys. This local sandbox only accepts sandbox keys ' +
        '(test-proj_… with key_sandbox_…). Never send live keys to it; rotate them if they were exposed.',
    );
  }
  if (!credentials.projectId.startsWith(SANDBOX_PROJECT_PREFIX)) {
    throw unauthorized('The project ID must start with test-proj_ (sandbox project).', 'request.authentication.invalid-project-id');
  }
  const project = findProject(credentials.projectId);
  if (!project) {
    throw unauthorized(`Unknown project ${credentials.projectId}.`, 'request.authentication.invalid-project-id');
  }
  if (credentials.secret === '') {
    if (level === 'public') return project;
    throw unauthorized('This route needs the project secret key; the project ID alone only works for browser routes.');
  }
  const knownPrefix = SECRET_PREFIXES.some((p) => credentials.secret.startsWith(p));
  const matches = sameSecret(secretBody(credentials.secret), secretBody(project.secret));
  if (!knownPrefix || !matches) {
    throw unauthorized('The secret key does not match this project.');
  }
  return project;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Credentials the route needs; routes without it are open (checkout pages, OpenAPI). */
    auth?: AuthLevel;
  }
  interface FastifyRequest {
    /** The calling project once authentication passed; null on open routes (no `config.auth`) and before the hook. */
    authenticatedProject: Project | null;
    /**
     * The calling project, for the handlers of routes with `config.auth` (there it is always set: the hook
     * answered 401 otherwise). Reading it on an open route is a programming error, answered 500.
     */
    readonly project: Project;
  }
}

/** Sets `request.authenticatedProject` (read as `request.project`) on every route that declares `config.auth`, or answers the 401. */
export function registerAuth(app: FastifyInstance, findProject: (id: string) => Project | undefined): void {
  app.decorateRequest('authenticatedProject', null);
  app.decorateRequest('project', {
    getter(this: FastifyRequest): Project {
      if (!this.authenticatedProject) throw new Error(`request.project read on ${this.method} ${this.url}, a route without config.auth`);
      return this.authenticatedProject;
    },
  });
  // A callback hook: it runs on every request, and an async one costs a promise each time.
  app.addHook('onRequest', (request, _reply, done) => {
    const level = request.routeOptions.config.auth;
    try {
      if (level) request.authenticatedProject = authenticate(request.headers.authorization, level, findProject);
    } catch (error) {
      done(error as Error);
      return;
    }
    done();
  });
}
