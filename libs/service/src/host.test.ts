import { InMemoryBus } from '@truyvet/bus';
import { describeServiceHost, EMBEDDED_CONFIG } from './host.suite';

describeServiceHost(
  'embedded',
  () => Promise.resolve({ config: EMBEDDED_CONFIG, bus: new InMemoryBus(), prefix: 'embedded' }),
  'memory',
);
