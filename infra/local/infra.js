'use strict';
/**
 * Local infrastructure launcher for Sanshe: a real Apache Kafka 4.x broker (KRaft, single node)
 * and a Mongo-wire store (FerretDB 1.24 on SQLite), without Docker.
 *
 * Plain CommonJS, Node 20 built-ins + kafkajs + mongodb (both in the root node_modules).
 *
 *   Kafka   127.0.0.1:9092 (controller 127.0.0.1:9093)   jars  .cache/kafka/libs   data .data/kafka
 *   Mongo   mongodb://127.0.0.1:27017 (FerretDB)          bin   .cache/bin/ferretdb data .data/ferretdb
 *
 * pid files / stdout+stderr logs: .data/<name>.pid, .data/<name>.log (name = kafka | ferretdb).
 * See infra/README.md.
 */

const fs = require('node:fs');
const path = require('node:path');
const net = require('node:net');
const os = require('node:os');
const crypto = require('node:crypto');
const { spawn, spawnSync } = require('node:child_process');

// ---------------------------------------------------------------------------------------------
// Layout and constants
// ---------------------------------------------------------------------------------------------

const ROOT = path.resolve(__dirname, '../..');
const INFRA_DIR = path.join(ROOT, 'infra');
const CACHE_DIR = path.join(ROOT, '.cache');
const DATA_DIR = path.join(ROOT, '.data');

const HOST = '127.0.0.1';
const KAFKA_VERSION = '4.1.1';
const KAFKA_PORT = 9092;
const KAFKA_CONTROLLER_PORT = 9093;
const MONGO_PORT = 27017;
const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
const FERRETDB_VERSION = 'v1.24.2';

const KAFKA_BROKERS = `${HOST}:${KAFKA_PORT}`;
const MONGO_URL = `mongodb://${HOST}:${MONGO_PORT}`;

const PATHS = {
  root: ROOT,
  cacheDir: CACHE_DIR,
  dataDir: DATA_DIR,
  kafkaPom: path.join(INFRA_DIR, 'kafka', 'pom.xml'),
  kafkaTemplate: path.join(INFRA_DIR, 'kafka', 'server.properties'),
  kafkaLog4j: path.join(INFRA_DIR, 'kafka', 'log4j2.properties'),
  kafkaLibs: path.join(CACHE_DIR, 'kafka', 'libs'),
  kafkaDataDir: path.join(DATA_DIR, 'kafka'),
  kafkaLogDirs: path.join(DATA_DIR, 'kafka', 'kraft-combined-logs'),
  kafkaProps: path.join(DATA_DIR, 'kafka', 'server.properties'),
  kafkaClusterId: path.join(DATA_DIR, 'kafka', 'cluster.id'),
  kafkaServerLog: path.join(DATA_DIR, 'kafka', 'server.log'),
  kafkaPid: path.join(DATA_DIR, 'kafka.pid'),
  kafkaLog: path.join(DATA_DIR, 'kafka.log'),
  ferretBin: path.join(CACHE_DIR, 'bin', 'ferretdb'),
  ferretDataDir: path.join(DATA_DIR, 'ferretdb'),
  ferretStateDir: path.join(DATA_DIR, 'ferretdb', 'state'),
  ferretPid: path.join(DATA_DIR, 'ferretdb.pid'),
  ferretLog: path.join(DATA_DIR, 'ferretdb.log'),
  compose: path.join(INFRA_DIR, 'docker-compose.yml'),
};

const MSG_JAVA =
  'Sanshe needs Java 17+ and Maven to run Kafka locally: apt-get install openjdk-17-jre-headless maven ' +
  '(or set KAFKA_BROKERS, or use --docker)';
const MSG_MAVEN = MSG_JAVA;
const MSG_GO =
  'Sanshe needs Go 1.21+ to build FerretDB (the local Mongo-wire store): install it from https://go.dev/dl ' +
  '(or set MONGO_URL, or use --docker)';
const MSG_DOCKER =
  'Sanshe --docker needs Docker with the compose plugin (docker compose): https://docs.docker.com/engine/install/';

