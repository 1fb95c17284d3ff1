import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from '@fastify/type-provider-typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../lib/errors.ts';
import { checkoutCsp, newNonce } from '../lib/html.ts';
import { publicOrigin } from '../plugins/hosts.ts';
import { checkoutUrl } from '../services/presenters.ts';
import { resendTargets, resetProject, sendEventAgain, setProjectWebhookUrl } from '../services/dashboard-actions.ts';
import { webhookRequest } from '../services/webhook-delivery.ts';
import type { Store } from '../store/store.ts';
import { DASHBOARD_PATH, dashboardHref, type NavItem, type PageFrame } from '../views/dashboard-layout.ts';
import {
  eventListPage,
  eventPage,
  invoiceListPage,
  invoicePage,
  messagePage,
  overviewPage,
  resetPage,
  type EventRow,
  type InvoiceRow,
  type Paging,
} from '../views/dashboard-pages.ts';

// The sandbox dashboard: server-rendered pages over the store, and three forms (project webhook URL,
// send again, reset). Access is the API's own rule: HTTP Basic auth with the project ID and secret
// key (browsers prompt for it), and the dashboard shows that project. Because browsers also send
// remembered Basic credentials with a form another site posts here, every POST must come from this
// origin (Sec-Fetch-Site / Origin) and carry a token only the dashboard's own pages contain.

const OVERVIEW_ROWS = 10;
const PAGE_ROWS = 25;
const REALM = 'ProcessOut sandbox dashboard (project ID and secret key)';

const NOTICES: Record<string, string> = {
  'webhook-url-saved': 'Webhook URL saved: the next event is delivered there.',
  'webhook-url-removed': 'Webhook URL removed: events now go only to the webhook_url of their invoice.',
  'sent-again': 'A new delivery attempt is queued, due now: reload the page to see its answer.',
  reset: 'All invoices, payments, events and webhook deliveries of this project were deleted.',
};

const ListQuery = Type.Object({ start_after: Type.Optional(Type.String()) });
const NoticeQuery = Type.Object({ notice: Type.Optional(Type.String()) });
/** A dashboard form's fields; the CSRF token is checked by hand so that its absence gets the 403 page. */
const formBody = <T extends Record<string, TSchema>>(fields: T) => Type.Object({ csrf_token: Type.Optional(Type.String()), ...fields });

/**
 * The checkout pages' headers (lib/html.ts CSP: nothing but the nonce'd style, forms only to the
 * sandbox), except the referrer policy: `same-origin` lets the browser send our own Origin with the
 * dashboard's form posts (under `no-referrer` it sends `Origin: null`), which crossSite() checks.
 */
function sendHtml(reply: FastifyReply, status: number, html: string, nonce: string) {
  return reply
    .code(status)
    .headers({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': checkoutCsp(nonce),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
      'cache-control': 'no-store',
    })
    .send(html);
}

function noticeText(key: string | undefined): string | null {
  return key !== undefined && Object.hasOwn(NOTICES, key) ? NOTICES[key]! : null;
}

function sameDigest(a: string, b: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** A form post from another site: refused even with valid Basic credentials (the browser adds those). */
function crossSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return true;
  const origin = request.headers.origin;
  return origin !== undefined && origin !== publicOrigin(request) && origin !== `${request.protocol}://${request.headers.host}`;
}

function invoiceRows(store: Store, projectId: string, limit: number, startAfter?: string) {
  const page = store.listInvoices(projectId, { limit, order: 'desc', startAfter });
  const rows: InvoiceRow[] = page.items.map((invoice) => ({ invoice, transaction: store.findTransactionByInvoice(projectId, invoice.id) }));
  return { rows, hasMore: page.hasMore };
}

function eventRows(store: Store, projectId: string, limit: number, startAfter?: string) {
  const page = store.listEvents(projectId, { limit, order: 'desc', startAfter });
  const rows: EventRow[] = page.items.map((event) => ({ event, webhooks: store.listWebhooks(projectId, event.id) }));
  return { rows, hasMore: page.hasMore };
}

function paging(section: string, rows: { id: string }[], hasMore: boolean, startAfter: string | undefined): Paging {
  const last = rows.at(-1);
  return {
    olderHref: hasMore && last ? `${dashboardHref(section)}?start_after=${encodeURIComponent(last.id)}` : null,
    newestHref: startAfter ? dashboardHref(section) : null,
  };
}

