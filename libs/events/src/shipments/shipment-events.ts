import { z } from 'zod';
import { districtCode } from '../admin-units';
import { defineEvent } from '../envelope';
import { topics } from '../topics';

export const ShipmentDispatchedV1 = defineEvent({
  type: 'ShipmentDispatched',
  version: 1,
  topic: topics.shipments.topic,
  description: 'A district sent a box of samples to a lab, with its manifest.',
  schema: z.object({
    shipmentId: z.string().min(1),
    fromDistrictCode: districtCode,
    labId: z.string().min(1),
    manifest: z.array(z.object({ sampleId: z.string().min(1), barcode: z.string().min(1) })).min(1),
    dispatchedAt: z.iso.datetime({ offset: true }),
    dispatchedBy: z.string().min(1),
  }),
  key: (data) => data.shipmentId,
});

/** Published by the lab when it accessions a shipment (lab-results issue); the district sees it. */
export const ShipmentReceivedV1 = defineEvent({
  type: 'ShipmentReceived',
  version: 1,
  topic: topics.shipments.topic,
  description:
    'The lab checked a shipment against its manifest: what arrived, what is missing, unexpected or rejected.',
  schema: z.object({
    shipmentId: z.string().min(1),
    receivedAt: z.iso.datetime({ offset: true }),
    receivedSampleIds: z.array(z.string().min(1)),
    missingSampleIds: z.array(z.string().min(1)),
    unexpectedBarcodes: z.array(z.string().min(1)),
    rejected: z.array(z.object({ sampleId: z.string().min(1), reason: z.string().min(1) })),
    /** The lab the box was addressed to and that received it (absent in events before it was added). */
    labId: z.string().min(1).optional(),
  }),
  key: (data) => data.shipmentId,
});
