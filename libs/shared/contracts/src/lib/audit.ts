/** One entry of the tamper-evident audit trail. Digests, never record contents: no victim data in clear. */
export interface AuditEntryView {
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  jurisdictionCode: string | null;
  requestId: string | null;
  beforeDigest: string | null;
  afterDigest: string | null;
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The first entry whose hash does not match its content or its predecessor. */
  firstBroken: { seq: number; reason: 'content' | 'link' } | null;
}
