/**
 * The bench runs every process with NODE_ENV=production. These checks keep its environment in
 * step with the production profile (keys, Kafka over SASL_SSL), which refuses to start otherwise:
 * a gap here only showed when someone ran `npm run bench`.
 */
import { loadConfig, baseConfigSchema, kafkaAuthFromConfig } from '@sanshe/service-kit';
import { loadGatewayConfig } from '@sanshe/gateway/config';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const stack = require('../../infra/bench/lib/stack.js') as {
  SERVICES: string[];
  baseEnv(infra: { mongoUrl: string; kafkaBrokers: string }, overrides?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  gatewayEnv(infra: { mongoUrl: string; kafkaBrokers: string }, urls: Record<string, string>, file: string): NodeJS.ProcessEnv;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const local = require('../../infra/local/paths.js') as { KAFKA_BROKERS: string; KAFKA_TLS_PORT: number };

const localInfra = { mongoUrl: 'mongodb://127.0.0.1:27017', kafkaBrokers: local.KAFKA_BROKERS };

describe('the bench environment', () => {
  it.each(stack.SERVICES)('starts %s with a production config that logs in to Kafka over TLS', (service) => {
    const env = stack.baseEnv(localInfra, { BENCH_SERVICE: service, PORT: '0', MONGO_DB: `bench_${service}` });
    const config = loadConfig(baseConfigSchema, env);
    expect(config.NODE_ENV).toBe('production');
    const auth = kafkaAuthFromConfig(config);
    expect(auth.ssl).toBeTruthy();
    expect(auth.sasl).toMatchObject({ mechanism: expect.any(String) });
    expect(env.KAFKA_BROKERS).toBe(`127.0.0.1:${local.KAFKA_TLS_PORT}`);
  });

  it('starts the gateway targets with a production config', () => {
    const urls = Object.fromEntries(stack.SERVICES.map((s, i) => [s, `http://127.0.0.1:${5000 + i}/graphql`]));
    const config = loadGatewayConfig(stack.gatewayEnv(localInfra, urls, '/tmp/supergraph.graphql'));
    expect(config.NODE_ENV).toBe('production');
  });

  it('uses a broker it was given as it is', () => {
    const env = stack.baseEnv({ ...localInfra, kafkaBrokers: 'kafka-1.internal:9094' });
    expect(env.KAFKA_BROKERS).toBe('kafka-1.internal:9094');
  });
});
