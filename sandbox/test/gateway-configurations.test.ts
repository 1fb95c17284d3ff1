import { describe, expect, it } from 'vitest';
import { DEMO_PROJECT } from '@apm-docs/sandbox';
import { startTestSandbox, useTestSandbox } from './helpers.ts';
import { apiClient } from './lib/client.ts';

const { api } = useTestSandbox();

const names = (response: { body: { gateway_configurations: { gateway: { name: string } }[] } }) =>
  response.body.gateway_configurations.map((c) => c.gateway.name);

describe('GET /gateway-configurations', () => {
  it('lists the seeded card gateway and test APMs', async () => {
    const response = await api.get('/gateway-configurations?expand_merchant_accounts=true');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ success: true, has_more: false });
    expect(names(response)).toEqual(['test-credit-card', 'test-alternative-payment', 'test-wallet', 'test-native-apm']);
    for (const conf of response.body.gateway_configurations) {
      expect(conf.id).toMatch(/^gway_conf_[A-Za-z0-9]{32}\.[a-z-]+$/);
      expect(conf).toMatchObject({ project_id: DEMO_PROJECT.id, enabled: true, sandbox: true });
      expect(conf.gateway).toEqual(
        expect.objectContaining({
          name: expect.any(String),
          display_name: expect.any(String),
          flows: expect.any(Array),
          tags: expect.any(Array),
        }),
      );
      const logo = await fetch(conf.gateway.logo_url);
      expect(logo.headers.get('content-type')).toBe('image/svg+xml');
    }
    const card = response.body.gateway_configurations[0];
    expect(card.id.endsWith('.sandbox')).toBe(true);
  });

  it.each([
    ['alternative-payment-methods', ['test-alternative-payment', 'test-wallet', 'test-native-apm']],
    ['alternative-payment-methods-with-tokenization', ['test-wallet']],
    ['native-alternative-payment-methods', ['test-native-apm']],
    ['', ['test-credit-card', 'test-alternative-payment', 'test-wallet', 'test-native-apm']],
  ])('filters %s', async (filter, expected) => {
    const response = await api.get(`/gateway-configurations?filter=${filter}&expand_merchant_accounts=true`);
    expect(names(response)).toEqual(expected);
  });

  it('refuses an unknown filter', async () => {
    const response = await api.get('/gateway-configurations?filter=cards');
    expect(response.status).toBe(400);
    expect(response.body.error_type).toBe('request.validation.invalid-filter');
  });

  it('keeps ids stable across restarts of the same project', async () => {
    const again = await startTestSandbox();
    try {
      const first = (await api.get('/gateway-configurations')).body.gateway_configurations.map((c: { id: string }) => c.id);
      const second = (await apiClient(again.url).get('/gateway-configurations')).body.gateway_configurations.map(
        (c: { id: string }) => c.id,
      );
      expect(second).toEqual(first);
    } finally {
      await again.close();
    }
  });
});

describe('GET /gateway-configurations/{id}', () => {
  it('fetches one configuration or answers 404', async () => {
    const [conf] = (await api.get('/gateway-configurations')).body.gateway_configurations;
    const response = await api.get(`/gateway-configurations/${conf.id}`);
    expect(response.body.gateway_configuration).toEqual(conf);
    const missing = await api.get('/gateway-configurations/gway_conf_nope.sandbox');
    expect(missing.status).toBe(404);
    expect(missing.body.error_type).toBe('resource.gateway-configuration.not-found');
  });
});
