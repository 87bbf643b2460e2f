import { DomainError } from '@truyvet/errors';
import {
  sampleIdOfBarcode,
  type EventOf,
  type EventOrigin,
  type PersonTestResultedV1,
  type SampleCollectedV1,
  type ShipmentReceivedV1,
} from '@truyvet/events';
import type { RuleBook } from '@truyvet/rules';
import { ConcurrencyError, type AggregateStore, type Change, type KeyIndex } from '@truyvet/store';
import { normalizeBarcode } from '../domain/accession';
import {
  checkResultTime,
  decideAmendment,
  decideResult,
  newLabSample,
  recordMemberOutcome,
  type Decision,
  type LabSampleState,
  type RecordResult,
} from '../domain/lab-sample';
import { turnaround, type TurnaroundReport } from '../domain/turnaround';
import { eventsOf } from './decided-events';
import type { ReceiptState, Receipts } from './receipts';

/** A district's tubes, for its turnaround. */
export interface LabSampleQueries {
  inDistrict(districtCode: string): Promise<LabSampleState[]>;
  /** Pools with re-test orders still open (an operator's scan: builds the index of pools awaiting members once). */
  poolsWithOpenOrders(): Promise<LabSampleState[]>;
}

export type RecordedOutcome = {
  sampleId: string;
  resultId: string;
  outcome: string;
  unchanged: boolean;
};

export const sampleIdOf = (barcode: string): string => sampleIdOfBarcode(barcode);

function unknownBarcode(barcode: string): DomainError {
  return new DomainError(
    'UNKNOWN_BARCODE',
    'not_found',
    `no sample with barcode ${barcode} has reached the lab`,
    {
      fields: [
        {
          field: 'barcode',
          description: `no sample ${normalizeBarcode(barcode)}: check the label (exact match only)`,
        },
      ],
    },
  );
}

/** Saving a decision that lost a race is decided again on the new state, this many times. */
const ATTEMPTS = 3;

export class ResultDesk {
  /** The tubes read with their receipts joined (receipts.ts). */
  private readonly samples: AggregateStore<LabSampleState>;

  constructor(
    samples: AggregateStore<LabSampleState>,
    private readonly receipts: Receipts,
    /** The pools awaiting each member (filed by the samples store on every save: ADR 13). */
    private readonly poolsAwaiting: KeyIndex,
    private readonly queries: LabSampleQueries,
    private readonly rules: RuleBook,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.samples = receipts.joinedTo(samples);
  }

  /** The lab learns of a tube from the district's SampleCollected (its receipt may be filed already). */
  async sampleCollected(event: EventOf<typeof SampleCollectedV1>): Promise<void> {
    const id = event.data.sampleId;
    try {
      await this.samples.save({ id, expectedVersion: 0, state: newLabSample(event.data), events: [] });
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error; // known already: a redelivery
    }
  }

  /** The accessioning of a box (our own ShipmentReceived): each tube's receipt filed once. */
  async shipmentReceived(event: EventOf<typeof ShipmentReceivedV1>): Promise<void> {
    const { shipmentId, receivedAt } = event.data;
    const lab = event.data.labId ? { labId: event.data.labId } : {};
    await this.receipts.record(
      new Map<string, ReceiptState>([
        ...event.data.receivedSampleIds.map((id): [string, ReceiptState] => [
          id,
          { shipmentId, receivedAt, ...lab },
        ]),
        ...event.data.rejected.map((r): [string, ReceiptState] => [
          r.sampleId,
          { shipmentId, receivedAt, rejectedReason: r.reason, ...lab },
        ]),
      ]),
    );
  }

