'use strict';
// What a partner is handed: a kcat line and client configs, ready to paste.

const { spawnSync } = require('node:child_process');

/**
 * librdkafka before 2.6.1 fails SCRAM against Kafka 4.x brokers (it sent the client nonce twice,
 * which 4.x rejects: confluentinc/librdkafka#4895), and Debian 12's kcat links 2.0.2. The
 * confluent-kafka wheel the Python example installs bundles a current librdkafka; preloading it
 * makes the distribution's kcat work. Returns the `LD_PRELOAD=… ` prefix, or '' when not needed.
 */
function kcatPrefix(kcat = 'kcat') {
  const lib = kcatPreload(kcat);
  return lib ? `LD_PRELOAD=${lib} ` : '';
}

/** The librdkafka to preload into `kcat` (see kcatPrefix), or '' when its own is recent enough. */
function kcatPreload(kcat = 'kcat') {
  const v = spawnSync(kcat, ['-V'], { encoding: 'utf8' });
  const m = /librdkafka (\d+)\.(\d+)\.(\d+)/.exec(`${v.stdout || ''}${v.stderr || ''}`);
  if (!m) return '';
  const [maj, min, patch] = m.slice(1).map(Number);
  if (maj > 2 || (maj === 2 && (min > 6 || (min === 6 && patch >= 1)))) return '';
  const py = spawnSync(
    'python3',
    [
      '-c',
      'import confluent_kafka, glob, os; d = os.path.dirname(confluent_kafka.__file__) + ".libs"; print((sorted(glob.glob(d + "/librdkafka*.so*")) or [""])[0])',
    ],
    { encoding: 'utf8' },
  );
  return (py.stdout || '').trim();
}

/** librdkafka properties (kcat -F, confluent-kafka, most non-Java clients). */
function librdkafkaProperties(c, { tls = false } = {}) {
  return [
    `bootstrap.servers=${tls ? c.tlsBrokers : c.brokers}`,
    `security.protocol=${tls ? 'SASL_SSL' : 'SASL_PLAINTEXT'}`,
    'sasl.mechanisms=SCRAM-SHA-512',
    `sasl.username=${c.username}`,
    `sasl.password=${c.password}`,
    ...(tls && c.caFile ? [`ssl.ca.location=${c.caFile}`] : []),
    `group.id=${c.groupPrefix}events`,
  ].join('\n');
}

function kcatLine(c, topic, prefix = kcatPrefix()) {
  return `${prefix}kcat -b ${c.brokers} -X security.protocol=SASL_PLAINTEXT -X sasl.mechanisms=SCRAM-SHA-512 -X sasl.username=${c.username} -X sasl.password='${c.password}' -X auto.offset.reset=earliest -G ${c.groupPrefix}kcat ${topic}`;
}

function kafkajsConfig(c) {
  return `new Kafka({ brokers: ['${c.brokers}'], sasl: { mechanism: 'scram-sha-512', username: '${c.username}', password: '${c.password}' } })
  .consumer({ groupId: '${c.groupPrefix}events' })`;
}

module.exports = { kcatPrefix, kcatPreload, librdkafkaProperties, kcatLine, kafkajsConfig };
