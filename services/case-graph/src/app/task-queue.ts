/**
 * The ward teams' queue. Tasks are made from this service's own events (a new F0, a new F1, an
 * identification the registry could not settle) with ids derived from what caused them, so a
 * redelivered event makes no second task; tips and candidates come from calls and imports.
 * Completing a candidate or identity task applies its effect first, then closes the task, so a
 * crash in between repeats the (idempotent) effect instead of losing it.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '@truyvet/errors';
import type {
  CaseConfirmedV1,
  ContactIdentificationAmbiguousV1,
  EventOf,
  EventOrigin,
  PersonClassifiedV1,
} from '@truyvet/events';
import { vietnamDay, type TracingRuleBook, type TracingRuleSet } from '@truyvet/rules';
import { ConcurrencyError } from '@truyvet/store';
import {
  claimTask,
  completeTask,
  newTask,
  queueOrder,
  type CandidateExposure,
  type CompleteTask,
  type HotlineTip,
  type TaskKind,
  type TracingTask,
} from '../domain/tasks';
import type { Area, PersonDirectory, TaskQueries, TaskStore } from './ports';
import type { ReleaseSweep, TracingDesk } from './tracing';

const ATTEMPTS = 5;

export class TaskQueue {
  constructor(
    private readonly tasks: TaskStore,
    private readonly queries: TaskQueries,
    private readonly directory: PersonDirectory,
    private readonly tracing: TracingDesk,
    private readonly rules: () => TracingRuleBook,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private hours(): TracingRuleSet['tasks'] {
    return this.rules().inForceOn(vietnamDay(this.now())).tasks;
  }

  /** Saves a new task unless one with its id exists (a redelivery). */
  private async create(task: TracingTask): Promise<TracingTask> {
    try {
      await this.tasks.save({ id: task.taskId, expectedVersion: 0, state: task, events: [] });
      return task;
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      return (await this.tasks.load(task.taskId))?.state ?? task;
    }
  }

  /** Every new F0: the ward team of their address interviews them and lists their contacts. */
  async caseConfirmed(event: EventOf<typeof CaseConfirmedV1>): Promise<void> {
    const c = event.data;
    await this.create(
      newTask(
        {
          taskId: `interview/${c.caseId}`,
          kind: 'interview_case',
          districtCode: c.districtCode,
          ...(c.wardCode ? { wardCode: c.wardCode } : {}),
          personId: c.personId,
          caseId: c.caseId,
        },
        this.now(),
        this.hours().interviewDueHours,
      ),
    );
  }

  /** Every new F1: a call to confirm the contact, explain the quarantine and book the first test. */
  async personClassified(event: EventOf<typeof PersonClassifiedV1>): Promise<void> {
    const { level, previousLevel, personId, rootCaseId } = event.data;
    if (level !== 1 || previousLevel === 1 || previousLevel === 0) return;
    const record = await this.tracing.getRecord(personId);
    const area = record?.state.area ?? { districtCode: '000' };
    await this.create(
      newTask(
        {
          taskId: `call/${personId}/${rootCaseId ?? 'none'}`,
          kind: 'call_contact',
          districtCode: area.districtCode,
          ...(area.wardCode ? { wardCode: area.wardCode } : {}),
          personId,
          ...(rootCaseId ? { caseId: rootCaseId } : {}),
        },
        this.now(),
        this.hours().callDueHours,
      ),
    );
  }

  /**
   * The release sweep (TracingDesk), and a visit for the person's ward team for each quarantine past
   * its end without its last test that the rules settle by flagging: once per order however often
   * the sweep finds it.
   */
  async releaseDue(origin: EventOrigin = {}): Promise<ReleaseSweep> {
    const sweep = await this.tracing.releaseDue(origin);
    // Made once: one read for those already made by an earlier sweep, not a refused insert each.
    const made = await this.tasks.loadMany(sweep.lastTestMissing.map((q) => `last-test/${q.orderId}`));
    for (const { personId, orderId, area } of sweep.lastTestMissing) {
      if (made.has(`last-test/${orderId}`)) continue;
      await this.create(
        newTask(
          {
            taskId: `last-test/${orderId}`,
            kind: 'missing_last_test',
            districtCode: area.districtCode,
            ...(area.wardCode ? { wardCode: area.wardCode } : {}),
            personId,
          },
          this.now(),
          this.hours().callDueHours,
        ),
      );
    }
    return sweep;
  }

  /** The registry could not settle who a contact is: the source's ward team chooses. */
  async identificationAmbiguous(event: EventOf<typeof ContactIdentificationAmbiguousV1>): Promise<void> {
    const source = await this.tracing.identificationAmbiguous(event);
    if (!source) return;
    await this.create(
      newTask(
        {
          taskId: `identity/${event.data.contactRef}`,
          kind: 'confirm_identity',
          districtCode: source.area.districtCode,
          ...(source.area.wardCode ? { wardCode: source.area.wardCode } : {}),
          personId: source.personId,
          contactRef: event.data.contactRef,
          candidates: event.data.candidates,
        },
        this.now(),
        this.hours().callDueHours,
      ),
    );
  }

  /** Venue or app matches: a candidate task in the ward of the person who may be an F1. */
  async candidatesFound(candidates: readonly CandidateExposure[]): Promise<number> {
    const entries = await this.directory.getMany(candidates.map((c) => c.contactPersonId));
    let made = 0;
    for (const candidate of candidates) {
      const address = entries.get(candidate.contactPersonId)?.details.address;
      const record = address ? undefined : await this.tracing.getRecord(candidate.contactPersonId);
      const area =
        address ?? record?.state.area ?? (await this.tracing.getRecord(candidate.sourcePersonId))?.state.area;
      if (!area) continue;
      await this.create(
        newTask(
          {
            taskId: `candidate/${candidate.sourcePersonId}>${candidate.contactPersonId}`,
            kind: 'confirm_candidate',
            districtCode: area.districtCode,
            ...(area.wardCode ? { wardCode: area.wardCode } : {}),
            personId: candidate.contactPersonId,
            candidate,
          },
          this.now(),
          this.hours().callDueHours,
        ),
      );
      made++;
    }
    return made;
  }

  async reportTip(
    area: { districtCode: string; wardCode?: string | undefined },
    tip: HotlineTip,
    by: string,
  ): Promise<TracingTask> {
    return this.create(
      newTask(
        {
          taskId: `tip/${randomUUID()}`,
          kind: 'hotline_tip',
          districtCode: area.districtCode,
          ...(area.wardCode ? { wardCode: area.wardCode } : {}),
          ...(tip.personId ? { personId: tip.personId } : {}),
          tip,
        },
        this.now(),
        this.hours().tipDueHours,
        by,
      ),
    );
  }

  async list(
    area: Area,
    options: { statuses: ReadonlyArray<TracingTask['status']>; kind?: TaskKind; overdueOnly: boolean },
  ): Promise<TracingTask[]> {
    const now = this.now();
    const found = await this.queries.inArea(area, {
      statuses: options.statuses,
      ...(options.kind ? { kind: options.kind } : {}),
    });
    return queueOrder(
      found.filter((t) => !options.overdueOnly || (t.status !== 'done' && t.dueAt < now.toISOString())),
      now,
    );
  }

  async get(taskId: string): Promise<TracingTask> {
    const found = await this.tasks.load(taskId);
    if (!found) throw unknownTask(taskId);
    return found.state;
  }

  async claim(taskId: string, by: string): Promise<TracingTask> {
    return this.change(taskId, (task) => claimTask(task, by, this.now()));
  }

  async complete(taskId: string, command: CompleteTask, origin: EventOrigin): Promise<TracingTask> {
    const task = await this.get(taskId);
    if (task.status === 'claimed' && (command.outcome === 'confirmed' || command.outcome === 'dismissed')) {
      await this.applyEffect(task, command, origin);
    }
    return this.change(taskId, (current) => completeTask(current, command, this.now()));
  }

  /** What confirming a candidate or an identity does to the graph. */
  private async applyEffect(task: TracingTask, command: CompleteTask, origin: EventOrigin): Promise<void> {
    if (command.outcome !== 'confirmed') return;
    if (task.kind === 'confirm_candidate' && task.candidate) {
      const c = task.candidate;
      await this.tracing.recordContacts(
        c.sourcePersonId,
        [
          {
            contactPersonId: c.contactPersonId,
            contactType: c.contactType,
            lastExposureOn: c.lastExposureOn,
          },
        ],
        { via: c.evidence, recordedBy: command.by, allOrNothing: true },
        origin,
      );
    }
    if (task.kind === 'confirm_identity' && task.contactRef) {
      if (command.chosenPersonId) {
        if (!task.candidates?.some((c) => c.personId === command.chosenPersonId))
          throw new DomainError(
            'NOT_A_CANDIDATE',
            'invalid',
            'choose one of the candidates, or none for a new person',
            {
              fields: [{ field: 'chosenPersonId', description: "is not one of the task's candidates" }],
            },
          );
        await this.tracing.identified(task.contactRef, command.chosenPersonId, origin);
      } else {
        await this.tracing.confirmNewPerson(task.contactRef, command.by, origin);
      }
    }
  }

  private async change(
    taskId: string,
    decide: (task: TracingTask) => TracingTask | 'unchanged',
  ): Promise<TracingTask> {
    for (let attempt = 1; ; attempt++) {
      const found = await this.tasks.load(taskId);
      if (!found) throw unknownTask(taskId);
      const next = decide(found.state);
      if (next === 'unchanged') return found.state;
      try {
        await this.tasks.save({ id: taskId, expectedVersion: found.version, state: next, events: [] });
        return next;
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= ATTEMPTS) throw error;
      }
    }
  }
}

function unknownTask(taskId: string): DomainError {
  return new DomainError('UNKNOWN_TASK', 'not_found', `no task ${taskId}`, {
    fields: [{ field: 'taskId', description: `no task ${taskId}` }],
  });
}
