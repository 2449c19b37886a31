#!/usr/bin/env node
'use strict';
// Partner onboarding on the broker: a SCRAM user, READ on public topics, READ on its own group
// prefix, and nothing else. ACLs through the kafkajs Admin API; SCRAM credentials through Kafka's
// own ConfigCommand (scram.js). Runs as the operator (KAFKA_SASL_* or the local admin).

const crypto = require('node:crypto');
const { AclResourceTypes, AclOperationTypes, AclPermissionTypes, ResourcePatternTypes } = require('kafkajs');
const { runTool, createKafka, UsageError } = require('../events/lib');
const { contractTopics, DLQ_PREFIX } = require('../../schemas/topics');
const { PARTNER_NAME, partnerAcls, partnerGroupPrefix, partnerUsername } = require('../../schemas/access');
const { kafkaClientAuth } = require('../../infra/local/kafka-auth.js');
const { readCredentials } = require('../../infra/local/kafka-security.js');
const { toKafkajsAcl } = require('../../infra/local/kafka-access.js');
const { upsertScramUser, deleteScramUser, scramUsers } = require('./scram');
const { librdkafkaProperties, kcatLine, kafkajsConfig } = require('./client-config');

const usage = `Onboards partner systems onto Sanshe's Kafka: each gets a SCRAM-SHA-512 user, READ on the
public event topics (sanshe.<context>.vN; never the dead-letter topics) and on consumer groups
named partner.<name>.…; it can neither write nor read anything else.

Usage: npm run -s partner -- <command> [options]

  add <name> [--topics a,b]  create the partner (all public topics unless --topics); prints the
                             credentials once, with a kcat line and client configs
  list                       partners, their topics and group prefix
  rotate <name>              a new password (printed once); the old one stops working
  revoke <name>              delete the user and its ACLs; its next connection is refused

  --json             machine-readable output
  --brokers <list>   Kafka bootstrap servers (default: $KAFKA_BROKERS or 127.0.0.1:9092)
  -h, --help         this text`;

const options = { topics: { type: 'string' }, json: { type: 'boolean' } };

const publicTopics = () => contractTopics().map((t) => t.topic);
const ANY = {
  resourceType: AclResourceTypes.ANY,
  resourcePatternType: ResourcePatternTypes.ANY,
  operation: AclOperationTypes.ANY,
  permissionType: AclPermissionTypes.ANY,
};

function operatorLogin() {
  const auth = kafkaClientAuth();
  if (!auth.sasl)
    throw new Error('no operator login: set KAFKA_SASL_USERNAME/KAFKA_SASL_PASSWORD, or start the local broker (npm run infra -- up)');
  return { username: auth.sasl.username, password: auth.sasl.password };
}

/** Every partner principal with its ACLs, from the broker's own ACL list. */
async function partners(admin) {
  const { resources } = await admin.describeAcls(ANY);
  const byUser = new Map();
  for (const r of resources) {
    for (const a of r.acls) {
      const m = /^User:partner-(.+)$/.exec(a.principal);
      if (!m) continue;
      const p = byUser.get(m[1]) ?? { name: m[1], username: `partner-${m[1]}`, topics: [], groupPrefix: null };
      if (r.resourceType === AclResourceTypes.TOPIC) p.topics.push(r.resourceName);
      if (r.resourceType === AclResourceTypes.GROUP) p.groupPrefix = r.resourceName;
      byUser.set(m[1], p);
    }
  }
  return [...byUser.values()].map((p) => ({ ...p, topics: p.topics.sort() })).sort((a, b) => a.name.localeCompare(b.name));
}

function chosenTopics(values) {
  const all = publicTopics();
  if (!values.topics) return all;
  const wanted = values.topics
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  for (const t of wanted) {
    if (t.startsWith(DLQ_PREFIX)) throw new UsageError(`${t} is a dead-letter topic: operators only`);
    if (!all.includes(t)) throw new UsageError(`${t} is not a public topic; public topics: ${all.join(', ')}`);
  }
  return wanted;
}

