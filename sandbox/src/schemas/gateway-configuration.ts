import { Type, type Static } from '@fastify/type-provider-typebox';
import { Nullable, PassThrough } from './common.ts';

export const Gateway = Type.Object({
  // A string in the API (the Go SDK decodes it into a *string), unlike gateway_configuration.gateway_id.
  id: Type.String({ description: 'e.g. "9002"' }),
  name: Type.String({ description: 'e.g. test-alternative-payment' }),
  display_name: Type.String(),
  logo_url: Nullable(Type.String()),
  url: Type.String(),
  flows: Type.Array(Type.String()),
  tags: Type.Array(Type.String()),
  can_pull_transactions: Type.Boolean(),
  can_refund: Type.Boolean(),
  is_oauth_authentication: Type.Boolean(),
  description: Type.String(),
});

export const GatewayConfiguration = Type.Object(
  {
    id: Type.String({ description: 'gway_conf_<32 alphanumerics>.<gateway name>' }),
    project_id: Type.String(),
    name: Type.String(),
    enabled: Type.Boolean(),
    default_currency: Type.String(),
    gateway_id: Type.Integer(),
    gateway_name: Type.String(),
    public_keys: PassThrough,
    processing_region: Nullable(Type.String()),
    metadata: PassThrough,
    sandbox: Type.Boolean(),
    created_at: Type.String(),
    enabled_at: Type.String(),
    gateway: Gateway,
  },
  { $id: 'GatewayConfiguration' },
);
export type GatewayConfiguration = Static<typeof GatewayConfiguration>;
