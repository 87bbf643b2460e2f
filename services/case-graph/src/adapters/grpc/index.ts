/**
 * The gRPC edge of case-graph, one file per proto service; what they share on the way in is in
 * ./requests, the mapping of domain values to messages in ./messages.
 */
import type { AdminUnits } from '@truyvet/geo';
import { casesService } from './cases';
import { contactsService } from './contacts';
import { isolationService } from './isolation';
import type { CaseGraphDesks } from './requests';
import { rulesService } from './rules';
import { tracingService } from './tracing';

export type { CaseGraphDesks };

export function caseGraphHandlers(desks: CaseGraphDesks, units: AdminUnits, now: () => Date) {
  return {
    cases: casesService(desks, units),
    contacts: contactsService(desks, units),
    isolation: isolationService(desks, units),
    tracing: tracingService(desks, units, now),
    rules: rulesService(desks, now),
  };
}
