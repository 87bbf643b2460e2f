import { describe, expect, it } from '@jest/globals';
import { logLevel } from 'kafkajs';
import { KafkaLogLevels } from './kafka-log';

const response = (error: string) => ({
  level: logLevel.ERROR,
  namespace: 'Connection',
  log: { message: 'Response Metadata(key: 3, version: 6)', error, timestamp: '', logger: 'kafkajs' },
});

describe('kafkajs lines in our log', () => {
  it('say a condition kafkajs retries once as a warning, then at debug, on freshly started servers', () => {
    const levels = new KafkaLogLevels();
    const retried = [
      'This server does not host this topic-partition',
      "The coordinator is loading and hence can't process requests for this group",
      'The group coordinator is not available',
    ];
    expect(retried.map((e) => levels.levelOf(response(e)))).toEqual(['warn', 'warn', 'warn']);
    expect(retried.map((e) => levels.levelOf(response(e)))).toEqual(['debug', 'debug', 'debug']);
  });

  it('keep at error what someone must act on', () => {
    const levels = new KafkaLogLevels();
    expect(levels.levelOf(response('Not authorized to access topics: [Topic authorization failed]'))).toBe(
      'error',
    );
    expect(
      levels.levelOf({
        level: logLevel.ERROR,
        namespace: 'Consumer',
        log: { message: 'Crash: KafkaJSNumberOfRetriesExceeded', timestamp: '', logger: 'kafkajs' },
      }),
    ).toBe('error');
  });

  it('drop the bounded-retries warning of the idempotent producer to debug (the design relies on dedup), keep other warnings', () => {
    const levels = new KafkaLogLevels();
    const warn = (message: string) => ({
      level: logLevel.WARN,
      namespace: 'Producer',
      log: { message, timestamp: '', logger: 'kafkajs' },
    });
    expect(
      levels.levelOf(warn('Limiting retries for the idempotent producer may invalidate EoS guarantees')),
    ).toBe('debug');
    expect(levels.levelOf(warn('Something else'))).toBe('warn');
  });
});
