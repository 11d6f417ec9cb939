// A unit's submission: its payloads read and checked, every one before the first is sent, then sent as
// updates to the unit's workflow. Reading and sending are apart, so that a dry run, or a caller with the
// payloads already in hand, takes only the step it needs.
import type { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { UserError } from '../../infra/userError.ts';
import {
  recordActivityUpdate,
  submitDemandListUpdate,
  submitSummaryUpdate,
  submitWorkPlanUpdate,
  unitWorkflowId,
} from '../../workflows/shared/messages.ts';
import type { UnitStatus } from '../../workflows/shared/status.ts';
import { type Acting, recordAction, updateIdOf } from './audit/acting.ts';
import {
  type Payloads,
  payloadReaders,
  type StoredDocument,
  type SubmissionFiles,
  type SubmissionKind,
} from './submissionPayloads.ts';

/** The update that carries each kind. */
const updates: { [K in SubmissionKind]: UpdateDefinition<UnitStatus, [Payloads[K]]> } = {
  plan: submitWorkPlanUpdate,
  demands: submitDemandListUpdate,
  activity: recordActivityUpdate,
  results: submitSummaryUpdate,
  summary: submitSummaryUpdate,
};

export interface LoadedSubmission<K extends SubmissionKind> {
  payloads: Payloads[K][];
  /** The documents stored on the way (none on a dry run). */
  documents: StoredDocument[];
}

export async function loadSubmission<K extends SubmissionKind>(
  kind: K,
  options: SubmissionFiles,
): Promise<LoadedSubmission<K>> {
  if (!options.file && !(kind === 'summary' && options.written)) {
    throw new UserError(
      kind === 'summary'
        ? '缺少 --file 或 --written (give --file, --written or both)'
        : '缺少 --file (give --file)',
    );
  }
  const documents: StoredDocument[] = [];
  const payloads = await payloadReaders[kind](options.file ?? '', options, documents);
  return { payloads, documents };
}

export interface SubmissionTarget {
  year: number;
  unit: string;
  /** A retry key: the same id is applied once. Several payloads (activity rows) get -1, -2, ... */
  updateId?: string | undefined;
}

/**
 * Sends the payloads one after another and returns the unit's status after the last. When one fails after
 * others were recorded, `onPartialFailure` hears how many were, before the error is thrown on.
 */
export async function sendSubmission<K extends SubmissionKind>(
  client: Client,
  kind: K,
  target: SubmissionTarget,
  payloads: readonly Payloads[K][],
  onPartialFailure: (recorded: number, total: number) => void = () => {},
  acting?: Acting,
): Promise<UnitStatus> {
  const workflowId = unitWorkflowId(target.year, target.unit);
  const handle = client.workflow.getHandle(workflowId);
  const update: UpdateDefinition<UnitStatus, [Payloads[K]]> = updates[kind];
  const retryKey = target.updateId ?? updateIdOf(acting);
  let status: UnitStatus | undefined;
  for (const [i, payload] of payloads.entries()) {
    const updateId = payloads.length === 1 ? retryKey : `${retryKey}-${i + 1}`;
    try {
      status = await handle.executeUpdate(update, { args: [payload], updateId });
    } catch (error) {
      if (i > 0) onPartialFailure(i, payloads.length);
      throw error;
    }
    await recordAction(acting, {
      workflowId,
      updateId,
      kind: `submission.${kind}`,
      year: target.year,
      unitCode: target.unit,
      detail: payloads.length === 1 ? {} : { part: `${i + 1}/${payloads.length}` },
    });
  }
  if (!status) throw new UserError('没有可提交的内容 (nothing to submit)');
  return status;
}
