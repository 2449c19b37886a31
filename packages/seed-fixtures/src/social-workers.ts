import { pad, SeededRandom } from './random';
import { SEED_YEAR } from './seed-clock';
import { SOCIAL_ORGANIZATIONS } from './social-orgs';
import { COMMUNITIES, communityByName } from './territory';

export type Education = 'JUNIOR_HIGH_OR_BELOW' | 'SENIOR_HIGH' | 'JUNIOR_COLLEGE' | 'BACHELOR' | 'POSTGRADUATE';
export type CertificateLevel = 'ASSISTANT_SOCIAL_WORKER' | 'SOCIAL_WORKER' | 'SENIOR_SOCIAL_WORKER';

export interface SocialWorkerFixture {
  id: string;
  name: string;
  organizationId: string;
  communityId: string;
  streetId: string;
  /** YYYY-MM-DD */
  birthDate: string;
  education: Education;
  certificate: { level: CertificateLevel; certifiedOn: string } | null;
  /** One of the 166 whose annual target evaluation (目标考评) the report counts. */
  underTargetEvaluation: boolean;
}

/** The social workers under annual target evaluation (目标考评), with the report's shares. */
export const SOCIAL_WORKER_COUNT = 166;
export const SOCIAL_WORKERS_UNDER_35 = 141;
export const SOCIAL_WORKERS_COLLEGE_OR_ABOVE = 153;
export const SOCIAL_WORKERS_CERTIFIED = 33;

/**
 * 已有100多名社工师: the district's certified social workers besides the 33 of the 166 — staff of
 * organizations and communities who are not under the district's target evaluation.
 */
export const OTHER_CERTIFIED_SOCIAL_WORKERS = 72;

/** 武汉路社区 has three professional (certified) social workers, all from 欣和社工. */
const WUHAN_ROAD_WORKERS = 3;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔'.split('');
const GIVEN = '佳欣雨涵梓萱浩然子轩一诺思远晓雯嘉怡宇航文博静怡若曦俊杰雅琪志鹏梦瑶'.split('');

function shuffled<T>(items: T[], rng: SeededRandom): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng.next() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const isoDay = (year: number, dayOfYear: number) => new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);

