#!/usr/bin/env bash
# `make test-browser`: the advisor's web app in Debian's chromium (headless) driven by Selenium (from PyPI, in
# .venv-browser) against `skillmatch serve` on 127.0.0.1 with a fresh demo catalogue. Screenshots of each page go to
# test-output/browser/. Installs chromium and chromium-driver when missing (as root); skips, saying so, when they or
# Selenium cannot be had.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:?usage: scripts/browser-test.sh PATH/TO/skillmatch}"
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium chromium-driver >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium chromium-driver >/dev/null 2>&1; } \
      || true
  fi
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    echo "test-browser: chromium and chromium-driver are not installed and could not be; the browser test is skipped"; exit 0
  fi
fi
venv=.venv-browser
if ! "$venv/bin/python" -c "import selenium" 2>/dev/null; then
  python3 -m venv "$venv" && "$venv/bin/pip" install -q "selenium==4.51.0" || {
    echo "test-browser: Selenium could not be installed from PyPI; the browser test is skipped"; exit 0; }
fi
output=test-output/browser
rm -rf "$output" && mkdir -p "$output"
source scripts/demo-server.sh
start_demo_server "$bin" test-browser
echo "test-browser: chromium against $url"
status=0
"$venv/bin/python" scripts/browser_test.py "$url" datasets/demo/resumes/sam-okafor.md "$output" || status=$?
if grep -q " status=5" "$work/serve.log"; then echo "test-browser: the server answered 5xx:"; grep " status=5" "$work/serve.log" | head; status=1; fi
exit $status
