#!/usr/bin/env bash
# Installs the Debian packages storyline needs to build, test and run.
# Idempotent: installs only what is missing; uses sudo when not root.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libicu-dev libstemmer-dev libcld2-dev libuchardet-dev
  libsqlite3-dev sqlite3 libsimdjson-dev libxxhash-dev libcpp-httplib-dev
  libfmt-dev libcli11-dev
  libgumbo-dev libpugixml-dev zlib1g-dev
  wngerman iso-codes
  libgtest-dev libgmock-dev libbenchmark-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
