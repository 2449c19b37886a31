'use strict';
/**
 * Counts the Mongo commands a process sends, attributed to the unit of work that caused
 * them (one subgraph fetch, one in-process subgraph call) through async-local storage;
 * anything outside a unit (relay polls, consumers, sweeps) counts as background.
 *
 * Attribution is on only while the counting phase asks for it (`attribute(true)`): on Node 20
 * an active AsyncLocalStorage hooks every promise, which slows promise-heavy code such as
 * GraphQL execution severalfold in a micro-benchmark, and production runs without it. Units
 * are still counted in flight at all times, so a run can wait for the previous one to drain.
 *
 * Needs the driver's command monitoring, which the kit's connectMongo cannot pass as an
 * option; the bench turns it on through the connection string (`?monitorCommands=true`,
 * a documented URI option of the Node driver).
 */
const { AsyncLocalStorage } = require('node:async_hooks');

/** Handshakes, heartbeats and session bookkeeping are the driver's, not the application's. */
const DRIVER_COMMANDS = new Set([
  'hello',
  'ismaster',
  'isMaster',
  'ping',
  'buildInfo',
  'buildinfo',
  'endSessions',
  'saslStart',
  'saslContinue',
  'getParameter',
  'killCursors',
]);

class CommandCounter {
  constructor() {
    this.storage = new AsyncLocalStorage();
    this.units = [];
    this.background = { commands: 0, byName: {} };
    this.since = Date.now();
    this.inFlight = 0;
    this.attributing = false;
  }

  /** Turns per-unit attribution on, or off (which also unhooks async-local storage). */
  attribute(on) {
    this.attributing = Boolean(on);
    if (!this.attributing) this.storage.disable();
  }

  /** Listens to a MongoClient created with monitorCommands. */
  watch(client) {
    const started = new Map();
    client.on('commandStarted', (event) => {
      if (DRIVER_COMMANDS.has(event.commandName)) return;
      const bucket = (this.attributing && this.storage.getStore()) || this.background;
      bucket.commands += 1;
      bucket.byName[event.commandName] = (bucket.byName[event.commandName] ?? 0) + 1;
      const target = event.command[event.commandName];
      const collection = typeof target === 'string' ? target : (event.command.collection ?? '');
      started.set(event.requestId, { bucket, key: `${event.commandName} ${collection}`.trim() });
    });
    const finished = (event) => {
      const entry = started.get(event.requestId);
      if (!entry) return;
      started.delete(event.requestId);
      const ms = entry.bucket.ms ?? (entry.bucket.ms = {});
      ms[entry.key] = (ms[entry.key] ?? 0) + event.duration;
    };
    client.on('commandSucceeded', finished);
    client.on('commandFailed', finished);
  }

  /** Starts a unit of work named `label`; commands sent from its async context count to it. */
  begin(label) {
    return { label, commands: 0, byName: {} };
  }

  record(unit) {
    this.units.push(unit);
    if (this.units.length > 10_000) this.units.shift();
  }

  /** Runs the async `fn` as one unit of work; the unit is recorded when it settles. */
  async run(label, fn) {
    const unit = this.begin(label);
    this.inFlight += 1;
    try {
      return await (this.attributing ? this.storage.run(unit, fn) : fn());
    } finally {
      this.inFlight -= 1;
      this.record(unit);
    }
  }

  reset() {
    this.units = [];
    this.background = { commands: 0, byName: {} };
    this.since = Date.now();
  }

  snapshot() {
    return { units: this.units, background: this.background, seconds: (Date.now() - this.since) / 1000, inFlight: this.inFlight };
  }
}

/**
 * Wraps an http.Server's request listeners so each POST is one unit of work, recorded
 * when its response finishes.
 */
function countPerRequest(server, counter, label) {
  const listeners = server.listeners('request');
  server.removeAllListeners('request');
  server.on('request', (req, res) => {
    const dispatch = () => {
      for (const listener of listeners) listener.call(server, req, res);
    };
    if (req.method !== 'POST') return dispatch();
    // A unit ends when its response is sent, not when the synchronous listener returns.
    const unit = counter.begin(label);
    counter.inFlight += 1;
    res.once('close', () => {
      counter.inFlight -= 1;
      counter.record(unit);
    });
    if (counter.attributing) counter.storage.run(unit, dispatch);
    else dispatch();
  });
}

module.exports = { CommandCounter, countPerRequest, DRIVER_COMMANDS };
