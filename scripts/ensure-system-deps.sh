#!/usr/bin/env bash
# Installs what the WebGPU tests need on a machine without a GPU: the Vulkan loader and Debian's
# chromium, whose SwiftShader Vulkan driver Dawn uses as its adapter (and whose browser runs the
# demo's tests). Only acts when something is missing and apt-get can run; otherwise it says what
# is missing and the WebGPU tests skip (or fail, with CI=true).
set -uo pipefail
icd=/usr/lib/chromium/vk_swiftshader_icd.json
have_loader() { ldconfig -p 2>/dev/null | grep -q 'libvulkan.so.1'; }
if [ -f "$icd" ] && have_loader && [ -x /usr/bin/chromium ]; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "ensure-system-deps: installing Debian's chromium and libvulkan1 (SwiftShader WebGPU for the tests)…"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium libvulkan1 >/dev/null
  status=$?
  if [ $status -ne 0 ]; then echo "ensure-system-deps: apt-get failed (exit $status)" >&2; exit $status; fi
  echo "ensure-system-deps: done"
else
  echo "ensure-system-deps: SwiftShader Vulkan ($icd) or libvulkan1 is missing and apt-get cannot run here;"
  echo "  install Debian's 'chromium' and 'libvulkan1' packages to run the WebGPU tests (they skip without an adapter, and fail with CI=true)."
fi
