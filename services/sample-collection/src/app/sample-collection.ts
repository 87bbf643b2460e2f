import { DomainError } from '@truyvet/errors';
import { createEvent, SampleCollectedV1, topics, type EventOrigin } from '@truyvet/events';
import type { RuleBook } from '@truyvet/rules';
import type { AggregateStore } from '@truyvet/store';
import type { PersonState } from '../domain/registration';
import { sampleStatus, type ShipmentState } from '../domain/shipments';
import type { Claims } from './claims';
import {
  decideCollection,
  sampleIdFor,
  type CollectSample,
  type SampleData,
  type SampleState,
} from '../domain/samples';

export interface PersonArea {
  personId: string;
  districtCode: string;
  wardCode: string;
}

/** One tube of a bulk collection, with the check of the caller's jurisdiction over its people. */
export interface CollectionRequest {
  command: CollectSample;
  /** Sees where the swabbed people live; throws a DomainError to refuse the tube. */
  authorize: (areas: readonly PersonArea[]) => void;
  origin?: EventOrigin;
}

function tubeBeingCollected(barcode: string): DomainError {
  return new DomainError(
    'TUBE_BEING_COLLECTED',
    'unavailable',
    `tube ${barcode} is being collected by another request (or one that failed): send it again`,
    { retryable: true },
  );
}

function barcodeUsed(barcode: string): DomainError {
  return new DomainError('BARCODE_ALREADY_USED', 'already_exists', `barcode ${barcode} was already used`, {
    fields: [{ field: 'barcode', description: 'was already used for another sample' }],
  });
}

