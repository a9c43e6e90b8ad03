/** Public library entry: embed the gateway in another server. */
export { type Config, ConfigError, loadConfig } from './config.js';
export type { HmsClient } from './hms/api.js';
export { createHmsClient } from './hms/client.js';
export { createLogger } from './logger.js';
export { schema } from './schema/index.js';
export { createGateway, type Gateway, type GatewayOptions } from './server.js';
