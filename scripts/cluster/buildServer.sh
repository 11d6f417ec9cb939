#!/usr/bin/env bash
# Builds the Temporal server and its SQL schema tool from their Go module, at the pinned version, into
# .tools/temporal-server-<version>/ (ignored; rebuilt only when the pin changes). The module's own config/ and
# schema/ folders come from the Go module cache, where `go install` leaves the source.
set -euo pipefail
cd "$(dirname "$0")/../.."

version="${TEMPORAL_SERVER_VERSION:-v1.32.2}"
# The server's go.mod asks for a newer Go than Debian's; the module proxy serves that toolchain.
export GOTOOLCHAIN="${GOTOOLCHAIN:-go1.27.3}"
export GOFLAGS="${GOFLAGS:--mod=mod}"
out=".tools/temporal-server-${version}"

if [ -x "$out/bin/temporal-server" ] && [ -x "$out/bin/temporal-sql-tool" ] && [ -d "$out/schema" ]; then
  echo "temporal server ${version}: $out (built)"
  exit 0
fi
mkdir -p "$out/bin"
echo "building the Temporal server ${version} from go.temporal.io/server (a few minutes the first time)…"
GOBIN="$PWD/$out/bin" go install "go.temporal.io/server/cmd/server@${version}"
GOBIN="$PWD/$out/bin" go install "go.temporal.io/server/cmd/tools/sql@${version}"
mv "$out/bin/server" "$out/bin/temporal-server"
mv "$out/bin/sql" "$out/bin/temporal-sql-tool"
src="$(go env GOMODCACHE)/go.temporal.io/server@${version}"
rm -rf "$out/schema" "$out/config"
cp -r "$src/schema" "$out/schema"
cp -r "$src/config" "$out/config"
chmod -R u+w "$out/schema" "$out/config"
echo "temporal server ${version}: $out"
