#!/usr/bin/env bash
# CPU time per host-page request of two app processes, each with its own environment (docs/benchmarks.md item 6).
# Throughput on a shared 2-core machine swings by ±8 % between two processes of the same setting; the CPU each process
# spends per request it served does not, because both take the same alternating wrk slices under the same load.
#
#   tests/HybridSpa.Benchmarks/cpu-per-request.sh "OTEL_SDK_DISABLED=false" "OTEL_SDK_DISABLED=true"   # on vs off
#   ROUNDS=5 WARM=5 SECONDS_PER_SLICE=5 PAGE=/ tests/HybridSpa.Benchmarks/cpu-per-request.sh "<env A>" "<env B>"
#   DLL_A=<a copy of another build's bin/Release/net10.0 inside this repository>/HybridSpa.Benchmarks.dll …   # build vs build
#
# Both processes run `throughput --hold` of the Release build (dotnet build tests/HybridSpa.Benchmarks -c Release): each
# starts its own deployment and signs in. Both get item 6's "on" setting (OTLP/HTTP every second to a sink here that
# answers 200, the Prometheus endpoint enabled), then their own variables on top. Needs wrk and python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
[[ $# -eq 2 ]] || { echo "usage: $0 \"<env A>\" \"<env B>\"" >&2; exit 2; }
dll=tests/HybridSpa.Benchmarks/bin/Release/net10.0/HybridSpa.Benchmarks.dll
[[ -f $dll ]] || { echo "build first: dotnet build tests/HybridSpa.Benchmarks -c Release" >&2; exit 2; }
work=$(mktemp -d)
pids=()
cleanup() {
  rm -f "$work"/*.hold
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# An OTLP/HTTP sink on a loopback port the kernel picks; it answers every export at once and keeps nothing.
python3 - "$work/sink.port" <<'EOF' &
import http.server, sys
class Sink(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get('Content-Length', 0)))
        self.send_response(200); self.send_header('Content-Type', 'application/x-protobuf'); self.send_header('Content-Length', '0'); self.end_headers()
    def log_message(self, *args): pass
server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Sink)
open(sys.argv[1], 'w').write(str(server.server_address[1]))
server.serve_forever()
EOF
pids+=($!)
until [[ -s $work/sink.port ]]; do sleep 0.2; done

export OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$(cat "$work/sink.port")" OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf \
  OTEL_BSP_SCHEDULE_DELAY=1000 OTEL_BLRP_SCHEDULE_DELAY=1000 OTEL_METRIC_EXPORT_INTERVAL=1000 Telemetry__Prometheus__Enabled=true
# shellcheck disable=SC2086 # each argument is a list of NAME=value words
env $1 dotnet "${DLL_A:-$dll}" throughput --hold "$work/A.hold" > "$work/A.log" 2>&1 & pids+=($!); pid_a=$!
# shellcheck disable=SC2086
env $2 dotnet "${DLL_B:-$dll}" throughput --hold "$work/B.hold" > "$work/B.log" 2>&1 & pids+=($!); pid_b=$!
for _ in $(seq 1 600); do [[ -s $work/A.hold && -s $work/B.hold ]] && break; sleep 1; done
[[ -s $work/A.hold && -s $work/B.hold ]] || { echo "the app processes did not sign in; see their output:" >&2; cat "$work"/*.log >&2; exit 1; }

tick_us=$((1000000 / $(getconf CLK_TCK)))
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# One wrk slice against one process: prints "label requests cpu_us".
slice() {
  local pid=$1 hold=$2 label=$3 origin cookie before requests
  origin=$(sed -n 1p "$hold"); cookie=$(sed -n 2p "$hold")
  before=$(cpu_ticks "$pid")
  requests=$(wrk -t2 -c32 -d"${SECONDS_PER_SLICE:-5}s" -H "Cookie: $cookie" "${origin%/}${PAGE:-/}" | awk '/requests in/ { print $1 }')
  echo "$label $requests $(( ($(cpu_ticks "$pid") - before) * tick_us ))"
}
for _ in $(seq 1 "${WARM:-5}"); do slice $pid_a "$work/A.hold" A > /dev/null; slice $pid_b "$work/B.hold" B > /dev/null; done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "${ROUNDS:-5}"); do
  slice $pid_a "$work/A.hold" A; slice $pid_b "$work/B.hold" B
done | tee "$work/slices" | awk '{ printf "  round slice %s: %d requests, %.1f us CPU per request\n", $1, $2, $3 / $2 }'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
# Each round's A / B, then their median, then the totals (CPU over all counted slices / requests over them).
awk '$1 == "A" { r = $3 / $2 } $1 == "B" { printf "%.3f\n", r / ($3 / $2) }' "$work/slices" > "$work/ratios"
echo "A / B by round: $(tr '\n' ' ' < "$work/ratios")(median $(sort -n "$work/ratios" | awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'))"
awk -v a="$1" -v b="$2" '
  { cpu[$1] += $3; n[$1] += $2 }
  END {
    printf "A (%s): %.1f us CPU per request over %d requests\n", a, cpu["A"] / n["A"], n["A"]
    printf "B (%s): %.1f us CPU per request over %d requests\n", b, cpu["B"] / n["B"], n["B"]
    printf "A / B = %.3f\n", (cpu["A"] / n["A"]) / (cpu["B"] / n["B"])
  }' "$work/slices"