class InfraError extends Error {
  /**
   * @param {string} message one line, shown to the user as is
   * @param {{code?: string, exitCode?: number, details?: string}} [o]
   */
  constructor(message, o = {}) {
    super(message);
    this.name = 'InfraError';
    this.code = o.code || 'E_INFRA';
    this.exitCode = o.exitCode || 1;
    if (o.details) this.details = o.details;
  }
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;

function defaultLog(msg) {
  process.stderr.write(`[infra] ${msg}\n`);
}

function logger(opts) {
  if (opts && opts.quiet) return () => {};
  return (opts && typeof opts.log === 'function' && opts.log) || defaultLog;
}

function readText(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function rmrf(p) {
  try {
    fs.rmSync(p, { recursive: true, force: true });
  } catch (e) {
    // Module-cache copies are read-only; make them writable and retry.
    chmodTree(p);
    fs.rmSync(p, { recursive: true, force: true });
  }
}

function chmodTree(p) {
  let st;
  try {
    st = fs.lstatSync(p);
  } catch {
    return;
  }
  if (st.isSymbolicLink()) return;
  if (st.isDirectory()) {
    fs.chmodSync(p, 0o755);
    for (const e of fs.readdirSync(p)) chmodTree(path.join(p, e));
  } else {
    fs.chmodSync(p, (st.mode & 0o111) ? 0o755 : 0o644);
  }
}

/** Size of a file (0 when missing): remembered before a start so failures show only that run's log. */
function fileSize(file) {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** Last `n` lines of a log file from byte `offset` on, prefixed with its name ('' when empty). */
function tail(file, n = 30, offset = 0) {
  let text = null;
  try {
    const buf = fs.readFileSync(file);
    text = buf.subarray(offset > buf.length ? 0 : offset).toString('utf8');
  } catch {
    return '';
  }
  if (!text || !text.trim()) return '';
  const lines = text.replace(/\s+$/, '').split('\n').slice(-n);
  return `--- last ${lines.length} lines of ${path.relative(ROOT, file)} ---\n${lines.join('\n')}`;
}

/** Is a TCP port accepting connections? */
function portOpen(port, host = HOST, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host });
    const done = (ok) => {
      sock.removeAllListeners();
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}

async function waitPortsFree(ports, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = [];
    for (const p of ports) if (await portOpen(p)) open.push(p);
    if (!open.length) return true;
    if (Date.now() > deadline) return false;
    await sleep(200);
  }
}

function withTimeout(promise, ms, what) {
  let t;
  return Promise.race([
    promise,
    new Promise((_, rej) => {
      t = setTimeout(() => rej(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(t));
}

/**
 * Run a command to completion; resolve {code, stdout, stderr}; reject (InfraError) on spawn error
 * or non-zero exit unless opts.allowFail.
 */
function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    let child;
    try {
      child = spawn(cmd, args, {
        cwd: opts.cwd || ROOT,
        env: opts.env || process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      reject(e);
      return;
    }
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0 || opts.allowFail) return resolve({ code, stdout, stderr });
      const out = `${stdout}\n${stderr}`.trim().split('\n').slice(-40).join('\n');
      reject(
        new InfraError(`${opts.what || `${cmd} ${args.join(' ')}`} failed (exit code ${code})`, {
          code: 'E_COMMAND',
          details: out,
        }),
      );
    });
  });
}

/** Does `cmd versionFlag` run at all? Returns {ok, out}. */
function probeCommand(cmd, versionArgs) {
  const r = spawnSync(cmd, versionArgs, { encoding: 'utf8', timeout: 30000 });
  if (r.error) return { ok: false, out: '' };
  return { ok: r.status === 0, out: `${r.stdout || ''}\n${r.stderr || ''}` };
}

function checkJava() {
  const r = probeCommand('java', ['-version']);
  const m = /version "(\d+)(?:\.(\d+))?/.exec(r.out);
  if (!r.ok || !m) throw new InfraError(MSG_JAVA, { code: 'E_PREREQ', exitCode: 2 });
  let major = Number(m[1]);
  if (major === 1 && m[2]) major = Number(m[2]); // "1.8.0_xxx"
  if (major < 17) {
    throw new InfraError(`${MSG_JAVA} [found Java ${major}]`, { code: 'E_PREREQ', exitCode: 2 });
  }
}

function checkMaven() {
  if (!probeCommand('mvn', ['-v']).ok) throw new InfraError(MSG_MAVEN, { code: 'E_PREREQ', exitCode: 2 });
}

function checkGo() {
  const r = probeCommand('go', ['version']);
  const m = /go(\d+)\.(\d+)/.exec(r.out);
  if (!r.ok || !m) throw new InfraError(MSG_GO, { code: 'E_PREREQ', exitCode: 2 });
  // Go >= 1.21 downloads the toolchain FerretDB's go.mod asks for (GOTOOLCHAIN=auto).
  if (Number(m[1]) === 1 && Number(m[2]) < 21) {
    throw new InfraError(`${MSG_GO} [found go${m[1]}.${m[2]}]`, { code: 'E_PREREQ', exitCode: 2 });
  }
}

// ---------------------------------------------------------------------------------------------
// Processes and pid files
// ---------------------------------------------------------------------------------------------

/** Alive and not a zombie. */
function pidAlive(pid) {
  if (!pid || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if (e.code !== 'EPERM') return false;
  }
  const stat = readText(`/proc/${pid}/stat`);
  if (stat) {
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return false;
  }
  return true;
}

/** Full command line of a process ('' if unknown). */
function commandLine(pid) {
  const c = readText(`/proc/${pid}/cmdline`);
  if (c != null) return c.split('\0').join(' ');
  const r = spawnSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' });
  return (r.stdout || '').trim();
}

function readPid(file) {
  const n = parseInt(readText(file) || '', 10);
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** Children spawned by this process: pid -> ChildProcess (used to wait for exit and reap). */
const children = new Map();
/** Non-detached children: killed when this process exits. */
const attached = new Set();
let exitHookInstalled = false;

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const svc of attached) {
      const pid = readPid(svc.pidFile);
      const child = children.get(pid);
      if (child && child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(pid, 'SIGTERM');
          fs.rmSync(svc.pidFile, { force: true });
        } catch {
          /* already gone */
        }
      }
    }
  });
}

