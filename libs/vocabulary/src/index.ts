/**
 * The users' categories, as zod enums with nothing else imported: the events carry them, the rules
 * decide with them, and a page bundle (the console's forms) uses the very same lists without the
 * rest of the events (which need Node: event ids come from node:crypto).
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

/** F0: treatment; F1: centralized or home quarantine; F2: self-monitoring at home. */
export const isolationKind = z.enum([
  'treatment',
  'centralized_quarantine',
  'home_quarantine',
  'self_monitoring',
]);

/** The 3-tier treatment model ("tháp 3 tầng"): home/community care, then facility tiers 1-3 by severity. */
export const treatmentTier = z.enum(['home', 'tier1', 'tier2', 'tier3']);

/** How ill an F0 is; the treatment tier follows it. */
export const severity = z.enum(['asymptomatic', 'mild', 'moderate', 'severe', 'critical']);
