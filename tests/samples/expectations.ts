import { SAMPLE_LANGUAGES, type SampleLanguageValue as Language } from '../../src/sample-files/index.ts';

/** What an invoice created by a sample must contain, whatever the language. */
export interface ExpectedInvoice {
  name: string;
  amount: string;
  currency: string;
  return_url: string;
  webhook_url?: string;
  metadata?: Record<string, string>;
}

interface BaseExpectation {
  /** The languages the folder must hold, one file each. */
  languages: readonly Language[];
  /** The `#region` every file of the folder marks (what the page shows). */
  region: string;
  /** The environment variables every file reads: its only inputs besides the code. */
  env: readonly string[];
}

export type SampleExpectation =
  | (BaseExpectation & {
      kind: 'creates-invoice';
      invoice: ExpectedInvoice;
      /** Variables that point the invoice at your own site, and the fields they set. */
      overrides?: { env: Record<string, string>; invoice: Partial<ExpectedInvoice> };
    })
  | (BaseExpectation & { kind: 'checks-credentials' })
  | (BaseExpectation & { kind: 'lists-apms' })
  | (BaseExpectation & { kind: 'builds-redirect-url' })
  | (BaseExpectation & { kind: 'pays-invoice'; route: 'capture' | 'authorize'; settledStatus: 'completed' | 'authorized' })
  | (BaseExpectation & { kind: 'fetches-event' })
  /** Refunds a captured transaction (TRANSACTION_ID) by REFUND_AMOUNT, then reads back the transaction and its refunds. */
  | (BaseExpectation & { kind: 'refunds-payment'; refund: { reason: string; information: string; metadata: Record<string, string> } })
  | (BaseExpectation & { kind: 'completes-test-payment' })
  | (BaseExpectation & { kind: 'receives-webhooks' })
  /** A module for the customer's browser: it exports these functions, and never sees the secret key. */
  | (BaseExpectation & { kind: 'browser-module'; exports: readonly string[] });

/** Variables every server-side sample that calls the API reads. */
export const API_ENV = ['PROCESSOUT_PROJECT_ID', 'PROCESSOUT_PROJECT_SECRET', 'PROCESSOUT_API_URL'] as const;

/** Every sample language runs on a server. */
const BACKEND_LANGUAGES: readonly Language[] = SAMPLE_LANGUAGES.map((language) => language.value);
/** Server-side code with no HTTP call of its own, or a long-running server: nothing for cURL to show. */
const SDK_LANGUAGES: readonly Language[] = BACKEND_LANGUAGES.filter((language) => language !== 'curl');
/** Browser code is TypeScript only; a page loads it, no SDK runs there. */
const BROWSER_LANGUAGES: readonly Language[] = ['typescript'];
/** The sandbox's completion route has no SDK method: only raw HTTP calls reach it. */
const SANDBOX_ROUTE_LANGUAGES: readonly Language[] = ['curl', 'typescript'];

const AMAZING_ITEM = { name: 'Amazing item', amount: '9.99', currency: 'USD' } as const;
const EXAMPLE_RETURN_URL = 'https://www.example.com/checkout/return';

/**
 * One entry per folder under samples/: the suite fails for a folder missing here. The expected values
 * are written here, independently of the samples, so every language is held to the same invoice.
 */
