import {
  COMMUNITIES,
  PARTY_ORGANIZATIONS,
  SeededRandom,
  SEED_YEAR,
  SEEDED_AT,
  seedDayPlus,
  SERVICE_CONTRACTS,
  SOCIAL_ORG_PARTY_BRANCHES,
  SOCIAL_ORGANIZATIONS,
  OTHER_SOCIAL_WORKERS,
  SOCIAL_WORKERS,
  serviceCentreIds,
  STREETS,
} from '@sanshe/seed-fixtures';
import type { AnnualReview, InspectionResult, PartyCheckupResult } from '../domain/annual-review';
import type { ServiceContract } from '../domain/contract';
import { today } from '../domain/common';
import { claimsFor, monthOf, type ContractClaim } from '../domain/contract-claims';
import { completeCreditCode } from '../domain/credit-code';
import type { Organization, PartyCoverage, ServiceCentre } from '../domain/organization';
import { candidacies, gradeOf, type Evaluation, type SocialWorker, type Training } from '../domain/social-worker';

/**
 * The seed's documents, built from @sanshe/seed-fixtures: the same ids and the same figures
 * on every machine (only which contract months get claims depends on the day it runs). No
 * events: seeds write history directly.
 */
export { SEEDED_AT };
/** Annual reviews and evaluations cover the last full year before the seed day. */
export const REVIEW_YEAR = SEED_YEAR - 1;
/** A day of this year's review season, kept in the past when the seed runs early in the year. */
const pastDay = (day: string): string => (day < seedDayPlus(0) ? day : seedDayPlus(-1));

const districtCentreId = serviceCentreIds.district;
const streetCentreId = serviceCentreIds.street;
const communityCentreId = serviceCentreIds.community;

const hubs = () => SOCIAL_ORGANIZATIONS.filter((o) => o.kind === 'HUB');

function centres(): ServiceCentre[] {
  const [districtOperator, ...streetOperators] = hubs();
  return [
    {
      _id: districtCentreId,
      name: '涧西区社会组织服务中心',
      level: 'DISTRICT',
      streetId: null,
      communityId: null,
      operatorOrgId: districtOperator!.id,
    },
    ...STREETS.map((s, i): ServiceCentre => ({
      _id: streetCentreId(s.id),
      name: `${s.name}社会组织服务中心`,
      level: 'STREET',
      streetId: s.id,
      communityId: null,
      operatorOrgId: streetOperators[i]?.id ?? null,
    })),
    ...COMMUNITIES.map((c): ServiceCentre => ({
      _id: communityCentreId(c.id),
      name: `${c.name}社会组织服务站`,
      level: 'COMMUNITY',
      streetId: c.streetId,
      communityId: c.id,
      operatorOrgId: null,
    })),
  ];
}

function partyCoverages(): Map<string, PartyCoverage> {
  const coverage = new Map<string, PartyCoverage>();
  for (const branch of SOCIAL_ORG_PARTY_BRANCHES) {
    for (const o of branch.organizations) {
      coverage.set(o.organizationId, {
        mode: branch.mode,
        partyOrganizationId: branch.partyOrganizationId,
        partyMembers: o.partyMembers,
        instructorName: null,
        since: branch.since,
      });
    }
  }
  // Hubs without a branch get a party-building instructor from the community party organization.
  const rng = new SeededRandom('sanshe-party-instructors');
  for (const hub of hubs()) {
    const community = hub.communityIds[0]!;
    const communityParty = PARTY_ORGANIZATIONS.find((p) => p.communityId === community && p.sector === 'COMMUNITY')!;
    const instructorName = rng.pick(['王', '李', '张', '刘', '陈', '杨']) + rng.pick(['建国', '秀英', '志强', '桂兰', '卫东', '红梅']);
    coverage.set(hub.id, {
      mode: 'INSTRUCTOR',
      partyOrganizationId: communityParty.id,
      partyMembers: rng.int(0, 2),
      instructorName,
      since: '2022-03-01',
    });
  }
  return coverage;
}

function organizations(): Organization[] {
  const coverage = partyCoverages();
  const hubList = hubs();
  const streetCentres = centres().filter((c) => c.level !== 'COMMUNITY');
  const hubServing = (communityId: string) => hubList.find((h) => h.communityIds.includes(communityId)) ?? null;
  const rng = new SeededRandom('sanshe-social-org-registrations');
  let stationed = 0;
  return SOCIAL_ORGANIZATIONS.map((o, i): Organization => {
    const first = o.communityIds[0];
    let serviceCentreId: string | null = null;
    if (o.kind === 'HUB') serviceCentreId = streetCentres.find((c) => c.operatorOrgId === o.id)?._id ?? null;
    // 205 of the others work from the community station of the first community they serve.
    else if (first && stationed < 205) {
      serviceCentreId = communityCentreId(first);
      stationed += 1;
    }
    return {
      _id: o.id,
      name: o.name,
      kind: o.kind,
      creditCode: completeCreditCode(o.creditCodeBody),
      domains: o.domains,
      communityIds: o.communityIds,
      // Every fourth organization founded after the hubs was incubated by the hub serving its community.
      incubatingHubId: o.kind !== 'HUB' && i >= 16 && i % 4 === 0 && first ? (hubServing(first)?.id ?? null) : null,
      serviceCentreId,
      status: 'ACTIVE',
      registeredOn: `${rng.int(SEED_YEAR - 14, SEED_YEAR - 1)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`,
      partyCoverage: coverage.get(o.id) ?? null,
      version: 1,
    };
  });
}

