#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine (none runs in CI): Debian's docker-compose (1.29)
# parses, interpolates and schema-checks a compose file offline, where `docker compose` needs the engine.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v docker-compose >/dev/null 2>&1; then
  echo "docker-compose not on PATH: installing Debian's package" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # Without recommends: those would pull in the Docker engine, which validation does not need.
  apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
fi

# `config -q` prints nothing when the file is valid. Its warnings (e.g. an unset variable silently
# interpolated as empty) exit 0, so they are made to fail here too.
if ! warnings=$(docker-compose -f docker-compose.yml config -q 2>&1); then
  printf '%s\n' "$warnings" >&2
  echo "docker-compose.yml is invalid" >&2
  exit 1
fi
if [[ -n "$warnings" ]]; then
  printf '%s\n' "$warnings" >&2
  echo "docker-compose.yml: warnings above" >&2
  exit 1
fi
echo "docker-compose.yml is valid ($(docker-compose version --short))"
