import { authorize, BadInputError, ForbiddenError, UnauthenticatedError } from '@sanshe/service-kit';
import { authorizeAccountRead } from '../../domain/access';
import { pointsEarnedByMonth } from '../../domain/earned-by-month';
import { runExpiry, type ExpiryReport } from '../../domain/expiry';
import type { Account } from '../../domain/ledger';
import { authorizeRankingRead, RANKING_SIZE } from '../../domain/ranking';
import { balanceSum, reconcileLedger } from '../../domain/reconcile';
import { repairUnfinished } from '../../domain/repair';
import { updateEarningRules } from '../../domain/rules-admin';
import type { EarningRules, EarningRulesInput } from '../../domain/rules';
import { buildStatement, statementPeriod, type Statement, type StatementLine } from '../../domain/statement';
import type { CreditsApp } from '../../wiring';
import { donorRef } from './catalogue-resolvers';
import { iso, type CreditsContext } from './context';

const ref = (typename: string, id: string | null | undefined) => (id ? { __typename: typename, id } : null);

/** A resident's account, for callers allowed to see it; null when they have none yet. */
async function residentAccount(app: CreditsApp, ctx: CreditsContext, residentId: string): Promise<Account | null> {
  const account = await ctx.accounts.load(residentId);
  await authorizeAccountRead(ctx.identity, app.territory, residentId, account?.communityId ?? null);
  return account?.kind === 'RESIDENT' ? account : null;
}

async function statementOf(app: CreditsApp, account: Account, fromText: string, toText: string): Promise<Statement> {
  const { from, to } = statementPeriod(fromText, toText);
  // The head first; what is read after it holds everything up to it.
  const head = await app.ledger.head(account._id);
  const [entries, history] = await Promise.all([app.ledger.entriesOf(account._id, head.seq), app.ledger.historyLines(account._id)]);
  return buildStatement(account._id, head, entries, history, from, to);
}

async function rankingOf(app: CreditsApp, ctx: CreditsContext, communityId: string, firstArg: number | null | undefined) {
  const first = firstArg ?? 10;
  if (!Number.isInteger(first) || first < 1 || first > RANKING_SIZE)
    throw new BadInputError('first', `"first" must be a whole number from 1 to ${RANKING_SIZE}.`);
  const own = ctx.identity.residentId ? await ctx.accounts.load(ctx.identity.residentId) : null;
  await authorizeRankingRead(ctx.identity, app.territory, communityId, own?.communityId ?? null);
  const ranking = await ctx.rankings.load(communityId);
  return (ranking?.top ?? []).slice(0, first).map((entry: { residentId: string; earned: number }, i: number) => ({
    rank: i + 1,
    resident: ref('Resident', entry.residentId),
    earnedPoints: entry.earned,
  }));
}

export function accountResolvers(app: CreditsApp) {
  return {
    Query: {
      pointsAccount: (_: unknown, args: { residentId: string }, ctx: CreditsContext) => residentAccount(app, ctx, args.residentId),
      myPointsAccount: (_: unknown, __: unknown, ctx: CreditsContext) => {
        if (ctx.identity.userId === null)
          throw new UnauthenticatedError('Sign in first: to see your points account you need an authenticated caller.');
        if (!ctx.identity.residentId)
          throw new ForbiddenError('To see your own points account you need to sign in as a resident; your token names no resident.');
        return residentAccount(app, ctx, ctx.identity.residentId);
      },
      virtueRanking: (_: unknown, args: { communityId: string; first?: number | null }, ctx: CreditsContext) =>
        rankingOf(app, ctx, args.communityId, args.first),
      earningRules: () => app.rules.current(),
      pointsEarnedByMonth: (_: unknown, args: { fromMonth: string; toMonth: string }) =>
        pointsEarnedByMonth(app.ledger, args.fromMonth, args.toMonth),
      ledgerBalanceSum: (_: unknown, __: unknown, ctx: CreditsContext) => {
        authorize(ctx.identity, { action: 'see the sum of all balances', roles: ['DISTRICT_ADMIN'] });
        return app.ledger.heads().then(balanceSum);
      },
    },
    Mutation: {
      updateEarningRules: (_: unknown, args: { input: EarningRulesInput & { expiryMonths?: number | null } }, ctx: CreditsContext) =>
        updateEarningRules({ ...args.input, expiryMonths: args.input.expiryMonths ?? null }, ctx.identity, app.rules),
      runPointsExpiry: (_: unknown, args: { asOf?: string | null; limit?: number | null }, ctx: CreditsContext) =>
        runExpiry(args, ctx.identity, { ...app.ledgerDeps, rules: app.rules, ledger: app.ledger }, ctx.traceparent),
      reconcileLedger: (_: unknown, __: unknown, ctx: CreditsContext) =>
        reconcileLedger(ctx.identity, app.ledger, async () => {
          await repairUnfinished(null, { ...app.redeemingDeps, repairs: app.ledger });
        }),
    },
    Resident: {
      __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
      pointsAccount: (resident: { id: string }, _: unknown, ctx: CreditsContext) => residentAccount(app, ctx, resident.id),
    },
    Community: {
      __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
      virtueRanking: (community: { id: string }, args: { first?: number | null }, ctx: CreditsContext) =>
        rankingOf(app, ctx, community.id, args.first),
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
        a.kind === 'DONOR' && (a.donorKind ?? 'PARTY_ORGANIZATION') === 'PARTY_ORGANIZATION' ? ref('PartyOrganization', a.ownerId) : null,
      donor: (a: Account) => (a.kind === 'DONOR' ? donorRef(a.donorKind, a.ownerId) : null),
      community: (a: Account) => ref('Community', a.communityId),
      balance: async (a: Account, _: unknown, ctx: CreditsContext) => (await ctx.heads.load(a._id)).state.balance,
      earnedPoints: async (a: Account, _: unknown, ctx: CreditsContext) => (await ctx.heads.load(a._id)).state.earnedTotal,
      statement: (a: Account, args: { from: string; to: string }) => statementOf(app, a, args.from, args.to),
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
