// The global setup and teardown run in the same jest parent process; globalThis carries the
// "stop what we started" step from one to the other, whatever module registry each is loaded in.
const KEY = Symbol.for('truyvet.test.teardown');
type Holder = { [KEY]?: Array<() => Promise<void>> };

export function setTeardown(fn: () => Promise<void>): void {
  const holder = globalThis as Holder;
  (holder[KEY] ??= []).push(fn);
}

export async function runTeardown(): Promise<void> {
  const holder = globalThis as Holder;
  const fns = holder[KEY] ?? [];
  holder[KEY] = [];
  for (const fn of fns.reverse()) await fn();
}