  /**
   * Records results, each accepted or refused on its own, in a few round trips per batch. Answers,
   * in order, what was recorded or the DomainError that refused the row.
   */
  async recordResults(
    rows: ReadonlyArray<{
      barcode: string;
      reading: Omit<RecordResult, 'resultedAt'> & { resultedAt?: Date | undefined };
      origin?: EventOrigin;
    }>,
  ): Promise<Array<RecordedOutcome | DomainError>> {
    const answers: Array<RecordedOutcome | DomainError | undefined> = rows.map(() => undefined);
    // The same tube twice in one batch is decided after the first, in the next round.
    let todo = rows.map((_, index) => index);
    for (let attempt = 0; attempt < ATTEMPTS && todo.length > 0; attempt++) {
      const loaded = await this.samples.loadMany(todo.map((i) => sampleIdOf(rows[i]?.barcode ?? '')));
      const changes: Array<{ index: number; change: Change<LabSampleState>; answer: RecordedOutcome }> = [];
      const inThisRound = new Set<string>();
      const later: number[] = [];
      for (const index of todo) {
        const row = rows[index];
        if (!row) continue;
        const id = sampleIdOf(row.barcode);
        if (inThisRound.has(id)) {
          later.push(index);
          continue;
        }
        const found = loaded.get(id);
        if (!found) {
          answers[index] = unknownBarcode(row.barcode);
          continue;
        }
        try {
          const resultedAt = row.reading.resultedAt ?? this.now();
          checkResultTime(found.state, resultedAt, this.now());
          const decision = decideResult(
            found.state,
            { ...row.reading, resultedAt },
            this.rules.inForceOn(resultedAt),
          );
          const current = decision.state.results.at(-1);
          const answer = {
            sampleId: id,
            resultId: current?.resultId ?? '',
            outcome: current?.outcome ?? '',
            unchanged: decision.outcome === 'unchanged',
          };
          if (decision.outcome === 'unchanged') {
            answers[index] = answer;
            continue;
          }
          inThisRound.add(id);
          changes.push({
            index,
            answer,
            change: this.changeOf(id, found.version, decision, row.origin ?? {}),
          });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          answers[index] = error;
        }
      }
      const saved = await this.samples.saveMany(changes.map((c) => c.change));
      const lost = changes.filter((_, i) => saved[i] instanceof ConcurrencyError).map((c) => c.index);
      changes.forEach((c, i) => {
        if (!(saved[i] instanceof ConcurrencyError)) answers[c.index] = c.answer;
      });
      todo = [...lost, ...later];
    }
    return answers.map(
      (a) =>
        a ??
        new DomainError(
          'CONCURRENT_UPDATE',
          'unavailable',
          'the sample kept changing while this result was recorded: send it again',
        ),
    );
  }

  /** Amends the result in force with a reason; answers the sample as it now is. */
  async amendResult(
    barcode: string,
    reading: Omit<RecordResult, 'resultedAt'> & { reason: string },
    origin: EventOrigin = {},
  ): Promise<LabSampleState> {
    const id = sampleIdOf(barcode);
    return this.decideAndSave(
      id,
      (state) => {
        const at = this.now();
        return decideAmendment(state, { ...reading, resultedAt: at }, this.rules.inForceOn(at));
      },
      origin,
      () => unknownBarcode(barcode),
    );
  }

  /** A person's individual result may complete the deconvolution of a positive pool they were in. */
  async personResulted(event: EventOf<typeof PersonTestResultedV1>): Promise<void> {
    const { personId, resultId, outcome, pooled, sampleId } = event.data;
    if (pooled) return;
    for (const poolId of await this.poolsAwaiting.idsOf(personId)) {
      if (poolId === sampleId) continue;
      await this.decideAndSave(
        poolId,
        // The index is a superset: only a pool still waiting for this person takes the result.
        (state) =>
          state.openOrders.some((o) => o.personId === personId)
            ? recordMemberOutcome(state, { personId, resultId, outcome })
            : { outcome: 'unchanged', state },
        {
          correlationId: event.correlationId,
          causationId: event.id,
        },
      );
    }
  }

  async turnaround(districtCode: string, date: string): Promise<TurnaroundReport> {
    return turnaround(
      await this.receipts.join(await this.queries.inDistrict(districtCode)),
      { districtCode, date },
      this.rules,
      this.now(),
    );
  }

  async getSample(barcode: string): Promise<LabSampleState | null> {
    return (await this.samples.load(sampleIdOf(barcode)))?.state ?? null;
  }

  private changeOf(
    id: string,
    version: number,
    decision: Decision,
    origin: EventOrigin,
  ): Change<LabSampleState> {
    return {
      id,
      expectedVersion: version,
      state: decision.state,
      events: decision.outcome === 'recorded' ? eventsOf(decision.emits, origin) : [],
    };
  }

  private async decideAndSave(
    id: string,
    decide: (state: LabSampleState) => Decision,
    origin: EventOrigin,
    missing: () => DomainError = () => unknownBarcode(id),
  ): Promise<LabSampleState> {
    for (let attempt = 0; ; attempt++) {
      const found = await this.samples.load(id);
      if (!found) throw missing();
      const decision = decide(found.state);
      if (decision.outcome === 'unchanged') return decision.state;
      try {
        await this.samples.save(this.changeOf(id, found.version, decision, origin));
        return decision.state;
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt + 1 >= ATTEMPTS) throw error;
      }
    }
  }
}
