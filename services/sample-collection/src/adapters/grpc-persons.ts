import { z } from 'zod';
import { occupationGroup } from '@truyvet/events';
import type { AdminUnits } from '@truyvet/geo';
import { clientStream, coversArea, requireArea, requireRole, unary, type CallContext } from '@truyvet/grpc';
import type {
  ImportPersonsResponse,
  Person as PersonMessage,
  PersonDetails as PersonDetailsMessage,
  RegisterPersonResponse,
} from '@truyvet/grpc/samples';
import { DomainError, type FieldViolation } from '@truyvet/errors';
import { foldName, nationalIdSchema, normalizePhone } from '../domain/identity';
import type { PersonDetails, RegisterPerson, Registration } from '../domain/registration';
import type { PersonRecord, PersonRegistry } from '../app/person-registry';

// proto3 sends '' and 0 for fields not set: read them as absent.
const optionalText = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === '' ? undefined : s.trim()));
const isoDate = z.iso.date();

/** The request schema, with the city's admin units to check addresses against. */
export function personDetailsSchema(units: AdminUnits) {
  const currentYear = new Date().getFullYear();
  return z
    .object({
      fullName: z.string().trim().min(2, 'a full name has at least 2 characters').max(120),
      birthYear: z
        .number()
        .int()
        .min(1900, 'a birth year from 1900')
        .max(currentYear, 'a birth year not in the future'),
      birthDate: optionalText.pipe(isoDate.optional()),
      sex: optionalText.pipe(z.enum(['male', 'female', 'other']).optional()),
      nationalId: optionalText.pipe(nationalIdSchema.optional()),
      phone: optionalText.transform((s, ctx) => {
        if (s === undefined) return undefined;
        const phone = normalizePhone(s);
        if (phone === null) {
          ctx.addIssue({ code: 'custom', message: `${s} is not a Vietnamese phone number` });
          return z.NEVER;
        }
        return phone;
      }),
      // Checked on its own, so its problems are reported with the other fields' (zod runs an
      // object's refinements only when all its fields parsed).
      address: z
        .object({
          districtCode: z.string().regex(/^\d{3}$/, 'a 3-digit district code'),
          wardCode: z.string().regex(/^\d{5}$/, 'a 5-digit ward code'),
          hamlet: optionalText,
          street: optionalText,
        })
        .superRefine((a, ctx) => {
          // A ward code not in its shape is said once, by its regex.
          if (!/^\d{5}$/.test(a.wardCode)) return;
          const ward = units.ward(a.wardCode);
          if (!ward) {
            ctx.addIssue({
              code: 'custom',
              path: ['wardCode'],
              message: `no ward ${a.wardCode} in ${units.province.name}`,
            });
          } else if (ward.parentCode !== a.districtCode) {
            ctx.addIssue({
              code: 'custom',
              path: ['districtCode'],
              message: `${ward.name} is in district ${ward.parentCode ?? '?'}, not ${a.districtCode}`,
            });
          }
        }),
      householdId: optionalText,
      vaccinations: z
        .array(z.object({ dose: z.number().int().min(1).max(10), date: isoDate, vaccine: optionalText }))
        .default([]),
      comorbidities: z.array(z.string().trim().min(1).max(80)).default([]),
      occupation: optionalText.pipe(occupationGroup.optional()),
    })
    .superRefine((d, ctx) => {
      if (d.birthDate && Number(d.birthDate.slice(0, 4)) !== d.birthYear) {
        ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'does not match birthYear' });
      }
    })
    .transform(
      (d): PersonDetails => dropUndefined({ ...d, address: dropUndefined(d.address) }) as PersonDetails,
    );
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function registerPersonSchema(units: AdminUnits) {
  return z.object({
    details: personDetailsSchema(units),
    registerDespiteCandidates: z.boolean().default(false),
    contactRef: optionalText,
  });
}

const findPersonsSchema = z
  .object({
    nationalId: optionalText,
    phone: optionalText.transform((s) => (s === undefined ? undefined : (normalizePhone(s) ?? s))),
    fullName: optionalText,
    birthYear: z.number().int().min(0).default(0),
    householdId: optionalText,
  })
  .refine((q) => q.nationalId ?? q.phone ?? q.householdId ?? (q.fullName && q.birthYear > 0), {
    message: 'give a national ID, a phone, a household, or a full name with a birth year',
  });

