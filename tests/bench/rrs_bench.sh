#!/usr/bin/env bash
# rrs_bench: single-row request-response scoring on azml-host, timed with wrk side by side with
#   (a) the transport's ceiling: GET /health, a route that does nothing, on the same host; and
#       the same route taking exactly the scoring call's request (POST, the same headers and
#       body, which it reads and ignores): the transport's ceiling for that request;
#   (b) the same model served the Python way: gunicorn (2 workers) + Flask + XGBoost's Python
#       package, OMP_NUM_THREADS=1 (tests/bench/rrs_bench_python.py);
# then the tail latency while the service's trained model is swapped 50 times (PATCH) against the
# same load at rest. A benchmark: it prints figures and asserts nothing about them.
#
# The four loads take turns in RRS_BENCH_ROUNDS rounds of RRS_BENCH_SECONDS / rounds each, so a
# change in the machine's other load (these machines are shared) falls on all of them alike:
# requests/s is the mean over the rounds, p50 and p99 the median of the rounds', and each ratio
# is also given per round (lowest .. highest).
#
#   tests/bench/rrs_bench.sh [BUILD_DIR]      BUILD_DIR holds native/azml-host and native/azml-train
#                                             (default: $AZML_BUILD_DIR, else ./build)
#   RRS_BENCH_SECONDS (10)  RRS_BENCH_ROUNDS (5)  RRS_BENCH_CONNECTIONS (16)
#   RRS_BENCH_THREADS (wrk threads, 2)
#
# Installs wrk, gunicorn, python3-flask and python3-xgboost with apt-get when they are missing.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build_dir="${1:-${AZML_BUILD_DIR:-$repo/build}}"
seconds="${RRS_BENCH_SECONDS:-10}"
rounds="${RRS_BENCH_ROUNDS:-5}"
connections="${RRS_BENCH_CONNECTIONS:-16}"
wrk_threads="${RRS_BENCH_THREADS:-2}"
swaps=50
# Debian's python3, which the Debian packages below install into (a pyenv shim may shadow it).
py=/usr/bin/python3

host_exe="$build_dir/native/azml-host"
train_exe="$build_dir/native/azml-train"
for exe in "$host_exe" "$train_exe"; do
  [[ -x $exe ]] || { echo "rrs_bench: $exe is missing; build azml-host and azml-train first" >&2; exit 2; }
done

if [[ -n ${RRS_BENCH_BUILD_TYPE:-} && ${RRS_BENCH_BUILD_TYPE} != Release && ${RRS_BENCH_BUILD_TYPE} != RelWithDebInfo ]]; then
  echo "rrs_bench: note: $build_dir is a ${RRS_BENCH_BUILD_TYPE} build; its figures say little about a Release one"
fi

packages=(wrk gunicorn python3-flask python3-xgboost)
if ! dpkg -s "${packages[@]}" >/dev/null 2>&1; then
  echo "== installing ${packages[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
fi

