import { describe, expect, it } from '@jest/globals';
import { logLevel } from 'kafkajs';
import { KafkaLogLevels } from './kafka-log';

const response = (error: string) => ({
  level: logLevel.ERROR,
  namespace: 'Connection',
  log: { message: 'Response Metadata(key: 3, version: 6)', error, timestamp: '', logger: 'kafkajs' },
});

describe('kafkajs lines in our log', () => {
  it('say a settling condition kafkajs retries as a warning at most once a minute, at debug in between', () => {
    let now = 0;
    const levels = new KafkaLogLevels(() => now);
    const retried = [
      'This server does not host this topic-partition',
      "The coordinator is loading and hence can't process requests for this group",
      'The group coordinator is not available',
    ];
    expect(retried.map((e) => levels.levelOf(response(e)))).toEqual(['warn', 'warn', 'warn']);
    now = 59_000;
    expect(retried.map((e) => levels.levelOf(response(e)))).toEqual(['debug', 'debug', 'debug']);
    now = 61_000; // still there a minute later: said again
    expect(retried.map((e) => levels.levelOf(response(e)))).toEqual(['warn', 'warn', 'warn']);
  });

  it('keep at error what someone must act on, retried or not', () => {
    const levels = new KafkaLogLevels();
    // Retriable for kafkajs, but a broker's disk or replicas in trouble.
    expect(levels.levelOf(response('Disk error when trying to access log file on the disk'))).toBe('error');
    expect(
      levels.levelOf(response('Messages are rejected since there are fewer in-sync replicas than required')),
    ).toBe('error');
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
