#!/usr/bin/env python3
"""A Sanshe partner consumer: reads public event topics with SASL/SCRAM, validates every record
against the JSON Schemas in schemas/events, and processes each event exactly once by keeping the
ids it has processed in its own SQLite store.

Kafka delivers at least once: after a crash or a rebalance a record can come again. The effect
and the processed id are written in one SQLite transaction, and the offset is committed only
after it, so a record seen twice changes nothing the second time.

    pip install -r requirements.txt
    export SANSHE_KAFKA_USERNAME=partner-acme SANSHE_KAFKA_PASSWORD=...   # from `npm run -s partner -- add acme`
    python consumer.py --group partner.acme.events sanshe.activities.v1

Each processed event is printed as one JSON line; the last line is a summary.
"""
import argparse
import json
import os
import sqlite3
import sys
import time
from pathlib import Path

from confluent_kafka import Consumer, KafkaError
from jsonschema import Draft202012Validator, FormatChecker

ENVELOPE_REQUIRED = ["specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data"]
DEFAULT_SCHEMAS = Path(__file__).resolve().parents[3] / "schemas" / "events"


def load_validators(schema_dir):
    """One validator per CloudEvents type, from every schemas/events/<context>/<event>.json."""
    validators = {}
    for path in sorted(Path(schema_dir).glob("*/*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        validators[schema["x-event-type"]] = Draft202012Validator(schema, format_checker=FormatChecker())
    if not validators:
        sys.exit(f"no event schemas under {schema_dir}")
    return validators


def open_store(path):
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE IF NOT EXISTS processed_events (event_id TEXT PRIMARY KEY, type TEXT NOT NULL, processed_at REAL NOT NULL)")
    db.execute("CREATE TABLE IF NOT EXISTS activity_counts (community_id TEXT PRIMARY KEY, published INTEGER NOT NULL)")
    return db


def check(record_value, validators):
    """(event, None) for a valid event, (None, reason) otherwise."""
    try:
        event = json.loads(record_value)
    except (TypeError, ValueError):
        return None, "not JSON"
    if not isinstance(event, dict) or any(k not in event for k in ENVELOPE_REQUIRED):
        return None, "not a CloudEvent"
    validator = validators.get(event["type"])
    if validator is None:
        return None, f"unknown type {event['type']} (newer than these schemas?)"
    errors = sorted(validator.iter_errors(event["data"]), key=lambda e: list(e.path))
    if errors:
        return None, f"{event['type']} breaks its schema: {errors[0].message}"
    return event, None


def apply(db, event):
    """The example's effect: a count of published activities per community. Same transaction as the id."""
    if event["type"] == "cn.sanshe.activities.activity.published.v1":
        community = event["data"]["communityId"]
        db.execute(
            "INSERT INTO activity_counts (community_id, published) VALUES (?, 1) "
            "ON CONFLICT(community_id) DO UPDATE SET published = published + 1",
            (community,),
        )


def process(db, event):
    """True when processed now, False when this event id was processed before."""
    with db:  # one transaction: the effect happens exactly when the id is recorded
        cur = db.execute("INSERT OR IGNORE INTO processed_events (event_id, type, processed_at) VALUES (?, ?, ?)", (event["id"], event["type"], time.time()))
        if cur.rowcount == 0:
            return False
        apply(db, event)
    return True


def kafka_config(args):
    conf = {
        "bootstrap.servers": args.bootstrap,
        "security.protocol": "SASL_SSL" if args.ca else "SASL_PLAINTEXT",
        "sasl.mechanisms": "SCRAM-SHA-512",
        "sasl.username": os.environ["SANSHE_KAFKA_USERNAME"],
        "sasl.password": os.environ["SANSHE_KAFKA_PASSWORD"],
        "group.id": args.group,
        "auto.offset.reset": "earliest",
        # Offsets are committed by hand, after the event is stored: never before.
        "enable.auto.commit": False,
    }
    if args.ca:
        conf["ssl.ca.location"] = args.ca
    return conf


def main():
    p = argparse.ArgumentParser(description="Sanshe partner consumer (validating, idempotent)")
    p.add_argument("topics", nargs="+", help="public topics, e.g. sanshe.activities.v1")
    p.add_argument("--bootstrap", default=os.environ.get("SANSHE_KAFKA_BOOTSTRAP", "127.0.0.1:9092"))
    p.add_argument("--ca", default=os.environ.get("SANSHE_KAFKA_CA"), help="CA file: connect with SASL_SSL")
    p.add_argument("--group", required=True, help="your consumer group: partner.<name>.<anything>")
    p.add_argument("--store", default="processed.sqlite3", help="SQLite file of processed event ids")
    p.add_argument("--schemas", default=str(DEFAULT_SCHEMAS), help="the schemas/events directory")
    p.add_argument("--idle-seconds", type=float, default=0, help="stop after this long without records (0: run forever)")
    args = p.parse_args()

    validators = load_validators(args.schemas)
    db = open_store(args.store)
    consumer = Consumer(kafka_config(args))
    consumer.subscribe(args.topics)
    counts = {"processed": 0, "duplicates": 0, "invalid": 0}
    last_record = time.monotonic()
    try:
        while not args.idle_seconds or time.monotonic() - last_record < args.idle_seconds:
            msg = consumer.poll(1.0)
            if msg is None:
                continue
            if msg.error():
                if msg.error().code() == KafkaError._PARTITION_EOF:
                    continue
                # Authorization and authentication errors are final: say so and stop.
                print(json.dumps({"error": msg.error().name(), "reason": msg.error().str()}), flush=True)
                return 1
            last_record = time.monotonic()
            event, reason = check(msg.value(), validators)
            if event is None:
                counts["invalid"] += 1
                print(json.dumps({"invalid": reason, "topic": msg.topic(), "partition": msg.partition(), "offset": msg.offset()}), file=sys.stderr, flush=True)
            elif process(db, event):
                counts["processed"] += 1
                print(json.dumps({"processed": event["id"], "type": event["type"], "subject": event["subject"]}), flush=True)
            else:
                counts["duplicates"] += 1
            consumer.commit(message=msg, asynchronous=False)
    except KeyboardInterrupt:
        pass
    finally:
        consumer.close()
        db.close()
    print(json.dumps({"summary": counts}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