work="$(mktemp -d -t azml-rrs-bench.XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { "$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
json_field() { "$py" -c 'import json, sys; v = json.load(sys.stdin)
for k in sys.argv[1:]: v = v[int(k)] if isinstance(v, list) else v[k]
print(v)' "$@"; }
wait_for_http() {  # url: until it answers at all, for at most 10 s
  for _ in $(seq 1 100); do curl -s -o /dev/null "$1" && return 0; sleep 0.1; done
  echo "rrs_bench: nothing answers at $1" >&2; exit 1
}

echo "== training the models (breast cancer: a boosted decision tree, a logistic regression)"
mkdir -p "$work/models"
"$train_exe" --data "$repo/tests/data/breast_cancer.csv" --label diagnosis \
  --learner "Two-Class Boosted Decision Tree" --output "$work/models/tree.ilearner" >/dev/null
"$train_exe" --data "$repo/tests/data/breast_cancer.csv" --label diagnosis \
  --learner "Two-Class Logistic Regression" --output "$work/models/logistic.ilearner" >/dev/null

model_port="$(free_port)"
"$py" -m http.server "$model_port" --bind 127.0.0.1 --directory "$work/models" >"$work/models.log" 2>&1 &
pids+=($!)
models="http://127.0.0.1:$model_port"
wait_for_http "$models/"

echo "== starting azml-host"
"$host_exe" --data-dir "$work/host" --log-level warn >"$work/host.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do [[ -f $work/host/host.json ]] && break; sleep 0.1; done
[[ -f $work/host/host.json ]] || { echo "rrs_bench: azml-host did not start" >&2; cat "$work/host.log" >&2; exit 1; }
endpoint="$(json_field endpoint <"$work/host/host.json")"
subscription="$(json_field subscriptionId <"$work/host/host.json")"
admin_token="$(cat "$work/host/admin-token")"
key="rrs-bench-primary-key"
service_path="/subscriptions/$subscription/resourceGroups/bench/providers/Microsoft.MachineLearning/webServices/scorer?api-version=2017-01-01"

# The shipped predictive service, its model at the model server, room for every connection.
definition_for() {  # model file name -> PUT body
  "$py" - "$repo/module/Examples/breast-cancer/predictive-service.json" "$models/$1" "$key" <<'PY'
import json, sys
service = json.load(open(sys.argv[1]))
properties = service["properties"]
properties["assets"]["asset1"]["locationInfo"]["uri"] = sys.argv[2]
properties["keys"] = {"primary": sys.argv[3], "secondary": sys.argv[3] + "-2"}
properties["realtimeConfiguration"]["maxConcurrentCalls"] = 200
print(json.dumps(service))
PY
}
patch_for() {  # model file name -> PATCH body (assets are replaced whole)
  definition_for "$1" | "$py" -c 'import json, sys; print(json.dumps({"properties": {"assets": json.load(sys.stdin)["properties"]["assets"]}}))'
}
definition_for tree.ilearner >"$work/put.json"
patch_for logistic.ilearner >"$work/patch-logistic.json"
patch_for tree.ilearner >"$work/patch-tree.json"

created="$(curl -s -X PUT -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' \
  --data-binary @"$work/put.json" "$endpoint$service_path")"
state="$(json_field properties provisioningState <<<"$created")"
[[ $state == Succeeded ]] || { echo "rrs_bench: the service did not provision: $created" >&2; exit 1; }
swagger="$(json_field properties swaggerLocation <<<"$created")"
execute_url="${swagger%/swagger.json}/execute?api-version=2.0"

# One row of the data set, without its label, in the table form.
"$py" - "$repo/tests/data/breast_cancer.csv" >"$work/row.json" <<'PY'
import csv, json, sys
rows = csv.reader(open(sys.argv[1]))
names = next(rows)
row = next(rows)
label = names.index("diagnosis")
names = [n for i, n in enumerate(names) if i != label]
values = [float(v) for i, v in enumerate(row) if i != label]
print(json.dumps({"Inputs": {"input1": {"ColumnNames": names, "Values": [values]}}, "GlobalParameters": {}}))
PY
"$py" - "$work/row.json" "$key" >"$work/post.lua" <<'PY'
import json, sys
body = open(sys.argv[1]).read().strip()
print('wrk.method = "POST"')
print("wrk.body = " + json.dumps(body))
print('wrk.headers["Content-Type"] = "application/json"')
print('wrk.headers["Authorization"] = "Bearer ' + sys.argv[2] + '"')
PY
check="$(curl -s -X POST -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
  --data-binary @"$work/row.json" "$execute_url")"
echo "   azml-host answers:   $check"

echo "== starting the Python service (gunicorn, 2 workers, Flask, XGBoost $("$py" -c 'import xgboost; print(xgboost.__version__)'))"
python_port="$(free_port)"
(cd "$repo/tests/bench" && OMP_NUM_THREADS=1 AZML_BENCH_MODEL="$work/models/tree.ilearner" AZML_BENCH_KEY="$key" \
  exec "$py" -m gunicorn --workers 2 --bind "127.0.0.1:$python_port" --log-level warning rrs_bench_python:app \
  >"$work/gunicorn.log" 2>&1) &
pids+=($!)
python_url="http://127.0.0.1:$python_port/execute"
wait_for_http "http://127.0.0.1:$python_port/"
check="$(curl -s -X POST -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
  --data-binary @"$work/row.json" "$python_url")"
echo "   Python answers:      $check"

# wrk's report -> "requests/s p50 p99 failed" (failed: non-2xx responses plus socket errors).
run_wrk() {  # name duration url [script]
  local name=$1 duration=$2 url=$3 script=${4:-}
  local args=(-t "$wrk_threads" -c "$connections" -d "${duration}s" --latency)
  [[ -n $script ]] && args+=(-s "$script")
  wrk "${args[@]}" "$url" >"$work/wrk-$name.txt" 2>&1
  "$py" - "$work/wrk-$name.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def latency(percent):
    m = re.search(r"^\s*%s%%\s+([\d.]+)(us|ms|s)\s*$" % percent, text, re.M)
    if not m:
        return float("nan")
    return float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]
rate = re.search(r"Requests/sec:\s+([\d.]+)", text)
failed = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses:\s+(\d+)", text))
socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
if socket:
    failed += int(socket.group(1)) + int(socket.group(3)) + int(socket.group(4))
print("%s %.3f %.3f %d" % (rate.group(1) if rate else "nan", latency(50), latency(99), failed))
PY
}

echo "== warming up"
run_wrk warm-health 2 "$endpoint/health" >/dev/null
run_wrk warm-noop 2 "$endpoint/health" "$work/post.lua" >/dev/null
run_wrk warm-azml 2 "$execute_url" "$work/post.lua" >/dev/null
run_wrk warm-python 2 "$python_url" "$work/post.lua" >/dev/null

slice="$("$py" -c "print(max(1, round($seconds / $rounds)))")"
echo "== measuring: $rounds rounds of $slice s each, $connections connections, $wrk_threads wrk threads, $(nproc) cores"
for round in $(seq 1 "$rounds"); do
  run_wrk "health-$round" "$slice" "$endpoint/health" >>"$work/rounds-health.txt"
  run_wrk "noop-$round" "$slice" "$endpoint/health" "$work/post.lua" >>"$work/rounds-noop.txt"
  run_wrk "azml-$round" "$slice" "$execute_url" "$work/post.lua" >>"$work/rounds-azml.txt"
  run_wrk "python-$round" "$slice" "$python_url" "$work/post.lua" >>"$work/rounds-python.txt"
