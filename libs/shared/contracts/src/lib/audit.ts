/** One entry of the tamper-evident audit trail. Digests, never record contents: no victim data in clear. */
export interface AuditEntryView {
  seq: number;
  at: string;
  actorId: string | null;
  /** The actor's name, looked up when the list is read; null for the system or an unknown id. */
  actorName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  /**
   * The target's name when it is a person, agency, position, plan, meeting or task force; null otherwise
   * (a case stays its code: a victim's name never appears in the trail).
   */
  targetName: string | null;
  jurisdictionCode: string | null;
  requestId: string | null;
  beforeDigest: string | null;
  afterDigest: string | null;
  /** Why a record was read or changed, e.g. `assignee`, `team`, `oversight`, `review`; null when not given. */
  purpose: string | null;
  hash: string;
}

/** `GET /audit?kind=read`: only reads (actions ending in `.read`, and `person.list`). */
export const AUDIT_KINDS = ['read'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/**
 * Why an entry breaks the chain: its content does not match its hash (`content`), its link to the entry
 * before does not (`link`), an unkeyed entry follows keyed ones (`version`: only the oldest entries, written
 * before keys were introduced, may be unkeyed), or it was sealed with a key that is not configured (`key`).
 */
export type AuditBreakReason = 'content' | 'link' | 'version' | 'key';

/** A signed note of the chain's head, kept outside the table (files and log lines). */
export interface AuditCheckpointView {
  seq: number;
  hash: string;
  /** When the head was seen. */
  at: string;
  /** Where it was read: a checkpoint file's name, or a log file and line. */
  source: string;
}

/** What the checkpoints show that the table no longer has. */
export type AuditCheckpointMismatch =
  /** Entries `fromSeq`..`toSeq` are gone (`fromSeq` = 1 and no head: the table was emptied). */
  | { kind: 'missing'; fromSeq: number; toSeq: number; checkpoint: AuditCheckpointView }
  /** Entry `seq` exists but is not the entry the checkpoint saw (rewritten, or the table was reset and refilled). */
  | { kind: 'altered'; seq: number; hash: string; checkpoint: AuditCheckpointView };

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The first entry whose hash does not match its content or its predecessor. */
  firstBroken: { seq: number; reason: AuditBreakReason; keyId?: string } | null;
  /** The newest entry in the table; null when it is empty. */
  head: { seq: number; hash: string } | null;
  checkpoints: {
    /** False when no checkpoint directory is configured: a removed tail cannot be detected. */
    configured: boolean;
    /** Checkpoints whose signature verified. */
    valid: number;
    newest: AuditCheckpointView | null;
    /** Checkpoints that were not trusted, and why; they do not change the verdict. */
    ignored: { source: string; reason: 'signature' | 'unknown-key' | 'malformed' }[];
    /** The checkpoint that disagrees with the table, the newest one when several do. */
    mismatch: AuditCheckpointMismatch | null;
  };
}
