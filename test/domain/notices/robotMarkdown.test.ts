// A notice as each platform's robot shows it: Chinese first with English beside it, the link to the unit's
// page, the line breaks each markdown needs, and within each platform's size.
import { describe, expect, it } from 'vitest';
import { notificationRequestSchema } from '../../../domain/notices/notifications.ts';
import {
  goesToUnitGroups,
  type RobotPlatform,
  renderRobotMessage,
  robotPlatforms,
} from '../../../domain/notices/robotMarkdown.ts';

const overdue = notificationRequestSchema.parse({
  key: '2027/44/plan/overdue-2027-05-25',
  kind: 'deadline.overdue',
  to: [{ name: '广东省知识产权局', email: 'office@gd.example' }],
  year: 2027,
  unit: { code: '44', nameZh: '广东省知识产权局', nameEn: 'Guangdong Provincial IP Office' },
  track: 'plan',
  deadline: '2027-05-25',
});

describe('renderRobotMessage', () => {
  it('writes the letter in markdown, Chinese first, with the link to the unit page', () => {
    const { title, markdown } = renderRobotMessage(overdue, 'wecom', 'https://wlx.example');
    expect(title).toMatch(/^【2027年知识产权服务万里行】逾期：.*2027-05-25.* \/ Overdue: .*2027-05-25$/);
    const paragraphs = markdown.split('\n\n');
    expect(paragraphs[0]).toMatch(
      /^\*\*【2027年知识产权服务万里行】逾期：[^\n]+\*\*\n\*\*Overdue: [^\n]+\*\*$/,
    );
    expect(paragraphs[1]).toBe('广东省知识产权局：\nTo Guangdong Provincial IP Office:');
    expect(paragraphs[2]).toMatch(/^贵单位[^\n]+\n[A-Z][^\n]+$/);
    expect(paragraphs.at(-2)).toBe('[在线办理 Act online](https://wlx.example/campaigns/2027/units/44)');
    expect(paragraphs.at(-1)).toBe(
      '国家知识产权局知识产权运用促进司\nCNIPA IP Application Promotion Department',
    );
  });

  it("ends DingTalk's lines in two spaces, which its markdown needs to break them", () => {
    const { markdown } = renderRobotMessage(overdue, 'dingtalk');
    expect(markdown).toContain('广东省知识产权局：  \nTo Guangdong Provincial IP Office:');
    // Without the web's address there is no link to give.
    expect(markdown).not.toContain('Act online');
  });

  it('keeps every platform within its size, cutting only the list', () => {
    const feedback = Array.from({ length: 2000 }, (_, i) => `需求${i + 1}已对接 / demand ${i + 1} matched`);
    const long = { ...overdue, kind: 'matching.feedback' as const, feedback };
    const limits: Record<RobotPlatform, number> = { wecom: 4096, dingtalk: 18000, feishu: 18000 };
    for (const platform of robotPlatforms) {
      const { markdown } = renderRobotMessage(long, platform, 'https://wlx.example');
      expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(limits[platform]);
      expect(Buffer.byteLength(markdown)).toBeGreaterThan(limits[platform] - 200);
      expect(markdown).toContain('- 需求1已对接');
      expect(markdown).toContain('其余内容见邮件或网页');
      expect(markdown).toContain('(https://wlx.example/campaigns/2027/units/44)');
    }
  });

  it("leaves the operators' and resources' notices to e-mail", () => {
    expect(goesToUnitGroups('deadline.supervision')).toBe(true);
    expect(goesToUnitGroups('workflow.stuck')).toBe(false);
    expect(goesToUnitGroups('matching.proposalReady')).toBe(false);
    expect(goesToUnitGroups('matching.resourceFeedback')).toBe(false);
  });
});
