#!/usr/bin/env bash
# System packages Arvio needs on Debian/Ubuntu: the window (X11/Wayland, Vulkan/GL through wgpu)
# and the file dialogs. Used by scripts/start.sh and .ci/run, so both install the same things.
set -euo pipefail
packages=(
  pkg-config
  libxkbcommon-x11-0 libxcursor1 libxrandr2 libxi6 libx11-xcb1 libwayland-client0
  libvulkan1 mesa-vulkan-drivers libgl1 libegl1
  libgtk-3-dev
  fonts-dejavu-core
)
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" "$@" >/dev/null
