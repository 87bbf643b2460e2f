export {
  kafkaLinkOptions,
  onThisMachine,
  startService,
  type Consumer,
  type HostConfig,
  type HostOptions,
  type MemoryStores,
  type MongoStores,
  type ServiceHost,
  type StoreOptions,
} from './host';
export {
  MongoPersonReadTrail,
  PERSON_READS_ACCESS,
  PERSON_READS_SERVICE,
  personReadsHandlers,
  personReadsProto,
} from './person-reads';
