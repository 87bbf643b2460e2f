import { z } from 'zod';
import { DomainError } from '@truyvet/errors';
import type { AdminUnits } from '@truyvet/geo';
import { requireArea, requireRole, unary } from '@truyvet/grpc';
import type { Shipment } from '@truyvet/grpc/samples';
import type { ShipmentDesk } from '../app/shipment-desk';
import type { ShipmentState } from '../domain/shipments';

export function toShipmentMessage(s: ShipmentState & { overdue: boolean }): Shipment {
  return {
    ...s.dispatch,
    status: s.status,
    overdue: s.overdue,
    missingSampleIds: s.receipt?.missingSampleIds ?? [],
    rejectedSampleIds: s.receipt?.rejected.map((r) => r.sampleId) ?? [],
  };
}

export function shipmentHandlers(desk: ShipmentDesk, units: AdminUnits) {
  const district = z
    .string()
    .refine((code) => units.district(code) !== undefined, { message: 'not a district of the city' });
  return {
    DispatchShipment: unary(
      z.object({
        fromDistrictCode: district,
        // Empty (proto3's unset): the city's CDC lab, under the id lab-results answers to.
        labId: z
          .string()
          .trim()
          .max(100)
          .default('')
          .transform((id) => id || `lab-${units.province.code}`),
        sampleIds: z.array(z.string().trim().min(1)).min(1, 'at least one sample'),
      }),
      async (request, ctx) => {
        requireRole(ctx, 'district_center', 'city', 'admin');
        requireArea(ctx, { districtCode: request.fromDistrictCode });
        const shipment = await desk.dispatchShipment(
          { ...request, dispatchedBy: ctx.caller.sub },
          { correlationId: ctx.correlationId },
        );
        return toShipmentMessage({ ...shipment, overdue: false });
      },
    ),

    GetShipment: unary(z.object({ shipmentId: z.string().min(1) }), async (request, ctx) => {
      requireRole(ctx, 'district_center', 'lab', 'city', 'admin');
      const shipment = await desk.getShipment(request.shipmentId);
      if (!shipment)
        throw new DomainError('SHIPMENT_NOT_FOUND', 'not_found', `no shipment ${request.shipmentId}`);
      requireArea(ctx, { districtCode: shipment.dispatch.fromDistrictCode });
      return toShipmentMessage(shipment);
    }),

    ListShipments: unary(z.object({ districtCode: district }), async (request, ctx) => {
      requireRole(ctx, 'district_center', 'lab', 'city', 'admin');
      requireArea(ctx, { districtCode: request.districtCode });
      return { shipments: (await desk.listShipments(request.districtCode)).map(toShipmentMessage) };
    }),
  };
}
