/**
 * The users' categories the events carry, as zod enums with nothing else imported, so a page
 * bundle (the console's forms) can use the very same lists without the rest of the events
 * (which need Node: event ids come from node:crypto).
 */
import { z } from 'zod';

/** Why a swab was taken; reports and worklists count by it. */
export const samplingReason = z.enum([
  'mass_testing',
  'f0_contact',
  'symptoms',
  'arrival_from_epidemic_area',
  'follow_up_order',
  'pool_member_retest',
]);

export const specimenType = z.enum(['nasopharyngeal', 'oropharyngeal', 'nasal', 'saliva']);

/** How a contact met the person they were exposed to (the tracers' categories). */
export const contactType = z.enum([
  'household',
  'same_room',
  'workplace',
  'vehicle',
  'venue',
  'care',
  'other',
]);
