/**
 * Shipments: a district's box of collected samples sent to a lab, with its manifest. Pure rules:
 * what may go in a box, and when a box in transit is overdue.
 */
import { DomainError, describeViolations, type FieldViolation } from '@truyvet/errors';
import type { EventOf, ShipmentDispatchedV1, ShipmentReceivedV1 } from '@truyvet/events';
import type { RuleSet } from '@truyvet/rules';
import type { SampleState, SampleStatus } from './samples';

export type Dispatch = EventOf<typeof ShipmentDispatchedV1>['data'];
export type Receipt = EventOf<typeof ShipmentReceivedV1>['data'];

export interface ShipmentState {
  dispatch: Dispatch;
  status: 'in_transit' | 'received';
  receipt?: Receipt;
}

export interface DispatchShipment {
  shipmentId: string;
  fromDistrictCode: string;
  labId: string;
  sampleIds: string[];
  dispatchedBy: string;
  dispatchedAt: Date;
}

/**
 * Checks a manifest: every tube was collected, in this district, and not shipped yet; none listed
 * twice. Names every offending item.
 */
export function decideDispatch(
  command: DispatchShipment,
  samples: ReadonlyMap<string, SampleState | null>,
): ShipmentState {
  const fields: FieldViolation[] = [];
  if (command.sampleIds.length === 0)
    fields.push({ field: 'sampleIds', description: 'a shipment holds at least one sample' });
  const seen = new Set<string>();
  const manifest: Dispatch['manifest'] = [];
  command.sampleIds.forEach((sampleId, i) => {
    const sample = samples.get(sampleId);
    const field = `sampleIds.${i}`;
    if (seen.has(sampleId)) fields.push({ field, description: `${sampleId} is listed twice` });
    else if (!sample) fields.push({ field, description: `${sampleId} was never collected` });
    else if (sample.status !== 'collected')
      fields.push({ field, description: `${sampleId} is already ${sample.status}` });
    else if (sample.sample.site.districtCode !== command.fromDistrictCode) {
      fields.push({
        field,
        description: `${sampleId} was collected in district ${sample.sample.site.districtCode}`,
      });
    } else manifest.push({ sampleId, barcode: sample.sample.barcode });
    seen.add(sampleId);
  });
  if (fields.length > 0) {
    throw new DomainError('INVALID_MANIFEST', 'invalid', describeViolations(fields), { fields });
  }
  return {
    status: 'in_transit',
    dispatch: {
      shipmentId: command.shipmentId,
      fromDistrictCode: command.fromDistrictCode,
      labId: command.labId,
      manifest,
      dispatchedAt: command.dispatchedAt.toISOString(),
      dispatchedBy: command.dispatchedBy,
    },
  };
}

/** In transit for longer than the rule set in force at dispatch allows. */
export function isOverdue(shipment: ShipmentState, rules: RuleSet, now: Date): boolean {
  if (shipment.status !== 'in_transit') return false;
  const due =
    new Date(shipment.dispatch.dispatchedAt).getTime() + rules.shipments.overdueAfterHours * 3_600_000;
  return now.getTime() > due;
}

/**
 * A tube's status as the district sees it: a shipped tube is received or rejected once its box's
 * receipt says so. The receipt stays on the box rather than being written into each tube (one
 * version a tube less on the hot path: ADR 13, update of 5 Dec 2026).
 */
export function sampleStatus(tube: SampleState, box: ShipmentState | undefined): SampleStatus {
  if (tube.status !== 'shipped' || !box?.receipt) return tube.status;
  const id = tube.sample.sampleId;
  if (box.receipt.rejected.some((r) => r.sampleId === id)) return 'rejected';
  return box.receipt.receivedSampleIds.includes(id) ? 'received' : tube.status;
}
