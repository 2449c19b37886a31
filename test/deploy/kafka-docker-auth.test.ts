import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

// Plain JavaScript modules of the launcher and the test infra.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dockerKafka = require('../../infra/local/kafka-docker.js') as {
  BROKER_SECURITY_ENV: Record<string, string>;
  brokerSecretEnv(creds: object, listeners: string[]): Record<string, string>;
  scramArgsFile(creds: object): string;
  entrypointScript(dir: string): string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { COMPOSE_SCRAM_LISTENERS } = require('../../infra/docker/kafka-setup.js') as { COMPOSE_SCRAM_LISTENERS: string[] };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const containers = require('../containers.js') as {
  kafkaContainerEnv(host: string, port: number): Record<string, string>;
  SCRAM_LISTENERS: string[];
  SECRETS_DIR: string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SERVICE_PRINCIPALS } = require('../../schemas/access.js') as { SERVICE_PRINCIPALS: { service: string }[] };

/**
 * infra/docker-compose.yml and test/containers.js cannot run here (no Docker engine): this reads
 * them and checks that the container broker is configured to authenticate and authorize like the
 * native one (infra/kafka/server.properties).
 */
const root = path.join(__dirname, '..', '..');
const compose = parse(readFileSync(path.join(root, 'infra', 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, Record<string, unknown>>;
};
const composeKafka = compose.services.kafka! as {
  environment: Record<string, string>;
  entrypoint: string[];
  volumes: string[];
  depends_on: Record<string, { condition: string }>;
};

/** The native broker's template as key → value (placeholders left as they are). */
const localProps = Object.fromEntries(
  readFileSync(path.join(root, 'infra', 'kafka', 'server.properties'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
);

/** What the apache/kafka image makes of a KAFKA_* variable: `_` → `.`, `___` → `-`. */
const propertyOf = (env: string) =>
  env
    .replace(/^KAFKA_/, '')
    .toLowerCase()
    .replace(/___/g, '-')
    .replace(/_/g, '.');

/** Listener name → security protocol, and the names the broker listens on. */
function listeners(env: Record<string, string>) {
  const protocols = Object.fromEntries(env.KAFKA_LISTENER_SECURITY_PROTOCOL_MAP!.split(',').map((p) => p.split(':') as [string, string]));
  const names = env.KAFKA_LISTENERS!.split(',').map((l) => l.slice(0, l.indexOf('://')));
  return { protocols, names, scram: names.filter((n) => n !== env.KAFKA_CONTROLLER_LISTENER_NAMES).map((n) => n.toLowerCase()) };
}

const fakeCreds = {
  broker: { username: 'broker', password: 'b-pw' },
  admin: { username: 'admin', password: 'a-pw' },
  services: Object.fromEntries(SERVICE_PRINCIPALS.map((s) => [s.service, { username: `svc-${s.service}`, password: `${s.service}-pw` }])),
};

describe.each([
  ['infra/docker-compose.yml', composeKafka.environment, COMPOSE_SCRAM_LISTENERS],
  ['test/containers.js', containers.kafkaContainerEnv('127.0.0.1', 9092), containers.SCRAM_LISTENERS],
])('the Kafka container of %s', (_where, env, scramListeners) => {
  it('authorizes like the native broker: StandardAuthorizer, nothing without an ACL, the same super users', () => {
    for (const key of ['KAFKA_AUTHORIZER_CLASS_NAME', 'KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND', 'KAFKA_SUPER_USERS']) {
      expect([key, env[key]]).toEqual([key, localProps[propertyOf(key)]]);
    }
    expect(env.KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND).toBe('false');
  });

  it('authenticates every listener with the native broker mechanisms: SCRAM-SHA-512 for clients and brokers, PLAIN for the controller', () => {
    for (const key of [
      'KAFKA_SASL_ENABLED_MECHANISMS',
      'KAFKA_SASL_MECHANISM_INTER_BROKER_PROTOCOL',
      'KAFKA_SASL_MECHANISM_CONTROLLER_PROTOCOL',
      'KAFKA_LISTENER_NAME_CONTROLLER_SASL_ENABLED_MECHANISMS',
    ]) {
      expect([key, env[key]]).toEqual([key, localProps[propertyOf(key)]]);
    }
    const { protocols, names } = listeners(env);
    for (const name of names) expect([name, protocols[name]]).toEqual([name, expect.stringMatching(/^SASL_(PLAINTEXT|SSL)$/)]);
    expect(names).toContain(env.KAFKA_INTER_BROKER_LISTENER_NAME);
    expect(names).toContain(env.KAFKA_CONTROLLER_LISTENER_NAMES);
    expect(env).toMatchObject(dockerKafka.BROKER_SECURITY_ENV);
  });

  it('gives every SCRAM listener and the controller the broker login, from the secrets file, not from the environment', () => {
    expect([...scramListeners].sort()).toEqual(listeners(env).scram.sort());
    const secrets = dockerKafka.brokerSecretEnv(fakeCreds, scramListeners);
    for (const name of scramListeners)
      expect(secrets[`KAFKA_LISTENER_NAME_${name.toUpperCase()}_SCRAM___SHA___512_SASL_JAAS_CONFIG`]).toContain(
        'username="broker" password="b-pw"',
      );
    expect(propertyOf(`KAFKA_LISTENER_NAME_${scramListeners[0]!.toUpperCase()}_SCRAM___SHA___512_SASL_JAAS_CONFIG`)).toBe(
      `listener.name.${scramListeners[0]}.scram-sha-512.sasl.jaas.config`,
    );
    expect(secrets.KAFKA_LISTENER_NAME_CONTROLLER_PLAIN_SASL_JAAS_CONFIG).toContain('user_broker="b-pw"');
    expect(Object.values(env).join('\n')).not.toMatch(/password=/);
  });
});

describe('the compose broker start-up', () => {
  it('formats its storage with every SCRAM user of the native broker before the image starts it', () => {
    const script = composeKafka.entrypoint.slice(2).join('\n').replace(/\$\$/g, '$').trim();
    expect(composeKafka.entrypoint.slice(0, 2)).toEqual(['sh', '-c']);
    expect(script).toBe(dockerKafka.entrypointScript(containers.SECRETS_DIR));
    expect(composeKafka.volumes).toContain(`../.data/kafka/docker:${containers.SECRETS_DIR}:ro`);
    const users = dockerKafka
      .scramArgsFile(fakeCreds)
      .split('\n')
      .filter((l) => l.startsWith('SCRAM-SHA-512='))
      .map((l) => /name=([^,]+)/.exec(l)![1]);
    expect(users.sort()).toEqual(['admin', 'broker', ...SERVICE_PRINCIPALS.map((s) => `svc-${s.service}`)].sort());
  });

  it('makes the credentials before the broker and provisions topics and ACLs once it is healthy, with the launcher code', () => {
    expect(composeKafka.depends_on['kafka-credentials']).toEqual({ condition: 'service_completed_successfully' });
    expect(compose.services['kafka-credentials']!.command).toEqual(['node', 'infra/docker/kafka-setup.js', 'credentials']);
    const provision = compose.services['kafka-provision'] as { command: string[]; depends_on: Record<string, { condition: string }> };
    expect(provision.depends_on.kafka).toEqual({ condition: 'service_healthy' });
    expect(provision.command).toEqual([
      'node',
      'infra/docker/kafka-setup.js',
      'provision',
      composeKafka.environment.KAFKA_ADVERTISED_LISTENERS!.match(/INTERNAL:\/\/([^,]+)/)![1],
    ]);
  });
});
