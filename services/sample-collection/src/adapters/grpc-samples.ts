import { z } from 'zod';
import { DomainError, type FieldViolation } from '@truyvet/errors';
import { samplingReason, specimenType } from '@truyvet/events';
import type { AdminUnits } from '@truyvet/geo';
import { clientStream, requireArea, requireRole, unary, type CallContext } from '@truyvet/grpc';
import type { CollectSamplesResponse } from '@truyvet/grpc/src/generated/truyvet/samples/v1/CollectSamplesResponse';
import type { Sample } from '@truyvet/grpc/src/generated/truyvet/samples/v1/Sample';
import type { SampleCollection } from '../app/sample-collection';
import type { CollectSample, SampleData, SampleStatus } from '../domain/samples';

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

export function sampleCollectionHandlers(collection: SampleCollection, units: AdminUnits) {
  const schema = collectSampleSchema(units);
  const collect = async (request: z.infer<typeof schema>, ctx: CallContext): Promise<SampleData> => {
    requireRole(ctx, 'district_center', 'ward_team', 'city', 'admin');
    requireArea(ctx, {
      districtCode: request.site.districtCode,
      ...(request.site.wardCode ? { wardCode: request.site.wardCode } : {}),
    });
    const site: SampleData['site'] = { districtCode: request.site.districtCode };
    if (request.site.wardCode) site.wardCode = request.site.wardCode;
    if (request.site.name) site.name = request.site.name;
    const command: CollectSample = { ...request, site, collectedBy: ctx.caller.sub };
    return collection.collectSample(
      command,
      (areas) => {
        // A team swabs only people its jurisdiction covers.
        for (const area of areas) {
          try {
            requireArea(ctx, { districtCode: area.districtCode, wardCode: area.wardCode });
          } catch (error) {
            if (error instanceof DomainError) {
              const index = request.personIds.indexOf(area.personId);
              throw new DomainError(error.code, error.kind, error.message, {
                fields: [
                  { field: `personIds.${index}`, description: `lives outside the caller's jurisdiction` },
                ],
              });
            }
            throw error;
          }
        }
      },
      { correlationId: ctx.correlationId },
    );
  };

  return {
    CollectSample: unary(schema, async (request, ctx) =>
      toSampleMessage(await collect(request, ctx), 'collected', 1),
    ),

    CollectSamples: clientStream(schema, async (items, ctx) => {
      const response: Required<CollectSamplesResponse> = { results: [], accepted: 0, rejected: 0 };
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
          const sample = await collect(item.value, ctx);
          response.accepted++;
          response.results.push({ index: item.index, sampleId: sample.sampleId });
        } catch (error) {
          if (!(error instanceof DomainError) || error.retryable) throw error;
          const fields: FieldViolation[] =
            error.fields.length > 0 ? [...error.fields] : [{ field: '', description: error.message }];
          response.rejected++;
          response.results.push({
            index: item.index,
            rejected: { fieldViolations: fields },
            errorCode: error.code,
          });
        }
      }
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
