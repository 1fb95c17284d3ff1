import { stableAlphanumeric } from '../lib/ids.ts';
import type { GatewayConfiguration } from '../schemas/gateway-configuration.ts';
import type { ServiceContext } from './context.ts';

interface SeedGateway {
  id: number;
  /** Suffix of the configuration id (`gway_conf_<32>.<suffix>`). */
  idSuffix: string;
  name: string;
  displayName: string;
  confName: string;
  flows: string[];
  tags: string[];
  description: string;
}

export const APM_TAG = 'alternative-payment-method';
export const NATIVE_APM_TAG = 'native-alternative-payment-method';

// One card gateway and three test APMs. ProcessOut.js opens `test-credit-card` and
// `test-alternative-payment` in a popup "for sandbox mode"; the others exercise the listing filters.
const SEED_GATEWAYS: SeedGateway[] = [
  {
    id: 9001,
    idSuffix: 'sandbox',
    name: 'test-credit-card',
    displayName: 'Test card',
    confName: 'Sandbox card gateway',
    flows: ['one-off', 'subscription', 'tokenization'],
    tags: ['credit-card'],
    description: 'Card payments in the sandbox.',
  },
  {
    id: 9002,
    idSuffix: 'test-alternative-payment',
    name: 'test-alternative-payment',
    displayName: 'Test APM (redirect)',
    confName: 'Test redirect APM',
    flows: ['one-off'],
    tags: [APM_TAG],
    description: 'A redirect APM: the customer approves, declines, cancels or leaves the payment pending.',
  },
  {
    id: 9003,
    idSuffix: 'test-wallet',
    name: 'test-wallet',
    displayName: 'Test wallet (can be saved)',
    confName: 'Test wallet APM',
    flows: ['one-off', 'tokenization'],
    tags: [APM_TAG],
    description: 'A redirect APM that also supports saving the payment method.',
  },
  {
    id: 9004,
    idSuffix: 'test-native-apm',
    name: 'test-native-apm',
    displayName: 'Test native APM',
    confName: 'Test native APM',
    flows: ['one-off'],
    tags: [APM_TAG, NATIVE_APM_TAG],
    description: 'An APM listed for native (in-app) flows; the redirect page works for it too.',
  },
];

export const SEED_GATEWAY_NAMES = SEED_GATEWAYS.map((seed) => seed.name);

/** Path of the logo the checkout host serves; made absolute when returned. */
export const logoPath = (gatewayName: string) => `/checkout/assets/logos/${gatewayName}.svg`;

function seedConfiguration(projectId: string, seed: SeedGateway, createdAt: string): GatewayConfiguration {
  return {
    // Derived from the project id so ids survive restarts and differ between projects.
    id: `gway_conf_${stableAlphanumeric(`${projectId}:${seed.name}`)}.${seed.idSuffix}`,
    project_id: projectId,
    name: seed.confName,
    enabled: true,
    default_currency: 'USD',
    gateway_id: seed.id,
    gateway_name: seed.name,
    public_keys: {},
    processing_region: null,
    metadata: {},
    sandbox: true,
    created_at: createdAt,
    enabled_at: createdAt,
    gateway: {
      id: String(seed.id),
      name: seed.name,
      display_name: seed.displayName,
      logo_url: logoPath(seed.name),
      url: 'https://docs.processout.com/docs/testing-in-the-sandbox',
      flows: seed.flows,
      tags: seed.tags,
      can_pull_transactions: false,
      // The sandbox refunds payments made with any of its gateways (services/refunds.ts).
      can_refund: true,
      is_oauth_authentication: false,
      description: seed.description,
    },
  };
}

export function seedGatewayConfigurations({ store }: ServiceContext, projectId: string): void {
  const createdAt = new Date().toISOString();
  store.transaction(() => {
    for (const seed of SEED_GATEWAYS) store.insertGatewayConfigurationIfMissing(seedConfiguration(projectId, seed, createdAt));
  });
}

export const GATEWAY_FILTERS = [
  'alternative-payment-methods',
  'alternative-payment-methods-with-tokenization',
  'native-alternative-payment-methods',
] as const;
export type GatewayFilter = (typeof GATEWAY_FILTERS)[number];

export function matchesFilter(conf: GatewayConfiguration, filter: GatewayFilter | undefined): boolean {
  const isApm = conf.gateway.tags.includes(APM_TAG);
  switch (filter) {
    case undefined:
      return true;
    case 'alternative-payment-methods':
      return isApm;
    case 'alternative-payment-methods-with-tokenization':
      return isApm && conf.gateway.flows.includes('tokenization');
    case 'native-alternative-payment-methods':
      return conf.gateway.tags.includes(NATIVE_APM_TAG);
  }
}

export function isApm(conf: GatewayConfiguration): boolean {
  return conf.gateway.tags.includes(APM_TAG);
}
