'use strict';
// The local broker's security material, made on first start and kept under .data/kafka (git-ignored):
// SCRAM users (the broker itself, the admin/operator, one principal per service) and a self-signed
// CA + broker keystore for the SASL_SSL listener. Production brokers get theirs from the platform;
// this only exists so that a laptop runs with the same habits.

const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { KAFKA_BROKERS, HOST, KAFKA_TLS_PORT, PATHS } = require('./paths.js');
const { readText, rmrf } = require('./files.js');
const { run } = require('./commands.js');

const MECHANISM = 'SCRAM-SHA-512';
/** Written into the storage dir at format time: which credentials file the SCRAM users came from. */
const STAMP_FILE = 'sanshe-scram.stamp';

/** The subgraphs, each with its own principal (schemas/access.js). */
function serviceNames() {
  return require('../../schemas/access.js').SERVICE_PRINCIPALS.map((s) => s.service);
}

const secret = () => crypto.randomBytes(18).toString('base64url');

/**
 * The local credentials, created once. Shape:
 * { mechanism, brokers, tlsBrokers, caFile, broker: {username, password}, admin: {...},
 *   services: { registry: {...}, ... }, keystorePassword }
 */
function ensureCredentials() {
  const existing = readCredentials();
  const names = serviceNames();
  if (existing && names.every((n) => existing.services && existing.services[n])) return existing;
  const creds = {
    mechanism: MECHANISM.toLowerCase(),
    brokers: KAFKA_BROKERS,
    tlsBrokers: `${HOST}:${KAFKA_TLS_PORT}`,
    caFile: path.join(PATHS.kafkaTlsDir, 'ca.pem'),
    broker: { username: 'broker', password: secret() },
    admin: { username: 'admin', password: secret() },
    services: Object.fromEntries(names.map((n) => [n, { username: `svc-${n}`, password: secret() }])),
    keystorePassword: existing?.keystorePassword || secret(),
  };
  fs.mkdirSync(path.dirname(PATHS.kafkaCredentials), { recursive: true });
  fs.writeFileSync(PATHS.kafkaCredentials, `${JSON.stringify(creds, null, 2)}\n`, { mode: 0o600 });
  return creds;
}

/** null when the local broker never started (or the file is unreadable). */
function readCredentials(file = PATHS.kafkaCredentials) {
  const text = readText(file);
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Every SCRAM user of the credentials file, as StorageTool `--add-scram` arguments. */
function scramFormatArgs(creds) {
  const users = [creds.broker, creds.admin, ...Object.values(creds.services)];
  return users.flatMap((u) => ['--add-scram', `${MECHANISM}=[name=${u.username},password=${u.password}]`]);
}

function credentialsStamp(creds) {
  return crypto.createHash('sha256').update(scramFormatArgs(creds).join('\n')).digest('hex').slice(0, 16);
}

/**
 * A storage dir formatted before SCRAM (or with another credentials file) has no users this
 * launcher knows the passwords of: nobody could log in. Such a local dev broker is re-formatted,
 * which drops its topics and offsets; returns the reason, or null when the storage fits.
 */
function storageNeedsReformat(creds) {
  if (!fs.existsSync(path.join(PATHS.kafkaLogDirs, 'meta.properties'))) return null;
  const stamp = (readText(path.join(PATHS.kafkaLogDirs, STAMP_FILE)) || '').trim();
  if (stamp === credentialsStamp(creds)) return null;
  return stamp
    ? `its SCRAM users were made from another ${path.basename(PATHS.kafkaCredentials)}`
    : 'it was formatted before the broker required SCRAM logins';
}

function resetStorage() {
  rmrf(PATHS.kafkaLogDirs);
  fs.mkdirSync(PATHS.kafkaLogDirs, { recursive: true });
}

function writeStamp(creds) {
  fs.writeFileSync(path.join(PATHS.kafkaLogDirs, STAMP_FILE), `${credentialsStamp(creds)}\n`);
}

/**
 * A CA and a broker certificate (SAN localhost, 127.0.0.1) signed by it, with keytool, which the
 * Java prerequisite already brings. Clients trust .data/kafka/tls/ca.pem.
 */
async function ensureTls(creds, log) {
  const dir = PATHS.kafkaTlsDir;
  const keystore = path.join(dir, 'broker.p12');
  if (fs.existsSync(keystore) && fs.existsSync(creds.caFile)) return keystore;
  log('making a self-signed CA and broker certificate for the SASL_SSL listener (first run only)...');
  rmrf(dir);
  fs.mkdirSync(dir, { recursive: true });
  const pw = creds.keystorePassword;
  const ca = path.join(dir, 'ca.p12');
  const common = ['-storetype', 'PKCS12', '-storepass', pw, '-keypass', pw];
  const keytool = (args, what) => run('keytool', args, { cwd: dir, what: `keytool (${what})`, showOutput: true });
  await keytool(
    [
      '-genkeypair',
      '-alias',
      'ca',
      '-keystore',
      ca,
      ...common,
      '-keyalg',
      'RSA',
      '-keysize',
      '2048',
      '-validity',
      '3650',
      '-dname',
      'CN=Sanshe local Kafka CA',
      '-ext',
      'bc:c',
    ],
    'CA',
  );
  await keytool(['-exportcert', '-rfc', '-alias', 'ca', '-keystore', ca, '-storepass', pw, '-file', creds.caFile], 'export CA');
  await keytool(
    [
      '-genkeypair',
      '-alias',
      'broker',
      '-keystore',
      keystore,
      ...common,
      '-keyalg',
      'RSA',
      '-keysize',
      '2048',
      '-validity',
      '3650',
      '-dname',
      'CN=localhost',
    ],
    'broker key',
  );
  const csr = path.join(dir, 'broker.csr');
  const crt = path.join(dir, 'broker.pem');
  await keytool(['-certreq', '-alias', 'broker', '-keystore', keystore, '-storepass', pw, '-file', csr], 'broker CSR');
  await keytool(
    [
      '-gencert',
      '-alias',
      'ca',
      '-keystore',
      ca,
      '-storepass',
      pw,
      '-infile',
      csr,
      '-outfile',
      crt,
      '-rfc',
      '-validity',
      '3650',
      '-ext',
      'SAN=dns:localhost,ip:127.0.0.1',
    ],
    'sign broker',
  );
  await keytool(['-importcert', '-noprompt', '-alias', 'ca', '-file', creds.caFile, '-keystore', keystore, '-storepass', pw], 'import CA');
  await keytool(
    ['-importcert', '-noprompt', '-alias', 'broker', '-file', crt, '-keystore', keystore, '-storepass', pw],
    'import broker cert',
  );
  return keystore;
}

module.exports = {
  MECHANISM,
  ensureCredentials,
  readCredentials,
  scramFormatArgs,
  storageNeedsReformat,
  resetStorage,
  writeStamp,
  ensureTls,
};
