'use strict';
// --docker: the same two services from infra/docker-compose.yml, on the same addresses, for
// machines with Docker but without Java or Go.

const { PATHS } = require('./paths.js');
const { run } = require('./commands.js');
const { checkDockerCompose } = require('./prereqs.js');

/** `docker compose -f infra/docker-compose.yml ...args`. */
async function dockerCompose(args) {
  checkDockerCompose();
  return run('docker', ['compose', '-f', PATHS.compose, ...args], {
    what: `docker compose ${args.join(' ')}`,
    showOutput: true,
  });
}

module.exports = { dockerCompose };