export class SampleCollection {
  constructor(
    private readonly samples: AggregateStore<SampleState>,
    private readonly persons: AggregateStore<PersonState>,
    /** Who is in an open (not yet resulted) pool: one at a time per person. */
    private readonly openPools: Claims,
    /** The boxes: a shipped tube's receipt is read from its own (`sampleStatus`). */
    private readonly shipments: AggregateStore<ShipmentState>,
    private readonly rules: RuleBook,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Records a collected tube and publishes SampleCollected with it. `authorize` sees where the
   * swabbed people live, so the caller's jurisdiction can be checked before anything is written.
   */
  async collectSample(
    command: CollectSample,
    authorize: (areas: readonly PersonArea[]) => void,
    origin: EventOrigin = {},
  ): Promise<SampleData> {
    const [result] = await this.collectSamples([{ command, authorize, origin }]);
    if (result instanceof Error || result === undefined) throw result ?? new Error('no result');
    return result;
  }

  /**
   * Records many tubes, each accepted or refused on its own (a refused tube writes nothing), in a
   * few round trips for the whole batch: the people in one read, the pool claims in one write,
   * the samples with their events in one commit write. Answers, in order, the sample or the
   * DomainError that refused it.
   */
  async collectSamples(requests: readonly CollectionRequest[]): Promise<Array<SampleData | DomainError>> {
    const [persons, existing] = await Promise.all([
      this.persons.loadMany(requests.flatMap((r) => r.command.personIds)),
      this.samples.loadMany(requests.map((r) => sampleIdFor(r.command.barcode.trim()))),
    ]);
    const results: Array<SampleData | DomainError> = [];
    const decided: Array<{ index: number; state: SampleState; origin: EventOrigin }> = [];
    const barcodesInBatch = new Set<string>();
    for (const [index, { command, authorize, origin }] of requests.entries()) {
      try {
        const members = command.personIds.flatMap((id) => {
          const person = persons.get(id);
          return person ? [person] : [];
        });
        const state = decideCollection(
          command,
          this.rules.inForceOn(command.collectedAt),
          new Set(members.filter((p) => !p.state.mergedInto).map((p) => p.id)),
          this.now(),
          new Map(members.flatMap((p) => (p.state.mergedInto ? [[p.id, p.state.mergedInto] as const] : []))),
        );
        authorize(
          members.map((p) => ({
            personId: p.id,
            districtCode: p.state.details.address.districtCode,
            wardCode: p.state.details.address.wardCode,
          })),
        );
        const { sampleId } = state.sample;
        if (existing.has(sampleId) || barcodesInBatch.has(sampleId)) throw barcodeUsed(state.sample.barcode);
        barcodesInBatch.add(sampleId);
        decided.push({ index, state, origin: origin ?? {} });
        results.push(state.sample);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push(error);
      }
    }

    const pools = decided.filter((d) => d.state.sample.pooled);
    const claims = await this.openPools.claimEach(
      pools.map((d) => ({ keys: d.state.sample.personIds, owner: d.state.sample.sampleId })),
    );
    const refusedPools = new Set<string>();
    pools.forEach((d, i) => {
      const heldBy = claims[i]?.heldBy;
      if (!heldBy) return;
      refusedPools.add(d.state.sample.sampleId);
      if (heldBy.owner === d.state.sample.sampleId) {
        // This tube's pool is claimed but the tube is not in: another request for it is under way,
        // or an earlier attempt died between its claim and its save. "Already used" would tell
        // the district it was collected when it may never be: send again. The next try finds the
        // tube in, or (the attempt having died) takes the orphaned claim over (ADR 4).
        results[d.index] = tubeBeingCollected(d.state.sample.barcode);
        return;
      }
      const member = d.state.sample.personIds.indexOf(heldBy.key);
      results[d.index] = new DomainError(
        'PERSON_IN_OPEN_POOL',
        'conflict',
        `${heldBy.key} is already in pool ${heldBy.owner}, which has no result yet`,
        { fields: [{ field: `personIds.${member}`, description: `already in open pool ${heldBy.owner}` }] },
      );
    });

    const toSave = decided.filter((d) => !refusedPools.has(d.state.sample.sampleId));
    let saved: Awaited<ReturnType<AggregateStore<SampleState>['saveMany']>>;
    try {
      saved = await this.samples.saveMany(
        toSave.map(({ state, origin }) => ({
          id: state.sample.sampleId,
          expectedVersion: 0,
          state,
          events: [
            { topic: topics.samples.topic, event: createEvent(SampleCollectedV1, state.sample, origin) },
          ],
        })),
      );
    } catch (error) {
      // Let go only of the claims of tubes known not to be in: a save can fail after its commits
      // (their heads not up), and freeing those people would let them into a second open pool.
      // Not known (the store away): the claims stay, and a retry takes them over once orphaned.
      const landed = await this.samples
        .loadMany(toSave.map((d) => d.state.sample.sampleId))
        .catch(() => undefined);
      if (landed)
        await this.releasePools(
          toSave.filter((d) => !landed.has(d.state.sample.sampleId)).map((d) => d.state),
        ).catch(() => undefined);
      throw error;
    }
    const barcodeTaken = toSave.filter((_, i) => typeof saved[i] !== 'number');
    await this.releasePools(barcodeTaken.map((d) => d.state));
    for (const d of barcodeTaken) results[d.index] = barcodeUsed(d.state.sample.barcode);
    return results;
  }

  private async releasePools(states: readonly SampleState[]): Promise<void> {
    for (const { sample } of states) {
      if (sample.pooled) await this.openPools.release(sample.personIds, sample.sampleId);
    }
  }

  /**
   * The lab resulted a tube: the district sees it as resulted, and a pool's members leave their
   * open pool (a positive pool's members are re-tested individually, which needs no pool claim).
   * Applied once however often the event is delivered.
   */
  async sampleResulted(sampleId: string): Promise<void> {
    const found = await this.samples.load(sampleId);
    if (!found) return;
    const { sample } = found.state;
    if (sample.pooled) await this.openPools.release(sample.personIds, sample.sampleId);
    if (found.state.status === 'resulted') return;
    await this.samples.save({
      id: sampleId,
      expectedVersion: found.version,
      state: { ...found.state, status: 'resulted' },
      events: [],
    });
  }

  async getSample(sampleId: string): Promise<(SampleState & { version: number }) | null> {
    const found = await this.samples.load(sampleId);
    if (!found) return null;
    const { shipmentId, status } = found.state;
    const box = status === 'shipped' && shipmentId ? await this.shipments.load(shipmentId) : null;
    return { ...found.state, status: sampleStatus(found.state, box?.state), version: found.version };
  }
}
