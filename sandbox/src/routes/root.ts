import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { errorResponses } from '../schemas/common.ts';

// The real API answers GET / with its versions; docs use it as a credentials check.
const API_VERSIONS = ['1.0.0.0', '1.1.0.0', '1.2.0.0', '1.3.0.0', '1.3.0.1', '1.4.0.0'];

export const rootRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { auth: 'secret' },
      schema: {
        summary: 'Check credentials and list API versions',
        operationId: 'root',
        tags: ['General'],
        response: {
          200: Type.Object({
            success: Type.Literal(true),
            project_id: Type.String(),
            sandbox: Type.Boolean(),
            current_version: Type.String(),
            latest_version: Type.String(),
            versions: Type.Array(Type.String()),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      success: true as const,
      project_id: request.project.id,
      sandbox: true,
      current_version: API_VERSIONS.at(-1)!,
      latest_version: API_VERSIONS.at(-1)!,
      versions: API_VERSIONS,
    }),
  );

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
};
