import { describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { z } from 'zod';
import { ConfigError, loadConfig, serviceConfig } from './index';
import { ALL_LINKS_UNPROTECTED, mongoUriAuthenticates, mongoUriUsesTls } from './links';

const schema = serviceConfig({ grpcPort: 50051, database: 'x' }, {});
const publicKey = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
const real = {
  TRUYVET_MODE: 'real',
  KAFKA_BROKERS: 'kafka-0:9093',
  MONGODB_URI: 'mongodb://mongo-0:27017/?replicaSet=rs0',
  AUTH_PUBLIC_KEY: publicKey,
};
const protectedLinks = {
  GRPC_TLS_CERT_FILE: '/etc/truyvet/tls/server.crt',
  GRPC_TLS_KEY_FILE: '/etc/truyvet/tls/server.key',
  KAFKA_TLS: 'true',
  KAFKA_SASL_MECHANISM: 'scram-sha-512',
  KAFKA_SASL_USERNAME: 'case-graph',
  KAFKA_SASL_PASSWORD: 'from-a-secret',
  MONGODB_URI: 'mongodb://case-graph:from-a-secret@mongo-0:27017/?replicaSet=rs0&tls=true',
};

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(schema, env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
}

describe('links in real mode', () => {
  it('refuses to start with any link unprotected, naming each and the setting that protects it', () => {
    const found = problems(real);
    expect(found).toHaveLength(5);
    for (const [setting, protection] of [
      ['GRPC_TLS_CERT_FILE', 'grpc-tls'],
      ['KAFKA_TLS', 'kafka-tls'],
      ['KAFKA_SASL_MECHANISM', 'kafka-auth'],
      ['MONGODB_URI', 'mongodb-tls'],
      ['MONGODB_URI', 'mongodb-auth'],
    ])
      expect(found).toContainEqual(
        expect.stringMatching(new RegExp(`^${setting}[:=].*LINKS_UNPROTECTED=${protection}\\)?$`)),
      );
  });

  it('starts with every link encrypted and authenticated', () => {
    const config = loadConfig(schema, { ...real, ...protectedLinks });
    expect(config).toMatchObject({
      KAFKA_TLS: true,
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      LINKS_UNPROTECTED: [],
    });
  });

  it('lets a deployment go without what it names, and only that', () => {
    expect(problems({ ...real, LINKS_UNPROTECTED: ALL_LINKS_UNPROTECTED })).toEqual([]);
    const left = problems({
      ...real,
      ...protectedLinks,
      MONGODB_URI: real.MONGODB_URI,
      LINKS_UNPROTECTED: 'mongodb-tls',
    });
    expect(left).toEqual([
      expect.stringMatching(
        /^MONGODB_URI="mongodb:\/\/mongo-0:27017\/\?replicaSet=rs0": MongoDB is reached without authentication/,
      ),
    ]);
    expect(problems({ ...real, LINKS_UNPROTECTED: 'grpc-tls,telnet' })).toContainEqual(
      expect.stringMatching(/^LINKS_UNPROTECTED/),
    );
  });

  it('checks settings that go together, in any mode', () => {
    expect(problems({ GRPC_TLS_CERT_FILE: '/c.crt' })).toEqual([
      expect.stringMatching(
        /^GRPC_TLS_KEY_FILE: is required \(GRPC_TLS_CERT_FILE and GRPC_TLS_KEY_FILE go together/,
      ),
    ]);
    expect(problems({ KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' })).toEqual([
      expect.stringMatching(/^KAFKA_SASL_MECHANISM: is required \(a Kafka user is given but no mechanism/),
    ]);
    expect(problems({ KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u' })).toEqual([
      expect.stringMatching(/^KAFKA_SASL_USERNAME="u": .*needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD/),
    ]);
  });

  it('never shows a secret in a problem line, nor the password of a connection string', () => {
    const found = problems({
      ...real,
      ...protectedLinks,
      MONGODB_URI: 'mongodb://case-graph:s3cret-pw@mongo-0:27017/?replicaSet=rs0',
    });
    expect(found).toEqual([
      expect.stringMatching(/^MONGODB_URI="mongodb:\/\/\*\*\*@mongo-0:27017\/\?replicaSet=rs0": /),
    ]);
    const withSecret = serviceConfig(
      { grpcPort: 1, database: 'x' },
      { PERSON_ID_SECRET: z.string().min(32) },
    );
    expect(() => loadConfig(withSecret, { PERSON_ID_SECRET: 'too-short-s3cret' })).toThrow(
      'PERSON_ID_SECRET=(hidden, 16 characters): ',
    );
    // A private key given where the public one goes is refused without being shown.
    const privateKey = generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const shown = problems({ ...real, AUTH_PUBLIC_KEY: privateKey }).join('\n');
    expect(shown).toContain('AUTH_PUBLIC_KEY=(hidden,');
    expect(shown).not.toContain(privateKey.split('\n')[1]);
  });

  it('reads TLS and authentication from a MongoDB connection string', () => {
    expect(mongoUriUsesTls('mongodb://h:27017/?tls=true')).toBe(true);
    expect(mongoUriUsesTls('mongodb://h:27017/?ssl=true')).toBe(true);
    expect(mongoUriUsesTls('mongodb+srv://cluster.example/')).toBe(true);
    expect(mongoUriUsesTls('mongodb+srv://cluster.example/?tls=false')).toBe(false);
    expect(mongoUriUsesTls('mongodb://h:27017/')).toBe(false);
    expect(mongoUriUsesTls('mongodb://h:27017/?tls=true&tlsInsecure=true')).toBe(false);
    expect(mongoUriUsesTls('mongodb://h:27017/?tls=true&tlsAllowInvalidCertificates=true')).toBe(false);
    expect(mongoUriAuthenticates('mongodb://u:p@h:27017/')).toBe(true);
    expect(mongoUriAuthenticates('mongodb://h:27017/?authMechanism=MONGODB-X509&tls=true')).toBe(true);
    expect(mongoUriAuthenticates('mongodb://h:27017/?tls=true&tlsCertificateKeyFile=/c.pem')).toBe(true);
    expect(mongoUriAuthenticates('mongodb://h:27017/?tls=true')).toBe(false);
    expect(mongoUriAuthenticates('mongodb://u@h:27017/?tls=true')).toBe(false);
  });
});