/**
 * Service descriptors. `isOurs(pid)` tells whether a pid (from the pid file) really is the
 * process this launcher started (pids get recycled).
 */
const SERVICES = {
  kafka: {
    name: 'kafka',
    label: 'Kafka',
    pidFile: PATHS.kafkaPid,
    logFile: PATHS.kafkaLog,
    extraLogs: [PATHS.kafkaServerLog],
    ports: [KAFKA_PORT, KAFKA_CONTROLLER_PORT],
    isOurs: (pid) => {
      const c = commandLine(pid);
      return c.includes('kafka.Kafka') && c.includes(PATHS.kafkaProps);
    },
  },
  mongo: {
    name: 'ferretdb',
    label: 'Mongo-wire (FerretDB)',
    pidFile: PATHS.ferretPid,
    logFile: PATHS.ferretLog,
    extraLogs: [],
    ports: [MONGO_PORT],
    isOurs: (pid) => {
      const c = commandLine(pid);
      return c.includes(PATHS.ferretBin) || (c.includes('ferretdb') && c.includes(PATHS.ferretDataDir));
    },
  },
};

/** pid of the live process this launcher started for `svc`, else null (stale pid files are removed). */
function managedPid(svc) {
  const pid = readPid(svc.pidFile);
  if (!pid) return null;
  if (pidAlive(pid) && svc.isOurs(pid)) return pid;
  fs.rmSync(svc.pidFile, { force: true });
  return null;
}

function spawnService(svc, cmd, args, opts) {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const detached = !!opts.detached;
  const logOffsets = new Map([svc.logFile, ...svc.extraLogs].map((f) => [f, fileSize(f)]));
  const fd = fs.openSync(svc.logFile, 'a');
  fs.writeSync(fd, `\n=== ${new Date().toISOString()} starting: ${cmd} ${args.join(' ')}\n`);
  let child;
  try {
    child = spawn(cmd, args, {
      cwd: opts.cwd || DATA_DIR,
      env: opts.env || process.env,
      stdio: ['ignore', fd, fd],
      detached,
    });
  } finally {
    fs.closeSync(fd);
  }
  // Spawn errors (ENOENT...) are reported through the readiness wait (child.exitCode / spawnError).
  child.once('error', (e) => {
    child.spawnError = e;
  });
  child.unref();
  if (!child.pid) {
    throw new InfraError(`could not start ${svc.label}: ${cmd} did not spawn`, { code: 'E_START' });
  }
  child.logOffsets = logOffsets;
  children.set(child.pid, child);
  child.once('exit', () => {
    attached.delete(svc);
    if (readPid(svc.pidFile) === child.pid) fs.rmSync(svc.pidFile, { force: true });
  });
  fs.writeFileSync(svc.pidFile, `${child.pid}\n`);
  fs.writeFileSync(`${svc.pidFile.replace(/\.pid$/, '')}.mode`, detached ? 'detached\n' : 'attached\n');
  if (!detached) {
    attached.add(svc);
    installExitHook();
  }
  return child;
}

/** The `detached` mode this service was last started with (so a restart keeps it). */
function lastMode(svc) {
  return (readText(`${svc.pidFile.replace(/\.pid$/, '')}.mode`) || '').trim() === 'detached';
}

function exited(child, pid) {
  if (child) return child.exitCode !== null || child.signalCode !== null || !!child.spawnError;
  return !pidAlive(pid);
}

/**
 * Poll `probe` until it resolves truthy. Fails early if the child died, otherwise after timeoutMs.
 */
async function waitReady(svc, probe, { timeoutMs, child, pid, what }) {
  const t0 = Date.now();
  for (;;) {
    if (await probe()) return Date.now() - t0;
    if ((child || pid) && exited(child, pid || (child && child.pid))) {
      await sleep(300); // let the log flush
      throw failure(svc, child, `${svc.label} exited before it was ready${child && child.exitCode != null ? ` (exit code ${child.exitCode})` : ''}${child && child.spawnError ? `: ${child.spawnError.message}` : ''}`);
    }
    if (Date.now() - t0 > timeoutMs) {
      throw failure(svc, child, `${svc.label} did not answer ${what} within ${secs(timeoutMs)}`);
    }
    await sleep(500);
  }
}

