import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { createLogger, currentCorrelationId, withLogContext } from './index';

function capture(): { lines: Array<Record<string, unknown>>; stream: Writable } {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { lines, stream };
}

describe('log', () => {
  it('writes JSON lines with the service name', () => {
    const { lines, stream } = capture();
    createLogger({ name: 'sample-collection', level: 'info', destination: stream }).info(
      { barcode: 'CT-1' },
      'sample collected',
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ name: 'sample-collection', barcode: 'CT-1', msg: 'sample collected' });
  });

  it('adds the correlation id to every line logged inside a handled event, across awaits', async () => {
    const { lines, stream } = capture();
    const log = createLogger({ name: 'case-graph', level: 'info', destination: stream });
    log.info('outside');
    await withLogContext({ correlationId: 'corr-42', eventId: 'ev-1' }, async () => {
      log.info('before await');
      await new Promise((resolve) => setTimeout(resolve, 1));
      log.child({ step: 'assignIsolation' }).warn('after await');
      expect(currentCorrelationId()).toBe('corr-42');
    });
    expect(lines.map((l) => l.correlationId)).toEqual([undefined, 'corr-42', 'corr-42']);
    expect(lines[2]).toMatchObject({ eventId: 'ev-1', step: 'assignIsolation' });
  });

  it('nested contexts keep the outer fields', () => {
    const { lines, stream } = capture();
    const log = createLogger({ name: 't', level: 'info', destination: stream });
    withLogContext({ correlationId: 'a', requestId: 'r1' }, () => {
      withLogContext({ correlationId: 'b' }, () => {
        log.info('inner');
      });
    });
    expect(lines[0]).toMatchObject({ correlationId: 'b', requestId: 'r1' });
  });

  it('makes up a correlation id when there is none', () => {
    expect(currentCorrelationId()).toMatch(/^[0-9a-f-]{36}$/);
  });
});
