import { InMemoryBus } from '@truyvet/bus';
import { describeLabComponent } from './start.suite';
import { configSchema } from './config';

describeLabComponent('embedded', () => {
  const bus = new InMemoryBus();
  return Promise.resolve({
    config: configSchema.parse({ TRUYVET_MODE: 'embedded', LOG_LEVEL: 'fatal' }),
    bus,
    uniquePrefix: String(1000 + Math.floor(Math.random() * 9000)),
    cleanup: () => bus.close(),
  });
});
