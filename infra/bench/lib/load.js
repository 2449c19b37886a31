'use strict';
/**
 * One load run with autocannon's programmatic API: `connections` keep-alive connections
 * send the workload's steps in turn for `durationSeconds`, each request with the next
 * token and variables. Latency percentiles are computed from every response (autocannon
 * reports p90/p97.5 but no p95); a response whose body carries GraphQL `errors` counts
 * as an error even with HTTP 200, and its first messages are kept for the report.
 */
const autocannon = require('autocannon');
const { sampleProcesses } = require('./proc-stats');

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

const round = (n, digits = 1) => (n === null || n === undefined ? null : Math.round(n * 10 ** digits) / 10 ** digits);

/** The first GraphQL error message of a response body, shortened, or null. */
function firstError(body) {
  try {
    const parsed = JSON.parse(body);
    const error = parsed?.errors?.[0];
    if (!error) return null;
    return `${error.extensions?.code ?? 'ERROR'}: ${String(error.message).slice(0, 140)}${error.path ? ` @${error.path.join('.')}` : ''}`;
  } catch {
    return 'unparseable body';
  }
}

/**
 * Runs `workload` against `url`. `pids` (label → pid) are sampled for CPU and memory.
 * Resolves { rps, latency: {p50,p95,p99,mean,max}, requests, non2xx, errors, graphqlErrors, errorSamples, cpu }.
 */
function runLoad({ url, workload, durationSeconds, amount, connections = 10, pids = {}, timeoutSeconds = 120 }) {
  const latencies = [];
  let graphqlErrors = 0;
  const errorSamples = new Map();
  const requests = workload.steps.map((step) => ({
    method: 'POST',
    setupRequest(request) {
      const { token, body } = step();
      request.headers = { ...request.headers, 'content-type': 'application/json', authorization: `Bearer ${token}` };
      request.body = JSON.stringify(body);
      return request;
    },
    onResponse(status, body) {
      if (status === 200 && !body.includes('"errors"')) return;
      graphqlErrors += 1;
      const message = status === 200 ? firstError(body) : `HTTP ${status}: ${firstError(body) ?? body.slice(0, 120)}`;
      if (message) errorSamples.set(message, (errorSamples.get(message) ?? 0) + 1);
    },
  }));
  const sampler = sampleProcesses(pids);
  return new Promise((resolve, reject) => {
    // `amount` (a number of requests) replaces the duration for workloads slower than a run.
    const shape = amount ? { amount } : { duration: durationSeconds };
    const started = process.hrtime.bigint();
    const instance = autocannon({ url, connections, ...shape, requests, timeout: timeoutSeconds }, (err, result) => {
      const cpu = sampler.stop();
      if (err) return reject(err);
      // autocannon reports whole seconds; a short fixed-amount run needs the real elapsed time.
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      latencies.sort((a, b) => a - b);
      const completed = latencies.length;
      const out = {
        durationSeconds: round(seconds, 2),
        connections,
        ...(amount ? { amount } : {}),
        requests: completed,
        rps: round(completed / seconds),
        latency: {
          p50: round(percentile(latencies, 50)),
          p95: round(percentile(latencies, 95)),
          p99: round(percentile(latencies, 99)),
          mean: round(completed ? latencies.reduce((a, b) => a + b, 0) / completed : null),
          max: round(latencies[completed - 1] ?? null),
        },
        non2xx: result.non2xx,
        connectionErrors: result.errors,
        timeouts: result.timeouts,
        graphqlErrors,
        errorSamples: [...errorSamples.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 5)
          .map(([message, count]) => ({ message, count })),
        cpu,
      };
      // The raw latencies stay out of the JSON but let rounds be merged.
      Object.defineProperty(out, 'samples', { value: latencies, enumerable: false });
      resolve(out);
    });
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

/**
 * One figure from several rounds of the same target (run in alternating order with the other
 * targets, so a store that slows down or speeds up during the run weighs on all of them alike).
 */
function mergeRuns(runs) {
  if (runs.length === 1) return runs[0];
  const samples = runs.flatMap((r) => r.samples ?? []).sort((a, b) => a - b);
  const seconds = runs.reduce((n, r) => n + r.durationSeconds, 0);
  const sum = (key) => runs.reduce((n, r) => n + (r[key] ?? 0), 0);
  const errorSamples = new Map();
  for (const r of runs) for (const e of r.errorSamples) errorSamples.set(e.message, (errorSamples.get(e.message) ?? 0) + e.count);
  const processes = {};
  for (const label of Object.keys(runs[0].cpu.processes)) {
    const parts = runs.map((r) => ({ p: r.cpu.processes[label], s: r.cpu.seconds })).filter((x) => x.p);
    const weighted = (key) => {
      const valid = parts.filter((x) => x.p[key] !== null);
      const total = valid.reduce((n, x) => n + x.s, 0);
      return total ? round(valid.reduce((n, x) => n + x.p[key] * x.s, 0) / total) : null;
    };
    processes[label] = {
      pid: parts[0]?.p.pid,
      cpuPercent: weighted('cpuPercent'),
      rssAvgMiB: weighted('rssAvgMiB'),
      rssMaxMiB: Math.max(...parts.map((x) => x.p.rssMaxMiB ?? 0)) || null,
    };
  }
  const cpuSeconds = runs.reduce((n, r) => n + r.cpu.seconds, 0);
  const busy = runs.filter((r) => r.cpu.machineBusyPercent !== null);
  const out = {
    durationSeconds: round(seconds, 2),
    rounds: runs.length,
    connections: runs[0].connections,
    ...(runs[0].amount ? { amount: sum('amount') } : {}),
    requests: samples.length,
    rps: round(samples.length / seconds),
    latency: {
      p50: round(percentile(samples, 50)),
      p95: round(percentile(samples, 95)),
      p99: round(percentile(samples, 99)),
      mean: round(samples.length ? samples.reduce((a, b) => a + b, 0) / samples.length : null),
      max: round(samples.at(-1) ?? null),
    },
    non2xx: sum('non2xx'),
    connectionErrors: sum('connectionErrors'),
    timeouts: sum('timeouts'),
    graphqlErrors: sum('graphqlErrors'),
    errorSamples: [...errorSamples.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([message, count]) => ({ message, count })),
    cpu: {
      processes,
      machineBusyPercent: busy.length
        ? round(busy.reduce((n, r) => n + r.cpu.machineBusyPercent * r.cpu.seconds, 0) / busy.reduce((n, r) => n + r.cpu.seconds, 0))
        : null,
      seconds: round(cpuSeconds),
    },
  };
  Object.defineProperty(out, 'samples', { value: samples, enumerable: false });
  return out;
}

/** A short run whose figures are thrown away: JIT, connection pools and plan caches warm up. */
async function warmUp({ url, workload, seconds, amount, connections }) {
  if (amount) return runLoad({ url, workload, amount, connections });
  if (seconds <= 0) return undefined;
  return runLoad({ url, workload, durationSeconds: seconds, connections });
}

module.exports = { runLoad, warmUp, mergeRuns, percentile, round, firstError };