function toResponse(registration: Registration): RegisterPersonResponse {
  switch (registration.outcome) {
    case 'registered':
      return { registered: { personId: registration.personId } };
    case 'existing':
      return { existing: { personId: registration.personId, reason: registration.reason } };
    case 'candidates':
      return { candidates: { candidates: registration.candidates } };
  }
}

export function toDetailsMessage(details: PersonDetails): PersonDetailsMessage {
  return { ...details, vaccinations: details.vaccinations, comorbidities: details.comorbidities };
}

function toPersonMessage(
  person: Omit<PersonRecord, 'audit' | 'mergedFrom'> & Partial<PersonRecord>,
): PersonMessage {
  return {
    personId: person.personId,
    version: person.version,
    details: toDetailsMessage(person.details),
    mergedInto: person.mergedInto ?? '',
    audit: (person.audit ?? []).map((entry) => ({
      ...entry,
      previousJson: entry.previous ? JSON.stringify(entry.previous) : '',
    })),
    mergedFrom: person.mergedFrom ?? [],
  };
}

const reasonText = z.string().trim().min(3, 'say why, in a few words').max(500);

/** A caller's jurisdiction as a registry query's area: a ward's, a district's, or none (the city). */
function areaQueryOf(jurisdiction: CallContext['caller']['jurisdiction']): {
  districtCode?: string;
  wardCode?: string;
} {
  if (jurisdiction.level === 'ward') return { wardCode: jurisdiction.code };
  if (jurisdiction.level === 'district') return { districtCode: jurisdiction.code };
  return {};
}

function areaOf(details: PersonDetails) {
  return { districtCode: details.address.districtCode, wardCode: details.address.wardCode };
}

/** Loads a person the caller may act on, or answers NOT_FOUND / PERMISSION_DENIED. */
async function personInArea(
  registry: PersonRegistry,
  ctx: CallContext,
  personId: string,
  field = 'personId',
): Promise<PersonRecord> {
  const person = await registry.getPerson(personId);
  if (!person) {
    throw new DomainError('PERSON_NOT_FOUND', 'not_found', `no person ${personId}`, {
      fields: [{ field, description: `no person ${personId} in the registry` }],
    });
  }
  requireArea(ctx, areaOf(person.details));
  return person;
}

/** District staff act in their own district; ward teams in their ward; city roles everywhere. */
function authorizeRegistration(ctx: CallContext, details: PersonDetails): void {
  requireRole(ctx, 'district_center', 'ward_team', 'city', 'admin');
  requireArea(ctx, { districtCode: details.address.districtCode, wardCode: details.address.wardCode });
}

/** What an `existing` answer says of a person registered outside the caller's area. */
export const REGISTERED_ELSEWHERE = 'registered_in_another_area';

/**
 * A registration's answer as the caller may read it: a person found in another area is neither
 * named nor identified (the district or the city can), and similar people elsewhere are not listed.
 */
async function answerInArea(
  registry: PersonRegistry,
  ctx: CallContext,
  registration: Registration,
): Promise<Registration> {
  const ours = async (personId: string): Promise<boolean> => {
    const person = await registry.getPerson(personId);
    return person !== null && coversArea(ctx.caller, areaOf(person.details));
  };
  if (registration.outcome === 'existing' && !(await ours(registration.personId)))
    return { outcome: 'existing', personId: '', reason: REGISTERED_ELSEWHERE };
  if (registration.outcome === 'candidates') {
    const shown = await Promise.all(registration.candidates.map((c) => ours(c.personId)));
    return { ...registration, candidates: registration.candidates.filter((_c, i) => shown[i]) };
  }
  return registration;
}

/** People registered per round of a bulk import. */
const IMPORT_BATCH = 500;

