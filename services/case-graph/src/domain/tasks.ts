/**
 * Tracing tasks: the ward teams' work queue. A new F0 is an interview, a new F1 a call to confirm
 * and instruct them, a hotline tip a visit, a venue or app match a candidate to confirm, a contact
 * the registry could not identify surely a choice among candidates, a quarantine past its end without
 * its last test a visit (test them, or record why not). Teams claim a task and
 * complete it with an outcome; a person who moved is handed over to the ward they moved to. Pure.
 */
import { DomainError } from '@truyvet/errors';
import type { ContactType } from './types';

export const TASK_KINDS = [
  'interview_case',
  'call_contact',
  'hotline_tip',
  'confirm_candidate',
  'confirm_identity',
  'missing_last_test',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_OUTCOMES = [
  'reached',
  'not_reachable',
  'refused',
  'moved',
  'confirmed',
  'dismissed',
] as const;
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];

/** Outcomes that make sense for each kind. */
const OUTCOMES_FOR: Record<TaskKind, readonly TaskOutcome[]> = {
  interview_case: ['reached', 'not_reachable', 'refused', 'moved'],
  call_contact: ['reached', 'not_reachable', 'refused', 'moved'],
  hotline_tip: ['reached', 'not_reachable', 'dismissed', 'moved'],
  confirm_candidate: ['confirmed', 'dismissed'],
  confirm_identity: ['confirmed', 'dismissed'],
  missing_last_test: ['reached', 'not_reachable', 'refused', 'moved'],
};

export interface CandidateExposure {
  sourcePersonId: string;
  contactPersonId: string;
  contactType: ContactType;
  lastExposureOn: string;
  evidence: 'venue_check_in' | 'proximity_log';
  /** What the match rests on, for the tracer: the venue and the overlapping times. */
  detail: string;
}

export interface HotlineTip {
  /** What the caller said: a person or a place at risk. */
  description: string;
  reporterPhone?: string;
  place?: string;
  personId?: string;
}

export interface TaskEvent {
  at: string;
  by: string;
  action: 'created' | 'claimed' | 'released' | 'completed' | 'handed_over';
  outcome?: TaskOutcome;
  note?: string;
  toWardCode?: string;
}

export interface TracingTask {
  taskId: string;
  kind: TaskKind;
  status: 'open' | 'claimed' | 'done';
  districtCode: string;
  wardCode?: string;
  personId?: string;
  caseId?: string;
  contactRef?: string;
  candidates?: Array<{ personId: string; reasons: string[] }>;
  candidate?: CandidateExposure;
  tip?: HotlineTip;
  createdAt: string;
  dueAt: string;
  claimedBy?: string;
  outcome?: TaskOutcome;
  /** For confirm_identity: the person the tracer chose (absent: a new person). */
  chosenPersonId?: string;
  note?: string;
  completedAt?: string;
  history: TaskEvent[];
}

export function newTask(
  task: Omit<TracingTask, 'status' | 'history' | 'createdAt' | 'dueAt'>,
  now: Date,
  dueHours: number,
  by = 'system',
): TracingTask {
  return {
    ...task,
    status: 'open',
    createdAt: now.toISOString(),
    dueAt: new Date(now.getTime() + dueHours * 3_600_000).toISOString(),
    history: [{ at: now.toISOString(), by, action: 'created' }],
  };
}

export function isOverdue(task: TracingTask, now: Date): boolean {
  return task.status !== 'done' && task.dueAt < now.toISOString();
}

/** Overdue first, then by due time. */
export function queueOrder(tasks: readonly TracingTask[], now: Date): TracingTask[] {
  return [...tasks].sort(
    (a, b) => Number(isOverdue(b, now)) - Number(isOverdue(a, now)) || a.dueAt.localeCompare(b.dueAt),
  );
}

function conflict(code: string, message: string): DomainError {
  return new DomainError(code, 'conflict', message, { fields: [{ field: 'taskId', description: message }] });
}

/** Claims a task for one tracer; claiming one's own claim again is a no-op. */
export function claimTask(task: TracingTask, by: string, now: Date): TracingTask | 'unchanged' {
  if (task.status === 'done') throw conflict('TASK_DONE', `task ${task.taskId} is already done`);
  if (task.status === 'claimed') {
    if (task.claimedBy === by) return 'unchanged';
    throw conflict('TASK_CLAIMED', `task ${task.taskId} is claimed by ${task.claimedBy ?? 'someone'}`);
  }
  return {
    ...task,
    status: 'claimed',
    claimedBy: by,
    history: [...task.history, { at: now.toISOString(), by, action: 'claimed' }],
  };
}

export interface CompleteTask {
  outcome: TaskOutcome;
  by: string;
  note?: string | undefined;
  /** For `moved`: the ward the person now lives in, and its district. */
  movedTo?: { districtCode: string; wardCode: string } | undefined;
  chosenPersonId?: string | undefined;
  /** Supervisors (district and city roles) may complete a task someone else claimed. */
  supervisor: boolean;
}

/**
 * Completes a claimed task with an outcome. `moved` hands the task to the ward the person moved to
 * (open again, there); every other outcome closes it.
 */
export function completeTask(task: TracingTask, command: CompleteTask, now: Date): TracingTask | 'unchanged' {
  if (task.status === 'done') {
    if (task.outcome === command.outcome) return 'unchanged';
    throw conflict('TASK_DONE', `task ${task.taskId} is already done (${task.outcome ?? ''})`);
  }
  if (task.status !== 'claimed')
    throw conflict('TASK_NOT_CLAIMED', `claim task ${task.taskId} before completing it`);
  if (task.claimedBy !== command.by && !command.supervisor)
    throw conflict('TASK_CLAIMED', `task ${task.taskId} is claimed by ${task.claimedBy ?? 'someone'}`);
  if (!OUTCOMES_FOR[task.kind].includes(command.outcome)) {
    throw new DomainError(
      'OUTCOME_NOT_FOR_KIND',
      'invalid',
      `a ${task.kind} task ends ${OUTCOMES_FOR[task.kind].join(', ')}`,
      {
        fields: [
          {
            field: 'outcome',
            description: `is not an outcome of a ${task.kind} task (${OUTCOMES_FOR[task.kind].join(', ')})`,
          },
        ],
      },
    );
  }
  const at = now.toISOString();
  if (command.outcome === 'moved') {
    if (!command.movedTo)
      throw new DomainError('MOVED_WHERE', 'invalid', 'say which ward the person moved to', {
        fields: [{ field: 'movedToWardCode', description: 'is required when the outcome is moved' }],
      });
    const { claimedBy: _claimedBy, ...unclaimed } = task;
    return {
      ...unclaimed,
      status: 'open',
      districtCode: command.movedTo.districtCode,
      wardCode: command.movedTo.wardCode,
      history: [
        ...task.history,
        {
          at,
          by: command.by,
          action: 'handed_over',
          outcome: 'moved',
          toWardCode: command.movedTo.wardCode,
          ...(command.note ? { note: command.note } : {}),
        },
      ],
    };
  }
  return {
    ...task,
    status: 'done',
    outcome: command.outcome,
    ...(command.note ? { note: command.note } : {}),
    ...(command.chosenPersonId ? { chosenPersonId: command.chosenPersonId } : {}),
    completedAt: at,
    history: [
      ...task.history,
      {
        at,
        by: command.by,
        action: 'completed',
        outcome: command.outcome,
        ...(command.note ? { note: command.note } : {}),
      },
    ],
  };
}