function annualReviews(orgs: Organization[]): AnnualReview[] {
  const rng = new SeededRandom('sanshe-annual-reviews');
  return orgs.map((o) => {
    const roll = rng.next();
    const inspection: InspectionResult = roll < 0.9 ? 'PASSED' : roll < 0.98 ? 'BASICALLY_PASSED' : 'FAILED';
    const score = o.partyCoverage && o.partyCoverage.mode !== 'INSTRUCTOR' ? rng.int(85, 98) : rng.int(62, 92);
    const checkup: PartyCheckupResult = score >= 80 ? 'HEALTHY' : score >= 65 ? 'NEEDS_IMPROVEMENT' : 'UNHEALTHY';
    const day = pastDay(`${REVIEW_YEAR + 1}-0${rng.int(3, 5)}-${rng.int(10, 28)}`);
    return {
      _id: `${o._id}:${REVIEW_YEAR}`,
      organizationId: o._id,
      year: REVIEW_YEAR,
      inspection: { result: inspection, inspectedOn: day, notes: null },
      partyCheckup: { result: checkup, score, checkedOn: day, findings: null },
      recordedAt: new Date(`${day}T10:00:00+08:00`),
    };
  });
}

// The report names no university or department as a partner ("与高校签订…培训协议"), so neither do these demo providers.
const TRAINING_PROVIDERS = ['涧西区社会工作者培训基地', '签约高校（政府+院校培训协议）', '涧西区社工定期培训班'];
const TRAINING_TITLES = [
  '社会工作实务',
  '社区矫正个案管理',
  '老年社会工作',
  '儿童保护与青少年服务',
  '心理危机干预',
  '社区协商议事',
  '党建引领社会组织',
];

function workers(): { workers: SocialWorker[]; evaluations: Evaluation[] } {
  const rng = new SeededRandom('sanshe-social-worker-records');
  const docs: SocialWorker[] = [];
  const evaluations: Evaluation[] = [];
  for (const w of [...SOCIAL_WORKERS, ...OTHER_SOCIAL_WORKERS]) {
    const trainings: Training[] = Array.from({ length: rng.int(1, 3) }, (_, t) => ({
      id: `training-${w.id}-${t + 1}`,
      title: rng.pick(TRAINING_TITLES),
      provider: rng.pick(TRAINING_PROVIDERS),
      hours: rng.pick([8, 16, 24, 32, 40]),
      completedOn: `${rng.int(SEED_YEAR - 3, SEED_YEAR - 1)}-${rng.pick(['04', '06', '09', '11'])}-${rng.int(10, 28)}`,
    }));
    const worker: SocialWorker = {
      _id: w.id,
      name: w.name,
      organizationId: w.organizationId,
      communityId: w.communityId,
      streetId: w.streetId,
      birthDate: w.birthDate,
      education: w.education,
      certificate: w.certificate ? { ...w.certificate, number: null } : null,
      trainings,
      status: 'ACTIVE',
      registeredOn: `${SEED_YEAR - 1}-01-01`,
      underTargetEvaluation: w.underTargetEvaluation,
    };
    docs.push(worker);
    // Only the 166 have a target evaluation; the other workers draw no score (and no random numbers).
    if (!w.underTargetEvaluation) continue;
    const score = Math.round((60 + rng.next() * 38) * 10) / 10;
    const grade = gradeOf(score);
    evaluations.push({
      _id: `${w.id}:${REVIEW_YEAR}`,
      socialWorkerId: w.id,
      organizationId: w.organizationId,
      communityId: w.communityId,
      streetId: w.streetId,
      year: REVIEW_YEAR,
      score,
      grade,
      ...candidacies(grade, worker),
      comment: null,
      recordedAt: new Date(`${pastDay(`${REVIEW_YEAR + 1}-01-15`)}T10:00:00+08:00`),
    });
  }
  return { workers: docs, evaluations };
}

function contracts(): { contracts: ServiceContract[]; claims: ContractClaim[] } {
  const docs = SERVICE_CONTRACTS.map((c): ServiceContract => ({
    _id: c.id,
    signingId: `seed-${c.id}`,
    status: 'ACTIVE',
    endedOn: null,
    endReason: null,
    buyer: c.buyer,
    providerOrgId: c.providerOrgId,
    itemCodes: c.itemCodes,
    communityIds: c.communityIds,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    budgetYuan: c.budgetYuan,
    kpiTargets: c.kpiTargets,
    amendments: [],
    amending: null,
    signedAt: new Date(`${SEED_YEAR - 1}-12-20T10:00:00+08:00`),
  }));
  // Months already past can no longer be contested (contracts start in the current month or
  // later), so only the months from now on are claimed.
  const firstOpen = `${monthOf(today())}-01`;
  const claims = docs.flatMap((c) =>
    claimsFor({ ...c, contractId: c._id, startsOn: c.startsOn > firstOpen ? c.startsOn : firstOpen }, c.signedAt),
  );
  return { contracts: docs, claims };
}

export function seedDocuments() {
  const orgs = organizations();
  return {
    centres: centres(),
    organizations: orgs,
    annualReviews: annualReviews(orgs),
    ...workers(),
    ...contracts(),
    knownCommunities: COMMUNITIES.map((c) => ({ _id: c.id, name: c.name, streetId: c.streetId, urban: c.urban })),
  };
}
