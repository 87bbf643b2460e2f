import type { AggregateStore, Documents, Versioned } from '@truyvet/store';
import type { LabSampleState } from '../domain/lab-sample';

/** A tube's accessioning: when the lab received it, in which box, and whether it was rejected. */
export interface ReceiptState {
  shipmentId: string;
  receivedAt: string;
  rejectedReason?: string;
  /** The lab the box was sent to (absent for boxes received before it was recorded). */
  labId?: string;
}

/**
 * One document per tube, by its sample id, written once (the first receipt of a tube holds).
 * Stores before 5 Dec 2026 kept a receipt as an aggregate head (`{ v, state }`) in the same
 * collection: both forms are read.
 */
export type ReceiptDocument = { _id: string } & (ReceiptState | { v: number; state: ReceiptState });

function receiptOf(doc: ReceiptDocument): ReceiptState {
  return 'state' in doc ? doc.state : doc;
}

/** The tube with its receipt, if its own record does not hold one yet. */
export function withReceipt(state: LabSampleState, receipt: ReceiptState | undefined): LabSampleState {
  if (!receipt || state.receivedAt) return state;
  return {
    ...state,
    shipmentId: receipt.shipmentId,
    receivedAt: receipt.receivedAt,
    ...(receipt.labId ? { labId: receipt.labId } : {}),
    ...(receipt.rejectedReason ? { rejectedAtAccession: receipt.rejectedReason } : {}),
  };
}

/**
 * The tubes' receipts, kept beside the tubes rather than written into them: a receipt is one
 * document inserted per tube, and it joins the tube's record when the tube is read. The tube's
 * next change (its result) saves it with the receipt. Writing it into the record on arrival cost a
 * version per tube, a commit and a head update, the most expensive statement of the lab's hot path
 * (ADR 13, update of 5 Dec 2026). Either may come first: the district's SampleCollected or the
 * box's accessioning.
 */
export class Receipts {
  constructor(private readonly docs: Documents<ReceiptDocument>) {}

  /** Files these receipts; a tube received before keeps its first receipt. */
  async record(receipts: ReadonlyMap<string, ReceiptState>): Promise<void> {
    if (receipts.size === 0) return;
    await this.docs.insert([...receipts].map(([_id, receipt]) => ({ _id, ...receipt })));
  }

  /** These tubes with their receipts joined (one read by `_id` for those without one). */
  async join(states: readonly LabSampleState[]): Promise<LabSampleState[]> {
    const ids = states.filter((s) => !s.receivedAt).map((s) => s.sample.sampleId);
    if (ids.length === 0) return [...states];
    const found = await this.docs.getMany(ids);
    return states.map((s) => withReceipt(s, receiptFor(found, s.sample.sampleId)));
  }

  /**
   * The tubes' store, read with receipts joined: decisions see the receipt, and a save writes it
   * into the record. The receipts are read beside the heads (one more read by `_id` a batch).
   */
  joinedTo(store: AggregateStore<LabSampleState>): AggregateStore<LabSampleState> {
    const docs = this.docs;
    const join = (found: Versioned<LabSampleState>, receipts: ReadonlyMap<string, ReceiptDocument>) => ({
      ...found,
      state: withReceipt(found.state, receiptFor(receipts, found.id)),
    });
    return {
      async load(id) {
        const [found, receipts] = await Promise.all([store.load(id), docs.getMany([id])]);
        return found ? join(found, receipts) : null;
      },
      async loadMany(ids) {
        const [found, receipts] = await Promise.all([store.loadMany(ids), docs.getMany(ids)]);
        return new Map([...found].map(([id, v]) => [id, join(v, receipts)]));
      },
      save: (change) => store.save(change),
      saveMany: (changes) => store.saveMany(changes),
    };
  }
}

function receiptFor(found: ReadonlyMap<string, ReceiptDocument>, id: string): ReceiptState | undefined {
  const doc = found.get(id);
  return doc ? receiptOf(doc) : undefined;
}
