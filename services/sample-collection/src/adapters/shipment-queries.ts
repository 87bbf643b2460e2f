import type { InMemoryAggregateStore, IndexDeclaration, MongoAggregateStore } from '@truyvet/store';
import type { ShipmentQueries } from '../app/shipment-desk';
import type { ShipmentState } from '../domain/shipments';

export const SHIPMENTS = 'shipments';

export const shipmentIndexes: IndexDeclaration = {
  collection: SHIPMENTS,
  indexes: [{ key: { 'state.dispatch.fromDistrictCode': 1 }, name: 'district' }],
};

export class MongoShipmentQueries implements ShipmentQueries {
  constructor(private readonly store: MongoAggregateStore<ShipmentState>) {}

  async byDistrict(districtCode: string): Promise<ShipmentState[]> {
    const heads = await this.store.heads
      .find({ 'state.dispatch.fromDistrictCode': districtCode })
      .limit(1_000)
      .toArray();
    return heads.map((h) => h.state);
  }
}

export class InMemoryShipmentQueries implements ShipmentQueries {
  constructor(private readonly store: InMemoryAggregateStore<ShipmentState>) {}

  byDistrict(districtCode: string): Promise<ShipmentState[]> {
    return Promise.resolve(
      this.store.find((s) => s.dispatch.fromDistrictCode === districtCode).map((s) => s.state),
    );
  }
}
