#!/usr/bin/env bash
# Build the image with the Dockerfile as written and wait for its health check (Docker or Podman).
# Usage: bash tools/container_check.sh   (no CI needed; prints the image size and the health answer)
set -euo pipefail
cd "$(dirname "$0")/.."
ENGINE=${ENGINE:-$(command -v docker || command -v podman)}
TAG=scwc-check
"$ENGINE" build -t "$TAG" .
echo "image size: $("$ENGINE" image inspect "$TAG" --format '{{.Size}}' | awk '{printf "%.0f MB", $1/1e6}')"
ID=$("$ENGINE" run -d -p 127.0.0.1::8501 "$TAG")
trap '"$ENGINE" rm -f "$ID" >/dev/null' EXIT
PORT=$("$ENGINE" port "$ID" 8501 | head -1 | sed 's/.*://')
for _ in $(seq 60); do
  if curl -fs "http://127.0.0.1:$PORT/_stcore/health" | grep -q ok; then echo "health: ok on port $PORT"; exit 0; fi
  sleep 2
done
echo "health: no answer in 120 s"; "$ENGINE" logs "$ID" | tail -20; exit 1
