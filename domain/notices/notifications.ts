// What the workflows ask the mail activity to send. Workflows resolve recipients to addresses
// (they hold the registry in their input); the activity renders and delivers.
import { z } from 'zod';
import { lazySchema } from '../lazySchema.ts';

export const notificationKinds = [
  'campaign.launched',
  'deadline.reminder',
  'deadline.overdue',
  'deadline.urging',
  'deadline.supervision',
  'deadline.extended',
  'submission.returned',
  'matching.feedback',
  'matching.proposalReady',
  'matching.resourceFeedback',
  /** To the operators: a workflow of the year whose tasks keep failing (it stands still). */
  'workflow.stuck',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Which deliverable a deadline belongs to: plan = work plan + demand list (May 25), summary = written + results summary (Nov 10). */
export const tracks = ['plan', 'summary'] as const;
export type Track = (typeof tracks)[number];

/** Whom a notice goes to, by role; the workflows resolve roles to addresses from the registry. */
export const recipientRoles = [
  'unitOffice',
  'unitLeadership',
  'pairedResource',
  'promotionDepartment',
] as const;
export type RecipientRole = (typeof recipientRoles)[number];

export const recipientSchema = lazySchema(() =>
  z.object({
    name: z.string().min(1),
    email: z.email(),
  }),
);
export type Recipient = z.infer<typeof recipientSchema>;

export const notificationRequestSchema = lazySchema(() =>
  z.object({
    /** Business key, unique per message: the sent-ledger key and the source of the Message-ID. */
    key: z.string().regex(/^[A-Za-z0-9._/-]+$/, 'use letters, digits, ".", "_", "/" and "-" only'),
    kind: z.enum(notificationKinds),
    to: z.array(recipientSchema).min(1),
    cc: z.array(recipientSchema).default([]),
    year: z.number().int(),
    unit: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
    track: z.enum(tracks).optional(),
    /** Nominal deadline as shown to people, e.g. "2022-05-25" (Asia/Shanghai). */
    deadline: z.string().optional(),
    daysLeft: z.number().int().optional(),
    /** What was returned for revision, and why. */
    returned: z.object({ what: z.string(), reason: z.string() }).optional(),
    /** Matching lines (feedback, a proposal's figures, a resource's matches), already phrased for the reader. */
    feedback: z.array(z.string()).optional(),
  }),
);
export type NotificationRequest = z.input<typeof notificationRequestSchema>;

export interface NotificationReceipt {
  key: string;
  messageId: string;
  /** False when the sent-ledger shows this key was already delivered (a retried activity). */
  sentNow: boolean;
  /** The unit's group robots, when it has any: each platform, and whether this attempt posted it. */
  robots?: { channel: string; sentNow: boolean }[];
}
