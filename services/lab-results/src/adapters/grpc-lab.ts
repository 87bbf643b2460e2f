import { z } from 'zod';
import { DomainError } from '@truyvet/errors';
import { testMethod, testOutcome } from '@truyvet/events';
import { clientStream, requireArea, requireRole, unary, type CallContext } from '@truyvet/grpc';
import type { Accession as AccessionMessage, RecordResultsResponse, SampleResults } from '@truyvet/grpc/lab';
import type { AccessionView, Accessioning } from '../app/accessioning';
import type { RecordedOutcome, ResultDesk } from '../app/result-desk';
import { tubeConditions } from '../domain/accession';
import type { LabSampleState } from '../domain/lab-sample';

// proto3 sends '' for fields not set: read them as absent.
const optionalText = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === '' ? undefined : s.trim()));

const barcode = z.string().trim().min(1, 'is required').max(64);

const reading = {
  barcode,
  method: z.string().trim().pipe(testMethod),
  outcome: optionalText.pipe(testOutcome.optional()),
  ctValues: z.record(z.string(), z.number()).default({}),
  kitId: optionalText,
  runId: optionalText,
  instrument: optionalText,
};

const recordSchema = z.object({
  ...reading,
  resultedAt: optionalText.pipe(
    z.iso.datetime({ offset: true, message: 'an RFC 3339 time, e.g. 2021-11-08T10:00:00+07:00' }).optional(),
  ),
});

const accessionSchema = z.object({
  shipmentId: z.string().trim().min(1, 'is required'),
  tubes: z
    .array(
      z.object({
        barcode,
        condition: optionalText.transform((c) => c ?? 'ok').pipe(z.enum(tubeConditions)),
      }),
    )
    .min(1, 'scan at least one tube'),
  /** When the lab received the box (a scan entered late); empty: now. */
  receivedAt: optionalText.pipe(
    z.iso.datetime({ offset: true, message: 'an RFC 3339 time, e.g. 2021-11-08T10:00:00+07:00' }).optional(),
  ),
});

/**
 * The lab the caller works for: the token's lab, else (tokens made before labs were named) the
 * city's lab, `lab-<city code>`.
 */
function labOf(ctx: CallContext): string {
  if (ctx.caller.lab) return ctx.caller.lab;
  return ctx.caller.role === 'lab' ? `lab-${ctx.caller.jurisdiction.code}` : 'lab-unknown';
}

/** An admin corrects for whichever lab a box or tube was sent to; a lab acts for its own. */
const forAnyLab = (ctx: CallContext): boolean => ctx.caller.role === 'admin';

function toAccessionMessage(view: AccessionView): AccessionMessage {
  return {
    shipmentId: view.shipmentId,
    status: view.status,
    receivedAt: view.scan?.receivedAt ?? '',
    fromDistrictCode: view.manifest?.fromDistrictCode ?? '',
    receivedSampleIds: view.accession?.receivedSampleIds ?? [],
    missingSampleIds: view.accession?.missingSampleIds ?? [],
    unexpectedBarcodes: view.accession?.unexpectedBarcodes ?? [],
    rejected: view.accession?.rejected ?? [],
  };
}

export function toSampleResults(state: LabSampleState): SampleResults {
  return {
    sampleId: state.sample.sampleId,
    barcode: state.sample.barcode,
    pooled: state.sample.pooled,
    personIds: state.sample.personIds,
    collectedAt: state.sample.collectedAt,
    districtCode: state.sample.site.districtCode,
    receivedAt: state.receivedAt ?? '',
    rejectedAtAccession: state.rejectedAtAccession ?? '',
    history: state.results.map((r) => ({
      ...r,
      ctValues: r.ctValues ?? {},
      amends: r.amends ?? '',
      reason: r.reason ?? '',
    })),
    openOrderIds: state.openOrders.map((o) => o.orderId),
    flaggedForReview: state.flaggedForReview,
  };
}

function notFound(what: string, field: string): DomainError {
  return new DomainError('NOT_FOUND', 'not_found', `no ${what}`, {
    fields: [{ field, description: `no ${what}` }],
  });
}