export const dashboardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { services, store } = app;
  const tags = ['Dashboard (HTML)'];
  // Per process: a page loaded before a restart gets "reload and try again" rather than a silent post.
  const csrfKey = randomBytes(32);
  const csrfToken = (projectId: string) => createHmac('sha256', csrfKey).update(projectId).digest('base64url');

  const frame = (request: FastifyRequest, title: string, current: NavItem | null): PageFrame => ({
    nonce: newNonce(),
    // Sign-in and error pages run without config.auth: no project there.
    projectId: request.authenticatedProject?.id ?? null,
    title,
    current,
  });
  const send = (reply: FastifyReply, status: number, html: string, pageFrame: PageFrame) => sendHtml(reply, status, html, pageFrame.nonce);

  // Errors here are pages for people; a 401 asks the browser for the project's credentials.
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    const known = error instanceof ApiError ? error : null;
    const statusCode = known?.statusCode ?? ((error as FastifyError).validation ? 400 : ((error as FastifyError).statusCode ?? 500));
    if (statusCode >= 500) console.error(error);
    if (known) request.errorType = known.errorType;
    if (statusCode === 401) {
      reply.header('www-authenticate', `Basic realm="${REALM}", charset="UTF-8"`);
      const page = frame(request, 'Sign in', null);
      const message = `${error.message} The user name is the project ID and the password its secret key, as the sandbox banner prints them.`;
      return send(reply, 401, messagePage(page, 'Sign in with the project credentials', message), page);
    }
    const page = frame(request, 'Error', null);
    const message = statusCode >= 500 ? 'The sandbox hit an unexpected error; see its console output.' : error.message;
    return send(reply, statusCode, messagePage(page, statusCode === 404 ? 'Not found' : 'This did not work', message), page);
  });

  /** Refuses (403 page) a post that is cross-site or lacks this dashboard's token; true when refused. */
  const refuseForeignForm = (request: FastifyRequest, token: string | undefined, reply: FastifyReply): boolean => {
    if (!crossSite(request) && token !== undefined && sameDigest(token, csrfToken(request.project.id))) return false;
    const page = frame(request, 'Form refused', null);
    const message =
      'This form did not come from a dashboard page of this sandbox (or the sandbox restarted since the page was loaded): nothing was changed. Reload the dashboard and try again.';
    send(reply, 403, messagePage(page, 'Form refused', message), page);
    return true;
  };

  const sendOverview = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: { notice: string | null; problem?: string | null; value?: string },
  ) => {
    const projectId = request.project.id;
    const page = frame(request, 'Overview', 'overview');
    const html = overviewPage(page, {
      csrfToken: csrfToken(projectId),
      webhookUrl: store.projectWebhookUrl(projectId),
      invoices: invoiceRows(store, projectId, OVERVIEW_ROWS).rows,
      events: eventRows(store, projectId, OVERVIEW_ROWS).rows,
      ...extra,
    });
    return send(reply, status, html, page);
  };

  const secret = { auth: 'secret' as const };

  app.get(
    DASHBOARD_PATH,
    { config: secret, schema: { summary: 'Sandbox dashboard: overview and project webhook URL', tags, querystring: NoticeQuery } },
    async (request, reply) => {
      return sendOverview(request, reply, 200, { notice: noticeText(request.query.notice) });
    },
  );

  app.post(
    dashboardHref('settings', 'webhook-url'),
    {
      config: secret,
      schema: { summary: 'Set or remove the project webhook URL', tags, body: formBody({ webhook_url: Type.Optional(Type.String()) }) },
    },
    async (request, reply) => {
      if (refuseForeignForm(request, request.body.csrf_token, reply)) return reply;
      const value = request.body.webhook_url ?? '';
      const problem = setProjectWebhookUrl(services, request.project.id, value);
      if (problem) {
        return sendOverview(request, reply, 400, { notice: null, problem: `The webhook URL was not saved. ${problem}`, value });
      }
      const notice = store.projectWebhookUrl(request.project.id) ? 'webhook-url-saved' : 'webhook-url-removed';
      return reply.redirect(`${DASHBOARD_PATH}?notice=${notice}`, 303);
    },
  );

  app.get(
    dashboardHref('invoices'),
    { config: secret, schema: { summary: 'Sandbox dashboard: invoices', tags, querystring: ListQuery } },
    async (request, reply) => {
      const { start_after: startAfter } = request.query;
      const { rows, hasMore } = invoiceRows(store, request.project.id, PAGE_ROWS, startAfter);
      const page = frame(request, 'Invoices', 'invoices');
      return send(
        reply,
        200,
        invoiceListPage(
          page,
          rows,
          paging(
            'invoices',
            rows.map((row) => row.invoice),
            hasMore,
            startAfter,
          ),
        ),
        page,
      );
    },
  );

  app.get(
    `${dashboardHref('invoices')}/:invoice_id`,
    {
      config: secret,
      schema: {
        summary: 'Sandbox dashboard: an invoice, its transaction and status history',
        tags,
        params: Type.Object({ invoice_id: Type.String() }),
      },
    },
    async (request, reply) => {
      const projectId = request.project.id;
      const invoice = store.findInvoice(projectId, request.params.invoice_id);
      if (!invoice)
        throw new ApiError(
          404,
          'resource.invoice.not-found',
          `No invoice ${request.params.invoice_id} in this project (a reset deletes them all).`,
        );
      const events = store
        .listEventsByResource(projectId, invoice.id)
        .map((event) => ({ event, webhooks: store.listWebhooks(projectId, event.id) }));
      const page = frame(request, `Invoice ${invoice.id}`, 'invoices');
      const html = invoicePage(page, {
        invoice,
        transaction: store.findTransactionByInvoice(projectId, invoice.id),
        events,
        checkoutUrl: checkoutUrl(publicOrigin(request), projectId, invoice.id),
      });
      return send(reply, 200, html, page);
    },
  );

  app.get(
    dashboardHref('events'),
    { config: secret, schema: { summary: 'Sandbox dashboard: events and their webhook deliveries', tags, querystring: ListQuery } },
    async (request, reply) => {
      const { start_after: startAfter } = request.query;
      const { rows, hasMore } = eventRows(store, request.project.id, PAGE_ROWS, startAfter);
      const page = frame(request, 'Events and webhooks', 'events');
      return send(
        reply,
        200,
        eventListPage(
          page,
          rows,
          paging(
            'events',
            rows.map((row) => row.event),
            hasMore,
            startAfter,
          ),
        ),
        page,
      );
    },
  );

  const EventParams = Type.Object({ event_id: Type.String() });

  app.get(
    `${dashboardHref('events')}/:event_id`,
    {
      config: secret,
      schema: {
        summary: 'Sandbox dashboard: an event and every webhook delivery attempt',
        tags,
        params: EventParams,
        querystring: NoticeQuery,
      },
    },
    async (request, reply) => {
      const projectId = request.project.id;
      const event = store.findEvent(projectId, request.params.event_id);
      if (!event)
        throw new ApiError(
          404,
          'resource.event.not-found',
          `No event ${request.params.event_id} in this project (a reset deletes them all).`,
        );
      const page = frame(request, `Event ${event.id}`, 'events');
      const html = eventPage(page, {
        event,
        webhooks: store.listWebhooks(projectId, event.id),
        request: webhookRequest({ event_id: event.id, event_type: event.name }),
        resendTargets: resendTargets(services, projectId, event.id),
        csrfToken: csrfToken(projectId),
        notice: noticeText(request.query.notice),
      });
      return send(reply, 200, html, page);
    },
  );

  app.post(
    `${dashboardHref('events')}/:event_id/send-again`,
    {
      config: secret,
      schema: { summary: "Deliver an event's webhook again now (a new attempt)", tags, params: EventParams, body: formBody({}) },
    },
    async (request, reply) => {
      if (refuseForeignForm(request, request.body.csrf_token, reply)) return reply;
      const { event_id: eventId } = request.params;
      if (sendEventAgain(services, request.project.id, eventId).length === 0) {
        throw new ApiError(
          400,
          'request.validation.invalid-url',
          'This event has no webhook URL to go to: set the project webhook URL on the overview first.',
        );
      }
      return reply.redirect(`${dashboardHref('events', eventId)}?notice=sent-again#deliveries`, 303);
    },
  );

  app.get(
    dashboardHref('reset'),
    { config: secret, schema: { summary: 'Sandbox dashboard: confirm a reset', tags } },
    async (request, reply) => {
      const page = frame(request, 'Reset', 'reset');
      return send(
        reply,
        200,
        resetPage(page, { csrfToken: csrfToken(request.project.id), counts: store.countProjectData(request.project.id) }),
        page,
      );
    },
  );

  app.post(
    dashboardHref('reset'),
    {
      config: secret,
      schema: {
        summary: "Delete all of the project's invoices, payments, events and deliveries",
        tags,
        body: formBody({ confirm: Type.Optional(Type.String()) }),
      },
    },
    async (request, reply) => {
      if (refuseForeignForm(request, request.body.csrf_token, reply)) return reply;
      if (request.body.confirm !== 'reset')
        throw new ApiError(400, 'request.validation.error', 'Confirm the reset with the button on the reset page.');
      resetProject(services, request.project.id);
      return reply.redirect(`${DASHBOARD_PATH}?notice=reset`, 303);
    },
  );
};
