import { randomAlphanumeric } from './ids.ts';

export const GATEWAY_REQUEST_PREFIX = 'gway_req_';

/**
 * Mints a gateway request token the way ProcessOut.js builds them: `gway_req_` + standard base64 of
 * `{gateway_configuration_id, method, url, headers, body}`. The random body makes every token unique;
 * the sandbox looks tokens up by value, so their content is informative only.
 */
export function mintGatewayRequestToken(gatewayConfigurationId: string, returnUrl: string): string {
  const request = {
    gateway_configuration_id: gatewayConfigurationId,
    method: 'POST',
    url: returnUrl,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: `sandbox_request=${randomAlphanumeric()}`,
  };
  return GATEWAY_REQUEST_PREFIX + Buffer.from(JSON.stringify(request), 'utf8').toString('base64');
}
