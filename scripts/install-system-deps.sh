#!/usr/bin/env bash
# Install the Debian packages the tests start, when missing: Chromium for the browser test,
# DejaVu fonts for the printable maps, Noto CJK so the browser draws the Chinese UN names,
# LibreOffice Writer to regenerate the office-suite PDFs,
# LibreOffice Impress to prove a briefing deck opens, poppler-utils (pdftoppm) to render packs,
# PostgreSQL for the throwaway database cluster the tests start (tests/postgres.py),
# and nginx, the front of `make cluster` and its tests (tests/cluster/).
# Shared by `make test` and .ci/run; does nothing when everything is already there.
set -euo pipefail

declare -A needs=(
  [chromium]=/usr/bin/chromium
  [fonts-dejavu-core]=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
  [fonts-noto-cjk]=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
  [libreoffice-writer]=/usr/lib/libreoffice/program/swriter
  [libreoffice-impress]=/usr/lib/libreoffice/program/simpress
  [poppler-utils]=/usr/bin/pdftoppm
  [postgresql]='/usr/lib/postgresql/*/bin/initdb'
  [nginx]=/usr/sbin/nginx
)
missing=()
for package in "${!needs[@]}"; do
  compgen -G "${needs[$package]}" >/dev/null || missing+=("$package")  # a path or a glob
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || {
    echo "error: the tests need Debian packages ${missing[*]}. Install them as root:" \
      "apt-get install -y ${missing[*]}" >&2
    exit 1
  }
  sudo=sudo
fi
echo "Installing Debian packages the tests need: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
# Debian starts nginx's system service (port 80) when it installs it; the tests and `make cluster`
# start their own nginx on loopback, so a service installed just now for them is switched off.
if [[ " ${missing[*]} " == *" nginx "* ]] && [ -d /run/systemd/system ]; then
  $sudo systemctl disable --now nginx || true
fi
