'use strict';
/**
 * Writes the results: infra/bench/results/<YYYY-MM-DD>.md and its JSON twin (.json).
 * A quick run writes <date>-quick.* so it never replaces a full run's figures.
 */
const fs = require('node:fs');
const path = require('node:path');

const RESULTS = path.join(__dirname, '..', 'results');
const TARGET_TITLES = { gateway: 'Sanshe gateway', monolith: 'monolith', hive: 'Hive Gateway (peer)' };

const fmt = (n, unit = '') => (n === null || n === undefined || Number.isNaN(n) ? '–' : `${n}${unit}`);
const ratio = (a, b) => (a && b ? Math.round((a / b) * 100) / 100 : null);

/** CPU ms per request summed over a target's own processes (the target and, for gateways, the subgraphs). */
function cpuPerRequest(run, labels) {
  if (!run?.requests) return null;
  let cpuSeconds = 0;
  for (const label of labels) {
    const p = run.cpu.processes[label];
    if (p?.cpuPercent === null || p?.cpuPercent === undefined) continue;
    cpuSeconds += (p.cpuPercent / 100) * run.cpu.seconds;
  }
  return Math.round((cpuSeconds * 1000 * 10) / run.requests) / 10;
}

function ratios(load) {
  const out = {};
  for (const [workload, byTarget] of Object.entries(load)) {
    const g = byTarget.gateway;
    const m = byTarget.monolith;
    const h = byTarget.hive;
    out[workload] = {
      gatewayVsMonolith: {
        rps: ratio(g?.rps, m?.rps),
        p50: ratio(g?.latency.p50, m?.latency.p50),
        p95: ratio(g?.latency.p95, m?.latency.p95),
        p99: ratio(g?.latency.p99, m?.latency.p99),
        cpuPerRequest: ratio(g?.cpuMsPerRequest, m?.cpuMsPerRequest),
      },
      gatewayVsPeer: {
        rps: ratio(g?.rps, h?.rps),
        p50: ratio(g?.latency.p50, h?.latency.p50),
        p95: ratio(g?.latency.p95, h?.latency.p95),
        p99: ratio(g?.latency.p99, h?.latency.p99),
        cpuPerRequest: ratio(g?.cpuMsPerRequest, h?.cpuMsPerRequest),
      },
    };
  }
  return out;
}

function loadTable(results) {
  const lines = [
    '| workload | target | RPS | p50 ms | p95 ms | p99 ms | errors | CPU ms/req | target CPU % | target RSS MiB (avg/max) | subgraphs CPU % | store CPU % | machine busy % |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [workload, byTarget] of Object.entries(results.load)) {
    for (const [target, run] of Object.entries(byTarget)) {
      if (run.failed) {
        lines.push(`| ${workload} | ${TARGET_TITLES[target] ?? target} | failed: ${run.failed} |||||||||||`);
        continue;
      }
      const own = run.cpu.processes[target] ?? {};
      const subgraphCpu = Object.entries(run.cpu.processes)
        .filter(([l]) => results.meta.subgraphs.includes(l))
        .reduce((n, [, p]) => n + (p.cpuPercent ?? 0), 0);
      lines.push(
        `| ${workload} | ${TARGET_TITLES[target] ?? target} | ${fmt(run.rps)} | ${fmt(run.latency.p50)} | ${fmt(run.latency.p95)} | ${fmt(run.latency.p99)} | ${run.graphqlErrors + run.connectionErrors}/${run.requests} | ${fmt(run.cpuMsPerRequest)} | ${fmt(own.cpuPercent)} | ${fmt(own.rssAvgMiB)}/${fmt(own.rssMaxMiB)} | ${target === 'monolith' ? '(in process)' : fmt(Math.round(subgraphCpu))} | ${fmt(run.cpu.processes['mongo store']?.cpuPercent)} | ${fmt(run.cpu.machineBusyPercent)} |`,
      );
    }
  }
  return lines.join('\n');
}

function ratioTable(results) {
  const lines = [
    '| workload | RPS gateway/monolith | p50 | p95 | p99 | CPU/req | RPS gateway/peer | p50 | p95 | p99 | CPU/req |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [workload, r] of Object.entries(results.ratios)) {
    const m = r.gatewayVsMonolith;
    const h = r.gatewayVsPeer;
    lines.push(
      `| ${workload} | ${fmt(m.rps)} | ${fmt(m.p50)} | ${fmt(m.p95)} | ${fmt(m.p99)} | ${fmt(m.cpuPerRequest)} | ${fmt(h.rps)} | ${fmt(h.p50)} | ${fmt(h.p95)} | ${fmt(h.p99)} | ${fmt(h.cpuPerRequest)} |`,
    );
  }
  return lines.join('\n');
}

