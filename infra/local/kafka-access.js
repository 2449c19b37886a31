'use strict';
// After the local broker answers: the operator creates the contract topics (settings from
// schemas/topics.js) and grants each service principal its ACLs (schemas/access.js). Both steps are
// idempotent (existing topics are left alone, an ACL created twice is one ACL), so this runs on
// every start and a new consumer in schemas/access.js takes effect with the next `npm start`.

const { Kafka, logLevel, AclResourceTypes, AclOperationTypes, AclPermissionTypes, ResourcePatternTypes } = require('kafkajs');
const { contractTopics, topicConfigEntries } = require('../../schemas/topics.js');
const { serviceAcls } = require('../../schemas/access.js');
const { kafkaClientAuth } = require('./kafka-auth.js');

/** schemas/access.js speaks names; kafkajs wants its enum numbers. */
function toKafkajsAcl(a) {
  return {
    principal: a.principal,
    host: a.host,
    resourceType: AclResourceTypes[a.resourceType],
    resourceName: a.resourceName,
    resourcePatternType: ResourcePatternTypes[a.resourcePatternType],
    operation: AclOperationTypes[a.operation],
    permissionType: AclPermissionTypes[a.permissionType],
  };
}

function operatorAdmin(brokers, creds) {
  const kafka = new Kafka({
    clientId: 'sanshe-operator',
    brokers: String(brokers).split(','),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3000,
    retry: { retries: 3 },
    ...kafkaClientAuth({}, creds.admin),
  });
  return kafka.admin();
}

/** Creates the topics the contracts declare that do not exist yet. */
async function ensureContractTopics(admin) {
  const existing = new Set(await admin.listTopics());
  const missing = contractTopics().filter((t) => !existing.has(t.topic));
  if (missing.length === 0) return [];
  await admin.createTopics({
    waitForLeaders: true,
    topics: missing.map((t) => ({ topic: t.topic, numPartitions: t.partitions, configEntries: topicConfigEntries() })),
  });
  return missing.map((t) => t.topic);
}

/** Topics and service ACLs on the local broker, as its operator. */
async function provisionKafka(brokers, creds) {
  const admin = operatorAdmin(brokers, creds);
  await admin.connect();
  try {
    const created = await ensureContractTopics(admin);
    const acl = Object.entries(creds.services).flatMap(([service, user]) => serviceAcls(user.username, service).map(toKafkajsAcl));
    await admin.createAcls({ acl });
    return { created, acls: acl.length };
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

module.exports = { provisionKafka, toKafkajsAcl, operatorAdmin };
