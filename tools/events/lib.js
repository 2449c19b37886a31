'use strict';
// What the event tools share: argument parsing with --help, the Kafka client, and
// reading record headers and CloudEvents values.
const { parseArgs } = require('node:util');
const { Kafka, logLevel } = require('kafkajs');
// Operators' tools: KAFKA_SASL_* when given, else the local broker's admin (infra/local/kafka-auth.js).
const { kafkaClientAuth } = require('../../infra/local/kafka-auth.js');

class UsageError extends Error {}

/**
 * Runs a tool: parses argv against `options` (node:util parseArgs), prints `usage` for
 * --help, and turns a UsageError into exit code 2 and any other error into exit code 1.
 */
function runTool({ usage, options, main, positionals: allowPositionals = false }) {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: process.argv.slice(2),
      options: { ...options, help: { type: 'boolean', short: 'h' }, brokers: { type: 'string' } },
      strict: true,
      allowPositionals,
    }));
  } catch (err) {
    console.error(`${err.message}\n\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  main(values, positionals).then(
    (code) => process.exit(code ?? 0),
    (err) => {
      if (err instanceof UsageError) {
        console.error(`${err.message}\n\n${usage}`);
        process.exit(2);
      }
      console.error(`error: ${err.message}`);
      process.exit(1);
    },
  );
}

function brokersOf(values) {
  return (values.brokers ?? process.env.KAFKA_BROKERS ?? '127.0.0.1:9092')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
}

function createKafka(clientId, values) {
  return new Kafka({
    clientId,
    brokers: brokersOf(values),
    connectionTimeout: 3000,
    retry: { retries: 3 },
    logLevel: logLevel.NOTHING,
    ...kafkaClientAuth(),
  });
}

function positiveInt(value, name) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} must be a whole number, not ${value}`);
  return n;
}

function parseTime(value, name) {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new UsageError(`${name} must be an ISO time such as 2026-11-27T08:00:00+08:00, not ${value}`);
  return ms;
}

function headerText(value) {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return headerText(value[0]);
  return Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
}

/** A record's headers as plain strings. */
function headersOf(message) {
  const out = {};
  for (const [k, v] of Object.entries(message.headers ?? {})) {
    const text = headerText(v);
    if (text !== undefined) out[k] = text;
  }
  return out;
}

/** The record value as a CloudEvent-shaped object, or { error }. */
function parseEvent(value) {
  if (value === null || value === undefined) return { error: 'record has no value' };
  try {
    const event = JSON.parse(value.toString('utf8'));
    if (typeof event !== 'object' || event === null || typeof event.type !== 'string') return { error: 'not a CloudEvent (no type)' };
    return { event };
  } catch {
    return { error: 'record value is not JSON' };
  }
}

/** Low/high watermarks of every partition: Map(partition → { low, high }). */
async function watermarks(admin, topic) {
  const offsets = await admin.fetchTopicOffsets(topic);
  return new Map(offsets.map((p) => [p.partition, { low: Number(p.low), high: Number(p.high) }]));
}

module.exports = { UsageError, runTool, createKafka, positiveInt, parseTime, headersOf, parseEvent, watermarks };
