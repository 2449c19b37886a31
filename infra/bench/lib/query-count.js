'use strict';
/**
 * Database round trips per subgraph fetch. Each operation is sent alone (nothing else in
 * flight) and every subgraph process reports the Mongo commands each of its fetches sent
 * (command monitoring, attributed by async context); the monolith reports the same per
 * in-process subgraph call. The list-size sweep sends lists of 10, 100 and 1,000 items —
 * through the gateway (residents with fields from three other subgraphs) and straight to
 * each subgraph as one `_entities` fetch — and the commands per fetch must stay flat.
 */
const { IDENTITY_HEADER, parseSigningKey, signIdentity } = require('@sanshe/service-kit');
const { TokenMinter, adminClaims, fixtures } = require('./operations');

/** Per subgraph: fetches and the commands each sent, from the targets' counters. */
async function countersBySubgraph(processes) {
  const out = {};
  for (const [label, proc] of Object.entries(processes)) {
    const snapshot = await proc.request('counters');
    for (const unit of snapshot.units) {
      const entry = (out[unit.label] ??= { fetches: 0, commands: [], byName: {}, ms: {} });
      entry.fetches += 1;
      entry.commands.push(unit.commands);
      for (const [name, n] of Object.entries(unit.byName)) entry.byName[name] = (entry.byName[name] ?? 0) + n;
      for (const [key, ms] of Object.entries(unit.ms ?? {})) entry.ms[key] = (entry.ms[key] ?? 0) + ms;
    }
    out[`${label}:background`] = {
      commandsPerSecond: Math.round((snapshot.background.commands / Math.max(snapshot.seconds, 0.001)) * 10) / 10,
      byName: snapshot.background.byName,
    };
  }
  return out;
}

async function resetAll(processes) {
  await Promise.all(Object.values(processes).map((p) => p.request('reset-counters')));
}