function errorNotes(results) {
  const lines = [];
  for (const [workload, byTarget] of Object.entries(results.load)) {
    for (const [target, run] of Object.entries(byTarget)) {
      for (const sample of run.errorSamples ?? [])
        lines.push(`- ${workload} / ${TARGET_TITLES[target] ?? target}: ${sample.count}× \`${sample.message.replaceAll('`', "'")}\``);
    }
  }
  return lines.length ? lines.join('\n') : '- none';
}

function countTable(results) {
  const qc = results.queryCounts;
  if (!qc) return '_not run_';
  const lines = [
    '| operation | path | subgraph fetches × Mongo commands per fetch | slowest store commands (ms) | request ms |',
    '| --- | --- | --- | --- | ---: |',
  ];
  for (const [op, entry] of Object.entries(qc.operations)) {
    for (const via of ['gateway', 'monolith']) {
      const e = entry[via];
      if (!e) continue;
      const cells = Object.entries(e.subgraphs).map(
        ([sg, c]) =>
          `${sg} ${c.fetches}×${c.commandsPerFetch ? (c.commandsPerFetch.min === c.commandsPerFetch.max ? c.commandsPerFetch.min : `${c.commandsPerFetch.min}–${c.commandsPerFetch.max}`) : '–'}`,
      );
      const slow = Object.entries(e.subgraphs)
        .flatMap(([sg, c]) => Object.entries(c.storeMs ?? {}).map(([k, ms]) => [`${sg}: ${k}`, ms]))
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([k, ms]) => `${k} ${ms}`);
      lines.push(
        `| ${op} | ${via} | ${cells.join(', ') || '–'}${e.errors.length ? ` ⚠ ${e.errors[0].replaceAll('|', '/')}` : ''} | ${slow.join('; ') || '–'} | ${e.ms} |`,
      );
    }
  }
  const sizes = Object.keys(qc.listSizes.entities);
  const sg = [...new Set(sizes.flatMap((s) => Object.keys(qc.listSizes.entities[s])))];
  const sweep = [
    `| items | ${sg.map((s) => `${s} \`_entities\` commands`).join(' | ')} | through the gateway: fetches×commands per subgraph |`,
    `| ---: | ${sg.map(() => '---:').join(' | ')} | --- |`,
  ];
  for (const size of sizes) {
    const g = qc.listSizes.gateway[size];
    const viaGateway = g
      ? Object.entries(g.subgraphs)
          .map(
            ([name, c]) =>
              `${name} ${c.fetches}×${c.commandsPerFetch ? (c.commandsPerFetch.min === c.commandsPerFetch.max ? c.commandsPerFetch.min : `${c.commandsPerFetch.min}–${c.commandsPerFetch.max}`) : '–'}`,
          )
          .join(', ') + (g.errors.length ? ` ⚠ ${g.errors[0].replaceAll('|', '/')}` : '')
      : '–';
    const cell = (e) =>
      !e ? '–' : e.skipped ? 'not sent' : e.timedOut ? `no answer in ${Math.round(e.ms / 1000)} s` : `${e.commands} (${e.ms} ms)`;
    const dropped = qc.listSizes.skipped?.[size]?.length ? ` (without ${qc.listSizes.skipped[size].join(', ')})` : '';
    sweep.push(
      `| ${size} | ${sg.map((s) => cell(qc.listSizes.entities[size][s])).join(' | ')} | ${viaGateway}${dropped}${g?.ms ? `, ${g.ms} ms` : ''} |`,
    );
  }
  const background = Object.entries(qc.background).map(
    ([name, b]) =>
      `${name} ${b.commandsPerSecond}/s (${
        Object.entries(b.byName)
          .map(([c, n]) => `${c} ${n}`)
          .join(', ') || 'none'
      })`,
  );
  return `${lines.join('\n')}\n\nList sizes: one \`_entities\` fetch of N residents sent straight to each subgraph (Mongo commands, time), and N residents
with fields from the other subgraphs through the gateway (pages of 100 as aliases past 100). A subgraph that sent about
one command per item at 100 (N+1), or gave no answer, is not sent the next size.\n\n${sweep.join('\n')}\n\nBackground Mongo commands while idle (relay polls, consumers, sweeps): ${background.join('; ') || '–'}.`;
}

