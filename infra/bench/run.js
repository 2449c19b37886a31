#!/usr/bin/env node
'use strict';
/**
 * `npm run bench` — the Sanshe load benchmark, in one run on the same seeded data:
 *   1. load: the Sanshe gateway, the monolith and Hive Gateway, side by side, on three
 *      workloads (community dashboard, district list, mutation mix);
 *   2. concurrency: N residents register for one activity at once (N = 10, 40, 100);
 *   3. database round trips per subgraph fetch, with lists of 10, 100 and 1,000 items;
 *   4. events: commit → partner-consumer latency at a steady mutation rate, and outbox
 *      relay throughput against the raw producer;
 *   5. tuning variants of the gateway (keep-alive off, APQ to subgraphs), last, within the budget.
 * Results: infra/bench/results/<YYYY-MM-DD>.md and .json (…-quick.* in quick mode).
 *
 * Options: --quick (smoke run, ≈4 min), --duration=<s>, --warmup=<s>, --connections=<n>,
 *          --budget=<minutes> (default 14, quick 5: optional work is dropped to stay within),
 *          --rounds=<n> (default 2: each workload's time split into rounds, targets alternating),
 *          --event-rate=<n> (registrations per second in the event-latency run, default 20),
 *          --only=load,concurrency,counts,events,tuning, --workloads=overhead,dashboard (with --only, a partial run: results go to <date>-partial.*), --reseed (run the seeds even on data), --verbose.
 * Env: BENCH_DB_PREFIX (default bench_), MONGO_URL / KAFKA_BROKERS as everywhere.
 * Never stops or restarts Kafka or the Mongo store; stops only the processes it started.
 */
const os = require('node:os');
const path = require('node:path');
const infra = require('../local/infra.js');
require('./lib/ts-register');
const { startTarget, stopAllTargets } = require('./lib/processes');
const { SERVICES, baseEnv, benchDb, composeFor, writeSupergraph, startSubgraphs, gatewayEnv, dbPrefix } = require('./lib/stack');
const { seedBenchData, purgeBenchWrites, dataSizes, prepareMutationContext } = require('./lib/data');
const { buildWorkloads } = require('./lib/operations');
const { runLoad, warmUp, mergeRuns } = require('./lib/load');
const { countQueries, waitIdle } = require('./lib/query-count');
const { eventLatency, relayThroughput } = require('./lib/events');
const { concurrencyPhase } = require('./lib/concurrency');
const { writeResults, ratios, cpuPerRequest } = require('./lib/report');

function parseArgs(argv) {
  const flags = Object.fromEntries(
    argv
      .filter((a) => a.startsWith('--'))
      .map((a) => {
        const [k, v] = a.slice(2).split('=');
        return [k, v ?? true];
      }),
  );
  const quick = Boolean(flags.quick);
  return {
    quick,
    verbose: Boolean(flags.verbose),
    reseed: Boolean(flags.reseed),
    durationSeconds: Number(flags.duration ?? (quick ? 6 : 20)),
    warmupSeconds: Number(flags.warmup ?? (quick ? 1 : 5)),
    // Store-bound workloads get fewer connections than the control: on two cores more only
    // queue behind the store (latency without more throughput).
    connections: flags.connections ? { default: Number(flags.connections) } : { overhead: 10, dashboard: 4, district: 2, mutations: 4 },
    tuningWorkloads: quick ? ['overhead'] : ['overhead', 'dashboard'],
    countTimeoutMs: quick ? 60_000 : 120_000,
    phases: new Set(String(flags.only ?? 'load,concurrency,counts,events,tuning').split(',')),
    /** Some workloads only (--workloads=overhead,dashboard); with --only, a partial run, written to <date>-partial.*. */
    workloads: flags.workloads ? new Set(String(flags.workloads).split(',')) : null,
    /** Optional work (tuning variants, the 1,000-item sweep, relay drain) is dropped to stay within it. */
    budgetMinutes: Number(flags.budget ?? (quick ? 5 : 14)),
    rounds: Number(flags.rounds ?? (quick ? 1 : 2)),
    eventSeconds: quick ? 5 : 20,
    /** Registrations per second in the event-latency run: a rate the store sustains, so latency is not queueing (--event-rate). */
    eventRate: Number(flags['event-rate'] ?? 20),
    relayBacklog: quick ? 300 : 2000,
    listSizes: quick ? [10, 100] : [10, 100, 1000],
  };
}

