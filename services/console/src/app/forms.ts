/**
 * What the console's forms send, as zod schemas the pages check before sending (for convenience)
 * and the gateway checks again (for real). Only zod here (and the events' own vocabulary, which is
 * zod only): the pages bundle this file.
 */
import { z } from 'zod';
import { contactType, samplingReason, specimenType } from '@truyvet/vocabulary';

export const SAMPLE_REASONS = samplingReason.options;
export const SPECIMEN_TYPES = specimenType.options;

/** The most swabs one tube takes (the services' rule sets allow 5 to 10, and say which). */
export const MAX_SWABS_PER_TUBE = 10;

/** A tube's barcode as a scanner reads it. */
export const barcodeSchema = z
  .string()
  .trim()
  .min(4, 'scan or type the barcode')
  .max(64, 'at most 64 characters')
  .regex(/^[A-Za-z0-9-]+$/, 'letters, digits and dashes only');

/**
 * A tube entered at a sampling site: its barcode (scanned), whose swabs are in it (one person, or a
 * pool of several), where and why. Pooled follows from the number of people.
 */
export const sampleEntrySchema = z.object({
  barcode: barcodeSchema,
  personIds: z
    .array(z.string().trim().min(1).max(64))
    .min(1, 'add the people swabbed into this tube')
    .max(MAX_SWABS_PER_TUBE, `at most ${MAX_SWABS_PER_TUBE} swabs in one tube`)
    .refine((ids) => new Set(ids).size === ids.length, 'a person is listed twice'),
  wardCode: z.string().regex(/^\d{5}$/, 'choose the ward'),
  reason: z.enum(SAMPLE_REASONS),
  specimenType: z.enum(SPECIMEN_TYPES),
});
export type SampleEntry = z.infer<typeof sampleEntrySchema>;

export const TUBE_CONDITIONS = ['ok', 'leaking', 'damaged', 'insufficient_volume', 'wrong_specimen'] as const;
export const RESULT_OUTCOMES = ['positive', 'negative', 'inconclusive', 'rejected'] as const;
export const TEST_METHODS = ['rt_pcr', 'rapid_antigen'] as const;

/** A box opened at the lab: its label (the shipment id) and the tubes scanned out of it. */
export const scannedBoxSchema = z.object({
  shipmentId: z.string().trim().min(3, 'scan or type the box label').max(100),
  tubes: z
    .array(z.object({ barcode: barcodeSchema, condition: z.enum(TUBE_CONDITIONS) }))
    .min(1, 'scan the tubes out of the box')
    .max(500, 'at most 500 tubes in a box')
    .refine((tubes) => new Set(tubes.map((t) => t.barcode)).size === tubes.length, 'a tube is scanned twice'),
});
export type ScannedBox = z.infer<typeof scannedBoxSchema>;

const ctValuesSchema = z.record(z.string().trim().min(1).max(20), z.number().min(0).max(50)).default({});

/** One tube's reading, as the lab page reads it from an instrument export. */
export const resultRowSchema = z.object({
  barcode: z.string().trim().max(64),
  method: z.string().trim().max(20).default('rt_pcr'),
  outcome: z.string().trim().max(20).default(''),
  ctValues: ctValuesSchema,
  kitId: z.string().trim().max(64).default(''),
  runId: z.string().trim().max(64).default(''),
  instrument: z.string().trim().max(64).default(''),
  resultedAt: z.string().trim().max(40).default(''),
});

/** A part of an export, sent as it is read so the page can show its progress. */
export const resultRowsSchema = z.object({
  rows: z.array(resultRowSchema).min(1).max(200, 'at most 200 rows at a time'),
});

/** A result corrected, with the reason (the lab's audit trail). */
export const amendmentSchema = z.object({
  method: z.enum(TEST_METHODS).default('rt_pcr'),
  outcome: z.enum(RESULT_OUTCOMES),
  ctValues: ctValuesSchema,
  kitId: z.string().trim().max(64).default(''),
  reason: z.string().trim().min(3, 'say why: a typo, contamination, a re-run').max(500),
});
export type Amendment = z.infer<typeof amendmentSchema>;