export const SAMPLE_EXPECTATIONS: Record<string, SampleExpectation> = {
  'set-up-client': {
    kind: 'checks-credentials',
    languages: BACKEND_LANGUAGES,
    region: 'set-up-client',
    env: API_ENV,
  },
  'create-invoice': {
    kind: 'creates-invoice',
    languages: BACKEND_LANGUAGES,
    region: 'create-invoice',
    env: API_ENV,
    invoice: { ...AMAZING_ITEM, return_url: EXAMPLE_RETURN_URL },
  },
  'create-invoice-deep-link': {
    kind: 'creates-invoice',
    languages: BACKEND_LANGUAGES,
    region: 'create-invoice',
    env: API_ENV,
    invoice: { ...AMAZING_ITEM, return_url: 'your.application.id://processout/return' },
  },
  'create-invoice-with-webhook': {
    kind: 'creates-invoice',
    languages: BACKEND_LANGUAGES,
    region: 'create-invoice',
    env: [...API_ENV, 'RETURN_URL', 'WEBHOOK_URL'],
    invoice: { ...AMAZING_ITEM, return_url: EXAMPLE_RETURN_URL, webhook_url: 'https://www.example.com/webhooks/processout' },
    overrides: {
      env: { RETURN_URL: 'http://127.0.0.1:8080/checkout/return', WEBHOOK_URL: 'http://127.0.0.1:8081/webhooks/processout' },
      invoice: { return_url: 'http://127.0.0.1:8080/checkout/return', webhook_url: 'http://127.0.0.1:8081/webhooks/processout' },
    },
  },
  'create-invoice-backend-redirect': {
    kind: 'creates-invoice',
    languages: BACKEND_LANGUAGES,
    region: 'create-invoice',
    env: [...API_ENV, 'RETURN_URL'],
    invoice: { ...AMAZING_ITEM, return_url: EXAMPLE_RETURN_URL, metadata: { skip_processoutjs: 'true' } },
    overrides: {
      env: { RETURN_URL: 'http://127.0.0.1:8080/checkout/return' },
      invoice: { return_url: 'http://127.0.0.1:8080/checkout/return' },
    },
  },
  'list-apms': {
    kind: 'lists-apms',
    languages: BACKEND_LANGUAGES,
    region: 'list-apms',
    env: API_ENV,
  },
  'list-apms-browser': {
    kind: 'browser-module',
    languages: BROWSER_LANGUAGES,
    region: 'list-apms',
    env: [],
    exports: ['showApmButtons'],
  },
  'open-apm-checkout': {
    kind: 'browser-module',
    languages: BROWSER_LANGUAGES,
    region: 'open-apm-checkout',
    env: [],
    exports: ['hookApmButton'],
  },
  'handle-apm-return': {
    kind: 'browser-module',
    languages: BROWSER_LANGUAGES,
    region: 'handle-apm-return',
    env: [],
    exports: ['readApmReturn', 'sendTokenToBackend'],
  },
  'build-apm-redirect-url': {
    kind: 'builds-redirect-url',
    // String building, no HTTP call: there is no cURL version of it.
    languages: SDK_LANGUAGES,
    region: 'build-redirect-url',
    env: ['PROCESSOUT_PROJECT_ID', 'PROCESSOUT_CHECKOUT_URL', 'INVOICE_ID', 'GATEWAY_CONFIGURATION_ID'],
  },
  'capture-invoice': {
    kind: 'pays-invoice',
    languages: BACKEND_LANGUAGES,
    region: 'capture-invoice',
    env: [...API_ENV, 'INVOICE_ID', 'GATEWAY_TOKEN'],
    route: 'capture',
    settledStatus: 'completed',
  },
  'authorize-invoice': {
    kind: 'pays-invoice',
    languages: BACKEND_LANGUAGES,
    region: 'authorize-invoice',
    env: [...API_ENV, 'INVOICE_ID', 'GATEWAY_TOKEN'],
    route: 'authorize',
    settledStatus: 'authorized',
  },
  'fetch-event': {
    kind: 'fetches-event',
    languages: BACKEND_LANGUAGES,
    region: 'fetch-event',
    env: [...API_ENV, 'EVENT_ID'],
  },
  'refund-payment': {
    kind: 'refunds-payment',
    languages: BACKEND_LANGUAGES,
    region: 'refund-payment',
    env: [...API_ENV, 'TRANSACTION_ID', 'REFUND_AMOUNT'],
    refund: { reason: 'customer_request', information: 'Returned by the customer', metadata: { return_reference: 'RMA-1001' } },
  },
  'webhook-endpoint': {
    kind: 'receives-webhooks',
    // A server: cURL cannot be one.
    languages: SDK_LANGUAGES,
    region: 'webhook-endpoint',
    env: API_ENV,
  },
  'complete-test-payment': {
    kind: 'completes-test-payment',
    languages: SANDBOX_ROUTE_LANGUAGES,
    region: 'complete-test-payment',
    env: [...API_ENV, 'INVOICE_ID', 'GATEWAY_CONFIGURATION_ID', 'OUTCOME'],
  },
};
