'use strict';
/**
 * CPU and memory of processes by pid, read from /proc (Linux): CPU time from
 * /proc/<pid>/stat (utime + stime, in clock ticks), resident memory from
 * /proc/<pid>/status (VmRSS). A sampler polls while a load run lasts and reports the
 * average CPU (100 % = one core) and the average and peak RSS per process.
 */
const fs = require('node:fs');
const { execFileSync } = require('node:child_process');

let ticksPerSecond;
function clockTicks() {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** CPU seconds used so far by `pid`, or null when it is gone. */
function cpuSeconds(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (comm) may hold spaces; the fields after its closing parenthesis are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return (utime + stime) / clockTicks();
  } catch {
    return null;
  }
}

/** Resident set size of `pid` in MiB, or null when it is gone. */
function rssMiB(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Whole-machine CPU use (all cores) from /proc/stat: busy and total jiffies. */
function machineCpu() {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const values = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = values[3] + (values[4] ?? 0);
    const total = values.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/**
 * Samples `pids` (a map label → pid) every `intervalMs` until `stop()`, which returns
 * { [label]: { cpuPercent, rssAvgMiB, rssMaxMiB } } plus `machine` (busy share of all cores).
 */
function sampleProcesses(pids, intervalMs = 500) {
  const started = Date.now();
  const cpu0 = Object.fromEntries(Object.entries(pids).map(([label, pid]) => [label, cpuSeconds(pid)]));
  const machine0 = machineCpu();
  const rss = Object.fromEntries(Object.keys(pids).map((label) => [label, []]));
  const sample = () => {
    for (const [label, pid] of Object.entries(pids)) {
      const value = rssMiB(pid);
      if (value !== null) rss[label].push(value);
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      sample();
      const seconds = (Date.now() - started) / 1000;
      const machine1 = machineCpu();
      const out = {};
      for (const [label, pid] of Object.entries(pids)) {
        const cpu1 = cpuSeconds(pid);
        const values = rss[label];
        out[label] = {
          pid,
          cpuPercent: cpu0[label] !== null && cpu1 !== null ? round((100 * (cpu1 - cpu0[label])) / seconds) : null,
          rssAvgMiB: values.length ? round(values.reduce((a, b) => a + b, 0) / values.length) : null,
          rssMaxMiB: values.length ? round(Math.max(...values)) : null,
        };
      }
      const machine =
        machine0 && machine1 && machine1.total > machine0.total
          ? round((100 * (machine1.busy - machine0.busy)) / (machine1.total - machine0.total))
          : null;
      return { processes: out, machineBusyPercent: machine, seconds: round(seconds) };
    },
  };
}

const round = (n) => Math.round(n * 10) / 10;

module.exports = { cpuSeconds, rssMiB, sampleProcesses, clockTicks };
