'use strict';
/**
 * The concurrency phase: N residents register for one activity at the same instant, through a
 * target (the Sanshe gateway by default), for N = 10, 40 and 100. Every request must be answered
 * (no timeout, no error) and exactly `capacity` registrations must be REGISTERED, the rest
 * WAITLISTED: the store's conditional update is the only thing keeping the seats honest.
 * Latencies are reported against the control query's p50 measured in the same run.
 */
const { randomUUID } = require('node:crypto');
const { post } = require('./data');

const REGISTER = 'mutation BenchRegisterAtOnce($activityId: ID!) { registerForActivity(activityId: $activityId) { id status } }';
const BENCH_MARK = 'bench·';

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function createPublishedActivity({ url, staff, community, capacity }) {
  const startsAt = new Date(Date.now() + 30 * 86_400_000);
  startsAt.setUTCHours(2, 0, 0, 0);
  const created = await post(url, staff, {
    query: 'mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }',
    variables: {
      input: {
        title: `${BENCH_MARK}同时报名 ${randomUUID().slice(0, 8)}`,
        category: 'PEOPLES_TEAHOUSE',
        communityId: community.id,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
        capacity,
      },
    },
  });
  const id = created.data?.createActivity?.id;
  if (!id) throw new Error(`createActivity: ${created.errors?.[0]?.message ?? 'no id'}`);
  const published = await post(url, staff, { query: 'mutation($id: ID!) { publishActivity(id: $id) { status } }', variables: { id } });
  if (published.data?.publishActivity?.status !== 'PUBLISHED')
    throw new Error(`publishActivity: ${published.errors?.[0]?.message ?? 'not published'}`);
  return id;
}

/** One burst of `n` registrations at once; resolves with every answer's status and latency. */
async function burst({ url, activityId, tokens, timeoutMs }) {
  const one = async (token) => {
    const t0 = performance.now();
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: REGISTER, variables: { activityId } }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = await res.json();
      const ms = performance.now() - t0;
      if (body.errors?.length) return { outcome: 'error', ms, message: body.errors[0].message };
      return { outcome: body.data.registerForActivity.status, ms };
    } catch (err) {
      return { outcome: err.name === 'TimeoutError' ? 'timeout' : 'error', ms: performance.now() - t0, message: err.message };
    }
  };
  return Promise.all(tokens.map(one));
}

/**
 * @param {{ url: string, minter: { mint(claims: object): Promise<string> }, communities: {id: string}[],
 *           residentsByCommunity: Map<string, {id: string, communityId: string}[]>, sizes?: number[],
 *           capacity?: number, timeoutMs?: number, log?: Function }} options
 */
async function concurrencyPhase({
  url,
  minter,
  communities,
  residentsByCommunity,
  sizes = [10, 40, 100],
  capacity = 5,
  timeoutMs = 15_000,
  log = console.log,
}) {
  const runs = [];
  for (const [i, n] of sizes.entries()) {
    // A community with enough residents, a different one per size so no resident registers twice.
    const community = communities.filter((c) => (residentsByCommunity.get(c.id) ?? []).length >= n)[i];
    if (!community) throw new Error(`no community has ${n} residents`);
    const staff = await minter.mint({ roles: ['COMMUNITY_STAFF'], communityIds: [community.id], streetIds: [] });
    const activityId = await createPublishedActivity({ url, staff, community, capacity });
    const residents = residentsByCommunity.get(community.id).slice(0, n);
    const tokens = await Promise.all(
      residents.map((r) => minter.mint({ roles: ['RESIDENT'], residentId: r.id, communityIds: [r.communityId] })),
    );
    const answers = await burst({ url, activityId, tokens, timeoutMs });
    const count = (what) => answers.filter((a) => a.outcome === what).length;
    const latencies = answers.map((a) => a.ms).sort((a, b) => a - b);
    const run = {
      n,
      capacity,
      registered: count('REGISTERED'),
      waitlisted: count('WAITLISTED'),
      timeouts: count('timeout'),
      errors: count('error'),
      errorSamples: [...new Set(answers.filter((a) => a.message).map((a) => a.message))].slice(0, 3),
      latency: {
        p50: Math.round(percentile(latencies, 50)),
        p95: Math.round(percentile(latencies, 95)),
        max: Math.round(latencies[latencies.length - 1]),
      },
    };
    run.correct = run.registered === capacity && run.waitlisted === n - capacity && run.timeouts === 0 && run.errors === 0;
    runs.push(run);
    log(
      `  N=${n}: ${run.registered} registered, ${run.waitlisted} waitlisted, ${run.timeouts} timeouts, ${run.errors} errors; p50 ${run.latency.p50} ms, slowest ${run.latency.max} ms${run.correct ? '' : ' ✗'}`,
    );
  }
  return runs;
}

module.exports = { concurrencyPhase, percentile };
