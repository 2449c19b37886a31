'use strict';
// The local Mongo-wire store: FerretDB on its SQLite backend, a single static binary built from
// source with Go (see ensureFerretBinary for why not `go install`).

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ROOT, HOST, MONGO_PORT, MONGO_URL, FERRETDB_MODULE, FERRETDB_VERSION, PATHS } = require('./paths.js');
const { InfraError } = require('./errors.js');
const { secs } = require('./log.js');
const { rmrf, chmodTree } = require('./files.js');
const { run } = require('./commands.js');
const { checkGo } = require('./prereqs.js');
const { commandLine, stopService } = require('./process.js');
const { startService } = require('./service.js');
const { mongoAnswers } = require('./probes.js');

/** The binary's own report, not its mere presence: it also catches a half-written or foreign build. */
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
 * `go build ./cmd/ferretdb`. Pure Go (modernc SQLite), so CGO_ENABLED=0. -buildvcs=false, or Go
 * stamps the enclosing git repo's revision, which FerretDB rejects.
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
      showOutput: true,
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

const FERRETDB = {
  name: 'ferretdb',
  label: 'Mongo-wire (FerretDB)',
  short: 'FerretDB',
  version: FERRETDB_VERSION,
  address: MONGO_URL,
  envVar: 'MONGO_URL',
  busyWhat: 'Mongo ping',
  readyWhat: 'a Mongo ping',
  defaultTimeoutMs: 60000,
  pidFile: PATHS.ferretPid,
  logFile: PATHS.ferretLog,
  extraLogs: [],
  ports: [MONGO_PORT],
  isOurs: (pid) => {
    const c = commandLine(pid);
    return c.includes(PATHS.ferretBin) || (c.includes('ferretdb') && c.includes(PATHS.ferretDataDir));
  },
  answers: () => mongoAnswers(MONGO_URL),
  install: async (log) => {
    await ensureFerretBinary(log);
    fs.mkdirSync(PATHS.ferretStateDir, { recursive: true });
  },
  command: () => ({
    cmd: PATHS.ferretBin,
    args: [
      '--handler=sqlite',
      `--sqlite-url=file:${PATHS.ferretDataDir}/`,
      `--listen-addr=${HOST}:${MONGO_PORT}`,
      `--state-dir=${PATHS.ferretStateDir}`,
      '--debug-addr=-',
      '--telemetry=disable',
      // FerretDB logs every endSessions the driver sends (not implemented); keep the log to real errors.
      '--log-level=error',
    ],
    cwd: PATHS.ferretDataDir,
  }),
};

/**
 * Start FerretDB (SQLite backend, data in .data/ferretdb) unless a Mongo-wire server already
 * answers on 127.0.0.1:27017.
 *
 * @param {{detached?: boolean, timeoutMs?: number, log?: Function, quiet?: boolean}} [opts]
 * @returns {Promise<{url: string, started: boolean, pid: number|null, ms: number}>}
 */
async function startMongo(opts = {}) {
  return { url: MONGO_URL, ...(await startService(FERRETDB, opts)) };
}

/** Stop the FerretDB this launcher started. */
function stopMongo(opts) {
  return stopService(FERRETDB, opts);
}

module.exports = { FERRETDB, startMongo, stopMongo };
