import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { ApiError } from '../lib/errors.ts';
import { checkoutCsp, newNonce } from '../lib/html.ts';
import { publicOrigin } from '../plugins/hosts.ts';
import { cspSource, isDeepLink, serializeUrl, webOrigin } from '../lib/urls.ts';
import type { StoredInvoice } from '../schemas/invoice.ts';
import {
  CHECKOUT_OUTCOMES,
  CHECKOUT_PREFIX,
  checkoutPath,
  completeCheckout,
  loadCheckout,
  type CheckoutOutcome,
  type CheckoutResult,
} from '../services/checkout-flow.ts';
import { isApm, SEED_GATEWAY_NAMES } from '../services/gateway-configurations.ts';
import { loadInvoice } from '../services/payments.ts';
import { errorPage, hostedCheckoutPage, logoSvg, providerPage, resultPage } from '../views/checkout-pages.ts';

const CheckoutParams = Type.Object({
  project_id: Type.String(),
  invoice_id: Type.String(),
  gateway_configuration_id: Type.String(),
});

const CHECKOUT_NAMESPACE = 'processout.checkout';

const CHECKOUT_ADDRESSES = [
  { base: CHECKOUT_PREFIX, constraints: undefined },
  { base: '', constraints: { host: /^checkout\./ } },
];