function build(): SocialWorkerFixture[] {
  const rng = new SeededRandom('sanshe-social-workers');
  const wuhanRoad = communityByName('武汉路社区').id;
  const streetOf = new Map(COMMUNITIES.map((c) => [c.id, c.streetId]));
  // Employers: social-work agencies and hubs that serve at least one community besides 武汉路社区.
  const employers = SOCIAL_ORGANIZATIONS.filter(
    (o) => (o.kind === 'SOCIAL_WORK_AGENCY' || o.kind === 'HUB') && o.communityIds.some((c) => c !== wuhanRoad),
  );
  const xinhe = SOCIAL_ORGANIZATIONS.find((o) => o.name === '欣和社工')!;

  // Exact counts, spread independently over the workers. Under-35s are born 2000–2004, so
  // they stay under 35 until at least 2035; the others are born 1970–1988, already over 35.
  const young = shuffled(
    Array.from({ length: SOCIAL_WORKER_COUNT }, (_, i) => i < SOCIAL_WORKERS_UNDER_35),
    rng,
  );
  const educations = shuffled(
    Array.from({ length: SOCIAL_WORKER_COUNT }, (_, i): Education =>
      i < 70 ? 'JUNIOR_COLLEGE' : i < 146 ? 'BACHELOR' : i < SOCIAL_WORKERS_COLLEGE_OR_ABOVE ? 'POSTGRADUATE' : 'SENIOR_HIGH',
    ),
    rng,
  );
  const othersCertified = SOCIAL_WORKERS_CERTIFIED - WUHAN_ROAD_WORKERS;
  const certified = shuffled(
    Array.from({ length: SOCIAL_WORKER_COUNT - WUHAN_ROAD_WORKERS }, (_, i) => i < othersCertified),
    rng,
  );

  // A senior social worker (高级社工师) has years of practice behind them: the first worker over 35 among the certified.
  const seniorIndex = Array.from({ length: SOCIAL_WORKER_COUNT }, (_, i) => i).find(
    (i) => !young[i] && (i < WUHAN_ROAD_WORKERS || certified[i - WUHAN_ROAD_WORKERS]),
  )!;
  const workers: SocialWorkerFixture[] = [];
  for (let i = 0; i < SOCIAL_WORKER_COUNT; i += 1) {
    const atWuhanRoad = i < WUHAN_ROAD_WORKERS;
    const employer = atWuhanRoad ? xinhe : employers[i % employers.length]!;
    const communityId = atWuhanRoad ? wuhanRoad : rng.pick(employer.communityIds.filter((c) => c !== wuhanRoad));
    const birthYear = young[i] ? SEED_YEAR - rng.int(22, 26) : SEED_YEAR - rng.int(38, 56);
    const isCertified = atWuhanRoad || certified[i - WUHAN_ROAD_WORKERS]!;
    const level: CertificateLevel =
      i === seniorIndex ? 'SENIOR_SOCIAL_WORKER' : rng.chance(0.35) ? 'SOCIAL_WORKER' : 'ASSISTANT_SOCIAL_WORKER';
    workers.push({
      id: `socialworker-${pad(i + 1, 3)}`,
      name: rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.7) ? rng.pick(GIVEN) : ''),
      organizationId: employer.id,
      communityId,
      streetId: streetOf.get(communityId)!,
      birthDate: isoDay(birthYear, rng.int(0, 364)),
      education: educations[i]!,
      certificate: isCertified
        ? {
            level,
            certifiedOn: isoDay(
              rng.int(Math.min(SEED_YEAR - 1, Math.max(SEED_YEAR - 8, birthYear + 21)), SEED_YEAR - 1),
              rng.int(150, 300),
            ),
          }
        : null,
      underTargetEvaluation: true,
    });
  }
  return workers;
}

/** The other certified social workers, 30 to 58 years old, posted anywhere but 武汉路社区 (whose three are the report's). */
function buildOthers(): SocialWorkerFixture[] {
  const rng = new SeededRandom('sanshe-other-social-workers');
  const wuhanRoad = communityByName('武汉路社区').id;
  const streetOf = new Map(COMMUNITIES.map((c) => [c.id, c.streetId]));
  const employers = SOCIAL_ORGANIZATIONS.filter((o) => o.kind === 'SOCIAL_WORK_AGENCY' && o.communityIds.some((c) => c !== wuhanRoad));
  return Array.from({ length: OTHER_CERTIFIED_SOCIAL_WORKERS }, (_, i): SocialWorkerFixture => {
    const employer = employers[(i * 7) % employers.length]!;
    const communityId = rng.pick(employer.communityIds.filter((c) => c !== wuhanRoad));
    const birthYear = rng.int(1968, 1996);
    const level: CertificateLevel = rng.chance(0.4) ? 'SOCIAL_WORKER' : 'ASSISTANT_SOCIAL_WORKER';
    return {
      id: `socialworker-${pad(SOCIAL_WORKER_COUNT + i + 1, 3)}`,
      name: rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.7) ? rng.pick(GIVEN) : ''),
      organizationId: employer.id,
      communityId,
      streetId: streetOf.get(communityId)!,
      birthDate: isoDay(birthYear, rng.int(0, 364)),
      education: rng.pick(['JUNIOR_COLLEGE', 'BACHELOR', 'BACHELOR', 'POSTGRADUATE'] as const),
      certificate: { level, certifiedOn: isoDay(rng.int(Math.max(2012, birthYear + 23), 2025), rng.int(150, 300)) },
      underTargetEvaluation: false,
    };
  });
}

export const SOCIAL_WORKERS: SocialWorkerFixture[] = build();

/** Certified social workers who are not among the 166 under target evaluation. */
export const OTHER_SOCIAL_WORKERS: SocialWorkerFixture[] = buildOthers();