function failure(svc, child, message) {
  const offsets = (child && child.logOffsets) || new Map();
  const logs = [svc.logFile, ...svc.extraLogs]
    .map((f) => tail(f, 30, offsets.get(f) || 0))
    .filter(Boolean)
    .join('\n');
  const err = new InfraError(`${message}; logs: ${path.relative(ROOT, svc.logFile)}`, {
    code: 'E_START',
    details: logs,
  });
  if (logs) err.message += `\n${logs}`;
  return err;
}

/**
 * Cross-process lock (several jest/turbo processes may call ensureInfra at once).
 * The lock file holds the owner's pid; dead owners are ignored.
 */
const heldLocks = new Set();
async function withLock(name, fn, timeoutMs = 20 * 60 * 1000) {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const file = path.join(DATA_DIR, `${name}.lock`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      heldLocks.add(file);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const owner = readPid(file);
      let stale;
      if (owner) stale = !pidAlive(owner) || (owner === process.pid && !heldLocks.has(file));
      else {
        // Being written right now, or garbage: stale if old.
        try {
          stale = Date.now() - fs.statSync(file).mtimeMs > 5000;
        } catch {
          stale = false;
        }
      }
      if (stale) {
        fs.rmSync(file, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new InfraError(`timed out waiting for ${path.relative(ROOT, file)} (held by pid ${owner})`, {
          code: 'E_LOCK',
        });
      }
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    heldLocks.delete(file);
    if (readPid(file) === process.pid) fs.rmSync(file, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Protocol probes
// ---------------------------------------------------------------------------------------------

/** true when a Kafka metadata request (kafkajs admin.describeCluster) answers with >= 1 broker. */
async function kafkaAnswers(brokers = KAFKA_BROKERS, timeoutMs = 5000) {
  const list = String(brokers).split(',').map((s) => s.trim()).filter(Boolean);
  // Cheap pre-check for the common "nothing there" case.
  const local = list.map((b) => /^(127\.0\.0\.1|localhost):(\d+)$/.exec(b)).filter(Boolean);
  if (local.length === list.length) {
    let any = false;
    for (const m of local) if (await portOpen(Number(m[2]), m[1])) any = true;
    if (!any) return false;
  }
  const { Kafka, logLevel } = require('kafkajs');
  const kafka = new Kafka({
    clientId: 'sanshe-infra-probe',
    brokers: list,
    logLevel: logLevel.NOTHING,
    connectionTimeout: Math.min(timeoutMs, 3000),
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
  });
  const admin = kafka.admin({ retry: { retries: 0 } });
  try {
    const res = await withTimeout(
      (async () => {
        await admin.connect();
        return admin.describeCluster();
      })(),
      timeoutMs + 1000,
      'Kafka describeCluster',
    );
    return Array.isArray(res.brokers) && res.brokers.length > 0;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

function loadMongoDriver() {
  try {
    return require('mongodb');
  } catch {
    return require('mongoose').mongo;
  }
}

/** true when a Mongo `ping` command answers. */
async function mongoAnswers(url = MONGO_URL, timeoutMs = 3000) {
  const m = /^mongodb:\/\/(127\.0\.0\.1|localhost):(\d+)(\/|$|\?)/.exec(url);
  if (m && !(await portOpen(Number(m[2]), m[1]))) return false;
  const { MongoClient } = loadMongoDriver();
  const client = new MongoClient(url, {
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
    socketTimeoutMS: timeoutMs * 2,
    maxPoolSize: 1,
  });
  try {
    const res = await withTimeout(
      (async () => {
        await client.connect();
        return client.db('admin').command({ ping: 1 });
      })(),
      timeoutMs * 3,
      'Mongo ping',
    );
    return !!res && Number(res.ok) === 1;
  } catch {
    return false;
  } finally {
    await client.close(true).catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------
// Kafka
// ---------------------------------------------------------------------------------------------

function kafkaStamp() {
  const h = crypto.createHash('sha256');
  h.update(fs.readFileSync(PATHS.kafkaPom));
  return h.digest('hex').slice(0, 16);
}

/** Resolve the broker jars into .cache/kafka/libs with Maven (once; re-done when pom.xml changes). */
async function ensureKafkaLibs(log) {
  const stampFile = path.join(PATHS.kafkaLibs, '.sanshe-stamp');
  const stamp = kafkaStamp();
  if ((readText(stampFile) || '').trim() === stamp) return false;
  checkMaven();
  log(`installing Kafka ${KAFKA_VERSION} jars with Maven into ${path.relative(ROOT, PATHS.kafkaLibs)} (first run only)...`);
  const t0 = Date.now();
  const tmp = `${PATHS.kafkaLibs}.tmp-${process.pid}`;
  rmrf(tmp);
  fs.mkdirSync(path.dirname(PATHS.kafkaLibs), { recursive: true });
  await run(
    'mvn',
    [
      '-q',
      '-B',
      '-Dstyle.color=never',
      '-f',
      PATHS.kafkaPom,
      'dependency:copy-dependencies',
      `-DoutputDirectory=${tmp}`,
    ],
    { cwd: path.dirname(PATHS.kafkaPom), what: 'mvn dependency:copy-dependencies (infra/kafka/pom.xml)' },
  ).catch((e) => {
    rmrf(tmp);
    if (e.details) e.message += `\n${e.details}`;
    throw e;
  });
  const jars = fs.readdirSync(tmp);
  if (!jars.some((j) => j.startsWith(`kafka_2.13-${KAFKA_VERSION}`))) {
    rmrf(tmp);
    throw new InfraError(`Maven did not produce kafka_2.13-${KAFKA_VERSION}.jar in ${tmp}`, { code: 'E_INSTALL' });
  }
  fs.writeFileSync(path.join(tmp, '.sanshe-stamp'), `${stamp}\n`);
  rmrf(PATHS.kafkaLibs);
  fs.renameSync(tmp, PATHS.kafkaLibs);
  log(`Kafka jars installed (${jars.length} jars, ${secs(Date.now() - t0)})`);
  return true;
}

/** Kafka cluster ids are 16 random bytes, base64url without padding, not starting with '-'. */
function newClusterId() {
  for (;;) {
    const id = crypto.randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function renderKafkaConfig() {
  fs.mkdirSync(PATHS.kafkaLogDirs, { recursive: true });
  const tpl = fs.readFileSync(PATHS.kafkaTemplate, 'utf8');
  const vars = { KAFKA_LOG_DIRS: PATHS.kafkaLogDirs };
  const text = tpl.replace(/\$\{(\w+)\}/g, (all, k) => (k in vars ? vars[k] : all));
  const header = '# GENERATED by infra/local/infra.js from infra/kafka/server.properties -- edit the template\n';
  fs.writeFileSync(PATHS.kafkaProps, header + text);
}

function javaBaseArgs() {
  const heap = (process.env.KAFKA_HEAP_OPTS || '-Xms128m -Xmx512m').split(/\s+/).filter(Boolean);
  const extra = (process.env.KAFKA_OPTS || '').split(/\s+/).filter(Boolean);
  return [
    ...heap,
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    '-XX:InitiatingHeapOccupancyPercent=35',
    '-XX:+ExplicitGCInvokesConcurrent',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djava.awt.headless=true',
    `-Dkafka.logs.dir=${PATHS.kafkaDataDir}`,
    `-Dlog4j2.configurationFile=${PATHS.kafkaLog4j}`,
    ...extra,
    '-cp',
    path.join(PATHS.kafkaLibs, '*'),
  ];
}

async function formatKafkaStorageIfNeeded(log) {
  if (fs.existsSync(path.join(PATHS.kafkaLogDirs, 'meta.properties'))) return false;
  let clusterId = (readText(PATHS.kafkaClusterId) || '').trim();
  if (!clusterId) {
    clusterId = newClusterId();
    fs.writeFileSync(PATHS.kafkaClusterId, `${clusterId}\n`);
  }
  log(`formatting Kafka storage in ${path.relative(ROOT, PATHS.kafkaLogDirs)} (cluster id ${clusterId})`);
  const heapless = javaBaseArgs().filter((a) => !/^-Xm[sx]/.test(a));
  await run(
    'java',
    ['-Xmx256m', ...heapless, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', PATHS.kafkaProps, '--standalone'],
    { cwd: PATHS.kafkaDataDir, what: 'kafka-storage format' },
  ).catch((e) => {
    if (e.details) e.message += `\n${e.details}`;
    throw e;
  });
  return true;
}

/**
 * Start the local Kafka broker unless something already answers on 127.0.0.1:9092.
 * Reuses the formatted data dir (.data/kafka), so topics and committed offsets survive restarts.
 *
 * @param {{detached?: boolean, timeoutMs?: number, log?: Function, quiet?: boolean}} [opts]
 *   detached: default = the mode the broker was last started with (false if never).
 * @returns {Promise<{brokers: string, started: boolean, pid: number|null, ms: number}>}
 */
async function startKafka(opts = {}) {
  const svc = SERVICES.kafka;
  const log = logger(opts);
  const t0 = Date.now();
  const timeoutMs = opts.timeoutMs || 120000;
  const result = (started, pid) => ({ brokers: KAFKA_BROKERS, started, pid: pid || null, ms: Date.now() - t0 });

  if (await kafkaAnswers(KAFKA_BROKERS)) return result(false, managedPid(svc));

  return withLock('kafka', async () => {
    if (await kafkaAnswers(KAFKA_BROKERS)) return result(false, managedPid(svc));

    // A broker we started earlier may still be booting (e.g. started by another process).
    const existing = managedPid(svc);
    if (existing) {
      log(`Kafka (pid ${existing}) is starting, waiting...`);
      await waitReady(svc, () => kafkaAnswers(KAFKA_BROKERS), { timeoutMs, pid: existing, what: 'a Kafka metadata request' });
      return result(false, existing);
    }
    for (const port of svc.ports) {
      if (await portOpen(port)) {
        throw new InfraError(
          `${HOST}:${port} is in use by a process that does not answer Kafka requests; stop it, or set KAFKA_BROKERS`,
          { code: 'E_PORT_BUSY' },
        );
      }
    }

    checkJava();
    await ensureKafkaLibs(log);
    renderKafkaConfig();
    await formatKafkaStorageIfNeeded(log);

    const detached = opts.detached === undefined ? lastMode(svc) : !!opts.detached;
    log(`starting Kafka ${KAFKA_VERSION} on ${KAFKA_BROKERS}...`);
    const child = spawnService(svc, 'java', [...javaBaseArgs(), 'kafka.Kafka', PATHS.kafkaProps], {
      detached,
      cwd: PATHS.kafkaDataDir,
    });
    await waitReady(svc, () => kafkaAnswers(KAFKA_BROKERS), {
      timeoutMs,
      child,
      what: 'a Kafka metadata request',
    });
    return result(true, child.pid);
  });
}

// ---------------------------------------------------------------------------------------------
// FerretDB
// ---------------------------------------------------------------------------------------------

function ferretVersionOk(bin) {
  if (!fs.existsSync(bin)) return false;
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 15000 });
  return r.status === 0 && (r.stdout || '').includes(`version: ${FERRETDB_VERSION}`);
}

/**
 * Build the FerretDB binary into .cache/bin/ferretdb (once).
 *
 * Not `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2`: that binary panics at start
 * ("Invalid build/version/version.txt file content") because the module zip lacks the generated
 * build/version/version.txt. So: download the module, copy it to a temp dir, write version.txt,
 * `go build ./cmd/ferretdb`. Pure Go (modernc SQLite), so CGO_ENABLED=0.
 */
async function ensureFerretBinary(log) {
  if (ferretVersionOk(PATHS.ferretBin)) return false;
  checkGo();
  log(`building FerretDB ${FERRETDB_VERSION} with Go into ${path.relative(ROOT, PATHS.ferretBin)} (first run only, ~1-3 min)...`);
  const t0 = Date.now();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sanshe-ferretdb-'));
  const env = { ...process.env, GO111MODULE: 'on', CGO_ENABLED: '0' };
  delete env.GOFLAGS; // e.g. -mod=vendor from the environment would break the build
  try {
    const dl = await run('go', ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`], {
      cwd: work,
      env,
      what: `go mod download ${FERRETDB_MODULE}@${FERRETDB_VERSION}`,
    });
    const info = JSON.parse(dl.stdout);
    if (info.Error || !info.Dir) throw new InfraError(`go mod download failed: ${info.Error || 'no Dir'}`, { code: 'E_INSTALL' });
    const src = path.join(work, 'src');
    fs.cpSync(info.Dir, src, { recursive: true });
    chmodTree(src);
    const vdir = path.join(src, 'build', 'version');
    fs.writeFileSync(path.join(vdir, 'version.txt'), `${FERRETDB_VERSION}\n`);
    if (info.Origin && info.Origin.Hash) fs.writeFileSync(path.join(vdir, 'commit.txt'), `${info.Origin.Hash}\n`);
    fs.writeFileSync(path.join(vdir, 'package.txt'), 'sanshe-local\n');
    fs.mkdirSync(path.dirname(PATHS.ferretBin), { recursive: true });
    const tmpBin = `${PATHS.ferretBin}.tmp-${process.pid}`;
    await run('go', ['build', '-trimpath', '-buildvcs=false', '-o', tmpBin, './cmd/ferretdb'], {
      cwd: src,
      env,
      what: 'go build ./cmd/ferretdb',
    }).catch((e) => {
      if (e.details) e.message += `\n${e.details}`;
      throw e;
    });
    if (!ferretVersionOk(tmpBin)) {
      fs.rmSync(tmpBin, { force: true });
      throw new InfraError(`the FerretDB binary built from ${FERRETDB_VERSION} does not report that version`, { code: 'E_INSTALL' });
    }
    fs.renameSync(tmpBin, PATHS.ferretBin);
  } finally {
    rmrf(work);
  }
  log(`FerretDB built (${secs(Date.now() - t0)})`);
  return true;
}

/**
 * Start FerretDB (SQLite backend, data in .data/ferretdb) unless a Mongo-wire server already
 * answers on 127.0.0.1:27017.
 *
 * @param {{detached?: boolean, timeoutMs?: number, log?: Function, quiet?: boolean}} [opts]
 * @returns {Promise<{url: string, started: boolean, pid: number|null, ms: number}>}
 */
async function startMongo(opts = {}) {
  const svc = SERVICES.mongo;
  const log = logger(opts);
  const t0 = Date.now();
  const timeoutMs = opts.timeoutMs || 60000;
  const result = (started, pid) => ({ url: MONGO_URL, started, pid: pid || null, ms: Date.now() - t0 });

  if (await mongoAnswers(MONGO_URL)) return result(false, managedPid(svc));

  return withLock('ferretdb', async () => {
    if (await mongoAnswers(MONGO_URL)) return result(false, managedPid(svc));
    const existing = managedPid(svc);
    if (existing) {
      log(`FerretDB (pid ${existing}) is starting, waiting...`);
      await waitReady(svc, () => mongoAnswers(MONGO_URL), { timeoutMs, pid: existing, what: 'a Mongo ping' });
      return result(false, existing);
    }
    if (await portOpen(MONGO_PORT)) {
      throw new InfraError(
        `${HOST}:${MONGO_PORT} is in use by a process that does not answer Mongo ping; stop it, or set MONGO_URL`,
        { code: 'E_PORT_BUSY' },
      );
    }

    await ensureFerretBinary(log);
    fs.mkdirSync(PATHS.ferretStateDir, { recursive: true });
    const detached = opts.detached === undefined ? lastMode(svc) : !!opts.detached;
    log(`starting FerretDB ${FERRETDB_VERSION} on ${MONGO_URL}...`);
    const child = spawnService(
      svc,
      PATHS.ferretBin,
      [
        '--handler=sqlite',
        `--sqlite-url=file:${PATHS.ferretDataDir}/`,
        `--listen-addr=${HOST}:${MONGO_PORT}`,
        `--state-dir=${PATHS.ferretStateDir}`,
        '--debug-addr=-',
        '--telemetry=disable',
        '--log-level=error',
      ],
      { detached, cwd: PATHS.ferretDataDir },
    );
    await waitReady(svc, () => mongoAnswers(MONGO_URL), { timeoutMs, child, what: 'a Mongo ping' });
    return result(true, child.pid);
  });
}

// ---------------------------------------------------------------------------------------------
// Stop / status
// ---------------------------------------------------------------------------------------------

/**
 * SIGTERM the process this launcher started (pid file), wait until it exited and its ports are free.
 * @returns {Promise<{stopped: boolean, pid: number|null, ms: number, reason?: string}>}
 */
async function stopService(svc, opts = {}) {
  const t0 = Date.now();
  const timeoutMs = opts.timeoutMs || 60000;
  const pid = managedPid(svc);
  if (!pid) return { stopped: false, pid: null, ms: 0, reason: 'not started by this launcher' };
  const child = children.get(pid);
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    /* gone already */
  }
  let killed = false;
  for (;;) {
    if (exited(child, pid)) break;
    if (Date.now() - t0 > timeoutMs && !killed) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
      killed = true;
    }
    if (Date.now() - t0 > timeoutMs + 10000) {
      throw new InfraError(`${svc.label} (pid ${pid}) did not exit after SIGTERM and SIGKILL`, { code: 'E_STOP' });
    }
    await sleep(100);
  }
  fs.rmSync(svc.pidFile, { force: true });
  attached.delete(svc);
  if (!(await waitPortsFree(svc.ports, 15000))) {
    throw new InfraError(`${svc.label} exited but port(s) ${svc.ports.join(', ')} are still in use`, { code: 'E_STOP' });
  }
  return { stopped: true, pid, ms: Date.now() - t0, ...(killed ? { reason: 'SIGKILL after timeout' } : {}) };
}

/** Stop the Kafka broker this launcher started (clean SIGTERM; waits for exit and free ports). */
function stopKafka(opts) {
  return stopService(SERVICES.kafka, opts);
}

/** Stop the FerretDB this launcher started. */
function stopMongo(opts) {
  return stopService(SERVICES.mongo, opts);
}

/** Stop everything this launcher started (pid files only; never foreign processes). */
async function stopAll(opts = {}) {
  if (opts.docker) {
    await dockerCompose(['down']);
    return { kafka: { stopped: true, docker: true }, mongo: { stopped: true, docker: true } };
  }
  const [kafka, mongo] = await Promise.all([stopKafka(opts), stopMongo(opts)]);
  return { kafka, mongo };
}

/**
 * @returns {Promise<{kafka: {brokers: string, answering: boolean, pid: number|null, managed: boolean},
 *                    mongo: {url: string, answering: boolean, pid: number|null, managed: boolean}}>}
 */
async function status() {
  const kafkaBrokers = process.env.KAFKA_BROKERS || KAFKA_BROKERS;
  const mongoUrl = process.env.MONGO_URL || MONGO_URL;
  const [ka, ma] = await Promise.all([kafkaAnswers(kafkaBrokers), mongoAnswers(mongoUrl)]);
  const kpid = managedPid(SERVICES.kafka);
  const mpid = managedPid(SERVICES.mongo);
  return {
    kafka: { brokers: kafkaBrokers, answering: ka, pid: kpid, managed: !!kpid },
    mongo: { url: mongoUrl, answering: ma, pid: mpid, managed: !!mpid },
  };
}

// ---------------------------------------------------------------------------------------------
// Docker
// ---------------------------------------------------------------------------------------------

async function dockerCompose(args) {
  if (!probeCommand('docker', ['compose', 'version']).ok) {
    throw new InfraError(MSG_DOCKER, { code: 'E_PREREQ', exitCode: 2 });
  }
  return run('docker', ['compose', '-f', PATHS.compose, ...args], {
    what: `docker compose ${args.join(' ')}`,
  }).catch((e) => {
    if (e.details) e.message += `\n${e.details}`;
    throw e;
  });
}

async function waitAnswer(label, probe, timeoutMs) {
  const t0 = Date.now();
  for (;;) {
    if (await probe()) return Date.now() - t0;
    if (Date.now() - t0 > timeoutMs) {
      throw new InfraError(`${label} did not answer within ${secs(timeoutMs)}`, { code: 'E_TIMEOUT' });
    }
    await sleep(500);
  }
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

/**
 * Make sure a Kafka broker and a Mongo-wire server answer.
 *
 * - KAFKA_BROKERS / MONGO_URL set: only wait until they answer (per service).
 * - opts.docker: `docker compose -f infra/docker-compose.yml up -d`, then wait.
 * - otherwise: reuse whatever answers on 127.0.0.1:9092 / 127.0.0.1:27017, else install (first
 *   run) and start Kafka / FerretDB as child processes (pid files .data/<name>.pid, logs
 *   .data/<name>.log). opts.detached: the children survive this process (jest globalSetup, CLI);
 *   otherwise they get SIGTERM when this process exits.
 *
 * @param {{docker?: boolean, detached?: boolean, kafka?: boolean, mongo?: boolean,
 *          kafkaTimeoutMs?: number, mongoTimeoutMs?: number, log?: Function, quiet?: boolean}} [opts]
 * @returns {Promise<{mongoUrl: string, kafkaBrokers: string, started: string[],
 *                    timings: {kafka?: number, mongo?: number}}>}
 */
async function ensureInfra(opts = {}) {
  const wantKafka = opts.kafka !== false;
  const wantMongo = opts.mongo !== false;
  const envKafka = process.env.KAFKA_BROKERS;
  const envMongo = process.env.MONGO_URL;
  const out = { mongoUrl: envMongo || MONGO_URL, kafkaBrokers: envKafka || KAFKA_BROKERS, started: [], timings: {} };
  const kafkaTimeoutMs = opts.kafkaTimeoutMs || 120000;
  const mongoTimeoutMs = opts.mongoTimeoutMs || 60000;

  if (opts.docker) {
    const services = [];
    if (wantKafka && !envKafka && !(await kafkaAnswers(KAFKA_BROKERS))) services.push('kafka');
    if (wantMongo && !envMongo && !(await mongoAnswers(MONGO_URL))) services.push('mongo');
    if (services.length) {
      await dockerCompose(['up', '-d', ...services]);
      out.started.push(...services);
    }
  }

  const tasks = [];
  if (wantKafka) {
    tasks.push(
      (async () => {
        const t0 = Date.now();
        if (envKafka) {
          await waitAnswer(`Kafka at KAFKA_BROKERS=${envKafka}`, () => kafkaAnswers(envKafka), kafkaTimeoutMs);
        } else if (opts.docker) {
          await waitAnswer('Kafka (docker) at 127.0.0.1:9092', () => kafkaAnswers(KAFKA_BROKERS), kafkaTimeoutMs);
        } else {
          const r = await startKafka({ ...opts, detached: !!opts.detached, timeoutMs: kafkaTimeoutMs });
          if (r.started) out.started.push('kafka');
        }
        out.timings.kafka = Date.now() - t0;
      })(),
    );
  }
  if (wantMongo) {
    tasks.push(
      (async () => {
        const t0 = Date.now();
        if (envMongo) {
          await waitAnswer(`Mongo at MONGO_URL=${envMongo}`, () => mongoAnswers(envMongo), mongoTimeoutMs);
        } else if (opts.docker) {
          await waitAnswer('Mongo (docker) at 127.0.0.1:27017', () => mongoAnswers(MONGO_URL), mongoTimeoutMs);
        } else {
          const r = await startMongo({ ...opts, detached: !!opts.detached, timeoutMs: mongoTimeoutMs });
          if (r.started) out.started.push('mongo');
        }
        out.timings.mongo = Date.now() - t0;
      })(),
    );
  }

  const settled = await Promise.allSettled(tasks);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  return out;
}

module.exports = {
  ensureInfra,
  startKafka,
  stopKafka,
  startMongo,
  stopMongo,
  stopAll,
  status,
  kafkaAnswers,
  mongoAnswers,
  InfraError,
  PATHS,
  KAFKA_BROKERS,
  MONGO_URL,
  KAFKA_VERSION,
  FERRETDB_VERSION,
};
