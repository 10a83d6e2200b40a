/**
 * What the bot remembers between runs: answer feedback, abstentions and the audit trail of corpus changes.
 * Recording never fails a request: implementations log their own errors and carry on.
 */
import type { CorpusDiff } from '../corpus/diff.js';

/** Who asked for something. Discord user ids are stored only as salted hashes. */
export interface Actor {
  /** Discord user id, when a person asked; `null`/absent for the file watcher, SIGHUP and the console. */
  userId?: string | null;
  /** The way in: `discord`, `console`, `watch`, `sighup`, … */
  via: string;
}

/** A 👍/👎 on an answer. */
export interface FeedbackInput {
  userId: string;
  vote: 'up' | 'down';
  question: string;
  /** The passage the answer came from; `null` when the reply had none. */
  passageId: string | null;
  /** Corpus version that answered. */
  version: string;
}

/** A question the corpus did not answer. */
export interface AbstentionInput {
  userId?: string | null;
  question: string;
  /** The topics offered instead. */
  suggestions: string[];
  version: string;
}

/** The corpus changes the audit trail records. */
export type CorpusAction = 'reload' | 'add' | 'remove' | 'restore';

/** One attempted corpus change. */
export interface AuditInput {
  actor: Actor;
  action: CorpusAction;
  /** Document id or file the action was about; `null` for a reload. */
  target: string | null;
  /** Whether it took effect; a refused or failed change is recorded too, with `error`. */
  ok: boolean;
  versionBefore: string;
  /** Version live afterwards (equal to `versionBefore` when it failed). */
  versionAfter: string;
  diff: CorpusDiff | null;
  error?: string | null;
}

/** A recorded corpus change. */
export interface AuditEntry extends Omit<AuditInput, 'actor'> {
  /** ISO 8601. */
  at: string;
  via: string;
  /** Salted hash of the Discord user id; `null` when no person asked. */
  userHash: string | null;
}

/** Questions worded alike that the corpus failed on. */
export interface Gap {
  /** The most frequent wording (the latest among equals). */
  example: string;
  count: number;
  /** How many were abstentions, and how many answers got 👎. */
  abstained: number;
  disliked: number;
  /** ISO 8601 of the latest one. */
  lastAt: string;
}

/** The persistent records. {@link disabledRecords} is the stand-in when the database is unavailable. */
export interface Records {
  /** False for the stand-in that keeps nothing. */
  readonly enabled: boolean;
  feedback(input: FeedbackInput): void;
  abstention(input: AbstentionInput): void;
  audit(input: AuditInput): void;
  /** Corpus changes, latest first. */
  history(limit?: number): AuditEntry[];
  /** Abstentions and 👎 answers of the last `days` days, grouped by similar wording, most frequent first. */
  gaps(days: number): Gap[];
  /** Deletes rows older than the retention period; returns how many went. */
  prune(): number;
  close(): void;
}

/** Records that keep nothing: what the bot runs with when the database cannot be opened. */
export function disabledRecords(): Records {
  return {
    enabled: false,
    feedback: () => {},
    abstention: () => {},
    audit: () => {},
    history: () => [],
    gaps: () => [],
    prune: () => 0,
    close: () => {},
  };
}
