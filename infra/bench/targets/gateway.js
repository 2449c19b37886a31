'use strict';
/**
 * The Sanshe gateway as its own process, built by `createGateway` from gateway/src/server.ts
 * over the supergraph the orchestrator composed (BENCH_SUPERGRAPH, a file path).
 *
 * Variants for the tuning runs come through the gateway's own config (the orchestrator sets
 * them in the environment): SUBGRAPH_KEEP_ALIVE=false, SUBGRAPH_APQ=true.
 */
const fs = require('node:fs');
const { runTarget } = require('./child');

runTarget('gateway', async () => {
  const { loadGatewayConfig } = require('@sanshe/gateway/config');
  const { createGateway } = require('@sanshe/gateway/server');
  const config = loadGatewayConfig(process.env);
  const gateway = await createGateway(config, { supergraphSdl: fs.readFileSync(process.env.BENCH_SUPERGRAPH, 'utf8') });
  const url = await gateway.listen(config.PORT, '127.0.0.1');
  return { url, stop: () => gateway.stop() };
});
