/**
 * sample-collection's gRPC API on a signed-in user's behalf (a token per user, as in ./cases):
 * the district's sampling worklist, tubes entered at a sampling site, and the district's shipments.
 */
import { credentials, type ChannelCredentials } from '@grpc/grpc-js';
import { createClient, loadGrpcObject, unaryCall, type Caller, type SigningKey } from '@truyvet/grpc';
import type {
  Sample__Output,
  SamplesProto,
  Shipment__Output,
  WorklistItem__Output,
} from '@truyvet/grpc/samples';
import type { SampleEntry } from '../app/forms';
import { asUser } from './cases';

const samples = loadGrpcObject<SamplesProto>('truyvet/samples/v1/samples.proto').truyvet.samples.v1;

export type WorklistItem = WorklistItem__Output;
export type SampleView = Sample__Output;
export type ShipmentView = Shipment__Output;

/** A tube as the district center enters it, with where (its district) and who (the team). */
export interface TubeCollected extends SampleEntry {
  districtCode: string;
  collectedAt: string;
  teamId: string;
}

export interface SampleApi {
  /** Who to swab in a district (or one of its wards), overdue first. */
  worklist(caller: Caller, area: { districtCode: string; wardCode?: string }): Promise<WorklistItem[]>;
  /** A tube swabbed (one person, or pooled from several). */
  collectSample(caller: Caller, tube: TubeCollected): Promise<SampleView>;
  /** Packs tubes of a district into a box for the lab and dispatches it. */
  dispatchShipment(
    caller: Caller,
    box: { districtCode: string; labId: string; sampleIds: readonly string[] },
  ): Promise<ShipmentView>;
  /** A district's shipments: overdue first, then the newest. */
  shipments(caller: Caller, districtCode: string): Promise<ShipmentView[]>;
  close(): void;
}

export class GrpcSampleApi implements SampleApi {
  private readonly worklists;
  private readonly collection;
  private readonly shipping;

  constructor(
    address: string,
    private readonly signingKey: SigningKey,
    /** How the service is reached: TLS in a real deployment (GRPC_TLS), plaintext on one machine. */
    link: ChannelCredentials = credentials.createInsecure(),
  ) {
    this.worklists = createClient(samples.Worklists, address, { credentials: link });
    this.collection = createClient(samples.SampleCollection, address, { credentials: link });
    this.shipping = createClient(samples.Shipments, address, { credentials: link });
  }

  async worklist(caller: Caller, area: { districtCode: string; wardCode?: string }): Promise<WorklistItem[]> {
    const answer = await unaryCall(
      this.worklists,
      'ListWorklist',
      area,
      await asUser(this.signingKey, caller),
    );
    return answer.items;
  }

  async collectSample(caller: Caller, tube: TubeCollected): Promise<SampleView> {
    return unaryCall(
      this.collection,
      'CollectSample',
      {
        barcode: tube.barcode,
        pooled: tube.personIds.length > 1,
        personIds: tube.personIds,
        collectedAt: tube.collectedAt,
        site: { districtCode: tube.districtCode, wardCode: tube.wardCode },
        teamId: tube.teamId,
        reason: tube.reason,
        specimenType: tube.specimenType,
      },
      await asUser(this.signingKey, caller),
    );
  }

  async dispatchShipment(
    caller: Caller,
    box: { districtCode: string; labId: string; sampleIds: readonly string[] },
  ): Promise<ShipmentView> {
    return unaryCall(
      this.shipping,
      'DispatchShipment',
      { fromDistrictCode: box.districtCode, labId: box.labId, sampleIds: [...box.sampleIds] },
      await asUser(this.signingKey, caller),
    );
  }

  async shipments(caller: Caller, districtCode: string): Promise<ShipmentView[]> {
    const answer = await unaryCall(
      this.shipping,
      'ListShipments',
      { districtCode },
      await asUser(this.signingKey, caller),
    );
    return answer.shipments;
  }

  close(): void {
    this.worklists.close();
    this.collection.close();
    this.shipping.close();
  }
}
