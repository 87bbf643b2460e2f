/**
 * Mass testing across the city, driven through the services' gRPC APIs in bulk, stage by stage:
 * the district centers register their households and swab them (some households in one pooled
 * tube, the rest one tube per person), pack the tubes in boxes of 200 and dispatch them; the CDC
 * lab accessions each box and records its results, a chosen share positive. What the results
 * imply (who becomes F0, who F1) follows from the tubes, by `expectedOutcome`.
 *
 * A call that fails for a transient reason (a service or a server away: UNAVAILABLE, INTERNAL, a
 * deadline) is sent again until `persistMs` has passed, and what it already did is recognized:
 * a person registered again is `existing`, a tube collected again is BARCODE_ALREADY_USED (its id
 * follows from the barcode), a box dispatched again is found in the district's shipments, a box
 * accessioned again is read back, a result recorded again changes nothing. The fault suite relies on
 * that while it kills services and servers; the benchmark uses the same driver without faults.
 */
import { status as grpcStatus } from '@grpc/grpc-js';
import { unaryCall, writeClientStream } from '@truyvet/grpc';
import { sampleIdFor } from '@truyvet/sample-collection';
import { clientsFor, type Clients, type ServicePorts } from './clients';
import { personDetailsOf, seededRandom, type Household } from './city';
import { resultReading, roles, swabbedHoursAgo } from './mass-testing';

export interface CityFlowOptions {
  households: readonly Household[];
  /** Share of households (of two or more) swabbed as one pooled tube; the rest one tube per person. */
  pooledShare: number;
  /** Share of tubes that come back positive. */
  positivity: number;
  seed: number;
  /** Makes barcodes unique on servers shared with other runs. */
  tag: string;
  /** Bulk calls in flight at once per stage. */
  concurrency?: number;
  /** Items per bulk (client-streaming) call. */
  chunk?: number;
  /** Tubes per shipment box. */
  box?: number;
  /** How long a call is retried after transient failures (0: not retried). */
  persistMs?: number;
  onStage?: (stage: StageTiming) => void;
  /** Called after each stage (the benchmark waits there until every consumer has caught up). */
  between?: (stage: StageTiming) => Promise<void>;
  /** Paces the results: at most this many tubes a second, in small runs (the latency phase). */
  resultsPerSecond?: number;
  onRetry?: (what: string, error: unknown) => void;
}

export interface StageTiming {
  stage: string;
  items: number;
  ms: number;
  perSecond: number;
}

export interface Tube {
  barcode: string;
  sampleId: string;
  districtCode: string;
  wardCode: string;
  household: number;
  personIds: string[];
  pooled: boolean;
  positive: boolean;
}

export interface CityFlowOutcome {
  /** Registry id by the person's index in the city. */
  personIds: Map<number, string>;
  tubes: Tube[];
  shipments: string[];
  stages: StageTiming[];
  /** When each box's results were recorded (epoch ms, by barcode): the start of result -> isolation. */
  resultedAt: Map<string, number>;
  retries: number;
}

const TRANSIENT = new Set<number>([
  grpcStatus.UNAVAILABLE,
  grpcStatus.DEADLINE_EXCEEDED,
  grpcStatus.INTERNAL,
  grpcStatus.UNKNOWN,
  grpcStatus.ABORTED,
  grpcStatus.CANCELLED,
  grpcStatus.RESOURCE_EXHAUSTED,
]);