export function labHandlers(accessioning: Accessioning, desk: ResultDesk) {
  const toRow = (request: z.infer<typeof recordSchema>, ctx: CallContext) => ({
    barcode: request.barcode,
    reading: {
      method: request.method,
      outcome: request.outcome,
      ctValues: request.ctValues,
      kitId: request.kitId,
      runId: request.runId,
      instrument: request.instrument,
      labId: labOf(ctx),
      forAnyLab: forAnyLab(ctx),
      recordedBy: ctx.caller.sub,
      resultedAt: request.resultedAt ? new Date(request.resultedAt) : undefined,
    },
    origin: { correlationId: ctx.correlationId },
  });

  return {
    accessioning: {
      AccessionShipment: unary(accessionSchema, async (request, ctx) => {
        requireRole(ctx, 'lab', 'admin');
        return toAccessionMessage(
          await accessioning.accessionShipment(
            {
              shipmentId: request.shipmentId,
              tubes: request.tubes,
              scannedBy: ctx.caller.sub,
              labId: forAnyLab(ctx) ? undefined : labOf(ctx),
              receivedAt: request.receivedAt ? new Date(request.receivedAt) : undefined,
            },
            { correlationId: ctx.correlationId },
          ),
        );
      }),
      GetAccession: unary(z.object({ shipmentId: z.string().trim().min(1) }), async (request, ctx) => {
        requireRole(ctx, 'lab', 'district_center', 'city', 'admin');
        const found = await accessioning.getAccession(request.shipmentId);
        if (!found) throw notFound(`accession of shipment ${request.shipmentId}`, 'shipmentId');
        if (ctx.caller.role === 'district_center') {
          requireArea(ctx, { districtCode: found.manifest?.fromDistrictCode ?? '' });
        }
        return toAccessionMessage(found);
      }),
    },
    results: {
      RecordResult: unary(recordSchema, async (request, ctx) => {
        requireRole(ctx, 'lab', 'admin');
        const [answer] = await desk.recordResults([toRow(request, ctx)]);
        if (!answer) throw new Error('no answer');
        if (answer instanceof DomainError) throw answer;
        return answer;
      }),

      RecordResults: clientStream(recordSchema, async (items, ctx) => {
        requireRole(ctx, 'lab', 'admin');
        const response: Required<RecordResultsResponse> = { results: [], accepted: 0, rejected: 0 };
        let batch: Array<{ index: number; row: ReturnType<typeof toRow> }> = [];
        const recordBatch = async (): Promise<void> => {
          const answers = await desk.recordResults(batch.map((b) => b.row));
          batch.forEach(({ index }, i) => {
            const answer: RecordedOutcome | DomainError | undefined = answers[i];
            if (answer instanceof DomainError) {
              response.rejected++;
              response.results.push({
                index,
                rejected: {
                  fieldViolations:
                    answer.fields.length > 0
                      ? [...answer.fields]
                      : [{ field: '', description: answer.message }],
                },
                errorCode: answer.code,
              });
            } else if (answer) {
              response.accepted++;
              response.results.push({ index, recorded: answer });
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
          batch.push({ index: item.index, row: toRow(item.value, ctx) });
          if (batch.length >= RECORD_BATCH) await recordBatch();
        }
        if (batch.length > 0) await recordBatch();
        response.results.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
        return response;
      }),

      AmendResult: unary(
        z.object({
          ...reading,
          reason: z.string().trim().min(3, 'say why: typo, contamination, re-run...').max(500),
        }),
        async (request, ctx) => {
          requireRole(ctx, 'lab', 'admin');
          const { barcode: code, reason, ...rest } = request;
          const state = await desk.amendResult(
            code,
            { ...rest, reason, labId: labOf(ctx), forAnyLab: forAnyLab(ctx), recordedBy: ctx.caller.sub },
            { correlationId: ctx.correlationId },
          );
          return toSampleResults(state);
        },
      ),

      GetTurnaround: unary(
        z.object({
          districtCode: z.string().regex(/^\d{3}$/, 'a 3-digit district code'),
          date: z.iso.date('a date, YYYY-MM-DD'),
        }),
        async (request, ctx) => {
          requireRole(ctx, 'lab', 'district_center', 'city', 'admin');
          if (ctx.caller.role !== 'lab') requireArea(ctx, { districtCode: request.districtCode });
          return desk.turnaround(request.districtCode, request.date);
        },
      ),

      GetSampleResults: unary(z.object({ barcode }), async (request, ctx) => {
        requireRole(ctx, 'lab', 'district_center', 'ward_team', 'city', 'admin');
        const state = await desk.getSample(request.barcode);
        if (!state) throw notFound(`sample with barcode ${request.barcode}`, 'barcode');
        if (ctx.caller.role !== 'lab')
          requireArea(ctx, {
            districtCode: state.sample.site.districtCode,
            ...(state.sample.site.wardCode ? { wardCode: state.sample.site.wardCode } : {}),
          });
        return toSampleResults(state);
      }),
    },
  };
}

/** Rows recorded per round of a bulk call. */
const RECORD_BATCH = 500;
