#!/usr/bin/env bash
# Load on a running portal with wrk (Debian package `wrk`), 32 connections, 127.0.0.1 only, next to
# the raw index rate measured by PortalLoadBenchmark on the same vectors in the same run.
# Each phase is measured after a warm-up of the same requests (WARM seconds, default 20: the JIT
# of a freshly started server needs that long on 2 cores before latencies settle).
# Usage: [WARM=20] portal-load.sh PORT JDBC_URL DB_USER DB_PASSWORD MODEL_ID MODEL_VERSION [SECONDS]
set -euo pipefail
port=$1; jdbc=$2; user=$3; pass=$4; model=$5; version=$6; secs=${7:-20}; warm=${WARM:-20}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../../.." && pwd)
base="http://127.0.0.1:$port"
cp=$(cat /tmp/appcp.txt)
ids=$(mktemp)
curl -sf "$base/api/search?k=100" | grep -o '"id":[0-9]*' | cut -d: -f2 > "$ids"
for page in 1 2 3 4 5 6 7 8; do
  curl -sf "$base/api/search?k=100&page=$page" | grep -o '"id":[0-9]*' | cut -d: -f2 >> "$ids" || true
done
echo "items for queries: $(wc -l < "$ids"), warm-up ${warm} s per phase"
java --add-modules jdk.incubator.vector -cp "$root/webapp/app/target/test-classes:$root/webapp/app/target/classes:$cp" \
  org.mnemosyne.web.bench.PortalLoadBenchmark "$base/" "$jdbc" "$user" "$pass" "$secs" "$model" "$version" --raw-only 2>&1 | grep -v '^WARNING\|^SLF4J'
echo "== GET /api/search (by item, 5 conditions), 32 connections, ${secs} s"
IDS=$ids wrk -t2 -c32 -d${warm}s -s "$here/search.lua" "$base" > /dev/null
IDS=$ids wrk -t2 -c32 -d${secs}s -s "$here/search.lua" "$base" | tail -2
q=$(sed -n 1p "$ids"); t=$(sed -n 2p "$ids")
form="queryItem=$q&targetItem=$t&explainer=kernel-shap&order=FIRST&grid=4&budget=64&seed=5"
until [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -d "$form" "$base/api/explanations")" = 200 ]; do sleep 1; done
echo "== POST /api/explanations (cached), 32 connections, ${secs} s"
FORM=$form wrk -t2 -c32 -d${warm}s -s "$here/explain.lua" "$base" > /dev/null
FORM=$form wrk -t2 -c32 -d${secs}s -s "$here/explain.lua" "$base" | tail -2
# the page last: it saturates the server, and requests wrk gave up on are still served after
echo "== GET index.xhtml (search page with 24 results), 32 connections, ${secs} s"
IDS=$ids WRK_PATH='index.xhtml?item=%s&c=%s' wrk -t2 -c32 -d${warm}s -s "$here/search.lua" "$base" > /dev/null
IDS=$ids WRK_PATH='index.xhtml?item=%s&c=%s' wrk -t2 -c32 -d${secs}s -s "$here/search.lua" "$base" | tail -2
rm -f "$ids"
