import { z } from 'zod';
import { DomainError } from '@truyvet/errors';
import { samplingReason, specimenType } from '@truyvet/events';
import type { AdminUnits } from '@truyvet/geo';
import { clientStream, coversArea, requireArea, requireRole, unary, type CallContext } from '@truyvet/grpc';
import type { CollectSamplesResponse, Sample } from '@truyvet/grpc/samples';
import type { CollectionRequest, SampleCollection } from '../app/sample-collection';
import type { SampleData, SampleStatus } from '../domain/samples';

const optionalText = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === '' ? undefined : s.trim()));

export function collectSampleSchema(units: AdminUnits) {
  return z.object({
    barcode: z.string().trim().min(1, 'is required'),
    pooled: z.boolean().default(false),
    personIds: z.array(z.string().trim().min(1)).min(1, 'at least one person'),
    collectedAt: z.iso.datetime({
      offset: true,
      message: 'an RFC 3339 time, e.g. 2021-11-07T08:30:00+07:00',
    }),
    site: z
      .object({ districtCode: z.string(), wardCode: optionalText, name: optionalText })
      .superRefine((s, ctx) => {
        if (!units.district(s.districtCode)) {
          ctx.addIssue({
            code: 'custom',
            path: ['districtCode'],
            message: `no district ${s.districtCode} in ${units.province.name}`,
          });
        } else if (s.wardCode && units.ward(s.wardCode)?.parentCode !== s.districtCode) {
          ctx.addIssue({
            code: 'custom',
            path: ['wardCode'],
            message: `no ward ${s.wardCode} in district ${s.districtCode}`,
          });
        }
      }),
    teamId: optionalText,
    reason: samplingReason,
    specimenType,
  });
}

export function toSampleMessage(sample: SampleData, status: SampleStatus, version: number): Sample {
  return { ...sample, site: { ...sample.site }, status, version };
}

/** Tubes stored per round of a bulk collection. */
const COLLECT_BATCH = 500;

export function sampleCollectionHandlers(collection: SampleCollection, units: AdminUnits) {
  const schema = collectSampleSchema(units);
  /** A tube as the use case takes it, with the check that its people are in the caller's area. */
  const toRequest = (request: z.infer<typeof schema>, ctx: CallContext): CollectionRequest => {
    requireRole(ctx, 'district_center', 'ward_team', 'city', 'admin');
    requireArea(ctx, {
      districtCode: request.site.districtCode,
      ...(request.site.wardCode ? { wardCode: request.site.wardCode } : {}),
    });
    const site: SampleData['site'] = { districtCode: request.site.districtCode };
    if (request.site.wardCode) site.wardCode = request.site.wardCode;
    if (request.site.name) site.name = request.site.name;
    return {
      command: { ...request, site, collectedBy: ctx.caller.sub },
      // A team swabs only people its jurisdiction covers.
      authorize: (areas) => {
        for (const area of areas) {
          if (coversArea(ctx.caller, area)) continue;
          const index = request.personIds.indexOf(area.personId);
          throw new DomainError(
            'OUTSIDE_JURISDICTION',
            'forbidden',
            `${area.personId} lives outside the caller's jurisdiction`,
            {
              fields: [
                { field: `personIds.${index}`, description: `lives outside the caller's jurisdiction` },
              ],
            },
          );
        }
      },
      origin: { correlationId: ctx.correlationId },
    };
  };

  return {
    CollectSample: unary(schema, async (request, ctx) => {
      const { command, authorize, origin } = toRequest(request, ctx);
      return toSampleMessage(await collection.collectSample(command, authorize, origin), 'collected', 1);
    }),

    CollectSamples: clientStream(schema, async (items, ctx) => {
      const response: Required<CollectSamplesResponse> = { results: [], accepted: 0, rejected: 0 };
      const refuse = (index: number, error: DomainError): void => {
        response.rejected++;
        response.results.push({
          index,
          rejected: {
            fieldViolations:
              error.fields.length > 0 ? [...error.fields] : [{ field: '', description: error.message }],
          },
          errorCode: error.code,
        });
      };
      // The whole stream is answered at its end, so tubes are stored in batches: a few round
      // trips per batch instead of several per tube.
      let batch: Array<{ index: number; request: CollectionRequest }> = [];
      const collectBatch = async (): Promise<void> => {
        const outcomes = await collection.collectSamples(batch.map((b) => b.request));
        batch.forEach(({ index }, i) => {
          const outcome = outcomes[i];
          if (outcome instanceof DomainError) refuse(index, outcome);
          else if (outcome) {
            response.accepted++;
            response.results.push({ index, sampleId: outcome.sampleId });
          }
        });
        batch = [];
      };
      for await (const item of items) {
        if (!item.ok) {
          response.rejected++;
          response.results.push({
            index: item.index,
            rejected: { fieldViolations: item.fields },
            errorCode: 'INVALID_ARGUMENT',
          });
          continue;
        }
        try {
          batch.push({ index: item.index, request: toRequest(item.value, ctx) });
        } catch (error) {
          if (!(error instanceof DomainError) || error.retryable) throw error;
          refuse(item.index, error);
        }
        if (batch.length >= COLLECT_BATCH) await collectBatch();
      }
      if (batch.length > 0) await collectBatch();
      response.results.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
      return response;
    }),

    GetSample: unary(z.object({ sampleId: z.string().min(1) }), async (request, ctx) => {
      requireRole(ctx, 'district_center', 'ward_team', 'lab', 'city', 'admin');
      const found = await collection.getSample(request.sampleId);
      if (!found) throw new DomainError('SAMPLE_NOT_FOUND', 'not_found', `no sample ${request.sampleId}`);
      requireArea(ctx, { districtCode: found.sample.site.districtCode });
      return toSampleMessage(found.sample, found.status, found.version);
    }),
  };
}