export function personRegistryHandlers(registry: PersonRegistry, units: AdminUnits) {
  const registerSchema = registerPersonSchema(units);
  const toCommand = (request: z.infer<typeof registerSchema>, ctx: CallContext): RegisterPerson => ({
    details: request.details,
    registerDespiteCandidates: request.registerDespiteCandidates,
    contactRef: request.contactRef,
    registeredBy: ctx.caller.sub,
  });

  return {
    RegisterPerson: unary(registerSchema, async (request, ctx) => {
      authorizeRegistration(ctx, request.details);
      const registration = await registry.registerPerson(toCommand(request, ctx), {
        correlationId: ctx.correlationId,
      });
      return toResponse(await answerInArea(registry, ctx, registration));
    }),

    GetPerson: unary(z.object({ personId: z.string().min(1) }), async (request, ctx) => {
      requireRole(ctx, 'district_center', 'ward_team', 'lab', 'city', 'admin');
      return toPersonMessage(await personInArea(registry, ctx, request.personId));
    }),

    CorrectPerson: unary(
      z.object({
        personId: z.string().min(1),
        expectedVersion: z.number().int().min(1, 'the version read with GetPerson'),
        details: personDetailsSchema(units),
        reason: reasonText,
      }),
      async (request, ctx) => {
        requireRole(ctx, 'district_center', 'ward_team', 'city', 'admin');
        await personInArea(registry, ctx, request.personId);
        requireArea(ctx, areaOf(request.details)); // moving a person needs both areas
        return toPersonMessage(
          await registry.correctPerson(
            { ...request, correctedBy: ctx.caller.sub },
            { correlationId: ctx.correlationId },
          ),
        );
      },
    ),

    MergePersons: unary(
      z.object({ survivorId: z.string().min(1), mergedId: z.string().min(1), reason: reasonText }),
      async (request, ctx) => {
        requireRole(ctx, 'district_center', 'city', 'admin');
        await personInArea(registry, ctx, request.survivorId, 'survivorId');
        await personInArea(registry, ctx, request.mergedId, 'mergedId');
        return toPersonMessage(
          await registry.mergePersons(
            { ...request, mergedBy: ctx.caller.sub },
            { correlationId: ctx.correlationId },
          ),
        );
      },
    ),

    FindPersons: unary(findPersonsSchema, async (query, ctx) => {
      // Searching the registry is for the teams that register and trace people; a lab reads the
      // people of its tubes by id (GetPerson).
      requireRole(ctx, 'district_center', 'ward_team', 'city', 'admin');
      const found = await registry.findPersons({
        nationalId: query.nationalId,
        phone: query.phone,
        foldedName: query.fullName ? foldName(query.fullName) : undefined,
        birthYear: query.birthYear > 0 ? query.birthYear : undefined,
        householdId: query.householdId,
        // In the store's query, not after its limit: else a city's first hundred matches could
        // all be other areas' and hide the caller's own.
        ...areaQueryOf(ctx.caller.jurisdiction),
      });
      // Only what the caller's jurisdiction covers (the query says so already; checked again).
      const visible = found.filter((p) => coversArea(ctx.caller, areaOf(p.details)));
      return { persons: visible.map(toPersonMessage) };
    }),

    ImportPersons: clientStream(registerSchema, async (items, ctx) => {
      const response: Required<ImportPersonsResponse> = {
        results: [],
        registered: 0,
        existing: 0,
        candidates: 0,
        rejected: 0,
      };
      const reject = (index: number, fieldViolations: FieldViolation[]): void => {
        response.rejected++;
        response.results.push({ index, rejected: { fieldViolations } });
      };
      // Answered at the end of the stream, so people are registered in batches (one registry
      // lookup and one write per batch), each batch in list order.
      let batch: Array<{ index: number; request: z.infer<typeof registerSchema> }> = [];
      const registerBatch = async (): Promise<void> => {
        const outcomes = await registry.registerPersons(
          batch.map(({ request }) => ({
            command: toCommand(request, ctx),
            origin: { correlationId: ctx.correlationId },
          })),
        );
        const answers = await Promise.all(outcomes.map((outcome) => answerInArea(registry, ctx, outcome)));
        batch.forEach(({ index }, i) => {
          const outcome = answers[i];
          if (!outcome) return;
          response[outcome.outcome]++;
          response.results.push({ index, outcome: toResponse(outcome) });
        });
        batch = [];
      };
      for await (const item of items) {
        if (!item.ok) {
          reject(item.index, item.fields);
          continue;
        }
        try {
          authorizeRegistration(ctx, item.value.details);
          batch.push({ index: item.index, request: item.value });
        } catch (error) {
          if (!(error instanceof DomainError) || error.retryable) throw error;
          reject(
            item.index,
            error.fields.length > 0
              ? [...error.fields]
              : [{ field: 'details.address', description: error.message }],
          );
        }
        if (batch.length >= IMPORT_BATCH) await registerBatch();
      }
      if (batch.length > 0) await registerBatch();
      response.results.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
      return response;
    }),
  };
}
