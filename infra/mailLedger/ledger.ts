// The mail ledger: who is sending which notice, and which were delivered, by business key. SMTP has no
// idempotency key, workers restart and Temporal retries activities, so every delivery first claims its key
// here (the intent) and afterwards records how it ended (the outcome). One ledger serves every worker.
// A group robot's post is a delivery too, under the key `<business key>@<platform>`.

/** What a claim on a business key found. */
export type Claim =
  /** This attempt may send. `takenOver`: an earlier attempt ended without knowing whether its message went out. */
  | { kind: 'claimed'; token: string; takenOver: boolean }
  /** Already delivered: do not send again. */
  | { kind: 'sent'; messageId: string; sentAt: string }
  /** Another attempt is sending it now (its lease runs until `leaseUntil`): try again later. */
  | { kind: 'busy'; leaseUntil: string };

export interface MailLedger {
  /** Atomically takes the key unless it was delivered or another live attempt holds it. */
  claim(key: string, messageId: string): Promise<Claim>;
  /** Extends a live claim while its delivery goes on; false once it has been taken over. */
  renew(key: string, token: string): Promise<boolean>;
  /** How often a live claim must be renewed to keep it. */
  readonly renewEveryMs: number;
  /** The server accepted the message. */
  markSent(key: string, token: string): Promise<void>;
  /** The delivery failed in a way that may have come after the server accepted it. */
  markUncertain(key: string, token: string): Promise<void>;
  /** The server refused the message: it was never delivered, and a retry sends it fresh. */
  release(key: string, token: string): Promise<void>;
  /**
   * Takes a slot for one post by the robot `robot` (a digest of its address) if every window still has
   * room, across all workers: 0 when taken, else how many milliseconds until one frees.
   */
  takeSlot(robot: string, windows: readonly { limit: number; ms: number }[]): Promise<number>;
  close(): Promise<void>;
}
