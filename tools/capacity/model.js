'use strict';
// The capacity model: CPU per request from the latest bench result (infra/bench/results),
// demand from assumptions.json. Pure functions below; the CLI at the end prints the tables.
const fs = require('node:fs');
const path = require('node:path');

const RESULTS = path.join(__dirname, '..', '..', 'infra', 'bench', 'results');
const STORE_PROCESSES = new Set(['mongo', 'mongo-java-server', 'mongo store', 'kafka', 'load generator']);

/** The newest full run (YYYY-MM-DD.json, not -quick). */
function latestResult(dir = RESULTS) {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f))
    .sort();
  if (files.length === 0) throw new Error(`no bench result in ${dir}: run npm run bench first`);
  return { file: files.at(-1), result: JSON.parse(fs.readFileSync(path.join(dir, files.at(-1)), 'utf8')) };
}

/**
 * CPU ms per request of each process in each workload of the Sanshe gateway target. The bench
 * records each process's CPU % (of one core) over the run and the requests/s, not CPU ms; so
 * ms = (cpu% − idle%) / 100 × 1000 / rps, where idle% is the process's lowest CPU % over all
 * workloads (consumer heartbeats and relay sweeps that cost whatever the load).
 */
function cpuMsPerRequest(load) {
  const workloads = Object.keys(load);
  const processes = Object.keys(load[workloads[0]].gateway.cpu.processes);
  const idle = Object.fromEntries(
    processes.map((p) => [p, Math.min(...workloads.map((w) => load[w].gateway.cpu.processes[p]?.cpuPercent ?? Infinity))]),
  );
  const out = {};
  for (const w of workloads) {
    const run = load[w].gateway;
    out[w] = {};
    for (const p of processes) {
      const cpu = run.cpu.processes[p]?.cpuPercent ?? 0;
      out[w][p] = run.rps > 0 ? (Math.max(0, cpu - idle[p]) / 100) * (1000 / run.rps) : 0;
    }
  }
  return out;
}

/** Weighted CPU ms per request of each process over the workload mix. */
function mixedCpuMs(perWorkload, mix) {
  const out = {};
  for (const [w, share] of Object.entries(mix)) {
    for (const [p, ms] of Object.entries(perWorkload[w] ?? {})) out[p] = (out[p] ?? 0) + share * ms;
  }
  return out;
}

function peakRequestsPerSecond(residents, a) {
  const daily = residents * a.dailyActiveShare * a.requestsPerActiveResidentPerDay;
  return ((daily * a.peakHourShareOfDay) / 3600) * a.peakBurstFactor;
}

function model(residents, cpuMs, a) {
  const rps = peakRequestsPerSecond(residents, a);
  const mutationsPerSecond = rps * (a.workloadMix.mutations ?? 0);
  const topics = Object.fromEntries(
    Object.entries(a.eventsPerMutationByTopic).map(([topic, perMutation]) => {
      const eventsPerSecond = mutationsPerSecond * perMutation;
      return [
        topic,
        { eventsPerSecond, partitions: Math.max(a.minPartitions, Math.ceil(eventsPerSecond / a.eventsPerPartitionPerSecond)) },
      ];
    }),
  );
  const replicas = {};
  for (const [p, ms] of Object.entries(cpuMs)) {
    if (STORE_PROCESSES.has(p)) continue;
    const cores = (rps * ms) / 1000;
    replicas[p] = { cores, replicas: Math.max(a.minReplicas, Math.ceil(cores / a.targetCpuUtilization)) };
  }
  // A gateway process is one Node event loop: one core at most.
  const gatewaySaturatesAtRps = cpuMs.gateway > 0 ? 1000 / cpuMs.gateway : Infinity;
  // Back from the peak second to the day it was derived from, then a year of days.
  const eventsPerYear =
    Object.values(topics).reduce((s, t) => s + t.eventsPerSecond, 0) * (3600 / (a.peakHourShareOfDay * a.peakBurstFactor)) * 365;
  const storageGiBPerYear = (eventsPerYear * a.storedDocumentsPerEvent * a.bytesPerStoredEvent * (1 + a.indexOverhead)) / 2 ** 30;
  return {
    residents,
    peakRps: rps,
    topics,
    replicas,
    gatewaySaturatesAtRps,
    rustRouter: replicas.gateway ? replicas.gateway.replicas > a.gatewayReplicasBeforeRustRouter : false,
    storageGiBPerYear,
  };
}

function render({ file, result }, a) {
  const cpuMs = mixedCpuMs(cpuMsPerRequest(result.load), a.workloadMix);
  const lines = [
    `Capacity model from infra/bench/results/${file} (${result.meta.cpus} cores, ${result.meta.cpuModel}) and tools/capacity/assumptions.json`,
    '',
  ];
  lines.push('CPU ms per request over the mix (derived from CPU % and requests/s):');
  for (const [p, ms] of Object.entries(cpuMs)) lines.push(`  ${p.padEnd(18)} ${ms.toFixed(2)}`);
  for (const [name, residents] of Object.entries(a.scenarios)) {
    const m = model(residents, cpuMs, a);
    lines.push('', `## ${name}: ${residents.toLocaleString('en')} residents`, `peak requests/s: ${m.peakRps.toFixed(0)}`);
    for (const [topic, t] of Object.entries(m.topics))
      lines.push(`  ${topic.padEnd(30)} ${t.eventsPerSecond.toFixed(2)} events/s, ${t.partitions} partitions`);
    for (const [p, r] of Object.entries(m.replicas)) lines.push(`  ${p.padEnd(18)} ${r.cores.toFixed(2)} cores → ${r.replicas} replicas`);
    lines.push(
      `  one gateway process saturates at ${m.gatewaySaturatesAtRps.toFixed(0)} requests/s; Rust router advised: ${m.rustRouter ? 'yes' : 'no'}`,
    );
    lines.push(`  Mongo storage growth: ${m.storageGiBPerYear.toFixed(1)} GiB/year`);
  }
  return `${lines.join('\n')}\n`;
}

module.exports = { latestResult, cpuMsPerRequest, mixedCpuMs, peakRequestsPerSecond, model, render };

if (require.main === module) {
  const assumptions = JSON.parse(fs.readFileSync(path.join(__dirname, 'assumptions.json'), 'utf8'));
  process.stdout.write(render(latestResult(), assumptions));
}
