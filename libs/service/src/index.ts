export {
  startService,
  type Consumer,
  type HostConfig,
  type HostOptions,
  type MemoryStores,
  type MongoStores,
  type ServiceHost,
  type StoreOptions,
} from './host';
