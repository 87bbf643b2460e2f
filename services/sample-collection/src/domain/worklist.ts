/**
 * A district's worklist: the people tracers and the lab ordered tests for, until a sample is
 * taken (fulfilled) or the order is no longer needed (cancelled). Pure.
 */
import type { EventOf, TestOrderedV1 } from '@truyvet/events';

export type Order = EventOf<typeof TestOrderedV1>['data'];

export interface WorklistEntry {
  order: Order;
  districtCode: string;
  wardCode: string;
  status: 'open' | 'fulfilled' | 'cancelled';
  fulfilledBySampleId?: string;
  cancelReason?: string;
}

export function openEntry(order: Order, area: { districtCode: string; wardCode: string }): WorklistEntry {
  return { order, districtCode: area.districtCode, wardCode: area.wardCode, status: 'open' };
}

export function isOverdueOrder(entry: WorklistEntry, now: Date): boolean {
  return entry.status === 'open' && new Date(entry.order.dueBy).getTime() < now.getTime();
}

/** Overdue first, then the earliest due. */
export function worklistOrder(entries: readonly WorklistEntry[], now: Date): WorklistEntry[] {
  return [...entries].sort(
    (a, b) =>
      Number(isOverdueOrder(b, now)) - Number(isOverdueOrder(a, now)) ||
      a.order.dueBy.localeCompare(b.order.dueBy),
  );
}
