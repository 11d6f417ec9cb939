// The year's key-guidance regions (重点指导地区) and exchange hosts (交流活动承办方): what CNIPA chose, and
// for operators the form that chooses them, until the matching feedback goes out.
import type { Context } from 'hono';
import { html } from 'hono/html';
import type { DesignateKeyRegions } from '../../../../domain/matching/decisions.ts';
import type { CampaignOverview } from '../../../../reads/campaignStatus.ts';
import type { WebServices } from '../../routeSpec.ts';
import type { WebEnv } from '../../rules.ts';
import { csrfField, type FieldError, formErrors } from '../forms.ts';
import { type Html, langOf, t } from '../html.ts';
import { inLang, shortName } from './labels.ts';

/** The form's fields as it labels them: errors name them so. */
export const keyRegionLabels = {
  regions: { zh: '重点指导地区（3–4 个）', en: 'Key-guidance regions (3–4)' },
  exchangeHosts: { zh: '交流活动承办方（1–2 个）', en: 'Exchange hosts (1–2)' },
};

/** The form's fields as arrays, whether one, several or none was sent. */
export function keyRegionFields(fields: Record<string, unknown>): {
  regions: string[];
  exchangeHosts: string[];
} {
  const list = (value: unknown) =>
    (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
      (v): v is string => typeof v === 'string',
    );
  return {
    regions: list(fields.regions),
    exchangeHosts: list(fields.exchangeHosts).filter((h) => h.trim() !== ''),
  };
}

/** What the form shows after a refusal: the operator's choice and what was wrong with it. */
export interface KeyRegionsAttempt {
  values: DesignateKeyRegions;
  errors: FieldError[];
  /** 422 for a bad choice, 409 when the campaign no longer takes one. */
  status: 409 | 422;
}

function designation(status: CampaignOverview): Html {
  const chosen = status.keyRegions;
  if (!chosen) return html`<p class="muted">${t('尚未确定。', 'Not designated yet.')}</p>`;
  const names = new Map(status.units.map((u) => [u.unitCode, shortName(u)]));
  return html`<dl class="facts">
    <dt>${t('重点指导地区', 'Key-guidance regions')}</dt>
    <dd>${chosen.regions.map((code) => {
      const name = names.get(code) ?? { zh: code, en: code };
      return html`<span class="badge">${code} ${t(name.zh, name.en)}</span> `;
    })}</dd>
    <dt>${t('交流活动承办方', 'Exchange hosts')}</dt>
    <dd>${chosen.exchangeHosts.join('；')}</dd>
  </dl>`;
}

function designationForm(
  c: Context<WebEnv>,
  services: WebServices,
  status: CampaignOverview,
  attempt: KeyRegionsAttempt | undefined,
): Html {
  const values = attempt?.values ?? status.keyRegions ?? { regions: [], exchangeHosts: [] };
  const hosts = [values.exchangeHosts[0] ?? '', values.exchangeHosts[1] ?? ''];
  const lang = langOf(c);
  return html`<form method="post" action="/campaigns/${status.year}/key-regions" id="key-regions-form">
    ${csrfField(c, services)}
    ${formErrors(attempt?.errors ?? [])}
    <fieldset>
      <legend>${t(keyRegionLabels.regions.zh, keyRegionLabels.regions.en)}</legend>
      <div class="checks">${status.units.map((u) => {
        const name = shortName(u);
        return html`<label title="${u.nameZh} ${u.nameEn}"><input type="checkbox" name="regions"
          value="${u.unitCode}" ${values.regions.includes(u.unitCode) ? 'checked' : ''}> ${u.unitCode} ${inLang(lang, name)}</label>`;
      })}</div>
    </fieldset>
    <label for="host-1">${t(keyRegionLabels.exchangeHosts.zh, keyRegionLabels.exchangeHosts.en)}</label>
    <p class="muted">${t('知识产权服务业集聚区或服务出口基地', 'IP-service clusters or service export bases')}</p>
    <input type="text" id="host-1" name="exchangeHosts" value="${hosts[0]}" maxlength="200">
    <input type="text" id="host-2" name="exchangeHosts" value="${hosts[1]}" maxlength="200"
      aria-label="${keyRegionLabels.exchangeHosts.zh} 2">
    <p><button>${status.keyRegions ? t('更新', 'Update') : t('确定', 'Designate')}</button></p>
  </form>`;
}

export function keyRegionsSection(
  c: Context<WebEnv>,
  services: WebServices,
  status: CampaignOverview,
  canAct: boolean,
  attempt?: KeyRegionsAttempt,
): Html {
  return html`<section class="card" id="key-regions">
    <h2>${t('重点指导地区与交流活动', 'Key regions and exchange hosts')}</h2>
    ${designation(status)}
    ${
      !canAct
        ? ''
        : status.feedbackSent
          ? html`<p class="muted">${t('匹配反馈已发出，不能再更改。', 'The matching feedback has gone out: no more changes.')}</p>`
          : html`<details ${attempt || !status.keyRegions ? 'open' : ''}>
              <summary>${status.keyRegions ? t('更改', 'Change') : t('确定重点地区', 'Designate')}</summary>
              ${designationForm(c, services, status, attempt)}
            </details>`
    }
  </section>`;
}
