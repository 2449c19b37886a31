#!/bin/sh
# Copies what a runtime image needs from a built workspace into $1: the root manifest and lock
# file, every workspace's package.json (npm ci checks them against the lock file) with its built
# dist/, the contracts package (plain JS, SDL, event schemas, the supergraph) and the operator
# tools. The Dockerfile's build stage and test/deploy/image-start.test.ts both run it.
set -eu
out=$1
mkdir -p "$out"
cp package.json package-lock.json "$out/"
for ws in apps/* packages/* services/* gateway; do
  mkdir -p "$out/$ws"
  cp "$ws/package.json" "$out/$ws/"
  if [ -d "$ws/dist" ]; then cp -r "$ws/dist" "$out/$ws/"; fi
done
cp -r schemas tools "$out/"
rm -rf "$out/schemas/test" "$out/schemas/node_modules" "$out/tools/events/test" "$out/tools/capacity/test"
