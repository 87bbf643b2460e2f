import { DomainError } from '@truyvet/errors';
import { createEvent, SampleCollectedV1, topics, type EventOrigin } from '@truyvet/events';
import type { RuleBook } from '@truyvet/rules';
import { ConcurrencyError, type AggregateStore } from '@truyvet/store';
import type { PersonState } from '../domain/registration';
import type { Claims } from './claims';
import { decideCollection, type CollectSample, type SampleData, type SampleState } from '../domain/samples';

export interface PersonArea {
  personId: string;
  districtCode: string;
  wardCode: string;
}

export class SampleCollection {
  constructor(
    private readonly samples: AggregateStore<SampleState>,
    private readonly persons: AggregateStore<PersonState>,
    /** Who is in an open (not yet resulted) pool: one at a time per person. */
    private readonly openPools: Claims,
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
    const loaded = await Promise.all(command.personIds.map((id) => this.persons.load(id)));
    const areas = loaded.flatMap((p) =>
      p
        ? [
            {
              personId: p.id,
              districtCode: p.state.details.address.districtCode,
              wardCode: p.state.details.address.wardCode,
            },
          ]
        : [],
    );
    const merged = new Map(
      loaded.flatMap((p) => (p?.state.mergedInto ? [[p.id, p.state.mergedInto] as const] : [])),
    );
    const state = decideCollection(
      command,
      this.rules.inForceOn(command.collectedAt),
      new Set(areas.map((a) => a.personId)),
      this.now(),
      merged,
    );
    authorize(areas);
    const { sampleId } = state.sample;
    if (state.sample.pooled) {
      const { heldBy } = await this.openPools.claim(state.sample.personIds, sampleId);
      if (heldBy) {
        const index = state.sample.personIds.indexOf(heldBy.key);
        throw new DomainError(
          'PERSON_IN_OPEN_POOL',
          'conflict',
          `${heldBy.key} is already in pool ${heldBy.owner}, which has no result yet`,
          {
            fields: [{ field: `personIds.${index}`, description: `already in open pool ${heldBy.owner}` }],
          },
        );
      }
    }
    const event = createEvent(SampleCollectedV1, state.sample, origin);
    try {
      await this.samples.save({
        id: sampleId,
        expectedVersion: 0,
        state,
        events: [{ topic: topics.samples.topic, event }],
      });
    } catch (error) {
      if (state.sample.pooled) await this.openPools.release(state.sample.personIds, sampleId);
      if (error instanceof ConcurrencyError) {
        throw new DomainError(
          'BARCODE_ALREADY_USED',
          'already_exists',
          `barcode ${state.sample.barcode} was already used`,
          {
            fields: [{ field: 'barcode', description: 'was already used for another sample' }],
          },
        );
      }
      throw error;
    }
    return state.sample;
  }

  async getSample(sampleId: string): Promise<(SampleState & { version: number }) | null> {
    const found = await this.samples.load(sampleId);
    return found ? { ...found.state, version: found.version } : null;
  }
}