/** Tubes packed into a box for the lab. */
export const dispatchSchema = z.object({
  sampleIds: z
    .array(z.string().trim().min(1).max(100))
    .min(1, 'pack at least one tube')
    .max(500, 'at most 500 tubes in a box'),
});

/** The daily report asked for: a day and an area (the user's own by default). */
export const reportQuerySchema = z.object({
  date: z.iso.date('a date, YYYY-MM-DD').optional(),
  level: z.enum(['city', 'district', 'ward']).optional(),
  code: z
    .string()
    .regex(/^\d{2,5}$/, 'a GSO code')
    .optional(),
});
export type ReportQuery = z.infer<typeof reportQuerySchema>;

export const CONTACT_TYPES = contactType.options;

/**
 * One close contact named by an F0: a person the registry already has (picked from the
 * suggestions: their id), or one told by name and birth year (the registry finds or registers them).
 */
export const contactEntrySchema = z
  .object({
    personId: z.string().trim().max(64).default(''),
    fullName: z.string().trim().max(120).default(''),
    birthYear: z.number().int().min(1900, 'a birth year from 1900').max(2100).nullable().default(null),
    phone: z
      .string()
      .trim()
      .max(20)
      .regex(/^[0-9 +.-]*$/, 'digits only')
      .default(''),
    /** Where the contact lives; the case's ward when not said. */
    wardCode: z
      .string()
      .regex(/^\d{5}$/, 'choose the ward')
      .or(z.literal(''))
      .default(''),
    contactType: z.enum(CONTACT_TYPES),
    lastExposureOn: z.iso.date('the day of the last contact'),
  })
  .superRefine((contact, ctx) => {
    if (contact.personId) return;
    if (contact.fullName.length < 2)
      ctx.addIssue({ code: 'custom', path: ['fullName'], message: 'the full name' });
    if (contact.birthYear === null)
      ctx.addIssue({ code: 'custom', path: ['birthYear'], message: 'the birth year' });
  });
export type ContactEntry = z.infer<typeof contactEntrySchema>;

/** The contacts an interview names, saved together (all or none). */
export const contactsEntrySchema = z.object({
  contacts: z.array(contactEntrySchema).min(1, 'name at least one contact').max(50, 'at most 50 at a time'),
});

/** Who the registry might already have, asked while a contact's details are typed. */
export const personQuerySchema = z
  .object({
    phone: z
      .string()
      .trim()
      .regex(/^[0-9 +.-]{9,20}$/, 'a phone number')
      .optional(),
    fullName: z.string().trim().min(2).max(120).optional(),
    birthYear: z.coerce.number().int().min(1900).max(2100).optional(),
  })
  .refine((q) => q.phone !== undefined || (q.fullName !== undefined && q.birthYear !== undefined), {
    message: 'a phone, or a full name with a birth year',
  });
export type PersonQuery = z.infer<typeof personQuerySchema>;

export const TASK_OUTCOMES = [
  'reached',
  'not_reachable',
  'refused',
  'moved',
  'confirmed',
  'dismissed',
] as const;

/**
 * A task ended with its outcome; case-graph checks it fits the task's kind. `moved` says where to
 * (the task goes to that ward); `confirmed` on an identity question says which candidate the
 * contact is (none: a new person).
 */
export const taskOutcomeSchema = z
  .object({
    outcome: z.enum(TASK_OUTCOMES),
    note: z.string().trim().max(1000).default(''),
    movedToWardCode: z
      .string()
      .regex(/^\d{5}$/, 'choose the ward')
      .or(z.literal(''))
      .default(''),
    chosenPersonId: z.string().trim().max(64).default(''),
  })
  .refine((t) => t.outcome !== 'moved' || t.movedToWardCode !== '', {
    path: ['movedToWardCode'],
    message: 'choose the ward they moved to',
  });
export type TaskOutcome = z.infer<typeof taskOutcomeSchema>;

/** Field errors by field name ("personIds.2"), from a zod failure: what the page shows by each field. */
export function formErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || '(root)';
    out[field] ??= issue.message;
  }
  return out;
}
