#!/usr/bin/env bash
# Installs the Debian packages the tests need (scripts/debian-packages.txt), only those missing.
#   bash scripts/setup-debian.sh [GROUP...]      groups: test (default), audio
# As root it installs them (apt-get, non-interactive) and stops the services Debian starts with
# them (the tests start their own on loopback). As any other user it changes nothing: it stops at
# once and prints the one apt-get line to run. With everything present it prints nothing.
# LOTSE_PACKAGES names another package list (tests of this script).
set -euo pipefail
cd "$(dirname "$0")/.."
list="${LOTSE_PACKAGES:-scripts/debian-packages.txt}"
groups=("$@")
[ ${#groups[@]} -gt 0 ] || groups=(test)

installed() {
  local check="$1"
  if [[ "$check" == cmd:* ]]; then
    command -v "${check#cmd:}" >/dev/null 2>&1
  else
    compgen -G "$check" >/dev/null
  fi
}

missing=()
while read -r group check package; do
  [[ -z "${group:-}" || "$group" == \#* ]] && continue
  for wanted in "${groups[@]}"; do
    if [ "$group" = "$wanted" ] && ! installed "$check"; then missing+=("$package"); fi
  done
done <"$list"

[ ${#missing[@]} -eq 0 ] && exit 0

line="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  {
    echo "The tests need Debian packages that are missing: ${missing[*]}"
    echo "Install them once as root, then run the command again:"
    echo
    echo "  sudo $line"
    echo
  } >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "The tests need these Debian packages, and this system has no apt-get: ${missing[*]}" >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The Debian packages start their own services; the tests do not use them.
for service in postgresql redis-server nginx speech-dispatcher; do
  service "$service" stop >/dev/null 2>&1 || true
done
