/**
 * A local HTTP server standing in for the endpoint the emulator delivers its webhooks to, owned by
 * one test file.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WebhookReceiver {
  /** Where to point the emulator's `webhook.url`. */
  url: string;
  close(): Promise<void>;
}

/**
 * `onDelivery` sees each delivery's headers and raw body once it has fully arrived, and returns
 * the status to answer with (200 when it returns nothing).
 */
export async function startWebhookReceiver(
  onDelivery: (text: string, headers: IncomingHttpHeaders) => number | undefined,
): Promise<WebhookReceiver> {
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => {
      text += chunk;
    });
    req.on('end', () => {
      res.writeHead(onDelivery(text, req.headers) ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
