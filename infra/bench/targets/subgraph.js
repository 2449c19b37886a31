'use strict';
/**
 * One Sanshe subgraph as its own process, built exactly like `services/<name>/src/index.ts`
 * builds it (createFromEnv), plus per-fetch Mongo command counting for the bench.
 * Env: BENCH_SERVICE (registry, social-orgs, …), PORT, and the service's usual settings.
 */
const { runTarget } = require('./child');
const { CommandCounter, countPerRequest } = require('../lib/command-counter');

const name = process.env.BENCH_SERVICE;

runTarget(name, async () => {
  const { createFromEnv } = require(`@sanshe/${name}/service`);
  const service = await createFromEnv(process.env);
  const counter = new CommandCounter();
  counter.watch(service.connection.getClient());
  countPerRequest(service.httpServer, counter, name);
  const url = await service.listen(Number(process.env.PORT), '127.0.0.1');
  return {
    url,
    stop: () => service.stop(),
    handlers: {
      counters: async () => counter.snapshot(),
      'reset-counters': async () => counter.reset(),
      'attribute-commands': async (on) => counter.attribute(on),
      'relay-pending': async () => service.relay.pending(),
      'relay-published': async () => service.relay.published,
    },
  };
});
