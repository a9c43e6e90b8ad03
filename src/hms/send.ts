/**
 * The generic sender derived from the catalogue: `send('rooms.get', { params: { id } })` is one
 * upstream call described entirely by `ENDPOINTS['rooms.get']`. Resource modules are thin,
 * typed wrappers of it; the gateway's cache and room guard wrap it with the same signature.
 */
import type { AppTokenOptions, RequestOptions } from './api.js';
import { type AnyArgs, asSend, type EndpointName, type Send, specOf } from './endpoints.js';
import { withClampedLimit } from './paginate.js';
import type { Transport } from './transport.js';

export interface EndpointSenderDeps {
  transport: Transport;
  /** Signs app tokens (`tokens.appToken`, a LOCAL endpoint). */
  appToken(options: AppTokenOptions): Promise<unknown>;
}

export function createEndpointSender({ transport, appToken }: EndpointSenderDeps): Send {
  return asSend(async (name: EndpointName, args: AnyArgs, options?: RequestOptions) => {
    const spec = specOf(name);
    if (spec.method === 'LOCAL') return appToken(args.body as AppTokenOptions);
    const query = spec.limits && args.query ? withClampedLimit(args.query, spec.limits) : args.query;
    return transport.send({
      method: spec.method,
      route: spec.route,
      params: args.params,
      query,
      body: args.body,
      shape: spec.shape,
      options,
    });
  });
}
