/**
 * deploy/compose.yaml's shape, checked in every `npm test` (running it takes minutes and
 * podman-compose: `npm run test:compose`): two replicas of one image (health-checked by its own
 * HEALTHCHECK), Redis
 * they both use, secrets only from the environment, and env names the gateway actually reads.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const compose = parse(readFileSync(new URL('../../deploy/compose.yaml', import.meta.url), 'utf8'), {
  merge: true,
  // biome-ignore lint/suspicious/noExplicitAny: a compose document
}) as { services: Record<string, any> };
const CONFIG_SOURCE = readFileSync(new URL('../../src/config.ts', import.meta.url), 'utf8');
const gateways = Object.entries(compose.services).filter(([name]) => name.startsWith('gateway-'));

describe('deploy/compose.yaml', () => {
  it('runs two gateway replicas of one image, each health-checked, and Redis', () => {
    expect(gateways).toHaveLength(2);
    const images = new Set(gateways.map(([, s]) => s.image));
    expect(images.size).toBe(1);
    for (const [, service] of gateways) {
      // The image's HEALTHCHECK (a bash probe of /health) applies: not overridden here.
      expect(service.healthcheck).toBeUndefined();
      expect(service.depends_on.redis.condition).toBe('service_healthy');
      expect(service.environment.REDIS_URL).toBe('redis://redis:6379');
    }
    expect(compose.services.redis.healthcheck.test.join(' ')).toContain('ping');
    expect(compose.services.redis.ports).toBeUndefined();
  });

  it('takes secrets from the environment, requiring each', () => {
    for (const [, service] of gateways) {
      const env = service.environment as Record<string, string>;
      expect(env.GATEWAY_AUTH).toBe('jwt');
      for (const name of [
        'HMS_ACCESS_KEY',
        'HMS_SECRET',
        'HMS_WEBHOOK_SECRET',
        'GATEWAY_JWT_SECRET',
        'GATEWAY_METRICS_TOKEN',
      ]) {
        expect(env[name]).toBe(`\${${name}:?set ${name}}`);
      }
    }
  });

  it('sets only variables the gateway reads', () => {
    const names = gateways.flatMap(([, s]) => Object.keys(s.environment));
    expect(names.filter((name) => !CONFIG_SOURCE.includes(`'${name}'`))).toEqual([]);
  });
});
