'use strict';
// Each missing tool is reported in one line that names what to install and how to do without it;
// exit code 2 lets scripts tell "install something" apart from "it broke".

const { InfraError } = require('./errors.js');
const { probeCommand } = require('./commands.js');

const MSG_JAVA =
  'Sanshe needs Java 17+ and Maven to run Kafka locally: apt-get install openjdk-17-jre-headless maven ' +
  '(or set KAFKA_BROKERS, or use --docker)';
const MSG_GO =
  'Sanshe needs Go 1.21+ to build FerretDB (the local Mongo-wire store): install it from https://go.dev/dl ' +
  '(or set MONGO_URL, or use --docker)';
const MSG_DOCKER =
  'Sanshe --docker needs Docker with the compose plugin (docker compose): https://docs.docker.com/engine/install/';

const missing = (message) => new InfraError(message, { code: 'E_PREREQ', exitCode: 2 });

function checkJava() {
  const r = probeCommand('java', ['-version']);
  const m = /version "(\d+)(?:\.(\d+))?/.exec(r.out);
  if (!r.ok || !m) throw missing(MSG_JAVA);
  let major = Number(m[1]);
  if (major === 1 && m[2]) major = Number(m[2]); // "1.8.0_xxx"
  if (major < 17) throw missing(`${MSG_JAVA} [found Java ${major}]`);
}

/** Only needed to install the jars, hence not part of checkJava. */
function checkMaven() {
  if (!probeCommand('mvn', ['-v']).ok) throw missing(MSG_JAVA);
}

function checkGo() {
  const r = probeCommand('go', ['version']);
  const m = /go(\d+)\.(\d+)/.exec(r.out);
  if (!r.ok || !m) throw missing(MSG_GO);
  // Go >= 1.21 downloads the toolchain FerretDB's go.mod asks for (GOTOOLCHAIN=auto).
  if (Number(m[1]) === 1 && Number(m[2]) < 21) throw missing(`${MSG_GO} [found go${m[1]}.${m[2]}]`);
}

function checkDockerCompose() {
  if (!probeCommand('docker', ['compose', 'version']).ok) throw missing(MSG_DOCKER);
}

module.exports = { checkJava, checkMaven, checkGo, checkDockerCompose };