function eventsSection(results) {
  const e = results.events;
  if (!e) return '_not run_';
  const out = [];
  if (e.latency) {
    const l = e.latency;
    out.push(
      `Steady ${l.rate} registrations/s for ${l.seconds} s through the Sanshe gateway (achieved ${l.achievedRate}/s): ${l.committed}/${l.sent} committed, ${l.delivered} delivered to a partner consumer.`,
      '',
      '| span | p50 ms | p95 ms | p99 ms | max ms |',
      '| --- | ---: | ---: | ---: | ---: |',
      `| commit → record on the broker (relay) | ${fmt(l.commitToBrokerMs.p50)} | ${fmt(l.commitToBrokerMs.p95)} | ${fmt(l.commitToBrokerMs.p99)} | ${fmt(l.commitToBrokerMs.max)} |`,
      `| commit → partner consumer | ${fmt(l.endToEndMs.p50)} | ${fmt(l.endToEndMs.p95)} | ${fmt(l.endToEndMs.p99)} | ${fmt(l.endToEndMs.max)} |`,
    );
    if (l.failures?.length) out.push('', `Failures: ${l.failures.map((f) => `${f.count}× ${f.message}`).join('; ')}`);
  } else if (e.latencyError) out.push(`Latency run failed: ${e.latencyError}`);
  if (e.relay) {
    const r = e.relay;
    out.push(
      '',
      `Outbox relay vs raw producer, ${r.backlog} events of ~${r.payloadBytes} B, batches of ${r.batchSize}: relay **${r.relay.eventsPerSecond} events/s**, raw idempotent producer **${r.rawProducer.eventsPerSecond} events/s** (relay = ${r.relayShareOfRaw}× raw).`,
    );
  } else if (e.relayError) out.push('', `Relay run failed: ${e.relayError}`);
  return out.join('\n');
}

function concurrencySection(results) {
  const runs = results.concurrency;
  if (!runs) return results.concurrencyError ? `Failed: ${results.concurrencyError}` : '_not run_';
  const control = results.load.overhead?.gateway?.latency?.p50;
  const lines = [
    `N residents register for one activity of capacity ${runs[0]?.capacity ?? '?'} at the same instant, through the Sanshe gateway. Control query p50 in this run: ${fmt(control)} ms.`,
    '',
    '| N | registered | waitlisted | timeouts | errors | p50 ms | p95 ms | slowest ms | slowest ÷ control p50 | correct |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of runs) {
    lines.push(
      `| ${r.n} | ${r.registered} | ${r.waitlisted} | ${r.timeouts} | ${r.errors} | ${fmt(r.latency.p50)} | ${fmt(r.latency.p95)} | ${fmt(r.latency.max)} | ${fmt(ratio(r.latency.max, control))} | ${r.correct ? 'yes' : `**no**${r.errorSamples.length ? `: ${r.errorSamples[0].replaceAll('|', '/')}` : ''}`} |`,
    );
  }
  return lines.join('\n');
}

/** The store issue's acceptance lines, computed from this run (ratios on this machine). */
function acceptance(results) {
  const g = (w) => results.load[w]?.gateway;
  const control = g('overhead')?.latency?.p50;
  const rows = [];
  // A measure a partial run (--workloads, --only) did not take is not judged; in a full run it is not met.
  const row = (what, value, limit, ok) => {
    const measured = value != null && value !== '–';
    rows.push(`| ${what} | ${value ?? '–'} | ${limit} | ${!measured && results.meta.partial ? '–' : measured && ok ? 'yes' : '**no**'} |`);
  };
  const dash = ratio(g('dashboard')?.latency?.p50, control);
  row('dashboard p50 ÷ control p50', fmt(dash), '≤ 6', dash != null && dash <= 6);
  const list = ratio(g('district')?.latency?.p50, control);
  row('district list p50 ÷ control p50', fmt(list), '≤ 20', list != null && list <= 20);
  const vsMono = results.ratios.dashboard?.gatewayVsMonolith?.rps;
  row('dashboard throughput, gateway ÷ monolith', fmt(vsMono), '≥ 0.6', vsMono != null && vsMono >= 0.6);
  const vsHive = results.ratios.overhead?.gatewayVsPeer?.rps;
  row('control throughput, gateway ÷ Hive Gateway', fmt(vsHive), '≥ 1.0', vsHive != null && vsHive >= 1.0);
  // A ratio over requests that were refused measures the refusal: the read workloads must answer cleanly.
  const failed = ['overhead', 'dashboard', 'district'].flatMap((w) =>
    Object.entries(results.load[w] ?? {})
      .filter(([, r]) => r && r.non2xx + r.connectionErrors + r.timeouts + r.graphqlErrors > 0)
      .map(([target]) => `${w}/${target}`),
  );
  row(
    'read workloads answered without any error, every target',
    results.load.overhead ? (failed.length ? `errors in ${failed.join(', ')}` : 'all') : null,
    'all',
    failed.length === 0,
  );
  const at40 = results.concurrency?.find((r) => r.n === 40);
  const slow = at40 ? ratio(at40.latency.max, control) : null;
  row('concurrency N=40: slowest ÷ control p50', fmt(slow), '≤ 100', slow != null && slow <= 100);
  const allCorrect = results.concurrency ? results.concurrency.every((r) => r.correct) : null;
  row(
    'concurrency: every answer, 0 timeouts, 0 errors, exactly capacity registered',
    allCorrect == null ? null : allCorrect ? 'all' : 'not all',
    'all',
    allCorrect,
  );
  const p95 = results.events?.latency?.endToEndMs?.p95;
  const rate = results.events?.latency?.rate;
  row(
    `events at ${rate ?? '?'} registrations/s: commit → partner p95 ms`,
    fmt(p95),
    '≤ 150 at 20/s',
    p95 != null && p95 <= 150 && rate >= 20,
  );
  return ['| measure | this run | target | met |', '| --- | ---: | --- | --- |', ...rows].join('\n');
}

