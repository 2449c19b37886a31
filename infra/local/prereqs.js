'use strict';
// Each missing tool is reported in one line that names what to install and how to do without it;
// exit code 2 lets scripts tell "install something" apart from "it broke".

const { InfraError } = require('./errors.js');
const { probeCommand } = require('./commands.js');

const MSG_JAVA =
  'Sanshe needs Java 17+ and Maven to run Kafka and the Mongo-wire store locally: apt-get install openjdk-17-jre-headless maven ' +
  '(or set KAFKA_BROKERS, or use --docker)';
const MSG_DOCKER = 'Sanshe --docker needs Docker with the compose plugin (docker compose): https://docs.docker.com/engine/install/';

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

/** The store's launcher is compiled once from source, so a JDK (not only a JRE) is needed. */
function checkJavac() {
  if (!probeCommand('javac', ['-version']).ok) {
    throw missing(
      'Sanshe needs a JDK (javac) to compile the local Mongo-wire store launcher: apt-get install openjdk-17-jdk-headless (or set MONGO_URL, or use --docker)',
    );
  }
}

function checkDockerCompose() {
  if (!probeCommand('docker', ['compose', 'version']).ok) throw missing(MSG_DOCKER);
}

module.exports = { checkJava, checkMaven, checkJavac, checkDockerCompose };
