/**
 * deploy/kubernetes validates against the Kubernetes API schemas (kubernetes-models: the official
 * OpenAPI definitions compiled to validators, shipped in the npm package, so this runs offline),
 * and holds the promises the README makes about it: ≥ 2 replicas, the probes on the right routes,
 * a termination grace period that covers preStop + the gateway's own delay and drain, resources at
 * least the measured RSS, secrets only by reference, and env names the gateway actually reads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

const DIR = fileURLToPath(new URL('../../deploy/kubernetes/', import.meta.url));
const CONFIG_SOURCE = readFileSync(new URL('../../src/config.ts', import.meta.url), 'utf8');
/** Peak RSS at 50 busy clients with the image's V8 flags (README, Performance). */
const MEASURED_PEAK_RSS_MIB = 370;

interface Manifest {
  file: string;
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  // biome-ignore lint/suspicious/noExplicitAny: manifests are checked by the schema validator, not by TS
  spec?: any;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

function load(): Manifest[] {
  const out: Manifest[] = [];
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.yaml'))) {
    for (const doc of parseAllDocuments(readFileSync(join(DIR, file), 'utf8'))) {
      if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]?.message}`);
      const value = doc.toJS() as Manifest | null;
      if (value) out.push({ ...value, file });
    }
  }
  return out;
}

/** `apps/v1` + `Deployment` → the kubernetes-models class, whose validate() throws on a schema error. */
async function validator(apiVersion: string, kind: string) {
  const module = (await import(`kubernetes-models/${apiVersion}/${kind}`)) as Record<
    string,
    new (
      data: unknown,
    ) => { validate(): void }
  >;
  const Model = module[kind];
  if (!Model) throw new Error(`no schema for ${apiVersion} ${kind}`);
  return Model;
}

function quantityMiB(quantity: string): number {
  const match = /^(\d+)(Mi|Gi)$/.exec(quantity);
  if (!match) throw new Error(`unexpected quantity ${quantity}`);
  return Number(match[1]) * (match[2] === 'Gi' ? 1024 : 1);
}

const manifests = load();
const apiObjects = manifests.filter((m) => m.kind !== 'Kustomization');
const one = (kind: string) => {
  const found = apiObjects.filter((m) => m.kind === kind);
  expect(found, kind).toHaveLength(1);
  return found[0] as Manifest;
};

describe('deploy/kubernetes', () => {
  it('every object validates against the Kubernetes API schema', async () => {
    expect(apiObjects.map((m) => m.kind).sort()).toEqual(
      ['ConfigMap', 'Deployment', 'PodDisruptionBudget', 'Secret', 'Service', 'Service'].sort(),
    );
    for (const manifest of apiObjects) {
      const { file: _file, ...object } = manifest;
      const Model = await validator(manifest.apiVersion, manifest.kind);
      expect(() => new Model(object).validate(), `${manifest.file} ${manifest.kind}`).not.toThrow();
    }
  });

  it('the validator does reject a malformed object', async () => {
    const { file: _file, ...deployment } = structuredClone(one('Deployment'));
    deployment.spec.replicas = 'two';
    deployment.spec.template.spec.containers[0].readinessProbe.httpGet.path = 42;
    const Model = await validator('apps/v1', 'Deployment');
    expect(() => new Model(deployment).validate()).toThrow(/replicas must be integer/);
  });

  it('kustomization applies every object except the secret template', () => {
    const kustomization = manifests.find((m) => m.kind === 'Kustomization') as unknown as {
      resources: string[];
    };
    const files = new Set(apiObjects.filter((m) => m.kind !== 'Secret').map((m) => m.file));
    expect(new Set(kustomization.resources)).toEqual(files);
  });

  it('runs ≥ 2 replicas with readiness on /ready and liveness on /health', () => {
    const deployment = one('Deployment');
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
    const [container] = deployment.spec.template.spec.containers;
    expect(container.readinessProbe.httpGet.path).toBe('/ready');
    expect(container.livenessProbe.httpGet.path).toBe('/health');
    const pdb = one('PodDisruptionBudget');
    expect(pdb.spec.minAvailable).toBeGreaterThanOrEqual(1);
    expect(pdb.spec.minAvailable).toBeLessThan(deployment.spec.replicas);
    expect(pdb.spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
    expect(apiObjects.find((m) => m.kind === 'Service' && m.spec.selector)?.spec.selector).toEqual(
      deployment.spec.selector.matchLabels,
    );
  });

  it('the termination grace period covers preStop, the shutdown delay and the drain', () => {
    const deployment = one('Deployment');
    const config = one('ConfigMap').data ?? {};
    const [container] = deployment.spec.template.spec.containers;
    const preStopSeconds: number = container.lifecycle.preStop.sleep.seconds;
    expect(preStopSeconds).toBeGreaterThan(0);
    const delaySeconds = Number(config.GATEWAY_SHUTDOWN_DELAY_MS ?? 5000) / 1000;
    const graceSeconds = Number(config.GATEWAY_SHUTDOWN_GRACE_MS ?? 10_000) / 1000;
    expect(deployment.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(
      preStopSeconds + delaySeconds + graceSeconds + 1,
    );
  });

  it('requests at least the measured peak RSS, and limits memory', () => {
    const [container] = one('Deployment').spec.template.spec.containers;
    expect(quantityMiB(container.resources.requests.memory)).toBeGreaterThanOrEqual(MEASURED_PEAK_RSS_MIB);
    expect(quantityMiB(container.resources.limits.memory)).toBeGreaterThan(
      quantityMiB(container.resources.requests.memory),
    );
    expect(container.resources.requests.cpu).toBeDefined();
  });

  it('takes secrets only by reference, from keys the secret template has', () => {
    const [container] = one('Deployment').spec.template.spec.containers;
    const template = apiObjects.find((m) => m.kind === 'Secret') as Manifest;
    const keys = Object.keys(template.stringData ?? {});
    const env = container.env as Array<{ name: string; value?: string; valueFrom?: unknown }>;
    for (const name of [
      'HMS_ACCESS_KEY',
      'HMS_SECRET',
      'HMS_WEBHOOK_SECRET',
      'GATEWAY_JWT_SECRET',
      'REDIS_URL',
    ]) {
      const entry = env.find((e) => e.name === name) as {
        valueFrom: { secretKeyRef: { name: string; key: string } };
      };
      expect(entry?.valueFrom.secretKeyRef.name, name).toBe(template.metadata.name);
      expect(keys).toContain(entry.valueFrom.secretKeyRef.key);
    }
    expect(env.filter((e) => e.value !== undefined)).toEqual([]);
    const redis = apiObjects.find((m) => m.kind === 'Service' && m.spec.type === 'ExternalName') as Manifest;
    expect(template.stringData?.['redis-url']).toContain(
      `//${redis.metadata.name}:${redis.spec.ports[0].port}`,
    );
    const data = one('ConfigMap').data ?? {};
    for (const name of Object.keys(data)) expect(name).not.toMatch(/SECRET|KEY|TOKEN|REDIS_URL/);
  });

  it('sets only variables the gateway reads', () => {
    const [container] = one('Deployment').spec.template.spec.containers;
    const names = [
      ...Object.keys(one('ConfigMap').data ?? {}),
      ...(container.env as Array<{ name: string }>).map((e) => e.name),
    ];
    expect(names.filter((name) => !CONFIG_SOURCE.includes(`'${name}'`))).toEqual([]);
  });
});
