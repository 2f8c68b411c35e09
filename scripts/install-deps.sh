#!/usr/bin/env bash
# Installs the Debian packages storyline needs to build, test and run.
# Idempotent: installs only what is missing; uses sudo when not root.
# Also installs the browser tests' npm packages (playwright-core) into tests/browser/node_modules;
# the browser itself is Debian's chromium (never `npx playwright install`).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

packages=(
  build-essential cmake ninja-build pkg-config git
  libicu-dev libstemmer-dev libcld2-dev libuchardet-dev
  libsqlite3-dev sqlite3 libsimdjson-dev libxxhash-dev libcpp-httplib-dev
  libfmt-dev libcli11-dev
  libxml2-dev libdeflate-dev libpugixml-dev zlib1g-dev
  wngerman iso-codes libgweather-4-common python3-fake-factory
  libgtest-dev libgmock-dev libbenchmark-dev
  python3-numpy python3-scipy  # bench/cluster_ceiling.py only
  chromium
)
# node and npm for the browser tests: Debian's, unless some node (e.g. NodeSource's, which
# bundles npm) is already there.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
else
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The browser tests' node packages, pinned by package-lock.json.
browser="$root/tests/browser"
if [ -d "$browser/node_modules/playwright-core" ]; then
  echo "install-deps: tests/browser/node_modules present"
else
  echo "install-deps: npm packages in tests/browser"
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  if [ -f "$browser/package-lock.json" ]; then
    (cd "$browser" && npm ci --no-audit --no-fund)
  else
    (cd "$browser" && npm install --no-audit --no-fund)
  fi
fi
