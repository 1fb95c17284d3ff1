import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { notFound } from '../lib/errors.ts';
import { publicOrigin } from '../plugins/hosts.ts';
import { errorResponses, QueryBoolean } from '../schemas/common.ts';
import { GATEWAY_FILTERS, matchesFilter } from '../services/gateway-configurations.ts';
import { presentGatewayConfiguration } from '../services/presenters.ts';

export const gatewayConfigurationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store } = app;

  app.get(
    '/gateway-configurations',
    {
      // ProcessOut.js and the mobile SDKs list APMs with the project ID alone.
      config: { auth: 'public' },
      schema: {
        summary: 'List gateway configurations',
        operationId: 'list-gateway-configurations',
        tags: ['Gateway configurations'],
        querystring: Type.Object({
          filter: Type.Optional(Type.Union(GATEWAY_FILTERS.map((f) => Type.Literal(f)))),
          expand_merchant_accounts: Type.Optional(
            QueryBoolean('Accepted for compatibility; sandbox configurations have no merchant accounts'),
          ),
          with_disabled: Type.Optional(QueryBoolean('Accepted; every seeded configuration is enabled')),
        }),
        response: {
          200: Type.Object({
            success: Type.Literal(true),
            gateway_configurations: Type.Array(Type.Ref('GatewayConfiguration')),
            has_more: Type.Boolean(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const origin = publicOrigin(request);
      const confs = store
        .listGatewayConfigurations(request.project.id)
        .filter((conf) => matchesFilter(conf, request.query.filter))
        .map((conf) => presentGatewayConfiguration(conf, origin));
      return { success: true as const, gateway_configurations: confs, has_more: false };
    },
  );

  app.get(
    '/gateway-configurations/:gateway_configuration_id',
    {
      config: { auth: 'secret' },
      schema: {
        summary: 'Fetch a gateway configuration',
        operationId: 'fetch-gateway-configuration',
        tags: ['Gateway configurations'],
        params: Type.Object({ gateway_configuration_id: Type.String() }),
        response: {
          200: Type.Object({ success: Type.Literal(true), gateway_configuration: Type.Ref('GatewayConfiguration') }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const id = request.params.gateway_configuration_id;
      const conf = store.findGatewayConfiguration(request.project.id, id);
      if (!conf) throw notFound('gateway-configuration', id);
      return { success: true as const, gateway_configuration: presentGatewayConfiguration(conf, publicOrigin(request)) };
    },
  );
};
