import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { catalogPath, renderEventCatalog } from './event-catalog';

describe('event catalog', () => {
  it('docs/events.md matches the event definitions (run `npm run docs:events` after changing them)', () => {
    expect(readFileSync(catalogPath, 'utf8')).toBe(renderEventCatalog());
  });

  it('lists every topic and the first event with its fields', () => {
    const catalog = renderEventCatalog();
    expect(catalog).toContain('`truyvet.samples`');
    expect(catalog).toContain('### SampleCollected v1');
    expect(catalog).toContain('"personIds"');
  });
});
