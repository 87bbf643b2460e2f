import { InMemoryBus } from '@truyvet/bus';
import { describeReportingComponent } from './start.suite';
import { configSchema } from './config';
import { REPORTED_TOPICS } from './start';

describeReportingComponent('embedded', () => {
  const bus = new InMemoryBus();
  const config = (group: string) =>
    configSchema.parse({ TRUYVET_MODE: 'embedded', LOG_LEVEL: 'fatal', CONSUMER_GROUP: group });
  return Promise.resolve({
    config: config('reporting'),
    rebuildConfig: config('reporting-rebuild'),
    bus,
    uniquePrefix: String(100 + Math.floor(Math.random() * 900)),
    caughtUp: async (group) => {
      while (bus.lag(group, REPORTED_TOPICS) > 0) await new Promise((r) => setTimeout(r, 20));
    },
    cleanup: () => bus.close(),
  });
});