const log = (line) => console.log(line);
const elapsed = (t0) => `${((Date.now() - t0) / 1000).toFixed(0)} s`;

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const remaining = () => t0 + options.budgetMinutes * 60_000 - Date.now();
  const { mongoUrl, kafkaBrokers } = await infra.ensureInfra({ detached: true });
  const brokers = String(kafkaBrokers).split(',');
  const infraInfo = { mongoUrl, kafkaBrokers: String(kafkaBrokers) };
  const status = await infra.status().catch(() => ({ kafka: {}, mongo: {} }));
  const sharedPids = {
    ...(status.mongo.pid ? { 'mongo store': status.mongo.pid } : {}),
    ...(status.kafka.pid ? { kafka: status.kafka.pid } : {}),
  };
  log(
    `bench (${options.quick ? 'quick' : 'full'} mode): Mongo ${mongoUrl}, Kafka ${kafkaBrokers}, databases ${SERVICES.map(benchDb).join(', ')}`,
  );

  log('data…');
  const notes = await seedBenchData({ mongoUrl, env: baseEnv(infraInfo), reseed: options.reseed, log });
  const purged = await purgeBenchWrites({ mongoUrl });
  if (purged.activities || purged.serviceOrders)
    log(`  purged earlier bench writes: ${purged.activities} activities, ${purged.serviceOrders} service orders`);
  const sizes = await dataSizes({ mongoUrl });

  log(`stack… (${elapsed(t0)})`);
  const variants = options.phases.has('tuning')
    ? { 'keep-alive off': { SUBGRAPH_KEEP_ALIVE: 'false' }, 'APQ to subgraphs': { SUBGRAPH_APQ: 'true' } }
    : {};
  const startOpts = { log, verbose: options.verbose };
  const main = await startStack(
    infraInfo,
    'main',
    [
      ['gateway', 'gateway'],
      ['monolith', 'monolith'],
      ['hive', 'hive'],
      ...Object.entries(variants).map(([label, env]) => [label, 'gateway', env]),
    ],
    startOpts,
  );
  const { subgraphs } = main;
  const [gateway, monolith, hive, ...variantTargets] = main.targets;
  const targets = { gateway, monolith, hive };
  log(`  gateway ${gateway.url}, monolith ${monolith.url}, hive ${hive.url} (${elapsed(t0)})`);

  const mutationContext = await prepareMutationContext({ gatewayUrl: gateway.url, log });
  notes.push(...mutationContext.problems.map((p) => `mutation mix setup: ${p}`));
  const built = await buildWorkloads({
    mutationContext,
    poolSize: options.quick ? 800 : 3000,
    residentPool: options.quick ? 2000 : 6000,
  });
  const { minter, communities, residentsByCommunity } = built;
  const workloads = options.workloads ? built.workloads.filter((w) => options.workloads.has(w.name)) : built.workloads;

  /** Processes that report requests in flight: a run starts only once the previous one drained. */
  const counting = { ...subgraphs, monolith };
  // Quick mode sends the heavy workloads a fixed number of requests instead: on a busy
  // store one of them can take longer than a short run, which would then measure nothing.
  const runShape = (name) => {
    const connections = options.connections[name] ?? options.connections.default ?? 4;
    // A full run times every workload, so throughput is comparable across targets; a quick run
    // sends the store-bound ones a fixed number of requests instead.
    if (options.quick && name !== 'overhead') return { amount: connections * 3, connections };
    return { seconds: name === 'overhead' && options.quick ? Math.min(3, options.durationSeconds) : options.durationSeconds, connections };
  };
  const subgraphPids = Object.fromEntries(Object.entries(subgraphs).map(([n, s]) => [n, s.pid]));
  const pidsFor = (target) => ({
    [target]: targets[target].pid,
    ...(target === 'monolith' ? {} : subgraphPids),
    ...sharedPids,
    'load generator': process.pid,
  });

  const results = {
    meta: {
      date: new Date().toISOString().slice(0, 10),
      startedAt: new Date(t0).toISOString(),
      mode: options.quick ? 'quick' : 'full',
      // Some workloads or phases only: written beside the full results, never over them.
      partial: Boolean(options.workloads) || ['load', 'concurrency', 'counts', 'events', 'tuning'].some((p) => !options.phases.has(p)),
      warmupSeconds: options.warmupSeconds,
      rounds: options.rounds,
      workloads: Object.fromEntries(workloads.map((w) => [w.name, { title: w.title, ...runShape(w.name) }])),
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      loadAverage: os.loadavg().map((n) => Math.round(n * 10) / 10),
      node: process.version,
      autocannon: require('autocannon/package.json').version,
      hiveVersion: require('@graphql-hive/gateway-runtime/package.json').version,
      dbPrefix: dbPrefix(),
      subgraphs: SERVICES,
      dataSizes: sizes,
      dataSummary: summarizeSizes(sizes),
      purged,
      notes,
    },
    load: {},
    ratios: {},
    concurrency: null,
    queryCounts: null,
    events: null,
    tuning: {},
  };

  if (options.phases.has('load')) {
    // Reads first for every target, the mutation mix last, so all reads see the same data.
    // Each workload runs in rounds, the targets in alternating order (A B C, then C B A), so a
    // shared store that slows down during the run weighs on every target alike.
    const order = ['gateway', 'monolith', 'hive'];
    for (const workload of workloads) {
      const shape = runShape(workload.name);
      const rounds = options.rounds;
      const perRound = shape.amount
        ? { amount: Math.max(shape.connections, Math.round(shape.amount / rounds)) }
        : { durationSeconds: Math.max(2, Math.round(shape.seconds / rounds)) };
      const collected = Object.fromEntries(order.map((t) => [t, []]));
      const failures = {};
      for (let round = 0; round < rounds; round += 1) {
        for (const target of round % 2 === 0 ? order : [...order].reverse()) {
          if (failures[target]) continue;
          const url = targets[target].url;
          try {
            if (round === 0)
              await warmUp({
                url,
                workload,
                ...(shape.amount ? { amount: shape.connections } : { seconds: options.warmupSeconds }),
                connections: shape.connections,
              });
            await waitIdle(counting, 120_000);
            collected[target].push(await runLoad({ url, workload, ...perRound, connections: shape.connections, pids: pidsFor(target) }));
          } catch (err) {
            failures[target] = err.message;
            log(`  ${workload.name} · ${target}: failed — ${err.message}`);
          }
        }
      }
      await waitIdle(counting, 120_000);
      results.load[workload.name] = {};
      for (const target of order) {
        if (failures[target] || collected[target].length === 0) {
          results.load[workload.name][target] = { failed: failures[target] ?? 'no run' };
          continue;
        }
        const run = mergeRuns(collected[target]);
        run.cpuMsPerRequest = cpuPerRequest(run, target === 'monolith' ? ['monolith'] : [target, ...SERVICES]);
        results.load[workload.name][target] = run;
        log(
          `  ${workload.name} · ${target}: ${run.rps} req/s, p50 ${run.latency.p50} ms, p95 ${run.latency.p95} ms, p99 ${run.latency.p99} ms, errors ${run.graphqlErrors}/${run.requests} (${elapsed(t0)})`,
        );
      }
      save(results, t0);
    }
    results.ratios = ratios(results.load);
  }

  save(results, t0);
  if (options.phases.has('concurrency')) {
    log(`concurrency: N residents register for one activity at once… (${elapsed(t0)})`);
    try {
      await waitIdle(counting, 120_000);
      results.concurrency = await concurrencyPhase({
        url: gateway.url,
        minter,
        communities,
        residentsByCommunity,
        sizes: options.quick ? [10, 40] : [10, 40, 100],
        log,
      });
    } catch (err) {
      results.concurrencyError = err.message;
      log(`  failed: ${err.message}`);
    }
  }

  save(results, t0);
  if (options.phases.has('counts')) {
    log(`database round trips per subgraph fetch… (${elapsed(t0)})`);
    try {
      const sizes = remaining() > 5 * 60_000 ? options.listSizes : options.listSizes.slice(0, 2);
      if (sizes.length < options.listSizes.length)
        notes.push(`list-size sweep cut to ${sizes.join(', ')}: the time budget was running out`);
      // Counted on a stack of its own with the driver's command monitoring on: the load runs'
      // processes run without it, as production does.
      const counting = await startCountingStack({ ...infraInfo, monitorCommands: true }, startOpts);
      try {
        results.queryCounts = await countQueries({
          gatewayUrl: counting.gateway.url,
          monolith: counting.monolith,
          subgraphs: counting.subgraphs,
          workloads,
          sizes,
          timeoutMs: Math.round(Math.max(20_000, Math.min(options.countTimeoutMs, remaining() / 8))),
          log,
        });
      } finally {
        await counting.stop();
      }
    } catch (err) {
      results.queryCounts = null;
      notes.push(`query counting failed: ${err.message}`);
      log(`  failed: ${err.message}`);
    }
  }

  save(results, t0);
  if (options.phases.has('events')) {
    log(`events… (${elapsed(t0)})`);
    results.events = {};
    try {
      results.events.latency = await eventLatency({
        gatewayUrl: gateway.url,
        brokers,
        activityByCommunity: mutationContext.activityByCommunity,
        rate: options.eventRate,
        seconds: options.eventSeconds,
        log,
      });
    } catch (err) {
      results.events.latencyError = err.message;
      log(`  latency failed: ${err.message}`);
    }
    try {
      if (remaining() < 60_000) throw new Error('skipped: the time budget was used up');
      results.events.relay = await relayThroughput({ mongoUrl, brokers, backlog: options.relayBacklog, log });
    } catch (err) {
      results.events.relayError = err.message;
      log(`  relay failed: ${err.message}`);
    }
  }

  save(results, t0);
  if (options.phases.has('tuning')) {
    log(`tuning variants… (${elapsed(t0)})`);
    for (const [i, [label]] of Object.entries(variants).entries()) {
      const variant = variantTargets[i];
      results.tuning[label] = {};
      for (const workload of workloads.filter((w) => options.tuningWorkloads.includes(w.name))) {
        const { seconds, amount, connections } = runShape(workload.name);
        if (remaining() < (options.warmupSeconds + (seconds ?? 30) + 30) * 1000) {
          notes.push(`tuning variant "${label}" on ${workload.name} skipped: the ${options.budgetMinutes}-minute budget was used up`);
          continue;
        }
        try {
          await warmUp({
            url: variant.url,
            workload,
            ...(amount ? { amount: connections } : { seconds: options.warmupSeconds }),
            connections,
          });
          await waitIdle(counting, 120_000);
          const run = await runLoad({
            url: variant.url,
            workload,
            durationSeconds: seconds,
            amount,
            connections,
            pids: { [label]: variant.pid, ...subgraphPids, ...sharedPids },
          });
          await waitIdle(counting, 120_000);
          results.tuning[label][workload.name] = run;
          log(`  ${label} · ${workload.name}: ${run.rps} req/s, p95 ${run.latency.p95} ms`);
        } catch (err) {
          results.tuning[label][workload.name] = { failed: err.message };
        }
      }
    }
  }

  const files = save(results, t0, true);
  log(`results: ${path.relative(process.cwd(), files.markdown)} and ${path.basename(files.json)} (${elapsed(t0)})`);
  for (const [workload, r] of Object.entries(results.ratios)) {
    log(
      `  ${workload}: RPS gateway/monolith ${r.gatewayVsMonolith.rps ?? '–'}, gateway/peer ${r.gatewayVsPeer.rps ?? '–'}; p95 gateway/monolith ${r.gatewayVsMonolith.p95 ?? '–'}, gateway/peer ${r.gatewayVsPeer.p95 ?? '–'}`,
    );
  }
}

