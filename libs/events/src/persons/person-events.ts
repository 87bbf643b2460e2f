import { z } from 'zod';
import { districtCode, wardCode } from '../admin-units';
import { defineEvent } from '../envelope';
import { topics } from '../topics';

/** Occupation groups the 2021 directives prioritised for testing and vaccination. */
export const occupationGroup = z.enum([
  'frontline_health',
  'frontline_other',
  'shipper',
  'market_trader',
  'driver',
  'factory_worker',
  'student',
  'other',
]);

export const personDetails = z.object({
  fullName: z.string().min(2).max(120),
  birthYear: z.number().int().min(1900).max(2100),
  birthDate: z.iso.date().optional(),
  sex: z.enum(['male', 'female', 'other']).optional(),
  nationalId: z
    .string()
    .regex(/^(\d{9}|\d{12})$/)
    .optional(),
  phone: z
    .string()
    .regex(/^0\d{9,10}$/)
    .optional(),
  address: z.object({
    districtCode,
    wardCode,
    hamlet: z.string().max(120).optional(),
    street: z.string().max(200).optional(),
  }),
  householdId: z.string().min(1).optional(),
  vaccinations: z.array(
    z.object({
      dose: z.number().int().min(1).max(10),
      date: z.iso.date(),
      vaccine: z.string().max(60).optional(),
    }),
  ),
  comorbidities: z.array(z.string().min(1).max(80)),
  occupation: occupationGroup.optional(),
});

export const PersonRegisteredV1 = defineEvent({
  type: 'PersonRegistered',
  version: 1,
  topic: topics.persons.topic,
  description: 'A new person in the registry, with the id every service knows them by.',
  schema: z.object({
    personId: z.string().min(1),
    details: personDetails,
    registeredBy: z.string().min(1),
    /** Set when a tracer's contact led to this registration (ADR 7). */
    contactRef: z.string().min(1).optional(),
  }),
  key: (data) => data.personId,
});

export const PersonUpdatedV1 = defineEvent({
  type: 'PersonUpdated',
  version: 1,
  topic: topics.persons.topic,
  description: "A correction of a person's details, with the reason (audited).",
  schema: z.object({
    personId: z.string().min(1),
    details: personDetails,
    changedFields: z.array(z.string().min(1)).min(1),
    reason: z.string().min(1).max(500),
    updatedBy: z.string().min(1),
  }),
  key: (data) => data.personId,
});

export const PersonsMergedV1 = defineEvent({
  type: 'PersonsMerged',
  version: 1,
  topic: topics.persons.topic,
  description: 'Two registrations found to be one person: everything held for mergedId moves to survivorId.',
  schema: z.object({
    survivorId: z.string().min(1),
    mergedId: z.string().min(1),
    reason: z.string().min(1).max(500),
    mergedBy: z.string().min(1),
  }),
  key: (data) => data.survivorId,
});
