#!/usr/bin/env bash
# Runs every test of the repository, from a fresh clone as from a used one: sets up what the tests need when it is
# missing or stale, then runs `dotnet test Conformance.sln`. Arguments go to `dotnet test` (e.g. --filter); with
# --set-up-only as the only argument it stops after the set-up (.ci/run then runs the test command itself, in view).
# What it cannot set up itself (the .NET SDK; system packages without root) stops it at once with the command to run.
set -euo pipefail
cd "$(dirname "$0")"

# Says what is missing and the one thing to do about it, then ends the run before any test.
stop() {
  echo "test-all.sh: $1" >&2
  echo "test-all.sh: $2, then run ./test-all.sh again." >&2
  exit 2
}

# Debian packages: installed here when running as root, otherwise named for the user to install.
apt_install() {
  local what="$1"; shift
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    stop "$what is missing." "Run: sudo apt-get install $*"
  fi
  echo "test-all.sh: installing $what (apt-get install $*)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

# npm packages pinned by a lock file: installed with `npm ci` when node_modules is missing or was installed from
# another version of the lock file (a stamp of the lock's hash, written after a complete install, tells).
npm_ci() {
  local dir="$1" stamp="$1/node_modules/.package-lock.sha256" want
  want=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return
  fi
  echo "test-all.sh: installing the npm packages of $dir (npm ci)"
  npm ci --prefix "$dir" --no-audit --no-fund
  echo "$want" > "$stamp"
}

command -v dotnet >/dev/null 2>&1 ||
  stop "the .NET SDK (10, see global.json) is not on PATH." "Install it (https://learn.microsoft.com/dotnet/core/install/linux)"

# Node and npm run matrix-js-sdk (the real-client check) and the Allure command line (the rendered report).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  apt_install "Node.js and npm" nodejs npm
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] ||
  stop "Node.js 20 or later is needed (matrix-js-sdk requires it); this is $(node --version)." "Install Node.js 20 or later (https://nodejs.org/en/download)"

# Debian's Chromium: the rendered report is looked at in a real headless browser.
[ -x /usr/bin/chromium ] || apt_install "Chromium (/usr/bin/chromium)" chromium

npm_ci fixtures/RealClient
npm_ci reports

if [ "${1:-}" = "--set-up-only" ]; then
  exit 0
fi

# This run's TRX files only, so whoever counts them (.ci/run) counts this run.
rm -rf TestResults
exec dotnet test Conformance.sln --logger "console;verbosity=normal" --logger "trx;LogFilePrefix=conformance" --results-directory TestResults "$@"
