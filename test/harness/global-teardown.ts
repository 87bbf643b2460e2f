import { runTeardown } from './teardown-registry';

export default async function globalTeardown(): Promise<void> {
  await runTeardown();
}