function partnerName(positionals) {
  const name = positionals[1];
  if (!name) throw new UsageError('name the partner');
  if (!PARTNER_NAME.test(name)) throw new UsageError(`partner names are 2-31 of a-z, 0-9 and -, starting with a letter: ${name}`);
  return name;
}

function printCredentials(c, json) {
  if (json) return console.log(JSON.stringify(c, null, 2));
  const topic = c.topics.includes('sanshe.activities.v1') ? 'sanshe.activities.v1' : c.topics[0];
  console.log(`Partner ${c.name}: these credentials are shown once; store them in your secret manager.

  username        ${c.username}
  password        ${c.password}
  bootstrap       ${c.brokers} (SASL_PLAINTEXT)   ${c.tlsBrokers} (SASL_SSL${c.caFile ? `, CA ${c.caFile}` : ''})
  mechanism       SCRAM-SHA-512
  topics (READ)   ${c.topics.join(', ')}
  consumer groups ${c.groupPrefix}<anything>

Read with kcat:
  ${kcatLine(c, topic)}

librdkafka / confluent-kafka (Python) config:
${librdkafkaProperties(c).replace(/^/gm, '  ')}

Over TLS:
${librdkafkaProperties(c, { tls: true }).replace(/^/gm, '  ')}

kafkajs:
  ${kafkajsConfig(c)}

Next: docs/partners.md (validating and processing events idempotently).`);
}

async function main(values, positionals) {
  const [command] = positionals;
  const brokers = (values.brokers ?? process.env.KAFKA_BROKERS ?? require('../../infra/local/paths.js').KAFKA_BROKERS).split(',')[0];
  const operator = operatorLogin();
  const admin = createKafka('sanshe-partner-admin', values).admin();
  const local = readCredentials() ?? {};
  await admin.connect();
  try {
    const existing = await partners(admin);
    if (command === 'list') {
      if (values.json) console.log(JSON.stringify(existing, null, 2));
      else if (existing.length === 0) console.log('no partners yet: npm run -s partner -- add <name>');
      else
        for (const p of existing)
          console.log(`${p.name.padEnd(20)} ${p.username.padEnd(28)} groups ${p.groupPrefix}*  topics ${p.topics.join(', ')}`);
      return 0;
    }
    if (!['add', 'rotate', 'revoke'].includes(command)) throw new UsageError(command ? `unknown command ${command}` : 'give a command');
    const name = partnerName(positionals);
    const username = partnerUsername(name);
    const known = existing.find((p) => p.name === name);
    if (command === 'revoke') {
      // ACLs first: authorization is checked on every request, so even open connections lose access now.
      await admin.deleteAcls({ filters: [{ ...ANY, principal: `User:${username}` }] });
      if ((await scramUsers(brokers, operator)).includes(username)) await deleteScramUser(brokers, operator, username);
      console.log(values.json ? JSON.stringify({ revoked: name }) : `partner ${name} revoked: user ${username} and its ACLs are gone`);
      return 0;
    }
    if (command === 'add' && known) throw new UsageError(`partner ${name} exists; use rotate for a new password or revoke first`);
    if (command === 'rotate' && !known) throw new UsageError(`no partner ${name}; add it first`);
    const topics = command === 'add' ? chosenTopics(values) : known.topics;
    const password = crypto.randomBytes(24).toString('base64url');
    await upsertScramUser(brokers, operator, username, password);
    if (command === 'add') await admin.createAcls({ acl: partnerAcls(username, name, topics).map(toKafkajsAcl) });
    const tlsBrokers = local.tlsBrokers ?? brokers;
    printCredentials(
      { name, username, password, brokers, tlsBrokers, caFile: local.caFile, topics, groupPrefix: partnerGroupPrefix(name) },
      values.json,
    );
    return 0;
  } finally {
    await admin.disconnect();
  }
}

runTool({ usage, options, positionals: true, main });