/** Writes the results so far: a phase that hangs or a Ctrl-C keeps what was measured before it. */
/**
 * The five subgraphs on `info`, a supergraph over them (`<name>` in its file name), and the
 * targets `[label, script, env overrides]` over that supergraph.
 */
async function startStack(info, name, targets, { log, verbose }) {
  const subgraphs = await startSubgraphs(info, { log: name === 'main' ? log : () => undefined, verbose });
  const urls = Object.fromEntries(Object.entries(subgraphs).map(([n, s]) => [n, s.url]));
  const supergraphFile = writeSupergraph(composeFor(urls), name);
  const started = await Promise.all(
    targets.map(([label, script, env]) => startTarget(label, script, gatewayEnv(info, urls, supergraphFile, env), { log, verbose })),
  );
  return { subgraphs, targets: started };
}

/** Subgraphs, a gateway and a monolith for the counting phase, on `info` (command monitoring on). */
async function startCountingStack(info, opts) {
  const { subgraphs, targets } = await startStack(
    info,
    'counting',
    [
      ['gateway (counting)', 'gateway'],
      ['monolith (counting)', 'monolith'],
    ],
    opts,
  );
  const [gateway, monolith] = targets;
  opts.log(`  counting stack: gateway ${gateway.url}, monolith ${monolith.url}, five subgraphs, command monitoring on`);
  return {
    gateway,
    monolith,
    subgraphs,
    stop: () => Promise.all([...targets, ...Object.values(subgraphs)].map((t) => t.stop().catch(() => undefined))),
  };
}

