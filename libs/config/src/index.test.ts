import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { ConfigError, env, loadConfig, loadConfigOrExit, serviceConfig } from './index';

const schema = z.object({
  GRPC_PORT: env.port().default(0),
  KAFKA_BROKERS: env.list(),
  LOG_LEVEL: env.logLevel().default('info'),
  DEDUP: env.bool().default(false),
  MONGODB_URI: env.string(),
});

describe('loadConfig', () => {
  it('parses and coerces variables, applying defaults', () => {
    const config = loadConfig(schema, {
      KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9094',
      MONGODB_URI: 'mongodb://127.0.0.1:27017/',
      DEDUP: 'yes',
    });
    expect(config).toEqual({
      GRPC_PORT: 0,
      KAFKA_BROKERS: ['127.0.0.1:9092', '127.0.0.1:9094'],
      LOG_LEVEL: 'info',
      DEDUP: true,
      MONGODB_URI: 'mongodb://127.0.0.1:27017/',
    });
  });

  it('treats an empty variable as unset', () => {
    const config = loadConfig(schema, { KAFKA_BROKERS: 'k:1', MONGODB_URI: 'm', GRPC_PORT: '  ' });
    expect(config.GRPC_PORT).toBe(0);
  });

  it('reports every problem on its own line, naming the variable and the bad value', () => {
    let caught: unknown;
    try {
      loadConfig(schema, { GRPC_PORT: '70000', LOG_LEVEL: 'loud' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.find((p) => p.startsWith('GRPC_PORT="70000"'))).toBeDefined();
    expect(problems.find((p) => p.startsWith('LOG_LEVEL="loud"'))).toBeDefined();
    expect(problems.find((p) => p.startsWith('KAFKA_BROKERS: is required'))).toBeDefined();
    expect(problems.find((p) => p.startsWith('MONGODB_URI: is required'))).toBeDefined();
    expect((caught as ConfigError).message.split('\n')).toHaveLength(5);
  });

  it('loadConfigOrExit prints the problems and exits non-zero', () => {
    const written: string[] = [];
    const spy = jestSpyStderr(written);
    const exit = (code: number): never => {
      throw new Error(`exit ${code}`);
    };
    expect(() => loadConfigOrExit(schema, {}, exit)).toThrow('exit 1');
    spy.restore();
    expect(written.join('')).toContain('KAFKA_BROKERS: is required');
  });
});

function jestSpyStderr(into: string[]): { restore: () => void } {
  const original = process.stderr.write.bind(process.stderr);
  process.stderr.write = (chunk: string | Uint8Array) => {
    into.push(String(chunk));
    return true;
  };
  return { restore: () => (process.stderr.write = original) };
}

describe('serviceConfig', () => {
  const schema = serviceConfig(
    { grpcPort: 50099, database: 'truyvet-test' },
    { EXTRA_SECRET: z.string().optional() },
    ['EXTRA_SECRET'],
  );

  it('needs nothing embedded, and gives the service its defaults', () => {
    expect(loadConfig(schema, {})).toMatchObject({
      TRUYVET_MODE: 'embedded',
      GRPC_PORT: 50099,
      MONGODB_DB: 'truyvet-test',
      LOG_LEVEL: 'info',
    });
  });

  it('names every setting real mode lacks, its own included', () => {
    expect(() => loadConfig(schema, { TRUYVET_MODE: 'real', KAFKA_BROKERS: 'k:9092' })).toThrow(
      /MONGODB_URI[\s\S]*AUTH_PUBLIC_KEY[\s\S]*EXTRA_SECRET/,
    );
  });
});
