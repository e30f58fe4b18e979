# Shared by the load benchmarks (source it): a private stack on its own ports (.data/bench), a
# release build of mc, a fresh database, `mc serve --no-workers`, optionally `mc worker`, and a
# token. After `bench_start NAME WORKERS`: $mc, $url, $token, $database, $work are set, and
# everything stops on exit.
bench_start() {
  local name="$1" workers="$2"
  ops/dev/install-packages
  if ! command -v wrk >/dev/null 2>&1; then
    local sudo=""; [ "$(id -u)" != 0 ] && sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >/dev/null
  fi
  export MAESTRO_DATA_DIR="$repo/.data/bench" MAESTRO_PG_PORT=54349 MAESTRO_REDIS_PORT=63819
  ops/dev/stack up
  work="$(mktemp -d)"
  bench_pids=()
  trap 'for pid in "${bench_pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; ops/dev/stack down; rm -rf "$work"' EXIT
  eval "$(ops/dev/stack env)"
  swift build -c release --product mc
  mc="$(swift build -c release --show-bin-path)/mc"
  database="${MAESTRO_DATABASE_URL%/*}/$name"
  psql "$MAESTRO_DATABASE_URL" -qc "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >/dev/null 2>&1
  export MAESTRO_JWT_SECRET="bench-$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')" LOG_LEVEL=warning
  "$mc" serve --port 0 --no-workers --database-url "$database" --database-pool-size 20 >"$work/serve.log" 2>&1 &
  bench_pids+=($!)
  url=""
  for _ in $(seq 1 150); do
    url="$(sed -n 's/^Maestro Composer listening on \(http[^ ]*\)$/\1/p' "$work/serve.log")"
    [ -n "$url" ] && break
    sleep 0.2
  done
  [ -n "$url" ] || { cat "$work/serve.log" >&2; exit 1; }
  if [ "$workers" -gt 0 ]; then
    "$mc" worker --database-url "$database" --worker-concurrency "$workers" --database-pool-size 30 >"$work/worker.log" 2>&1 &
    bench_pids+=($!)
  fi
  token="$("$mc" token --tenant bench --roles designer,operator)"
  # The benchmark tenant gets the enterprise tier, so admission budgets do not cap the load.
  psql "$database" -qc "INSERT INTO tenants (id, name, tier) VALUES ('bench', 'bench', 'enterprise') ON CONFLICT (id) DO UPDATE SET tier = 'enterprise'" >/dev/null
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; Postgres, Redis, the server, $workers workers and wrk share it"
}

# Creates workflow NAME from a definition document; prints its id (the answer's first id: the
# workflow's, which comes before its version's and any pinned child's).
bench_create_workflow() {
  local name="$1" definition="$2"
  curl -sf -X POST "$url/api/workflows" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"name\": \"$name\", \"definition\": $definition}" | grep -o '"id":"[0-9a-f-]\{36\}"' | head -1 | cut -d'"' -f4
}

# Runs wrk against PATH at RATE requests/s (constant arrival rate, see paced-post.lua) for SECONDS
# with CONNECTIONS connections.
bench_wrk() {
  local path="$1" rate="$2" seconds="$3" connections="$4"
  echo "wrk: $connections connections, ${seconds} s, constant arrival rate ${rate}/s"
  BENCH_PATH="$path" BENCH_TOKEN="$token" BENCH_RATE="$rate" BENCH_THREADS=2 \
    wrk -t2 -c"$connections" -d"${seconds}s" -s Benchmarks/paced-post.lua "$url"
}
