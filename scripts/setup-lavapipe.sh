#!/bin/sh
# Installs lavapipe (Mesa's CPU Vulkan driver) so the WebGPU backend's tests run without a GPU.
# Dawn rejects Debian 12's own Mesa 22.3 lavapipe; Mesa 25 from bookworm-backports works
# (see the README, section "backends"). Idempotent: exits at once when a usable lavapipe is installed.
# The backports source reuses the address of the machine's own Debian archive: no host is named here.
set -eu

APT_WAIT='-o DPkg::Lock::Timeout=600'
MIN_MESA_MAJOR=25

mesa_major() {
  dpkg-query -W -f='${Status} ${Version}\n' mesa-vulkan-drivers 2>/dev/null \
    | awk '$3 == "installed" { split($4, v, "."); print v[1]; exit }'
}

is_ready() {
  major=$(mesa_major)
  [ -n "$major" ] && [ "$major" -ge "$MIN_MESA_MAJOR" ] \
    && dpkg-query -W -f='${Status}' libvulkan1 2>/dev/null | grep -q 'ok installed' \
    && ls /usr/share/vulkan/icd.d/lvp_icd*.json >/dev/null 2>&1
}

if [ "$(uname -s)" != Linux ]; then
  echo "lavapipe: not needed on $(uname -s) (WebGPU uses Metal on macOS, D3D12 on Windows)"
  exit 0
fi

if is_ready; then
  echo "lavapipe: Mesa $(dpkg-query -W -f='${Version}' mesa-vulkan-drivers) already installed"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-lavapipe: needs a Debian-based system with apt-get; install Mesa >= $MIN_MESA_MAJOR lavapipe (mesa-vulkan-drivers) and libvulkan1 yourself" >&2
  exit 1
fi

SUDO=''
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO='sudo'; else
    echo "setup-lavapipe: must run as root (or with sudo available) to install packages" >&2
    exit 1
  fi
fi

codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
target=''
if [ "$codename" = bookworm ]; then
  target='-t bookworm-backports'
  if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    # The main archive's address, taken from the machine's own apt sources (deb822 first, then one-line).
    uri=$(awk '/^URIs:/ && $2 !~ /security/ { print $2; exit }' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
    if [ -z "$uri" ]; then
      uri=$(awk '/^deb / && $0 ~ / bookworm / && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /:\/\//) { print $i; exit } }' /etc/apt/sources.list 2>/dev/null || true)
    fi
    if [ -z "$uri" ]; then
      echo "setup-lavapipe: found no Debian archive address in /etc/apt/sources.list{,.d}; add bookworm-backports yourself" >&2
      exit 1
    fi
    printf 'Types: deb\nURIs: %s\nSuites: bookworm-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$uri" \
      | $SUDO tee /etc/apt/sources.list.d/backports.sources >/dev/null
    echo "lavapipe: enabled bookworm-backports from $uri"
  fi
fi

# shellcheck disable=SC2086 # APT_WAIT and target are deliberately split into words
$SUDO apt-get $APT_WAIT update -q
# Mesa first from backports (it pulls the newer libdrm it needs), then the Vulkan loader from the main archive.
# shellcheck disable=SC2086
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get $APT_WAIT install -y -q --no-install-recommends $target mesa-vulkan-drivers
# shellcheck disable=SC2086
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get $APT_WAIT install -y -q --no-install-recommends libvulkan1

if ! is_ready; then
  echo "setup-lavapipe: installed Mesa $(dpkg-query -W -f='${Version}' mesa-vulkan-drivers 2>/dev/null || echo none), but Dawn needs lavapipe from Mesa >= $MIN_MESA_MAJOR" >&2
  exit 1
fi
echo "lavapipe: Mesa $(dpkg-query -W -f='${Version}' mesa-vulkan-drivers) installed"
