import type { LabSampleState } from '../domain/lab-sample';

/**
 * The index of the positive pools that may still wait for a person's own result (a KeyIndex by
 * person id: ADR 13). A pool is filed under its members whose re-test orders are open, by the
 * store that saves it, before it is saved; the pool itself says whether the order is still open.
 */
export const POOLS_AWAITING = 'pools_awaiting';

/** The person ids a lab sample is filed under: the members of a pool with re-test orders open. */
export function membersAwaited(state: LabSampleState): string[] {
  return state.sample.pooled ? state.openOrders.map((o) => o.personId) : [];
}
