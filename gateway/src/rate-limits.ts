import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { Identity } from '@sanshe/service-kit';
import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { GatewayConfig } from './config';

/**
 * Root fields that look a record up by a key a person could guess (an order number and
 * a phone): each failed lookup spends the tight lookup budget, aliases one by one.
 */
export const LOOKUP_FIELDS: ReadonlySet<string> = new Set(['trackServiceOrder']);

export interface RateLimitedContext {
  identity: Identity;
  clientIp: string;
}

/** Who a budget belongs to: always the IP, and the subject too when signed in. */
const keysOf = (identity: Identity | null, ip: string) => [`ip:${ip}`, ...(identity?.userId ? [`sub:${identity.userId}`] : [])];

function tooMany(msBeforeNext: number, what: string): GraphQLError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new GraphQLError(`Too many ${what} from this caller; try again in ${seconds} s.`, {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfterSeconds: seconds,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(seconds)]]) },
    },
  });
}

/**
 * The gateway's budgets. In memory, so each replica counts alone: with several replicas,
 * give every limiter the same store (rate-limiter-flexible's RateLimiterMongo on the
 * shared Mongo, docs/SECURITY.md), and they share one budget per caller.
 */
export class RateLimits {
  private readonly requests: RateLimiterAbstract;
  private readonly lookups: RateLimiterAbstract;

  constructor(
    config: Pick<
      GatewayConfig,
      'RATE_LIMIT_REQUESTS' | 'RATE_LIMIT_WINDOW_SECONDS' | 'RATE_LIMIT_LOOKUPS' | 'RATE_LIMIT_LOOKUP_WINDOW_SECONDS'
    >,
  ) {
    this.requests = new RateLimiterMemory({
      keyPrefix: 'requests',
      points: config.RATE_LIMIT_REQUESTS,
      duration: config.RATE_LIMIT_WINDOW_SECONDS,
    });
    this.lookups = new RateLimiterMemory({
      keyPrefix: 'lookups',
      points: config.RATE_LIMIT_LOOKUPS,
      duration: config.RATE_LIMIT_LOOKUP_WINDOW_SECONDS,
    });
  }

  /**
   * Spends one request of the general budget of the IP (`identity` null: before the token
   * is checked, so bad tokens cost too) or of the signed-in subject; throws a 429 when spent.
   */
  async admit(identity: Identity | null, ip: string): Promise<void> {
    const key = identity?.userId ? `sub:${identity.userId}` : `ip:${ip}`;
    try {
      await this.requests.consume(key, 1);
    } catch (err) {
      if (err instanceof RateLimiterRes) throw tooMany(err.msBeforeNext, 'requests');
      throw err;
    }
  }

  /** Refuses an operation whose lookups would go past the failed-lookup budget left. */
  private async assertLookupsLeft(context: RateLimitedContext, wanted: number): Promise<void> {
    for (const key of keysOf(context.identity, context.clientIp)) {
      const spent = await this.lookups.get(key);
      if (spent && spent.remainingPoints < wanted) throw tooMany(spent.msBeforeNext, 'failed lookups');
    }
  }

  /** Counts lookups that answered with an error (wrong number or phone, another territory). */
  private async spendFailedLookups(context: RateLimitedContext, failed: number): Promise<void> {
    if (failed > 0) await Promise.all(keysOf(context.identity, context.clientIp).map((key) => this.lookups.penalty(key, failed)));
  }

  plugin<TContext extends RateLimitedContext>(): ApolloServerPlugin<TContext> {
    return {
      requestDidStart: async () => {
        let lookups: string[] = [];
        return {
          didResolveOperation: async ({ operation, document, contextValue }) => {
            lookups = operation ? lookupKeys(operation, document) : [];
            if (lookups.length > 0) await this.assertLookupsLeft(contextValue, lookups.length);
          },
          willSendResponse: async ({ response, contextValue }) => {
            if (lookups.length === 0 || response.body.kind !== 'single') return;
            const { data, errors } = response.body.singleResult;
            const failed = lookups.filter((key) => !data?.[key] || errors?.some((e) => e.path?.[0] === key)).length;
            await this.spendFailedLookups(contextValue, failed);
          },
        };
      },
    };
  }
}

/** Response keys (alias or name) of the lookup fields at the root of the operation, through fragments too. */
function lookupKeys(operation: OperationDefinitionNode, document: DocumentNode): string[] {
  if (operation.operation !== 'query') return [];
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const keys: string[] = [];
  const walk = (selections: OperationDefinitionNode['selectionSet']['selections'], seen: ReadonlySet<string>) => {
    for (const s of selections) {
      if (s.kind === Kind.FIELD && LOOKUP_FIELDS.has(s.name.value)) keys.push(s.alias?.value ?? s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet.selections, seen);
      else if (s.kind === Kind.FRAGMENT_SPREAD && !seen.has(s.name.value)) {
        const fragment = fragments.get(s.name.value);
        if (fragment) walk(fragment.selectionSet.selections, new Set([...seen, s.name.value]));
      }
    }
  };
  walk(operation.selectionSet.selections, new Set());
  return keys;
}
