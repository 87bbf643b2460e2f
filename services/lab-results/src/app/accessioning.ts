import { DomainError } from '@truyvet/errors';
import {
  createEvent,
  sampleIdOfBarcode,
  ShipmentReceivedV1,
  topics,
  type EventOf,
  type EventOrigin,
  type ShipmentDispatchedV1,
} from '@truyvet/events';
import type { RuleBook } from '@truyvet/rules';
import { ConcurrencyError, type AggregateStore } from '@truyvet/store';
import { matchAccession, normalizeBarcode, type Accession, type ScannedTube } from '../domain/accession';
import type { LabSampleState } from '../domain/lab-sample';

type Dispatch = EventOf<typeof ShipmentDispatchedV1>['data'];

/** One box at the lab: its manifest (from the district), its scan (by the lab), and their match. */
export interface ShipmentAccessionState {
  shipmentId: string;
  manifest?: Dispatch;
  scan?: Scan;
  /**
   * Scans by other labs made before the manifest said where the box was sent (one per lab): the
   * manifest decides which counts. Without them, a lab the box never went to could take the
   * place of the right lab's scan.
   */
  otherScans?: Scan[];
  accession?: Accession;
  /**
   * Scans made, before the manifest said where the box was sent, by a lab it was not sent to: set
   * aside, not a receipt (the box's own lab scans it when it has it), kept to be seen.
   */
  scannedElsewhere?: Scan[];
}

interface Scan {
  tubes: ScannedTube[];
  receivedAt: string;
  scannedBy: string;
  /** The lab that scanned (none: an admin, for the lab the box was sent to). */
  labId?: string;
}

export type AccessionView = ShipmentAccessionState & {
  status: 'accessioned' | 'awaiting_manifest' | 'scanned_by_another_lab';
};

function view(state: ShipmentAccessionState): AccessionView {
  const status = state.accession
    ? 'accessioned'
    : state.manifest && state.scannedElsewhere?.length
      ? 'scanned_by_another_lab'
      : 'awaiting_manifest';
  return { ...state, status };
}

/** A box's tubes as the lab scanned them. */
export interface AccessionCommand {
  shipmentId: string;
  tubes: ScannedTube[];
  scannedBy: string;
  /** The scanning lab; a box addressed to another is refused (none: an admin, for any lab). */
  labId?: string | undefined;
  /** When the lab received the box, for one entered late (none: now). */
  receivedAt?: Date | undefined;
}

