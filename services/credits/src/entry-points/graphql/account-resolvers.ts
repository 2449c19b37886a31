import { accountStatement, ledgerBalanceSum, ownAccount, residentAccount, type AccountLookup } from '../../domain/accounts';
import { pointsEarnedByMonth } from '../../domain/earned-by-month';
import { runExpiry, type ExpiryReport } from '../../domain/expiry';
import type { Account } from '../../domain/ledger';
import { donorKindOf } from '../../domain/redemption';
import type { CreditsPorts } from '../../domain/ports';
import { virtueRanking } from '../../domain/ranking';
import { reconcileLedger } from '../../domain/reconcile';
import { repairUnfinished } from '../../domain/repair';
import { currentEarningRules, updateEarningRules } from '../../domain/rules-admin';
import type { EarningRules, EarningRulesInput } from '../../domain/rules';
import type { Statement, StatementLine } from '../../domain/statement';
import { donorRef } from './catalogue-resolvers';
import { iso, type CreditsContext } from './context';

const ref = (typename: string, id: string | null | undefined) => (id ? { __typename: typename, id } : null);

/** The domain's account lookup with this request's loader. */
const lookup = (credits: CreditsPorts, ctx: CreditsContext): AccountLookup => ({
  territory: credits.territory,
  account: (id) => ctx.accounts.load(id),
});

async function rankingOf(credits: CreditsPorts, ctx: CreditsContext, communityId: string, first: number | null | undefined) {
  const ranked = await virtueRanking(ctx.identity, communityId, first, {
    ...lookup(credits, ctx),
    ranking: (id) => ctx.rankings.load(id),
  });
  return ranked.map((entry) => ({ rank: entry.rank, resident: ref('Resident', entry.residentId), earnedPoints: entry.earned }));
}

export function accountResolvers(credits: CreditsPorts) {
  return {
    Query: {
      pointsAccount: (_: unknown, args: { residentId: string }, ctx: CreditsContext) =>
        residentAccount(ctx.identity, args.residentId, lookup(credits, ctx)),
      myPointsAccount: (_: unknown, __: unknown, ctx: CreditsContext) => ownAccount(ctx.identity, lookup(credits, ctx)),
      virtueRanking: (_: unknown, args: { communityId: string; first?: number | null }, ctx: CreditsContext) =>
        rankingOf(credits, ctx, args.communityId, args.first),
      earningRules: () => currentEarningRules(credits.rules),
      pointsEarnedByMonth: (_: unknown, args: { fromMonth: string; toMonth: string }) =>
        pointsEarnedByMonth(credits.ledger, args.fromMonth, args.toMonth),
      ledgerBalanceSum: (_: unknown, __: unknown, ctx: CreditsContext) => ledgerBalanceSum(ctx.identity, credits.ledger),
    },
    Mutation: {
      updateEarningRules: (_: unknown, args: { input: EarningRulesInput & { expiryMonths?: number | null } }, ctx: CreditsContext) =>
        updateEarningRules({ ...args.input, expiryMonths: args.input.expiryMonths ?? null }, ctx.identity, credits.rules),
      runPointsExpiry: (_: unknown, args: { asOf?: string | null; limit?: number | null }, ctx: CreditsContext) =>
        runExpiry(args, ctx.identity, credits.expiryDeps, ctx.traceparent),
      reconcileLedger: (_: unknown, __: unknown, ctx: CreditsContext) =>
        reconcileLedger(ctx.identity, credits.ledger, async () => {
          await repairUnfinished(null, credits.repairDeps);
        }),
    },
    Resident: {
      __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
      pointsAccount: (resident: { id: string }, _: unknown, ctx: CreditsContext) =>
        residentAccount(ctx.identity, resident.id, lookup(credits, ctx)),
    },
    Community: {
      __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
      virtueRanking: (community: { id: string }, args: { first?: number | null }, ctx: CreditsContext) =>
        rankingOf(credits, ctx, community.id, args.first),
    },
    PartyOrganization: {
      __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
    },
    SocialOrganization: {
      __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
    },
    PointsAccount: {
      id: (a: Account) => a._id,
      resident: (a: Account) => (a.kind === 'RESIDENT' ? ref('Resident', a.ownerId) : null),
      donorUnit: (a: Account) =>
        a.kind === 'DONOR' && donorKindOf(a) === 'PARTY_ORGANIZATION' ? ref('PartyOrganization', a.ownerId) : null,
      donor: (a: Account) => (a.kind === 'DONOR' ? donorRef(a.donorKind, a.ownerId) : null),
      community: (a: Account) => ref('Community', a.communityId),
      balance: async (a: Account, _: unknown, ctx: CreditsContext) => (await ctx.heads.load(a._id)).state.balance,
      earnedPoints: async (a: Account, _: unknown, ctx: CreditsContext) => (await ctx.heads.load(a._id)).state.earnedTotal,
      statement: (a: Account, args: { from: string; to: string }) => accountStatement(a, args.from, args.to, credits.ledger),
    },
    Statement: {
      from: (s: Statement) => s.from.toISOString(),
      to: (s: Statement) => s.to.toISOString(),
    },
    StatementLine: {
      bookedAt: (l: StatementLine) => new Date(l.bookedAt).toISOString(),
      occurredAt: (l: StatementLine) => new Date(l.occurredAt).toISOString(),
      requestedAmount: (l: StatementLine) => l.requested,
      cappedAmount: (l: StatementLine) => l.capped,
      counterpartyAccountId: (l: StatementLine) => l.counterAccountId,
    },
    EarningRules: {
      updatedAt: (r: EarningRules) => iso(r.updatedAt),
    },
    ExpiryReport: {
      asOf: (r: ExpiryReport) => r.asOf.toISOString(),
    },
  };
}