done
summary() {  # name -> "requests/s p50 p99 failed" over its rounds
  "$py" - "$work/rounds-$1.txt" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
rates = [float(r[0]) for r in rows]
print("%.3f %.3f %.3f %d" % (statistics.mean(rates), statistics.median(float(r[1]) for r in rows),
                             statistics.median(float(r[2]) for r in rows), sum(int(r[3]) for r in rows)))
PY
}
per_round() {  # numerator denominator -> "lowest .. highest" of their ratio over the rounds
  "$py" - "$work/rounds-$1.txt" "$work/rounds-$2.txt" <<'PY'
import sys
a = [float(l.split()[0]) for l in open(sys.argv[1]) if l.strip()]
b = [float(l.split()[0]) for l in open(sys.argv[2]) if l.strip()]
r = [x / y for x, y in zip(a, b)]
print("%.2f .. %.2f" % (min(r), max(r)))
PY
}
read -r health_rate health_p50 health_p99 health_failed < <(summary health)
read -r noop_rate noop_p50 noop_p99 noop_failed < <(summary noop)
read -r azml_rate azml_p50 azml_p99 azml_failed < <(summary azml)
read -r python_rate python_p50 python_p99 python_failed < <(summary python)

# At rest and then with swaps: two runs of the same length, back to back, for the tail latencies.
read -r rest_rate rest_p50 rest_p99 rest_failed < <(run_wrk rest "$seconds" "$execute_url" "$work/post.lua")
# The same load as azml's run, with the model swapped $swaps times (alternating) spread over it.
swap_log="$work/swaps.txt"
: >"$swap_log"
(
  interval="$("$py" -c "print($seconds * 0.8 / $swaps)")"
  sleep 0.5
  for i in $(seq 1 "$swaps"); do
    body="$work/patch-logistic.json"
    (( i % 2 == 0 )) && body="$work/patch-tree.json"
    start=$(date +%s%N)
    answer="$(curl -s -X PATCH -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' \
      --data-binary @"$body" "$endpoint$service_path")"
    end=$(date +%s%N)
    echo "$(json_field properties provisioningState <<<"$answer") $(( (end - start) / 1000000 ))" >>"$swap_log"
    sleep "$interval"
  done
) &
swapper=$!
read -r swap_rate swap_p50 swap_p99 swap_failed < <(run_wrk swaps "$seconds" "$execute_url" "$work/post.lua")
wait "$swapper"
swaps_done="$(wc -l <"$swap_log")"
swaps_succeeded="$(grep -c '^Succeeded ' "$swap_log" || true)"
swap_ms_median="$(awk '{print $2}' "$swap_log" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"

printf '\n%-44s %12s %10s %10s %8s\n' "single-row scoring, $connections connections" "requests/s" "p50 ms" "p99 ms" "failed"
printf '%-44s %12.0f %10.3f %10.3f %8d\n' "(a) azml-host GET /health (ceiling)" "$health_rate" "$health_p50" "$health_p99" "$health_failed"
printf '%-44s %12.0f %10.3f %10.3f %8d\n' "(a) azml-host POST /health, the RRS request" "$noop_rate" "$noop_p50" "$noop_p99" "$noop_failed"
printf '%-44s %12.0f %10.3f %10.3f %8d\n' "azml-host RRS execute" "$azml_rate" "$azml_p50" "$azml_p99" "$azml_failed"
printf '%-44s %12.0f %10.3f %10.3f %8d\n' "(b) gunicorn x2 + Flask + XGBoost (Python)" "$python_rate" "$python_p50" "$python_p99" "$python_failed"
printf '%-44s %12.0f %10.3f %10.3f %8d\n' "azml-host RRS execute at rest, $seconds s" "$rest_rate" "$rest_p50" "$rest_p99" "$rest_failed"
printf '%-44s %12.0f %10.3f %10.3f %8d\n' "azml-host RRS execute during $swaps swaps" "$swap_rate" "$swap_p50" "$swap_p99" "$swap_failed"
"$py" - <<PY
print()
print("azml RRS / ceiling (GET):          %.2f   (target >= 0.7; per round $(per_round azml health))" % ($azml_rate / $health_rate))
print("azml RRS / ceiling (same request): %.2f   (target >= 0.7; per round $(per_round azml noop))" % ($azml_rate / $noop_rate))
print("azml RRS / Python:                 %.1fx  (target >= 5x; per round $(per_round azml python))" % ($azml_rate / $python_rate))
print("p99 during swaps / at rest:        %.2f   (%.3f ms / %.3f ms, %d s each)" % ($swap_p99 / $rest_p99, $swap_p99, $rest_p99, $seconds))
PY
echo "swaps: $swaps_done done, $swaps_succeeded Succeeded, median PATCH ${swap_ms_median} ms"
