#!/usr/bin/env bash
# Worklist board render time with N exams today (issue 7: under 300 ms on the server).
# Usage: bench/board.sh [N] [ROUNDS]. Starts the packaged server in demo mode on loopback in a fresh data
# directory, fills the day to N exams, times the board over loopback, stops the server by PID.
set -euo pipefail
cd "$(dirname "$0")/.."
exams=${1:-500}
rounds=${2:-50}
[ -f server/target/hounsfield.jar ] && [ -f bench/target/benchmarks.jar ] || ./mvnw -q -DskipTests package
data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java -jar server/target/hounsfield.jar --hounsfield.demo=true --hounsfield.data-dir="$data" \
  --server.port="$port" --hounsfield.dicom.port=0 --hounsfield.hl7.port=0 > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/actuator/health" | grep -q UP && break
  sleep 1
done
echo "| what | exams | rounds | median ms | p95 ms | max ms |"
echo "| --- | --- | --- | --- | --- | --- |"
java -cp bench/target/benchmarks.jar io.hounsfield.bench.BoardRender "http://127.0.0.1:$port" "$exams" "$rounds"
