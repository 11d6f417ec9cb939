// What the unit's forms do: read the form or the uploaded file with the same functions as `wlx submit`
// (importSpreadsheet, the document store, sendSubmission), then send it under the form's update id, so a
// form sent twice is applied once. Each answers what to tell the unit, or the failure to show in the form.
import { basename } from 'node:path';
import type { Context } from 'hono';
import { z } from 'zod';
import type { Bilingual } from '../../../../domain/labels.ts';
import { summarySubmissionSchema } from '../../../../domain/submissions.ts';
import { parseInput } from '../../../../domain/validation.ts';
import { putDocumentUpload } from '../../../operations/documents.ts';
import { importSpreadsheet } from '../../../operations/spreadsheets/importSubmission.ts';
import type { Payloads, SubmissionKind } from '../../../operations/submissionPayloads.ts';
import { sendSubmission } from '../../../operations/submit.ts';
import { actingFor } from '../../acting.ts';
import type { WebServices } from '../../routeSpec.ts';
import type { WebEnv } from '../../rules.ts';
import { readForm } from '../forms.ts';
import { readActivityForm } from './activityForm.ts';
import { type Failure, type FormId, failureOf, plainErrors } from './failures.ts';
import { fileOf, formUpdateId, text, textValues, updateIdSchema } from './inputs.ts';
import { readPlanForm } from './planForm.ts';

export type Outcome = { done: Bilingual } | Failure;
type Target = { year: number; unit: string };

const bytesOf = async (file: File) => new Uint8Array(await file.arrayBuffer());
/** The name a browser sent, without any folder some browsers add. */
const nameOf = (file: File) => basename(file.name.replaceAll('\\', '/'));

const uploadLabels = {
  file: { zh: '文件', en: 'File' },
  written: { zh: '书面总结文件', en: 'Written summary document' },
  results: { zh: '成果汇总表（附件2）', en: 'Results summary (Annex 2)' },
  title: { zh: '书面总结标题', en: 'Title of the written summary' },
  updateId: { zh: '表单', en: 'Form' },
} satisfies Record<string, Bilingual>;

async function send<K extends SubmissionKind>(
  c: Context,
  services: WebServices,
  form: FormId,
  kind: K,
  target: Target & { updateId: string },
  payloads: Payloads[K][],
): Promise<Failure | null> {
  let recorded = 0;
  try {
    await sendSubmission(
      services.client,
      kind,
      { ...target, updateId: formUpdateId(target.updateId) },
      payloads,
      (n) => {
        recorded = n;
      },
      actingFor(c, services, (c as Context<WebEnv>).get('principal')),
    );
    return null;
  } catch (error) {
    const failure = failureOf(form, error);
    if (recorded > 0 && failure.message) {
      failure.message = {
        zh: `已记录前 ${recorded} 条，其余未记录。${failure.message.zh}`,
        en: `The first ${recorded} were recorded, the rest were not. ${failure.message.en}`,
      };
    }
    return failure;
  }
}

const withFile = z.object({
  file: z
    .instanceof(File, { error: '请选择文件 choose a file' })
    .refine((f) => f.size > 0, '文件是空的 the file is empty'),
  updateId: updateIdSchema,
});

/** The demand list (Annex 1) or activity records from their .xlsx templates. */
export async function submitSpreadsheet(
  c: Context,
  services: WebServices,
  target: Target,
  form: 'demands' | 'activities',
): Promise<Outcome> {
  const read = await readForm(c, withFile, uploadLabels);
  if (!read.ok) return { form, status: 422, errors: plainErrors(read.errors) };
  const { file, updateId } = read.data;
  try {
    const bytes = await bytesOf(file);
    const options = { unitCode: target.unit, year: target.year };
    const failure =
      form === 'demands'
        ? await send(c, services, form, 'demands', { ...target, updateId }, [
            await importSpreadsheet('demands', nameOf(file), bytes, options),
          ])
        : await send(
            c,
            services,
            form,
            'activity',
            { ...target, updateId },
            await importSpreadsheet('activities', nameOf(file), bytes, options),
          );
    if (failure) return failure;
  } catch (error) {
    return failureOf(form, error);
  }
  return form === 'demands'
    ? { done: { zh: '需求清单已报送', en: 'The demand list was submitted' } }
    : { done: { zh: '活动记录已报送', en: 'The activity records were submitted' } };
}

/** The summary: the written document into the store and/or Annex 2 from its .xlsx. */
export async function submitSummary(c: Context, services: WebServices, target: Target): Promise<Outcome> {
  const fields = await c.req.parseBody({ all: true });
  const values = textValues(fields);
  const written = fileOf(fields.written);
  const results = fileOf(fields.results);
  const updateId = updateIdSchema.safeParse(fields.updateId);
  if (!updateId.success || (!written && !results)) {
    return {
      form: 'summary',
      status: 422,
      values,
      errors: [
        ...(updateId.success
          ? []
          : [
              {
                field: 'updateId',
                label: uploadLabels.updateId,
                message: updateId.error.issues[0]?.message ?? '',
              },
            ]),
        ...(written || results
          ? []
          : [
              {
                field: 'written',
                label: uploadLabels.written,
                message: '请上传书面总结、成果汇总表或两者 (upload the written summary, Annex 2 or both)',
              },
            ]),
      ],
    };
  }
  try {
    const annex2 =
      results &&
      (await importSpreadsheet('results', nameOf(results), await bytesOf(results), {
        unitCode: target.unit,
        year: target.year,
      }));
    let document:
      | { title: string; document: { fileName: string; sha256: string; sizeBytes: number } }
      | undefined;
    if (written) {
      const put = await putDocumentUpload(nameOf(written), await bytesOf(written));
      const title = text(fields.title) ?? put.reference.fileName.replace(/\.[^.]+$/, '');
      document = { title, document: put.reference };
    }
    const summary = parseInput(
      summarySubmissionSchema,
      { ...(annex2 && { results: annex2 }), ...(document && { written: document }) },
      'summary',
    );
    const failure = await send(c, services, 'summary', 'summary', { ...target, updateId: updateId.data }, [
      summary,
    ]);
    if (failure) return { ...failure, values };
  } catch (error) {
    return failureOf('summary', error, values);
  }
  return { done: { zh: '总结已报送', en: 'The summary was submitted' } };
}

export async function submitPlan(c: Context, services: WebServices, target: Target): Promise<Outcome> {
  const read = await readPlanForm(c);
  if (!('ok' in read)) return read;
  const { plan, file, updateId } = read.form;
  const values = textValues(await c.req.parseBody({ all: true }));
  try {
    const put = await putDocumentUpload(nameOf(file), await bytesOf(file));
    const failure = await send(c, services, 'plan', 'plan', { ...target, updateId }, [
      { ...plan, document: put.reference },
    ]);
    if (failure) return { ...failure, values };
  } catch (error) {
    return failureOf('plan', error, values);
  }
  return { done: { zh: '工作方案已报送', en: 'The work plan was submitted' } };
}

export async function submitActivity(c: Context, services: WebServices, target: Target): Promise<Outcome> {
  const read = await readActivityForm(c);
  if (!('ok' in read)) return read;
  const failure = await send(c, services, 'activity', 'activity', { ...target, updateId: read.updateId }, [
    read.activity,
  ]);
  if (failure) return { ...failure, values: textValues(await c.req.parseBody({ all: true })) };
  return {
    done: { zh: `活动“${read.activity.title}”已记录`, en: `Activity "${read.activity.title}" was recorded` },
  };
}