/** Waits until no process is still working on a request (a load run's stragglers). */
async function waitIdle(processes, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const busy = (await Promise.all(Object.values(processes).map((p) => p.request('counters')))).reduce((n, s) => n + (s.inFlight ?? 0), 0);
    if (busy === 0 || Date.now() > deadline) return busy;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Sends `body` once to `url` with `token` when nothing else is in flight; returns the
 * latency and each subgraph's fetches with their commands, or `timedOut`.
 */
async function measureOnce({ url, token, body, processes, headers = {}, timeoutMs = 120_000 }) {
  await waitIdle(processes);
  await resetAll(processes);
  const started = performance.now();
  let res;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    if (err.name !== 'TimeoutError') throw err;
    return { timedOut: true, ms: timeoutMs, status: 0, errors: [`no answer within ${timeoutMs / 1000} s`], counters: {} };
  }
  const json = await res.json().catch(() => ({ errors: [{ message: `HTTP ${res.status}, not JSON` }] }));
  const ms = performance.now() - started;
  // Responses can be sent before a unit's last command settles; give stragglers a moment.
  await new Promise((r) => setTimeout(r, 50));
  const counters = await countersBySubgraph(processes);
  return {
    ms: Math.round(ms),
    status: res.status,
    errors: (json.errors ?? []).slice(0, 3).map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`),
    counters,
  };
}

const summarize = (counters) =>
  Object.fromEntries(
    Object.entries(counters)
      .filter(([label]) => !label.includes(':background'))
      .map(([label, c]) => [
        label,
        {
          fetches: c.fetches,
          commandsPerFetch: c.commands.length ? { min: Math.min(...c.commands), max: Math.max(...c.commands) } : null,
          total: c.commands.reduce((a, b) => a + b, 0),
          byName: c.byName,
          // Where the store time went: command and collection, slowest first.
          storeMs: Object.fromEntries(
            Object.entries(c.ms)
              .sort((a, b) => b[1] - a[1])
              .slice(0, 4)
              .map(([k, v]) => [k, Math.round(v)]),
          ),
        },
      ]),
  );

const encodeCursor = (key) => Buffer.from(`k:${key}`, 'utf8').toString('base64url');

/** Resident fields each subgraph adds, for the list sweep through the gateway. */
const ENTITY_FIELDS = {
  activities: 'volunteerHours { verified }',
  'resident-services': 'serviceOrders { id }',
  credits: 'pointsAccount { balance }',
};

/** A residents list of `size` items (pages of 100 as aliases past 100) with fields of the `subgraphs` given. */
function residentsQuery(size, sortedIds, subgraphs = Object.keys(ENTITY_FIELDS)) {
  const fields = `edges { node { id name ${subgraphs.map((n) => ENTITY_FIELDS[n]).join(' ')} } }`;
  if (size <= 100) return { query: `query ResidentsList { residents(first: ${size}) { ${fields} } }` };
  const pages = [];
  for (let p = 0; p * 100 < size; p += 1) {
    const after = p === 0 ? '' : `, after: "${encodeCursor(sortedIds[p * 100 - 1])}"`;
    pages.push(`page${p}: residents(first: 100${after}) { ${fields} }`);
  }
  return { query: `query ResidentsList { ${pages.join(' ')} }` };
}

/** Entity fetches a subgraph answers for Resident, with a field that needs its own data. */
const ENTITY_SELECTIONS = {
  registry: '... on Resident { id name }',
  activities: '... on Resident { id volunteerHours { verified } }',
  'resident-services': '... on Resident { id serviceOrders { id } }',
  credits: '... on Resident { id pointsAccount { balance } }',
};

/**
 * Runs the counting phase. `workloads` are the benchmark operations; `subgraphs` the
 * subgraph processes (label → TargetProcess with a url); `monolith` the monolith process.
 */
async function countQueries(options) {
  // Per-fetch attribution (async-local storage) is on for this phase only: the load runs measure
  // the processes as production runs them.
  const counted = { ...options.subgraphs, ...(options.monolith ? { monolith: options.monolith } : {}) };
  const attribute = (on) => Promise.all(Object.values(counted).map((p) => p.request('attribute-commands', on)));
  await attribute(true);
  try {
    return await countAttributed(options);
  } finally {
    await attribute(false).catch(() => undefined);
  }
}

async function countAttributed({
  gatewayUrl,
  monolith,
  subgraphs,
  workloads,
  sizes = [10, 100, 1000],
  timeoutMs = 120_000,
  log = console.log,
}) {
  const minter = new TokenMinter();
  const admin = await minter.mint(adminClaims());
  const results = { operations: {}, listSizes: { gateway: {}, entities: {} }, background: {} };

  // The counting stack is fresh: each operation runs once unmeasured first, so the counts are a
  // warm process's (snapshots of reference data loaded, plans cached), as under load.
  for (const workload of workloads) {
    for (const step of workload.steps) {
      const { token, body } = step();
      await measureOnce({ url: gatewayUrl, token, body, processes: subgraphs, timeoutMs });
      if (monolith && workload.kind === 'query') await measureOnce({ url: monolith.url, token, body, processes: { monolith }, timeoutMs });
    }
  }

  for (const workload of workloads) {
    for (const [s, step] of workload.steps.entries()) {
      const { token, body } = step();
      const name =
        workload.steps.length > 1 ? `${workload.name}:${body.query.match(/(?:query|mutation)\s+(\w+)/)?.[1] ?? s}` : workload.name;
      const viaGateway = await measureOnce({ url: gatewayUrl, token, body, processes: subgraphs, timeoutMs });
      const entry = { gateway: { ms: viaGateway.ms, errors: viaGateway.errors, subgraphs: summarize(viaGateway.counters) } };
      if (monolith && workload.kind === 'query') {
        const inProcess = await measureOnce({ url: monolith.url, token, body, processes: { monolith }, timeoutMs });
        entry.monolith = { ms: inProcess.ms, errors: inProcess.errors, subgraphs: summarize(inProcess.counters) };
      }
      results.operations[name] = entry;
      log(
        `  ${name}: ${Object.entries(entry.gateway.subgraphs)
          .map(
            ([sg, c]) =>
              `${sg} ${c.fetches}×${c.commandsPerFetch ? (c.commandsPerFetch.min === c.commandsPerFetch.max ? c.commandsPerFetch.min : `${c.commandsPerFetch.min}–${c.commandsPerFetch.max}`) : '-'}`,
          )
          .join(', ')}${viaGateway.errors.length ? ` (errors: ${viaGateway.errors[0]})` : ''}`,
      );
    }
  }

  const { residentsByCommunity } = fixtures();
  const sortedIds = [...residentsByCommunity.values()]
    .flat()
    .map((r) => r.id)
    .sort();
  const signer = parseSigningKey(require('./stack').benchKeys().IDENTITY_SIGNING_KEY);
  const identity = {
    userId: 'bench-admin',
    roles: ['DISTRICT_ADMIN'],
    streetIds: [],
    communityIds: [],
    orgIds: [],
    residentId: null,
    socialWorkerId: null,
  };
  // A subgraph that sent about a command per item (N+1) is not asked for the next size: at
  // 1,000 items it would send thousands of commands and load the store for minutes. Judged
  // from 100 up, where a per-item pattern cannot hide behind a fixed handful of commands.
  const growing = new Set();
  results.listSizes.skipped = {};
  for (const size of sizes) {
    results.listSizes.entities[size] = {};
    for (const [name, selection] of Object.entries(ENTITY_SELECTIONS)) {
      const proc = subgraphs[name];
      if (!proc) continue;
      if (growing.has(name)) {
        results.listSizes.entities[size][name] = { skipped: 'about one command per item, or no answer, at the previous size' };
        continue;
      }
      const representations = sortedIds.slice(0, size).map((id) => ({ __typename: 'Resident', id }));
      const body = { query: `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`, variables: { r: representations } };
      const direct = await measureOnce({
        url: proc.url,
        body,
        processes: { [name]: proc },
        // Signed as the gateway would: for this subgraph and exactly the body measureOnce sends.
        headers: { [IDENTITY_HEADER]: signIdentity(identity, signer, { audience: name, body: JSON.stringify(body) }) },
        timeoutMs,
      });
      const c = direct.counters[name];
      const commands = c?.commands[0] ?? null;
      results.listSizes.entities[size][name] = direct.timedOut
        ? { ms: direct.ms, timedOut: true }
        : { ms: direct.ms, commands, byName: c?.byName ?? {}, storeMs: c?.ms ?? {}, errors: direct.errors };
      if (direct.timedOut || (size >= 100 && commands !== null && commands >= size / 2)) growing.add(name);
    }
    // Through the gateway: the same list as one query, fields only from subgraphs still flat.
    const flat = Object.keys(ENTITY_FIELDS).filter((n) => !growing.has(n));
    results.listSizes.skipped[size] = Object.keys(ENTITY_FIELDS).filter((n) => growing.has(n));
    const viaGateway = await measureOnce({
      url: gatewayUrl,
      token: admin,
      body: residentsQuery(size, sortedIds, flat),
      processes: subgraphs,
      timeoutMs,
    });
    results.listSizes.gateway[size] = {
      ms: viaGateway.ms,
      timedOut: Boolean(viaGateway.timedOut),
      errors: viaGateway.errors,
      fields: flat,
      subgraphs: summarize(viaGateway.counters),
    };
    log(
      `  list of ${size}: _entities ${Object.entries(results.listSizes.entities[size])
        .map(([sg, c]) => `${sg} ${c.skipped ? 'skipped' : c.timedOut ? 'timed out' : c.commands}`)
        .join(', ')}; gateway ${Object.entries(results.listSizes.gateway[size].subgraphs)
        .map(([sg, c]) => `${sg} ${c.fetches}×${c.commandsPerFetch?.max ?? '-'}`)
        .join(', ')}`,
    );
  }

  // Background work (relay polls, consumers, sweeps) over a quiet stretch, per process.
  await waitIdle(subgraphs);
  await resetAll(subgraphs);
  await new Promise((r) => setTimeout(r, 5000));
  const quiet = await countersBySubgraph(subgraphs);
  results.background = Object.fromEntries(
    Object.entries(quiet)
      .filter(([label]) => label.endsWith(':background'))
      .map(([label, v]) => [label.replace(':background', ''), v]),
  );
  return results;
}

module.exports = { countQueries, residentsQuery, measureOnce, summarize, waitIdle };