function tuningSection(results) {
  const t = results.tuning;
  if (!t || Object.keys(t).length === 0) return '_not run_';
  const lines = [
    '| variant | workload | RPS | p50 ms | p95 ms | p99 ms | vs baseline RPS | vs baseline p95 |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [variant, byWorkload] of Object.entries(t)) {
    for (const [workload, run] of Object.entries(byWorkload)) {
      if (run.failed) {
        lines.push(`| ${variant} | ${workload} | failed: ${run.failed} ||||||`);
        continue;
      }
      const base = results.load[workload]?.gateway;
      lines.push(
        `| ${variant} | ${workload} | ${fmt(run.rps)} | ${fmt(run.latency.p50)} | ${fmt(run.latency.p95)} | ${fmt(run.latency.p99)} | ${fmt(ratio(run.rps, base?.rps))} | ${fmt(ratio(run.latency.p95, base?.latency.p95))} |`,
      );
    }
  }
  return lines.join('\n');
}

function markdown(results) {
  const m = results.meta;
  return `# Sanshe benchmark — ${m.date}${m.mode === 'quick' ? ' (quick mode)' : ''}

${m.complete ? '' : '**Incomplete**: written before the run finished (a phase failed, hung or was interrupted).\n\n'}Mode **${m.mode}**: per target and workload ${Object.entries(
    m.workloads,
  )
    .map(([w, c]) => `${w} ${c.amount ? `${c.amount} requests` : `${c.seconds} s`} × ${c.connections} connections`)
    .join(
      ', ',
    )}, split into ${m.rounds ?? 1} round(s) with the targets in alternating order, after ${m.warmupSeconds} s warm-up, each once the previous run's requests drained; autocannon ${m.autocannon}.
Machine: ${m.cpus} × ${m.cpuModel}, load average at start ${m.loadAverage.join(' / ')}; Node ${m.node}. Wall time ${m.wallSeconds} s.
Data: the services' deterministic seeds in \`${m.dbPrefix}<service>\` (${m.dataSummary}).
${m.notes.length ? `\nNotes:\n${m.notes.map((n) => `- ${n}`).join('\n')}\n` : ''}
Targets: **Sanshe gateway** (gateway/src/server.ts, its own process, over five subgraph processes);
**monolith** (all five services' resolvers in one Apollo Server process, subgraph fetches as in-process
calls — federation's physical limit, see docs/PERFORMANCE.md); **Hive Gateway** (\`@graphql-hive/gateway-runtime\`
${m.hiveVersion}, same subgraph processes and supergraph, same token verification and signed identity).
"CPU ms/req" sums the CPU of the target's own processes (gateways: gateway + five subgraphs; monolith: itself).
The Mongo-wire store (mongo-java-server) and Kafka are shared with other work on this machine; their CPU is shown for context only.

## Load

${loadTable(results)}

### Ratios (Sanshe gateway ÷ other; RPS above 1 and latency below 1 favour the gateway)

${ratioTable(results)}

### Errors seen under load

${errorNotes(results)}

## Database round trips per subgraph fetch

${countTable(results)}

## Concurrency (one activity, many residents at once)

${concurrencySection(results)}

## Events

${eventsSection(results)}

## Acceptance (issue 13, ratios in this run)

${acceptance(results)}

## Tuning variants (Sanshe gateway)

${tuningSection(results)}
`;
}

/** Writes both files; returns their paths. */
function writeResults(results) {
  fs.mkdirSync(RESULTS, { recursive: true });
  const base = path.join(
    RESULTS,
    `${results.meta.date}${results.meta.mode === 'quick' ? '-quick' : ''}${results.meta.partial ? '-partial' : ''}`,
  );
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, markdown(results));
  return { markdown: `${base}.md`, json: `${base}.json` };
}

module.exports = { writeResults, ratios, cpuPerRequest, markdown };
