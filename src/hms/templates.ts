/** Templates (reference §4.10). Their JSON keys are camelCase, unlike the rest of the API. */
import type { TemplatesApi } from './api.js';
import { pagedResource, STANDARD_LIMITS } from './paginate.js';
import type { Transport } from './transport.js';
import type { PageQuery, Template } from './types.js';

export function createTemplatesApi(transport: Transport): TemplatesApi {
  return {
    ...pagedResource<Template, PageQuery>(transport, '/templates', STANDARD_LIMITS),
    get: (templateId, options) =>
      transport.send<Template>({
        method: 'GET',
        route: '/templates/{id}',
        params: { id: templateId },
        shape: 'object',
        options,
      }),
  };
}