function save(results, t0, complete = false) {
  results.meta.wallSeconds = Math.round((Date.now() - t0) / 1000);
  results.meta.complete = complete;
  return writeResults(results);
}

function summarizeSizes(sizes) {
  const pick = (service, collection) => sizes[service]?.[collection];
  const sum = (...counts) => (counts.every((n) => n === undefined) ? undefined : counts.reduce((a, n) => a + (n ?? 0), 0));
  const parts = [
    ['communities', pick('registry', 'communities')],
    ['residents', pick('registry', 'residents')],
    ['social organizations', pick('social-orgs', 'social_organizations') ?? pick('social-orgs', 'organizations')],
    ['activities (live + archived)', sum(pick('activities', 'activities'), pick('activities', 'activity_archive'))],
    [
      'service orders (live + archived)',
      sum(pick('resident-services', 'service_orders'), pick('resident-services', 'service_order_archive')),
    ],
    ['points postings', pick('credits', 'postings')],
    ['points accounts', pick('credits', 'accounts') ?? pick('credits', 'points_accounts')],
  ];
  return (
    parts
      .filter(([, n]) => n !== undefined)
      .map(([what, n]) => `${n} ${what}`)
      .join(', ') || 'sizes unknown'
  );
}

let finishing = false;
async function finish(code) {
  if (finishing) return;
  finishing = true;
  await stopAllTargets();
  process.exit(code);
}
process.once('SIGINT', () => finish(130));
process.once('SIGTERM', () => finish(143));
main().then(
  () => finish(0),
  (err) => {
    console.error(`bench failed: ${err.stack ?? err.message}`);
    finish(1);
  },
);
