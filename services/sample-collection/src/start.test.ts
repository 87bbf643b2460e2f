import { InMemoryBus } from '@truyvet/bus';
import { describePersonRegistryComponent } from './start.suite';
import { configSchema } from './config';

describePersonRegistryComponent('embedded', () => {
  const bus = new InMemoryBus();
  return Promise.resolve({
    config: configSchema.parse({ TRUYVET_MODE: 'embedded', LOG_LEVEL: 'fatal' }),
    bus,
    uniquePrefix: String(1000 + Math.floor(Math.random() * 9000)),
    cleanup: () => bus.close(),
  });
});
