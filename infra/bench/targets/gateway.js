'use strict';
/**
 * The Sanshe gateway as its own process, built by `createGateway` from gateway/src/server.ts
 * over the supergraph the orchestrator composed (BENCH_SUPERGRAPH, a file path).
 *
 * Variants for the tuning runs, applied from outside because the gateway has no flag yet:
 *   BENCH_KEEP_ALIVE=off     subgraph fetches open a new TCP connection each time
 *   BENCH_SUBGRAPH_APQ=on    automatic persisted queries on subgraph fetches
 * (docs/PERFORMANCE.md names the config keys that would replace these.)
 */
const fs = require('node:fs');
const { runTarget } = require('./child');

runTarget('gateway', async () => {
  const { loadGatewayConfig } = require('@sanshe/gateway/config');
  const { createGateway } = require('@sanshe/gateway/server');
  const source = require('@sanshe/gateway/subgraph-source');
  if (process.env.BENCH_KEEP_ALIVE === 'off') {
    // Node's ClientRequest reuses a socket only when its agent says keepAlive or caps its sockets.
    source.keepAliveAgent.keepAlive = false;
    source.keepAliveAgent.maxSockets = Infinity;
  }
  if (process.env.BENCH_SUBGRAPH_APQ === 'on') {
    const process_ = source.SubgraphDataSource.prototype.process;
    source.SubgraphDataSource.prototype.process = function processWithApq(options) {
      this.apq = true;
      return process_.call(this, options);
    };
  }
  const config = loadGatewayConfig(process.env);
  const gateway = await createGateway(config, { supergraphSdl: fs.readFileSync(process.env.BENCH_SUPERGRAPH, 'utf8') });
  const url = await gateway.listen(config.PORT, '127.0.0.1');
  return { url, stop: () => gateway.stop() };
});
