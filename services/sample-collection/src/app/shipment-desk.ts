import { createHash } from 'node:crypto';
import { DomainError } from '@truyvet/errors';
import { createEvent, ShipmentDispatchedV1, topics, type EventOrigin } from '@truyvet/events';
import type { RuleBook } from '@truyvet/rules';
import { ConcurrencyError, updateEach, type AggregateStore } from '@truyvet/store';
import type { SampleState } from '../domain/samples';
import { decideDispatch, isOverdue, type Receipt, type ShipmentState } from '../domain/shipments';
import type { Claims } from './claims';

/** Shipments of a district, for its list of boxes in transit and received. */
export interface ShipmentQueries {
  byDistrict(districtCode: string): Promise<ShipmentState[]>;
}

export class ShipmentDesk {
  constructor(
    private readonly shipments: AggregateStore<ShipmentState>,
    private readonly samples: AggregateStore<SampleState>,
    /** A sample travels in one shipment only. */
    private readonly shipped: Claims,
    /** Who is in an open pool: a pool the lab rejected will have no result, so it closes here. */
    private readonly openPools: Claims,
    private readonly queries: ShipmentQueries,
    private readonly rules: RuleBook,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async dispatchShipment(
    command: { fromDistrictCode: string; labId: string; sampleIds: string[]; dispatchedBy: string },
    origin: EventOrigin = {},
  ): Promise<ShipmentState> {
    const shipmentId = shipmentIdFor(command);
    // The same box sent again (its answer was lost, a double click): the shipment it made.
    const sent = await this.shipments.load(shipmentId);
    if (sent) return this.finishDispatch(sent.state);
    // One batched read (on FerretDB each lookup scans: ADR 3), not one per tube.
    const found = await this.samples.loadMany(command.sampleIds);
    const loaded = new Map(command.sampleIds.map((id) => [id, found.get(id)?.state ?? null] as const));
    const shipment = decideDispatch({ ...command, shipmentId, dispatchedAt: this.now() }, loaded);
    const sampleIds = shipment.dispatch.manifest.map((m) => m.sampleId);
    let { heldBy } = await this.shipped.claim(sampleIds, shipmentId);
    if (heldBy?.owner === shipmentId) {
      // An earlier attempt of this very dispatch died holding (some of) its tubes: claim them afresh.
      await this.shipped.release(sampleIds, shipmentId);
      ({ heldBy } = await this.shipped.claim(sampleIds, shipmentId));
    }
    if (heldBy) {
      const index = command.sampleIds.indexOf(heldBy.key);
      throw new DomainError(
        'SAMPLE_ALREADY_SHIPPED',
        'conflict',
        `${heldBy.key} is already in shipment ${heldBy.owner}`,
        {
          fields: [{ field: `sampleIds.${index}`, description: `already in shipment ${heldBy.owner}` }],
        },
      );
    }
    const event = createEvent(ShipmentDispatchedV1, shipment.dispatch, origin);
    try {
      await this.shipments.save({
        id: shipmentId,
        expectedVersion: 0,
        state: shipment,
        events: [{ topic: topics.shipments.topic, event }],
      });
    } catch (error) {
      // The same dispatch saved a moment ago by a concurrent attempt: that is this shipment.
      const saved = error instanceof ConcurrencyError ? await this.shipments.load(shipmentId) : null;
      if (saved) return this.finishDispatch(saved.state);
      // The claims stay: the save may have landed with its answer lost, and tubes in a saved box
      // must not be free for another. A retry of this dispatch claims them again (same id); claims
      // of a shipment that never came to be are taken over after a minute (MongoClaims).
      throw error;
    }
    return this.finishDispatch(shipment);
  }

  /**
   * The tubes of a dispatched box are shown as shipped (again, if a crash came in between); a tube
   * the lab has since received or resulted keeps its later status.
   */
  private async finishDispatch(shipment: ShipmentState): Promise<ShipmentState> {
    await updateEach(
      this.samples,
      shipment.dispatch.manifest.map((m) => m.sampleId),
      (state): SampleState | undefined =>
        state.status === 'collected'
          ? { ...state, status: 'shipped', shipmentId: shipment.dispatch.shipmentId }
          : undefined,
    );
    return shipment;
  }

  /**
   * The lab's accessioning result, applied once however often the event is delivered. It is kept on
   * the shipment, where each tube's status reads it (`sampleStatus`); only tubes dispatched before
   * they named their box get their status written. The tubes first, the shipment last: a crash in
   * between is redone by the redelivery.
   */
  async receiveShipment(receipt: Receipt): Promise<void> {
    const found = await this.shipments.load(receipt.shipmentId);
    if (!found || found.state.status === 'received') return;
    const rejected = new Set(receipt.rejected.map((r) => r.sampleId));
    const ids = [...receipt.receivedSampleIds, ...rejected];
    const tubes = await this.samples.loadMany(ids);
    await this.setStatus(
      ids.filter((id) => tubes.get(id)?.state.shipmentId === undefined),
      (id) => (rejected.has(id) ? 'rejected' : 'received'),
    );
    // A rejected pool's members must be swabbed again, pooled or not: they leave the open pool.
    // (Releasing is idempotent: a redelivered receipt releases nothing more.)
    for (const id of rejected) {
      const state = tubes.get(id)?.state;
      if (state?.sample.pooled) await this.openPools.release(state.sample.personIds, state.sample.sampleId);
    }
    await this.shipments.save({
      id: receipt.shipmentId,
      expectedVersion: found.version,
      state: { ...found.state, status: 'received', receipt },
      events: [],
    });
  }

  async getShipment(shipmentId: string): Promise<(ShipmentState & { overdue: boolean }) | null> {
    const found = await this.shipments.load(shipmentId);
    return found ? this.withOverdue(found.state) : null;
  }

  /** A district's shipments, overdue ones first, then the newest. */
  async listShipments(districtCode: string): Promise<Array<ShipmentState & { overdue: boolean }>> {
    const list = (await this.queries.byDistrict(districtCode)).map((s) => this.withOverdue(s));
    return list.sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        b.dispatch.dispatchedAt.localeCompare(a.dispatch.dispatchedAt),
    );
  }

  private withOverdue(state: ShipmentState): ShipmentState & { overdue: boolean } {
    return {
      ...state,
      overdue: isOverdue(state, this.rules.inForceOn(state.dispatch.dispatchedAt), this.now()),
    };
  }

  /** Sets the tubes' status (a tube already in it is left alone: a redelivery writes nothing). */
  private async setStatus(
    sampleIds: readonly string[],
    status: (id: string) => SampleState['status'],
  ): Promise<void> {
    // Not over a later status: the lab's result may come before its receipt (another topic).
    await updateEach(this.samples, sampleIds, (state, id) =>
      state.status === 'collected' || state.status === 'shipped'
        ? { ...state, status: status(id) }
        : undefined,
    );
  }
}

/**
 * A shipment's id follows from what it carries (a tube travels once), so sending the same box again
 * finds the shipment the first call made instead of refusing its tubes as already shipped.
 */
export function shipmentIdFor(command: {
  fromDistrictCode: string;
  labId: string;
  sampleIds: string[];
}): string {
  const content = [command.fromDistrictCode, command.labId, ...[...command.sampleIds].sort()].join('\n');
  return `sh-${createHash('sha256').update(content).digest('hex').slice(0, 32)}`;
}