export class Accessioning {
  constructor(
    private readonly shipments: AggregateStore<ShipmentAccessionState>,
    private readonly samples: AggregateStore<LabSampleState>,
    private readonly rules: RuleBook,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Records the tubes scanned out of a box. Matched at once when the manifest is known, else held
   * until it comes. A box is scanned once; the same scan sent again (a retry) answers the same.
   */
  async accessionShipment(
    command: AccessionCommand,
    origin: EventOrigin = {},
    attempt = 1,
  ): Promise<AccessionView> {
    try {
      return await this.scanOnce(command, origin);
    } catch (error) {
      // The manifest came in at the same moment: decide again on the new state.
      if (error instanceof ConcurrencyError && attempt < 3)
        return this.accessionShipment(command, origin, attempt + 1);
      throw error;
    }
  }

  private async scanOnce(command: AccessionCommand, origin: EventOrigin): Promise<AccessionView> {
    const found = await this.shipments.load(command.shipmentId);
    const tubes = command.tubes.map((t) => ({ ...t, barcode: normalizeBarcode(t.barcode) }));
    const addressedTo = found?.state.manifest?.labId;
    if (command.labId && addressedTo && addressedTo !== command.labId)
      throw new DomainError(
        'NOT_THIS_LABS_SHIPMENT',
        'forbidden',
        `shipment ${command.shipmentId} was sent to ${addressedTo}, not ${command.labId}`,
        { fields: [{ field: 'shipmentId', description: `sent to ${addressedTo}` }] },
      );
    // Before the manifest each lab's scan is its own; after it, only the box's lab gets here.
    const sameLab = (scan: Scan): boolean => (scan.labId ?? '') === (command.labId ?? '');
    const scans = [found?.state.scan, ...(found?.state.otherScans ?? [])].flatMap((x) => (x ? [x] : []));
    const earlier = addressedTo ? found.state.scan : scans.find(sameLab);
    if (found && earlier) {
      const same = JSON.stringify(earlier.tubes) === JSON.stringify(tubes);
      if (same) return view(found.state);
      throw new DomainError(
        'SHIPMENT_ALREADY_ACCESSIONED',
        'conflict',
        `shipment ${command.shipmentId} was accessioned at ${earlier.receivedAt}`,
        { fields: [{ field: 'shipmentId', description: 'already scanned: a second scan is refused' }] },
      );
    }
    const now = this.now();
    const receivedAt = command.receivedAt ?? now;
    // A few minutes of clock skew allowed, as for results.
    if (receivedAt.getTime() > now.getTime() + 5 * 60_000)
      throw new DomainError('RECEIVED_IN_FUTURE', 'invalid', 'receivedAt: is in the future', {
        fields: [{ field: 'receivedAt', description: 'is in the future' }],
      });
    // A time given (a scan entered late) is after every scanned tube the lab knows was swabbed.
    if (command.receivedAt) {
      const known = await this.samples.loadMany(tubes.map((t) => sampleIdOfBarcode(t.barcode)));
      const later = [...known.values()].find((s) => new Date(s.state.sample.collectedAt) > receivedAt);
      if (later)
        throw new DomainError(
          'RECEIVED_BEFORE_COLLECTED',
          'invalid',
          `receivedAt: ${receivedAt.toISOString()} is before ${later.state.sample.barcode} was collected`,
          {
            fields: [
              {
                field: 'receivedAt',
                description: `is before ${later.state.sample.barcode} was collected (${later.state.sample.collectedAt})`,
              },
            ],
          },
        );
    }
    const scan: Scan = {
      tubes,
      receivedAt: receivedAt.toISOString(),
      scannedBy: command.scannedBy,
      ...(command.labId ? { labId: command.labId } : {}),
    };
    const before = found?.state ?? { shipmentId: command.shipmentId };
    const state: ShipmentAccessionState = before.scan
      ? { ...before, otherScans: [...(before.otherScans ?? []), scan] }
      : { ...before, scan };
    return this.matchAndSave(state, found?.version ?? 0, origin);
  }

  /** The district's manifest arrives (perhaps after the box was scanned). */
  async manifestArrived(event: EventOf<typeof ShipmentDispatchedV1>): Promise<void> {
    const found = await this.shipments.load(event.data.shipmentId);
    if (found?.state.manifest) return; // a redelivery
    const state: ShipmentAccessionState = {
      ...(found?.state ?? { shipmentId: event.data.shipmentId }),
      manifest: event.data,
    };
    await this.matchAndSave(state, found?.version ?? 0, {
      correlationId: event.correlationId,
      causationId: event.id,
    });
  }

  async getAccession(shipmentId: string): Promise<AccessionView | null> {
    const found = await this.shipments.load(shipmentId);
    return found ? view(found.state) : null;
  }

  /** With both manifest and scan, matches them and publishes ShipmentReceived in the same commit. */
  private async matchAndSave(
    given: ShipmentAccessionState,
    version: number,
    origin: EventOrigin,
  ): Promise<AccessionView> {
    let state = given;
    const events = [];
    // Scans made before the manifest said where the box was sent: the box's lab's counts (or an
    // admin's, for any lab); another lab's is set aside, not a receipt.
    if (state.manifest && !state.accession && (state.scan || state.otherScans?.length)) {
      const addressed = state.manifest.labId;
      const all = [state.scan, ...(state.otherScans ?? [])].flatMap((x) => (x ? [x] : []));
      const counts = all.find((x) => !x.labId || x.labId === addressed);
      const aside = all.filter((x) => x !== counts);
      const { scan: _scan, otherScans: _others, ...rest } = state;
      state = {
        ...rest,
        ...(counts ? { scan: counts } : {}),
        ...(aside.length > 0 ? { scannedElsewhere: [...(state.scannedElsewhere ?? []), ...aside] } : {}),
      };
    }
    let next = state;
    if (state.manifest && state.scan && !state.accession) {
      const ids = state.manifest.manifest.map((m) => m.sampleId);
      const known = await this.samples.loadMany(ids);
      const receivedAt = new Date(state.scan.receivedAt);
      const accession = matchAccession({
        manifest: state.manifest.manifest,
        scans: state.scan.tubes,
        collectedAt: new Map([...known].map(([id, s]) => [id, s.state.sample.collectedAt])),
        receivedAt,
        rules: this.rules.inForceOn(receivedAt),
      });
      next = { ...state, accession };
      events.push({
        topic: topics.shipments.topic,
        event: createEvent(
          ShipmentReceivedV1,
          {
            shipmentId: state.shipmentId,
            receivedAt: state.scan.receivedAt,
            ...accession,
            labId: state.manifest.labId,
          },
          origin,
        ),
      });
    }
    await this.shipments.save({ id: state.shipmentId, expectedVersion: version, state: next, events });
    return view(next);
  }
}
