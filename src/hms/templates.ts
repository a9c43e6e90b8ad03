/** Templates (https://www.100ms.live/docs/server-side/v2/api-reference/policy/template-object). Their JSON keys are camelCase, unlike the rest of the API. */
import type { TemplatesApi } from './api.js';
import type { Send } from './endpoints.js';
import { pagedResource } from './paginate.js';
import type { PageQuery, Template } from './types.js';

export function createTemplatesApi(send: Send): TemplatesApi {
  return {
    ...pagedResource<Template, PageQuery>(send, 'templates.list'),
    get: (templateId, options) => send('templates.get', { params: { id: templateId } }, options),
  };
}
