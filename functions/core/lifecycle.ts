// The submission state machine. One table says which action moves a report from which
// state to which, and who may take it; everything else asks this module.
//
//   not_started ─save→ draft ─submit→ submitted ─accept→ accepted
//                        ↑  ↖reopen─────┘   │                │
//                        └─save── returned ←┘return    reopen (SST, with reason)→ returned
//   draft, returned ─attach/detach/restore→ draft (the organisation edits its own report)
import { Problem, type ProblemCode } from '#core/problems';
import type { RevisionAction, SubmissionStatus } from '#schemas/api';

type Actor = 'reporter' | 'sst-admin';

interface Move {
  to: SubmissionStatus;
  by: Actor;
}

const MOVES: Record<RevisionAction, Partial<Record<SubmissionStatus, Move>>> = {
  save: {
    not_started: { to: 'draft', by: 'reporter' },
    draft: { to: 'draft', by: 'reporter' },
    returned: { to: 'draft', by: 'reporter' },
  },
  // A coordinator's report started (or started again) from its contributors' answers: a save of its own kind, so the history can say so.
  compose: {
    not_started: { to: 'draft', by: 'reporter' },
    draft: { to: 'draft', by: 'reporter' },
    returned: { to: 'draft', by: 'reporter' },
  },
  prefill: { not_started: { to: 'draft', by: 'reporter' } },
  attach: {
    not_started: { to: 'draft', by: 'reporter' },
    draft: { to: 'draft', by: 'reporter' },
    returned: { to: 'draft', by: 'reporter' },
  },
  // Removing an attachment or going back to an earlier version edits the report: only while it is
  // the organisation's to edit, and there must be something to remove or go back to.
  detach: {
    draft: { to: 'draft', by: 'reporter' },
    returned: { to: 'draft', by: 'reporter' },
  },
  restore: {
    draft: { to: 'draft', by: 'reporter' },
    returned: { to: 'draft', by: 'reporter' },
  },
  submit: {
    draft: { to: 'submitted', by: 'reporter' },
    returned: { to: 'submitted', by: 'reporter' },
  },
  reopen: {
    submitted: { to: 'draft', by: 'reporter' },
    accepted: { to: 'returned', by: 'sst-admin' },
  },
  return: { submitted: { to: 'returned', by: 'sst-admin' } },
  accept: { submitted: { to: 'accepted', by: 'sst-admin' } },
};

const REFUSAL: Partial<Record<SubmissionStatus, [ProblemCode, string]>> = {
  accepted: ['already-accepted', 'Sundhedsstyrelsen har godkendt indberetningen, så den kan ikke længere ændres.'],
  submitted: ['already-submitted', 'Indberetningen er indsendt. Genåbn den, hvis den skal rettes.'],
};

/** Why a report SST has in hand cannot be edited, for the moves that edit it without a REFUSAL code of their own. */
const LOCKED: Partial<Record<SubmissionStatus, string>> = {
  submitted: 'Indberetningen er indsendt og kan ikke ændres. Genåbn den, hvis den skal rettes.',
  accepted: 'Sundhedsstyrelsen har godkendt indberetningen, så den kan ikke længere ændres.',
};

const ACTION_WORDS: Record<RevisionAction, string> = {
  save: 'gemmes',
  compose: 'sammensættes fra bidragene',
  prefill: 'startes fra sidste års svar',
  attach: 'få bilag',
  detach: 'få fjernet bilag',
  restore: 'sættes tilbage til en tidligere version',
  submit: 'indsendes',
  reopen: 'genåbnes',
  return: 'sendes retur',
  accept: 'godkendes',
};

const STATUS_WORDS: Record<SubmissionStatus, string> = {
  not_started: 'ikke påbegyndt',
  draft: 'kladde',
  submitted: 'indsendt',
  returned: 'sendt retur',
  accepted: 'godkendt',
};

/**
 * The state an action leads to, or a Problem that says in plain Danish why it cannot happen.
 * With `actor`, the move must also be that actor's to make (a reporter cannot reopen what SST accepted).
 */
export function nextStatus(from: SubmissionStatus, action: RevisionAction, actor?: string): { to: SubmissionStatus; by: Actor } {
  const move = MOVES[action][from];
  if (move && (actor === undefined || actor === move.by)) return move;
  if (move && from === 'accepted') throw new Problem(REFUSAL.accepted![0], REFUSAL.accepted![1], { currentStatus: from });
  const refusal = action === 'save' || action === 'attach' || action === 'submit' ? REFUSAL[from] : undefined;
  if (refusal) throw new Problem(refusal[0], refusal[1], { currentStatus: from });
  const locked = action === 'detach' || action === 'restore' ? LOCKED[from] : undefined;
  if (locked) throw new Problem('invalid-transition', locked, { currentStatus: from, action });
  throw new Problem(
    'invalid-transition',
    `En indberetning med status "${STATUS_WORDS[from]}" kan ikke ${ACTION_WORDS[action]}.`,
    { currentStatus: from, action },
  );
}

export function allowedActions(from: SubmissionStatus): RevisionAction[] {
  return (Object.keys(MOVES) as RevisionAction[]).filter((a) => MOVES[a][from]);
}
