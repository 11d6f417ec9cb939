import { describe, expect, it } from 'vitest';
import { renderNotification } from '../../../domain/notices/mailTemplates.ts';
import {
  type NotificationRequest,
  notificationRequestSchema,
} from '../../../domain/notices/notifications.ts';
import { InvalidInputError } from '../../../domain/validation.ts';

const base = {
  to: [{ name: '广东省知识产权局', email: 'office@gd.example' }],
  year: 2027,
  unit: { code: '44', nameZh: '广东省知识产权局', nameEn: 'Guangdong Provincial IP Office' },
};

function render(req: Omit<NotificationRequest, 'to' | 'year' | 'unit'>) {
  return renderNotification(notificationRequestSchema.parse({ ...base, ...req }));
}

const signOff = '国家知识产权局知识产权运用促进司\nCNIPA IP Application Promotion Department';

describe('renderNotification', () => {
  it('reminds of the plan deadline, with the days left, Chinese first', () => {
    const mail = render({
      key: '2027/44/plan/reminder-7d',
      kind: 'deadline.reminder',
      track: 'plan',
      deadline: '2027-05-25',
      daysLeft: 7,
    });
    expect(mail.subject).toBe(
      '【2027年知识产权服务万里行】提醒：工作方案和需求清单将于2027-05-25截止 / ' +
        'Reminder: work plan and demand list due 2027-05-25',
    );
    expect(mail.text).toContain('距截止还有7天');
    expect(mail.text).toContain('7 days from now');
    expect(mail.text.indexOf('贵单位')).toBeLessThan(mail.text.indexOf('Your work plan'));
    expect(mail.text.startsWith('广东省知识产权局：\nTo Guangdong Provincial IP Office:')).toBe(true);
    expect(mail.text.endsWith(signOff)).toBe(true);
  });

  it('tells the operators of a stuck unit once per run, with what recovers it, linking the dashboard', () => {
    const req = notificationRequestSchema.parse({
      ...base,
      key: '2027/44/stuck-0190-run',
      kind: 'workflow.stuck',
      feedback: ['工作流 Workflow: wanlixing-2027-44 (run 0190-run)'],
    });
    const mail = renderNotification(req, 'https://wanlixing.example');
    expect(mail.subject).toBe(
      '【2027年知识产权服务万里行】流程停滞需处理：广东省知识产权局 / Stuck, an operator is needed: Guangdong Provincial IP Office',
    );
    expect(mail.text.startsWith('运用促进司：\nTo the Application Promotion Department:')).toBe(true);
    expect(mail.text).toContain('- 工作流 Workflow: wanlixing-2027-44 (run 0190-run)');
    expect(mail.text).toContain('wlx unit recover --year 2027 --unit 44');
    expect(mail.text).toContain('活动总览：https://wanlixing.example/campaigns/2027');
    expect(() => render({ key: 'k', kind: 'workflow.stuck' })).toThrow(InvalidInputError);
  });

  it('says "1 day" and "today" correctly', () => {
    const req = { key: 'k', kind: 'deadline.reminder', track: 'summary', deadline: '2027-11-10' } as const;
    expect(render({ ...req, daysLeft: 1 }).text).toContain('1 day from now');
    expect(render({ ...req, daysLeft: 0 }).text).toMatch(/今日截止.*\n.*that is today/);
  });

  it('names the summary track in both languages', () => {
    const mail = render({ key: 'k', kind: 'deadline.overdue', track: 'summary', deadline: '2027-11-10' });
    expect(mail.subject).toBe(
      '【2027年知识产权服务万里行】逾期：书面总结和成果总结已超过2027-11-10截止日期 / ' +
        'Overdue: written summary and results summary was due 2027-11-10',
    );
    expect(mail.text).toContain('书面总结和成果总结');
    expect(mail.text).toContain('written summary and results summary');
  });

  it('addresses urging and supervision to the leadership', () => {
    const fields = { track: 'plan', deadline: '2027-05-25' } as const;
    const urging = render({ key: 'k', kind: 'deadline.urging', ...fields });
    expect(urging.subject).toContain(
      '催办：工作方案和需求清单逾期未报送 / Urging: work plan and demand list',
    );
    expect(urging.text).toMatch(
      /^广东省知识产权局负责同志：\nTo the leadership of Guangdong Provincial IP Office:/,
    );

    const supervision = render({ key: 'k', kind: 'deadline.supervision', ...fields });
    expect(supervision.subject).toContain('督办：工作方案和需求清单逾期未报送 / Supervision:');
    expect(supervision.text).toContain('国家知识产权局对口联系部门和知识产权运用促进司予以督办');
    expect(supervision.text).toContain('paired CNIPA department and the IP Application Promotion Department');
    expect(supervision.text).toMatch(/^广东省知识产权局负责同志：/);
  });

  it('gives the new deadline of an extension', () => {
    const mail = render({ key: 'k', kind: 'deadline.extended', track: 'plan', deadline: '2027-06-05' });
    expect(mail.subject).toContain('延期：工作方案和需求清单截止日期延至2027-06-05');
    expect(mail.subject).toContain('Extension: work plan and demand list now due 2027-06-05');
  });

  it('says what was returned, why, and by when to resubmit', () => {
    const mail = render({
      key: 'k',
      kind: 'submission.returned',
      track: 'plan',
      deadline: '2027-06-01',
      returned: { what: 'demandList', reason: '缺少联系人电话' },
    });
    expect(mail.subject).toContain(
      '退回修改：需求清单（附件1） / Returned for revision: demand list (Annex 1)',
    );
    expect(mail.text).toContain('退回原因：缺少联系人电话');
    expect(mail.text).toContain('Reason: 缺少联系人电话');
    expect(mail.text).toContain('请修改后于2027-06-01前重新报送');
    expect(mail.text).toContain('resubmit it by 2027-06-01');
  });

  it('lists every matching feedback line', () => {
    const feedback = [
      '需求 D1 已匹配：专利局审查业务管理部 / Demand D1 matched to Patent Office',
      '贵地区已列为重点指导地区',
    ];
    const mail = render({ key: 'k', kind: 'matching.feedback', feedback });
    expect(mail.subject).toBe('【2027年知识产权服务万里行】需求对接反馈 / Feedback on demand matching');
    expect(mail.text).toContain(`- ${feedback[0]}\n- ${feedback[1]}`);
  });

  it('announces the launch, with the deadline for reporting units only', () => {
    const notified = render({ key: 'k', kind: 'campaign.launched' });
    expect(notified.subject).toBe(
      '【2027年知识产权服务万里行】活动启动通知 / Notice of launch: 2027 IP Service Campaign',
    );
    expect(notified.text).toContain('2027年知识产权服务万里行活动现已启动');
    expect(notified.text).toContain('The 2027 IP Service Campaign has been launched');
    expect(notified.text).not.toContain('报送');

    const reporting = render({ key: 'k', kind: 'campaign.launched', track: 'plan', deadline: '2027-05-25' });
    expect(reporting.text).toContain('请于2027-05-25前报送工作方案和需求清单');
    expect(reporting.text).toContain('submit your work plan and demand list by 2027-05-25');
  });

  it("links to the page where the reader acts, when the web's address is known", () => {
    const reminder = {
      key: 'k',
      kind: 'deadline.reminder',
      track: 'plan',
      deadline: '2027-05-25',
      daysLeft: 3,
    } as const;
    const web = 'https://wanlixing.cnipa.example';
    const linked = renderNotification(notificationRequestSchema.parse({ ...base, ...reminder }), web).text;
    expect(linked).toContain(
      `在线办理：${web}/campaigns/2027/units/44\nAct online: ${web}/campaigns/2027/units/44`,
    );
    expect(linked.endsWith(signOff)).toBe(true);
    expect(render(reminder).text).not.toContain('/campaigns/');
    const proposal = renderNotification(
      notificationRequestSchema.parse({
        ...base,
        key: 'p',
        kind: 'matching.proposalReady',
        feedback: ['3 demands'],
      }),
      web,
    ).text;
    expect(proposal).toContain(`${web}/campaigns/2027/matching`);
    const toProvider = renderNotification(
      notificationRequestSchema.parse({
        ...base,
        key: 'r',
        kind: 'matching.resourceFeedback',
        feedback: ['x'],
      }),
      web,
    ).text;
    expect(toProvider).not.toContain(web);
  });

  it('rejects a notice that lacks a field its kind needs, naming the field', () => {
    expect(() =>
      render({ key: 'k', kind: 'deadline.reminder', track: 'plan', deadline: '2027-05-25' }),
    ).toThrow(InvalidInputError);
    expect(() => render({ key: 'k', kind: 'deadline.overdue', track: 'plan' })).toThrow(
      /deadline: required for a deadline\.overdue notice/,
    );
  });
});