function sendHtml(reply: FastifyReply, status: number, html: string, nonce: string, formTargets: string[] = []) {
  return reply
    .code(status)
    .headers({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': checkoutCsp(nonce, formTargets),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    })
    .send(html);
}

/** Errors on the checkout host are pages for people, not JSON. */
function sendErrorPage(reply: FastifyReply, error: unknown) {
  if (!(error instanceof ApiError)) throw error;
  reply.request.errorType = error.errorType;
  const nonce = newNonce();
  return sendHtml(reply, error.statusCode, errorPage(nonce, 'This payment cannot continue', error.message), nonce);
}

/** The message ProcessOut.js listens for (actionhandler.ts): a JSON string in the checkout namespace. */
function openerMessage(result: CheckoutResult): string {
  switch (result.outcome) {
    case 'approve':
    case 'pending':
    case 'decline-at-capture':
      return JSON.stringify({ namespace: CHECKOUT_NAMESPACE, action: 'success', data: result.token });
    case 'decline':
      return JSON.stringify({ namespace: CHECKOUT_NAMESPACE, action: 'error', errorCode: result.errorCode, errorMessage: result.message });
    case 'cancel':
      return JSON.stringify({ namespace: CHECKOUT_NAMESPACE, action: 'canceled' });
  }
}

/** Return targets the provider page's form-action must allow: CSP applies it to the redirect after the post. */
function formTargets(invoice: StoredInvoice): string[] {
  return [invoice.return_url, invoice.cancel_url].flatMap((url) => {
    const source = url ? cspSource(url) : null;
    return source ? [source] : [];
  });
}

const HEADINGS: Record<CheckoutOutcome, string> = {
  approve: 'Payment approved',
  pending: 'Payment pending',
  decline: 'Payment declined',
  cancel: 'Payment canceled',
  'decline-at-capture': 'Payment approved (its capture will be declined)',
};

export const checkoutRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { services } = app;
  const tags = ['Checkout (HTML)'];

  app.get(
    '/checkout/:project_id/:invoice_id',
    {
      schema: {
        summary: 'Hosted checkout page (invoice.url): lists the test APMs',
        tags,
        params: Type.Object({ project_id: Type.String(), invoice_id: Type.String() }),
      },
    },
    async (request, reply) => {
      const { project_id: projectId, invoice_id: invoiceId } = request.params;
      let invoice: StoredInvoice;
      try {
        ({ invoice } = loadInvoice(services, projectId, invoiceId));
      } catch (error) {
        return sendErrorPage(reply, error);
      }
      const links = services.store
        .listGatewayConfigurations(projectId)
        .filter(isApm)
        .map((conf) => ({ label: conf.gateway.display_name, href: checkoutPath(projectId, invoice.id, conf.id) }));
      const nonce = newNonce();
      return sendHtml(reply, 200, hostedCheckoutPage({ nonce, invoice, links }), nonce);
    },
  );

  // The test provider page, at two addresses: under /checkout on any host (what the docs' URLs and the
  // ProcessOut.js stand-in use), and at the root of a `checkout.` host, the path the real ProcessOut.js
  // opens (https://checkout.<host>/{project}/{invoice}/redirect/{conf}, no prefix possible).
  for (const { base, constraints } of CHECKOUT_ADDRESSES) registerProviderPage(base, constraints);

  function registerProviderPage(base: string, constraints: { host: RegExp } | undefined) {
    app.get(
      `${base}/:project_id/:invoice_id/redirect/:gateway_configuration_id`,
      {
        ...(constraints ? { constraints } : {}),
        schema: {
          // The `checkout.` host alias is the same page: the OpenAPI document lists the /checkout address once.
          hide: constraints !== undefined,
          summary: 'Test payment provider page with Approve, Decline, Cancel and Pending',
          description: 'The page ProcessOut.js opens for an APM (checkout.processout.com/{project}/{invoice}/redirect/{gway_conf}).',
          tags,
          params: CheckoutParams,
        },
      },
      async (request, reply) => {
        const { project_id: projectId, invoice_id: invoiceId, gateway_configuration_id: confId } = request.params;
        let checkout: ReturnType<typeof loadCheckout>;
        try {
          checkout = loadCheckout(services, projectId, invoiceId, confId);
        } catch (error) {
          return sendErrorPage(reply, error);
        }
        const { invoice, conf } = checkout;
        const nonce = newNonce();
        const html = providerPage({
          nonce,
          invoice,
          conf,
          formAction: checkoutPath(projectId, invoiceId, confId, base),
          openerOrigin: webOrigin(request.headers.referer),
        });
        // form-action also governs the 302 that may follow the form post, so allow the return targets.
        return sendHtml(reply, 200, html, nonce, formTargets(invoice));
      },
    );

    app.post(
      `${base}/:project_id/:invoice_id/redirect/:gateway_configuration_id`,
      {
        ...(constraints ? { constraints } : {}),
        schema: {
          // The `checkout.` host alias is the same page: the OpenAPI document lists the /checkout address once.
          hide: constraints !== undefined,
          summary: 'Submit the outcome chosen on the test provider page',
          description:
            'Redirects (302) to return_url?token=… when metadata.skip_processoutjs is "true" or return_url is a deep link; ' +
            'otherwise answers a page that posts the result to window.opener, restricted to the origin of the page that ' +
            'opened the checkout (its Referer, carried by the form), ' +
            'or, without an opener, navigates to the return URL.',
          tags,
          params: CheckoutParams,
          body: Type.Object({
            outcome: Type.Union(CHECKOUT_OUTCOMES.map((o) => Type.Literal(o))),
            opener_origin: Type.Optional(Type.String()),
          }),
        },
      },
      async (request, reply) => {
        const { project_id: projectId, invoice_id: invoiceId, gateway_configuration_id: confId } = request.params;
        let result: CheckoutResult;
        try {
          result = completeCheckout(services, {
            projectId,
            invoiceId,
            gatewayConfigurationId: confId,
            outcome: request.body.outcome,
            origin: publicOrigin(request),
          });
        } catch (error) {
          return sendErrorPage(reply, error);
        }
        const { invoice } = result;
        const skipProcessOutJs = invoice.metadata.skip_processoutjs === 'true';
        const returnsToApp = invoice.return_url !== null && isDeepLink(invoice.return_url);
        if (result.redirectUrl && (skipProcessOutJs || returnsToApp)) return reply.redirect(serializeUrl(result.redirectUrl), 302);

        const nonce = newNonce();
        const html = resultPage({
          nonce,
          invoice,
          heading: HEADINGS[result.outcome],
          message: result.message,
          token: result.token,
          openerMessage: openerMessage(result),
          targetOrigin: webOrigin(request.body.opener_origin),
          redirectUrl: result.redirectUrl,
        });
        return sendHtml(reply, 200, html, nonce);
      },
    );
  }

  app.get(
    '/checkout/assets/logos/:gateway_name',
    { schema: { hide: true, params: Type.Object({ gateway_name: Type.String() }) } },
    async (request, reply) => {
      const name = request.params.gateway_name.replace(/\.svg$/, '');
      if (!SEED_GATEWAY_NAMES.includes(name)) throw new ApiError(404, 'request.route-not-found', 'No such logo.');
      return reply
        .headers({
          'content-type': 'image/svg+xml',
          'content-security-policy': "default-src 'none'",
          'x-content-type-options': 'nosniff',
          'cache-control': 'public, max-age=86400',
        })
        .send(logoSvg(name));
    },
  );
};
