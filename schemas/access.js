'use strict';
// Who may do what on the broker: one principal per service, least privilege. A service writes its
// own topic and the dead-letter topics of its own consumer groups, reads the topics it consumes,
// and joins only groups named `<service>.…` (every ConsumerSpec's groupId starts so). Partners read
// public topics under groups `partner.<name>.…`. Dead-letter topics are for operators alone: the
// admin principal is a super user and needs no ACL.
const { topicName, DLQ_PREFIX } = require('./topics');

/** What each subgraph consumes: keep equal to the topics of its ConsumerSpecs (nothing checks it yet; a missing READ shows as TOPIC_AUTHORIZATION_FAILED at the consumer's start). */
const SERVICE_PRINCIPALS = [
  { service: 'registry', reads: ['activities', 'registry'] },
  { service: 'social-orgs', reads: ['resident-services'] },
  { service: 'activities', reads: ['activities', 'registry'] },
  { service: 'resident-services', reads: ['registry', 'social-orgs', 'resident-services'] },
  { service: 'credits', reads: ['activities', 'resident-services', 'registry'] },
].map((p) => ({ ...p, reads: p.reads.map((c) => topicName(c, 1)), writes: topicName(p.service, 1) }));

const PARTNER_GROUP_PREFIX = 'partner.';

/** kafkajs resource / operation names (numbers in kafkajs' enums are looked up by the caller). */
function acl(principal, resourceType, resourceName, patternType, operation) {
  return {
    principal: `User:${principal}`,
    host: '*',
    resourceType,
    resourceName,
    resourcePatternType: patternType,
    operation,
    permissionType: 'ALLOW',
  };
}

/** The ACLs of a service principal. */
function serviceAcls(username, service) {
  const p = SERVICE_PRINCIPALS.find((s) => s.service === service);
  if (!p) throw new Error(`no principal is defined for service ${service}`);
  return [
    acl(username, 'TOPIC', p.writes, 'LITERAL', 'WRITE'),
    // Its own records are also read back by its own read-model consumers.
    ...p.reads.map((t) => acl(username, 'TOPIC', t, 'LITERAL', 'READ')),
    acl(username, 'GROUP', `${service}.`, 'PREFIXED', 'READ'),
    acl(username, 'TOPIC', `${DLQ_PREFIX}${service}.`, 'PREFIXED', 'WRITE'),
    // A consumer creates its group's dead-letter topic on first start; nothing else.
    acl(username, 'TOPIC', `${DLQ_PREFIX}${service}.`, 'PREFIXED', 'CREATE'),
    // Idempotent producers need no cluster ACL since Kafka 3.2 (KIP-679): WRITE on the topic suffices.
  ];
}

/** The ACLs of a partner: READ on the public topics it was given, and its own group prefix. */
function partnerAcls(username, name, topics) {
  return [
    ...topics.map((t) => acl(username, 'TOPIC', t, 'LITERAL', 'READ')),
    acl(username, 'GROUP', partnerGroupPrefix(name), 'PREFIXED', 'READ'),
  ];
}

function partnerGroupPrefix(name) {
  return `${PARTNER_GROUP_PREFIX}${name}.`;
}

/** Partner names become principals and group prefixes: keep them plain. */
const PARTNER_NAME = /^[a-z][a-z0-9-]{1,30}$/;

function partnerUsername(name) {
  return `partner-${name}`;
}

module.exports = { SERVICE_PRINCIPALS, PARTNER_GROUP_PREFIX, PARTNER_NAME, serviceAcls, partnerAcls, partnerGroupPrefix, partnerUsername };
