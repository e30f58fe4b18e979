#!/usr/bin/env bash
# The step-result cache on demo flows with realistic repetition (issue 8):
#   - catalog-lookup: product details (TTL 10 min) and a regional price (TTL 1 min) for 120
#     orders over 25 SKUs, the popular ones asked for far more often (Zipf-like);
#   - fx-convert: an exchange rate (TTL 5 min) for 60 conversions over 6 currency pairs.
# Starts the local stack, a deterministic downstream (downstream.py) and `mc serve --dev`, runs
# the flows, then prints each flow's hit ratio and how many downstream calls the cache saved.
# Usage: samples/cache-demo/run.sh   (from anywhere; builds mc if needed)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"
mc="${MAESTRO_MC_BIN:-}"
if [ -z "$mc" ]; then swift build --product mc >&2; mc="$(swift build --show-bin-path)/mc"; fi
ops/dev/stack up >&2
eval "$(ops/dev/stack env)"
work="$(mktemp -d)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

downstream_port="$(free_port)"
python3 "$here/downstream.py" "$downstream_port" &
downstream=$!
MAESTRO_ENV_DEMO_CATALOG="http://127.0.0.1:$downstream_port" "$mc" serve --dev --port 0 --worker-concurrency 16 >"$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" "$downstream" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
base=""
for _ in $(seq 1 150); do
  base="$(sed -n 's/^Maestro Composer listening on \(http[^ ]*\)$/\1/p' "$work/serve.log")"
  [ -n "$base" ] && break
  sleep 0.2
done
[ -n "$base" ] || { cat "$work/serve.log" >&2; echo "the server did not start" >&2; exit 1; }

tenant="cache-demo-$(date +%s)"
export MAESTRO_SERVER="$base" MAESTRO_TOKEN="$("$mc" token --tenant "$tenant" --roles admin)"
api() { curl -sf -H "Authorization: Bearer $MAESTRO_TOKEN" -H 'Content-Type: application/json' "$@"; }
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

catalog="$(api "$base/api/workflows" -d "{\"name\": \"catalog-lookup\", \"definition\": $(cat "$here/catalog.json")}")"
fx="$(api "$base/api/workflows" -d "{\"name\": \"fx-convert\", \"definition\": $(cat "$here/exchange-rates.json")}")"
catalog_id="$(echo "$catalog" | field "d['workflow']['id']")"; catalog_version="$(echo "$catalog" | field "d['version']['id']")"
fx_id="$(echo "$fx" | field "d['workflow']['id']")"; fx_version="$(echo "$fx" | field "d['version']['id']")"

# The demand: seeded, so every run of the demo asks for the same things.
python3 - "$work" <<'PY'
import random, sys
rng = random.Random(8)
skus = [f"sku-{i:02d}" for i in range(25)]
weights = [1 / (rank + 1) for rank in range(len(skus))]
with open(sys.argv[1] + "/catalog.txt", "w") as out:
    for _ in range(120):
        out.write(f"{rng.choices(skus, weights)[0]} {rng.choice(['eu', 'eu', 'us'])}\n")
pairs = [("EUR", "USD"), ("USD", "EUR"), ("EUR", "GBP"), ("GBP", "EUR"), ("USD", "JPY"), ("EUR", "CHF")]
with open(sys.argv[1] + "/fx.txt", "w") as out:
    for _ in range(60):
        a, b = rng.choices(pairs, [6, 5, 3, 2, 1, 1])[0]
        out.write(f"{a} {b}\n")
PY
echo "Running 120 catalog lookups and 60 conversions..." >&2
while read -r sku region; do
  api "$base/api/workflows/$catalog_id/versions/1.0.0/execute" -d "{\"input\": {\"sku\": \"$sku\", \"region\": \"$region\"}}" >/dev/null
done <"$work/catalog.txt"
while read -r from to; do
  api "$base/api/workflows/$fx_id/versions/1.0.0/execute" -d "{\"input\": {\"from\": \"$from\", \"to\": \"$to\"}}" >/dev/null
done <"$work/fx.txt"

# Wait until every cached step has been looked up: 2 per catalog lookup, 1 per conversion.
for _ in $(seq 1 300); do
  done_lookups="$(api "$base/api/analytics/cache-metrics" | field "d['hits'] + d['misses']")"
  [ "$done_lookups" -ge 300 ] && break
  sleep 0.2
done
calls="$(curl -sf "http://127.0.0.1:$downstream_port/stats" | field "d['total']")"
report() {
  api "$base/api/analytics/cache-metrics?workflowVersionId=$2" | field "'%-16s hits %4d  misses %4d  hit ratio %5.1f%%' % ('$1', d['hits'], d['misses'], 100 * d['hitRatio'])"
}
echo
report catalog-lookup "$catalog_version"
report fx-convert "$fx_version"
api "$base/api/analytics/cache-metrics" | field "'%-16s hits %4d  misses %4d  hit ratio %5.1f%%' % ('all flows', d['hits'], d['misses'], 100 * d['hitRatio'])"
echo "downstream calls: $calls for $done_lookups cached-step lookups ($((done_lookups - calls)) saved)"
