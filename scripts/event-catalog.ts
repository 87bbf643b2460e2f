/**
 * The event catalog (docs/events.md), made from the definitions in libs/events so it cannot drift:
 * `npm run docs:events` rewrites it, and a unit test fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { allEventDefinitions, allTopics, envelopeSchema } from '@truyvet/events';

export const catalogPath = path.resolve(__dirname, '../docs/events.md');

export function renderEventCatalog(): string {
  const lines = [
    '# Event catalog',
    '',
    'Generated from `libs/events` by `npm run docs:events`; do not edit by hand.',
    '',
    '## Envelope',
    '',
    'Every message value is this JSON object; the Kafka key is `key`, and headers repeat `event-id`,',
    '`event-type`, `event-version` and `correlation-id` for tools that do not parse the value.',
    '',
    '```json',
    JSON.stringify(z.toJSONSchema(envelopeSchema, { unrepresentable: 'any' }), null, 2),
    '```',
    '',
    '## Topics',
    '',
    '| topic | partitions | carries |',
    '| --- | ---: | --- |',
    ...allTopics.map((t) => `| \`${t.topic}\` | ${t.partitions} | ${t.description} |`),
    '',
    'Each consumer group also has a dead-letter topic `<group>.dlq` (see docs/adr/0005).',
    '',
    '## Events',
  ];
  for (const d of allEventDefinitions) {
    lines.push(
      '',
      `### ${d.type} v${d.version}`,
      '',
      d.description,
      '',
      `Topic \`${d.topic}\`.`,
      '',
      '```json',
      JSON.stringify(z.toJSONSchema(d.schema, { unrepresentable: 'any' }), null, 2),
      '```',
    );
  }
  return `${lines.join('\n')}\n`;
}

if (require.main === module) {
  writeFileSync(catalogPath, renderEventCatalog());
  console.log(`written ${path.relative(process.cwd(), catalogPath)}`);
}