const codeOf = (error: unknown): number | undefined => (error as { code?: number } | undefined)?.code;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` over `items` with at most `limit` in flight; on a failure the rest stop, then it throws. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  let failed = false;
  const workers = await Promise.allSettled(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (!failed && next < items.length) {
        try {
          await work(items[next++] as T);
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    }),
  );
  const failure = workers.find((w): w is PromiseRejectedResult => w.status === 'rejected');
  if (failure) throw failure.reason;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * What the results imply: positive single tubes make their person F0 and the rest of the household
 * F1; positive pools put each member on the re-test worklist.
 */
export function expectedOutcome(
  tubes: readonly Tube[],
  households: readonly Household[],
  personIds: Map<number, string>,
) {
  const f0 = new Set<string>();
  const retests = new Set<string>();
  for (const tube of tubes) {
    if (!tube.positive) continue;
    if (tube.pooled) for (const id of tube.personIds) retests.add(id);
    else f0.add(tube.personIds[0] ?? '');
  }
  const f1 = new Set<string>();
  const f0Household = new Map<string, string>();
  for (const home of households) {
    const ids = home.members.map((m) => personIds.get(m.index) ?? '');
    const cases = ids.filter((id) => f0.has(id));
    if (cases.length === 0) continue;
    for (const id of ids)
      if (!f0.has(id)) {
        f1.add(id);
        f0Household.set(id, cases[0] ?? '');
      }
  }
  return {
    f0,
    f1,
    retests,
    /** Each F1's first F0 at home (the latency runs from that result). */ f0Household,
  };
}

export async function runCityFlow(ports: ServicePorts, options: CityFlowOptions): Promise<CityFlowOutcome> {
  const concurrency = options.concurrency ?? 4;
  const chunk = options.chunk ?? 500;
  const boxSize = options.box ?? 200;
  const persistMs = options.persistMs ?? 0;
  const random = seededRandom(options.seed ^ 0x5eed);
  const stages: StageTiming[] = [];
  const resultedAt = new Map<string, number>();
  let retries = 0;

  const districts = [...new Set(options.households.map((h) => h.districtCode))].sort();
  const clients = new Map<string, Clients>();
  for (const code of districts) clients.set(code, await clientsFor(roles(code).district, ports));
  const lab = await clientsFor(roles(districts[0] ?? '916').lab, ports);
  const districtClients = (code: string) => clients.get(code) as Clients;

  /** Sends again after transient failures until persistMs has passed. */
  const persistently = async <T>(what: string, call: () => Promise<T>): Promise<T> => {
    const deadline = Date.now() + persistMs;
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        if (!TRANSIENT.has(codeOf(error) ?? -1) || Date.now() > deadline) throw error;
        retries++;
        options.onRetry?.(what, error);
        await sleep(Math.min(2_000, 100 * 2 ** Math.min(attempt, 5)));
      }
    }
  };
  const stage = async (name: string, items: number, work: () => Promise<void>) => {
    const started = Date.now();
    await work();
    const ms = Date.now() - started;
    const timing = { stage: name, items, ms, perSecond: Math.round((items / Math.max(ms, 1)) * 10_000) / 10 };
    stages.push(timing);
    options.onStage?.(timing);
    await options.between?.(timing);
  };

  try {
    // 1. Registration: each district its own households, in bulk.
    const personIds = new Map<number, string>();
    const people = options.households.flatMap((home) => home.members.map((person) => ({ home, person })));
    const batches = districts.flatMap((code) =>
      chunks(
        people.filter((p) => p.home.districtCode === code),
        chunk,
      ),
    );
    await stage('register persons', people.length, () =>
      inParallel(batches, concurrency, async (batch) => {
        const district = batch[0]?.home.districtCode ?? '';
        const answer = await persistently('ImportPersons', () =>
          writeClientStream(
            districtClients(district).registry,
            'ImportPersons',
            batch.map(({ home, person }) => ({
              registerDespiteCandidates: true,
              details: personDetailsOf(home, person),
            })),
          ),
        );
        batch.forEach(({ person }, i) => {
          const outcome = answer.results[i]?.outcome;
          const id = outcome?.registered?.personId ?? outcome?.existing?.personId;
          if (!id)
            throw new Error(`person ${person.index} not registered: ${JSON.stringify(answer.results[i])}`);
          personIds.set(person.index, id);
        });
      }),
    );

    // 2. Collection: a pooled tube per chosen household, else a tube per person.
    const swabbedAt = swabbedHoursAgo(2);
    const tubes: Tube[] = options.households.flatMap((home): Tube[] => {
      const ids = home.members.map((m) => personIds.get(m.index) ?? '');
      const base = { districtCode: home.districtCode, wardCode: home.wardCode, household: home.index };
      if (ids.length > 1 && random() < options.pooledShare) {
        const barcode = `${options.tag}-P${String(home.index).padStart(7, '0')}`;
        return [
          { ...base, barcode, sampleId: sampleIdFor(barcode), personIds: ids, pooled: true, positive: false },
        ];
      }
      return home.members.map((m, i) => {
        const barcode = `${options.tag}-S${String(m.index).padStart(8, '0')}`;
        return {
          ...base,
          barcode,
          sampleId: sampleIdFor(barcode),
          personIds: [ids[i] ?? ''],
          pooled: false,
          positive: false,
        };
      });
    });
    for (const tube of tubes) tube.positive = random() < options.positivity;
    const tubeBatches = districts.flatMap((code) =>
      chunks(
        tubes.filter((t) => t.districtCode === code),
        chunk,
      ),
    );
    await stage('collect samples', tubes.length, () =>
      inParallel(tubeBatches, concurrency, async (batch) => {
        const district = batch[0]?.districtCode ?? '';
        const answer = await persistently('CollectSamples', async () => {
          const sent = await writeClientStream(
            districtClients(district).collection,
            'CollectSamples',
            batch.map((t) => ({
              barcode: t.barcode,
              pooled: t.pooled,
              personIds: t.personIds,
              collectedAt: swabbedAt,
              site: { districtCode: t.districtCode, wardCode: t.wardCode, name: 'Điểm xét nghiệm lưu động' },
              reason: 'mass_testing',
              specimenType: 'nasopharyngeal',
            })),
          );
          // A tube whose earlier attempt died between its pool claim and its save: send the batch
          // again (what is in answers "already used"), as for a call that failed as a whole.
          if (sent.results.some((r) => r.errorCode === 'TUBE_BEING_COLLECTED'))
            throw Object.assign(new Error('tubes still being collected: sending again'), {
              code: grpcStatus.UNAVAILABLE,
            });
          return sent;
        });
        // Collected already by a call whose answer was lost: the barcode says which sample it is.
        const refused = answer.results.filter((r) => !r.sampleId && r.errorCode !== 'BARCODE_ALREADY_USED');
        if (refused.length > 0) throw new Error(`tubes refused: ${JSON.stringify(refused.slice(0, 3))}`);
      }),
    );

    // 3. Shipping: boxes of up to 200 tubes from each district.
    const boxes = districts.flatMap((code) =>
      chunks(
        tubes.filter((t) => t.districtCode === code),
        boxSize,
      ),
    );
    const shipmentOf = new Map<Tube[], string>();
    await stage('dispatch shipments', tubes.length, () =>
      inParallel(boxes, concurrency, async (box) => {
        const district = box[0]?.districtCode ?? '';
        const shipment = await persistently('DispatchShipment', async () => {
          try {
            return (
              await unaryCall(districtClients(district).shipments, 'DispatchShipment', {
                fromDistrictCode: district,
                labId: 'lab-92',
                sampleIds: box.map((t) => t.sampleId),
              })
            ).shipmentId;
          } catch (error) {
            // Dispatched by a call whose answer was lost: the district's list shows the box.
            if (!/already (shipped|in shipment)/.test((error as Error).message)) throw error;
            const list = await unaryCall(districtClients(district).shipments, 'ListShipments', {
              districtCode: district,
            });
            const first = box[0]?.sampleId;
            const found = list.shipments.find((s) => s.manifest.some((m) => m.sampleId === first));
            if (!found) throw error;
            return found.shipmentId;
          }
        });
        shipmentOf.set(box, shipment);
      }),
    );

    // 4 + 5. The lab accessions each box (once its manifest has arrived) and records its results.
    const pace = options.resultsPerSecond
      ? { perSecond: options.resultsPerSecond, started: Date.now(), sent: 0 }
      : undefined;
    await stage('accession and record results', tubes.length, () =>
      inParallel(boxes, concurrency, async (box) => {
        const shipmentId = shipmentOf.get(box) ?? '';
        const accessionBy = Date.now() + persistMs + 120_000;
        for (;;) {
          const accession = await persistently('AccessionShipment', () =>
            unaryCall(lab.accessioning, 'AccessionShipment', {
              shipmentId,
              tubes: box.map((t) => ({ barcode: t.barcode })),
            }).catch((error: unknown) => {
              const code = codeOf(error);
              if (code === grpcStatus.FAILED_PRECONDITION || code === grpcStatus.ALREADY_EXISTS)
                return unaryCall(lab.accessioning, 'GetAccession', { shipmentId });
              throw error;
            }),
          );
          if (accession.status === 'accessioned') break;
          if (Date.now() > accessionBy) throw new Error(`shipment ${shipmentId} never accessioned`);
          await sleep(200); // the manifest (ShipmentDispatched) is still on its way from the district
        }
        const settleBy = Date.now() + persistMs + 120_000;
        for (const run of chunks(box, pace ? 5 : box.length)) {
          if (pace) {
            // Not before this run's turn at the paced rate.
            const due = pace.started + (pace.sent / pace.perSecond) * 1000;
            pace.sent += run.length;
            if (due > Date.now()) await sleep(due - Date.now());
          }
          await recordResults(run, settleBy);
        }
      }),
    );

    return { personIds, tubes, shipments: [...shipmentOf.values()], stages, resultedAt, retries };
  } finally {
    for (const c of [...clients.values(), lab]) c.close();
  }

  async function recordResults(run: Tube[], settleBy: number): Promise<void> {
    let pending = run;
    while (pending.length > 0) {
      const answer = await persistently('RecordResults', () =>
        writeClientStream(
          lab.results,
          'RecordResults',
          pending.map((t) => resultReading(t.barcode, t.positive)),
        ),
      );
      const now = Date.now();
      const recorded = new Set(answer.results.filter((r) => r.recorded).map((r) => r.index));
      for (const i of recorded) resultedAt.set(pending[i]?.barcode ?? '', now);
      pending = pending.filter((_, i) => !recorded.has(i));
      if (pending.length === 0) break;
      // Known to the lab once its SampleCollected has arrived; anything else is a real refusal.
      if (Date.now() > settleBy)
        throw new Error(
          `results refused: ${JSON.stringify(answer.results.filter((r) => !r.recorded).slice(0, 3))}`,
        );
      await sleep(200);
    }
  }
}
