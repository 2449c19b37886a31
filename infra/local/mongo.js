'use strict';
// The local Mongo-wire store: mongo-java-server (Maven Central, de.bwaldvogel) with its H2 file
// backend, started by a ten-line Java launcher (infra/mongo/SansheMongo.java) compiled once
// against the jars Maven resolved. Production runs MongoDB 7 (MONGO_URL, --docker).

const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { ROOT, HOST, MONGO_PORT, MONGO_URL, MONGO_SERVER_VERSION, PATHS } = require('./paths.js');
const { InfraError } = require('./errors.js');
const { secs } = require('./log.js');
const { readText, rmrf } = require('./files.js');
const { run } = require('./commands.js');
const { checkJava, checkMaven, checkJavac } = require('./prereqs.js');
const { commandLine, stopService } = require('./process.js');
const { startService } = require('./service.js');
const { mongoAnswers } = require('./probes.js');

/** Keyed on the pom and the launcher's source, so a change to either reinstalls. */
function mongoStamp() {
  const h = crypto.createHash('sha256');
  h.update(fs.readFileSync(PATHS.mongoPom));
  h.update(fs.readFileSync(PATHS.mongoLauncher));
  return h.digest('hex').slice(0, 16);
}

/**
 * Resolve the jars into .cache/mongo/libs and compile the launcher into .cache/mongo/classes,
 * in a temp dir first so a failed run leaves no half install.
 */
async function ensureMongoInstall(log) {
  const stampFile = path.join(PATHS.mongoHome, '.sanshe-stamp');
  const stamp = mongoStamp();
  if ((readText(stampFile) || '').trim() === stamp) return false;
  checkMaven();
  checkJavac();
  log(`installing mongo-java-server ${MONGO_SERVER_VERSION} with Maven into ${path.relative(ROOT, PATHS.mongoHome)} (first run only)...`);
  const t0 = Date.now();
  const tmp = `${PATHS.mongoHome}.tmp-${process.pid}`;
  rmrf(tmp);
  fs.mkdirSync(tmp, { recursive: true });
  try {
    const libs = path.join(tmp, 'libs');
    await run(
      'mvn',
      ['-q', '-B', '-Dstyle.color=never', '-f', PATHS.mongoPom, 'dependency:copy-dependencies', `-DoutputDirectory=${libs}`],
      { cwd: path.dirname(PATHS.mongoPom), what: 'mvn dependency:copy-dependencies (infra/mongo/pom.xml)', showOutput: true },
    );
    const jars = fs.readdirSync(libs);
    if (!jars.some((j) => j.startsWith(`mongo-java-server-core-${MONGO_SERVER_VERSION}`))) {
      throw new InfraError(`Maven did not produce mongo-java-server-core-${MONGO_SERVER_VERSION}.jar in ${libs}`, { code: 'E_INSTALL' });
    }
    await run('javac', ['-d', path.join(tmp, 'classes'), '-cp', path.join(libs, '*'), PATHS.mongoLauncher], {
      cwd: tmp,
      what: 'javac infra/mongo/SansheMongo.java',
      showOutput: true,
    });
    fs.writeFileSync(path.join(tmp, '.sanshe-stamp'), `${stamp}\n`);
    rmrf(PATHS.mongoHome);
    fs.renameSync(tmp, PATHS.mongoHome);
  } catch (e) {
    rmrf(tmp);
    throw e;
  }
  log(`mongo-java-server installed (${secs(Date.now() - t0)})`);
  return true;
}

const MONGO = {
  name: 'mongo',
  label: 'Mongo-wire (mongo-java-server)',
  short: 'mongo-java-server',
  version: MONGO_SERVER_VERSION,
  address: MONGO_URL,
  envVar: 'MONGO_URL',
  busyWhat: 'Mongo ping',
  readyWhat: 'a Mongo ping',
  defaultTimeoutMs: 60000,
  pidFile: PATHS.mongoPid,
  logFile: PATHS.mongoLog,
  extraLogs: [],
  ports: [MONGO_PORT],
  isOurs: (pid) => {
    const c = commandLine(pid);
    return c.includes('SansheMongo') && c.includes(PATHS.mongoHome);
  },
  answers: () => mongoAnswers(MONGO_URL),
  install: async (log) => {
    checkJava();
    await ensureMongoInstall(log);
    fs.mkdirSync(PATHS.mongoDataDir, { recursive: true });
  },
  command: () => {
    // The H2 file backend keeps data across restarts; SANSHE_MONGO_BACKEND=memory trades that for speed.
    const memory = process.env.SANSHE_MONGO_BACKEND === 'memory';
    const heap = (process.env.MONGO_HEAP_OPTS || '-Xms128m -Xmx2g').split(/\s+/).filter(Boolean);
    return {
      cmd: 'java',
      args: [
        ...heap,
        '-XX:+UseG1GC',
        '-XX:+ExitOnOutOfMemoryError',
        '-Djava.awt.headless=true',
        // slf4j-simple: the server's per-connection INFO lines are noise; warnings stay.
        '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn',
        '-cp',
        [path.join(PATHS.mongoHome, 'libs', '*'), path.join(PATHS.mongoHome, 'classes')].join(path.delimiter),
        'SansheMongo',
        '--host',
        HOST,
        '--port',
        String(MONGO_PORT),
        ...(memory ? ['--memory'] : ['--h2', PATHS.mongoDataFile]),
      ],
      cwd: PATHS.mongoDataDir,
    };
  },
};

/**
 * Start mongo-java-server (H2 file backend, data in .data/mongo) unless a Mongo-wire server
 * already answers on 127.0.0.1:27017.
 *
 * @param {{detached?: boolean, timeoutMs?: number, log?: Function, quiet?: boolean}} [opts]
 * @returns {Promise<{url: string, started: boolean, pid: number|null, ms: number}>}
 */
async function startMongo(opts = {}) {
  return { url: MONGO_URL, ...(await startService(MONGO, opts)) };
}

/** Stop the store this launcher started (SIGTERM: the launcher closes the H2 file cleanly). */
function stopMongo(opts) {
  return stopService(MONGO, opts);
}

module.exports = { MONGO, startMongo, stopMongo };
