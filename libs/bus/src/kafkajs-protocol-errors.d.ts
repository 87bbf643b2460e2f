// kafkajs's table of Kafka protocol errors (not in its typings): which conditions it retries.
declare module 'kafkajs/src/protocol/error' {
  export const errorCodes: ReadonlyArray<{ type: string; code: number; retriable: boolean; message: string }>;
}
