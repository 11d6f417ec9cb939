// The units' group robots: a contacts file beside the registry (NOTICE_ROBOTS_FILE, YAML or JSON) naming each
// unit's WeCom, DingTalk and Feishu robots. A webhook address carries its robot's key and a signing secret is
// a password, so neither belongs in the repository or in a workflow's history: the file is the operator's,
// and any value in it may be `{ env: NAME }`, read from the worker's environment instead.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { type RobotPlatform, robotPlatforms } from '../../domain/notices/robotMarkdown.ts';
import { unitCodePattern } from '../../domain/registry.ts';
import { InvalidInputError, parseInput } from '../../domain/validation.ts';

/** Instead of a value: the environment variable that holds it. */
const envReference = z.object({
  env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable, e.g. DINGTALK_44_SECRET'),
});

/** A value written in the file, or `{ env: NAME }`; `hint` says what is wanted when it is missing. */
const valueOrEnv = (value: z.ZodType<string>, hint: string) =>
  z.union([value, envReference], {
    error: (issue) => (issue.input === undefined ? `required: ${hint}` : `${hint}, or { env: NAME }`),
  });

/** http(s) with the query parameter the platform puts its robot's identity in. */
const webhook = (example: string, needs: (url: URL) => boolean) =>
  z.string().refine((text) => {
    try {
      const url = new URL(text);
      return /^https?:$/.test(url.protocol) && needs(url);
    } catch {
      return false;
    }
  }, `the robot's webhook address as the platform shows it, e.g. ${example}`);

const webhooks: Record<RobotPlatform, z.ZodType<string>> = {
  wecom: webhook('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…', (u) => u.searchParams.has('key')),
  dingtalk: webhook('https://oapi.dingtalk.com/robot/send?access_token=…', (u) =>
    u.searchParams.has('access_token'),
  ),
  feishu: webhook('https://open.feishu.cn/open-apis/bot/v2/hook/…', (u) =>
    u.pathname.includes('/bot/v2/hook/'),
  ),
};

const robotEntry = (platform: RobotPlatform, secret: 'required' | 'optional' | 'none') => {
  const url = valueOrEnv(webhooks[platform], `the ${platform} robot's webhook address`);
  if (secret === 'none') return z.object({ url }).strict();
  const signing = valueOrEnv(z.string().min(1), "the robot's signing secret (加签密钥)");
  return z.object({ url, secret: secret === 'required' ? signing : signing.optional() }).strict();
};

const robotsFileSchema = z.object({
  units: z
    .record(
      z.string(),
      z
        .object({
          /** WeCom robots have no signing; the key in the address is the secret. */
          wecom: robotEntry('wecom', 'none').optional(),
          /** Our robots sign every post: the DingTalk robot's security setting "加签", its SEC… secret. */
          dingtalk: robotEntry('dingtalk', 'required').optional(),
          /** Feishu's signature check ("签名校验") is optional on its side. */
          feishu: robotEntry('feishu', 'optional').optional(),
        })
        .strict(),
    )
    .superRefine(
      (units, ctx) => {
        for (const code of Object.keys(units)) {
          if (!unitCodePattern.test(code))
            ctx.addIssue({
              code: 'custom',
              path: [code],
              message: 'a unit code from the registry, e.g. "44"',
            });
        }
        // Also when a unit's robots have mistakes: every mistake of the file is told at once.
      },
      { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
    ),
});

/** One robot, its values resolved. */
export interface Robot {
  platform: RobotPlatform;
  url: string;
  secret?: string;
}

/** Each unit's robots by unit code. */
export type UnitRobots = ReadonlyMap<string, readonly Robot[]>;

export const noRobots: UnitRobots = new Map();

/** Reads and checks the file; every missing environment variable is named at once. */
export async function loadRobotsFile(
  path: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<UnitRobots> {
  return resolveRobots(await readRobotsFile(path), env, `${what} in ${path}`);
}

/**
 * Which platforms each unit has a robot on, and nothing else: what the web shows. It reads no environment
 * variable, so the web needs none of the robots' secrets.
 */
export async function configuredRobots(path: string): Promise<ReadonlyMap<string, RobotPlatform[]>> {
  const file = await readRobotsFile(path);
  return new Map(
    Object.entries(file.units).map(([code, entry]) => [
      code,
      robotPlatforms.filter((platform) => entry[platform] !== undefined),
    ]),
  );
}

const what = 'robots file (NOTICE_ROBOTS_FILE)';

async function readRobotsFile(path: string): Promise<z.output<typeof robotsFileSchema>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InvalidInputError(what, [
      { path, message: `cannot read the file (${(error as NodeJS.ErrnoException).code})` },
    ]);
  }
  let value: unknown;
  try {
    value = extname(path) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new InvalidInputError(what, [
      { path, message: `not valid YAML or JSON: ${(error as Error).message}` },
    ]);
  }
  return parseInput(robotsFileSchema, value, `${what} in ${path}`);
}

function resolveRobots(
  file: z.output<typeof robotsFileSchema>,
  env: NodeJS.ProcessEnv,
  what: string,
): UnitRobots {
  const issues: { path: string; message: string }[] = [];
  const read = (value: string | { env: string }, path: string, platform: RobotPlatform, field: string) => {
    if (typeof value === 'string') return value;
    const found = env[value.env];
    if (!found) issues.push({ path, message: `the environment variable ${value.env} is not set` });
    else if (field === 'url' && !webhooks[platform].safeParse(found).success)
      issues.push({ path, message: `${value.env} does not hold a ${platform} webhook address` });
    return found ?? '';
  };
  const robots = new Map<string, Robot[]>();
  for (const [code, entry] of Object.entries(file.units)) {
    const list: Robot[] = [];
    for (const platform of robotPlatforms) {
      const robot = entry[platform] as { url: string | { env: string }; secret?: string | { env: string } };
      if (!robot) continue;
      const at = `units.${code}.${platform}`;
      const url = read(robot.url, `${at}.url`, platform, 'url');
      const secret = robot.secret && read(robot.secret, `${at}.secret`, platform, 'secret');
      list.push({ platform, url, ...(secret ? { secret } : {}) });
    }
    robots.set(code, list);
  }
  if (issues.length > 0) throw new InvalidInputError(what, issues);
  return robots;
}
