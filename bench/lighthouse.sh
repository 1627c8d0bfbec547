#!/usr/bin/env bash
# Lighthouse (its default mobile emulation) on the home page, the event list, an event page
# and a group page, against the release build on a fresh demo database. Prints the four
# category scores per page, with its paint times, blocking time and number of requests
# (LIGHTHOUSE_KEEP=dir keeps each page's whole report there). Lighthouse comes from npm
# into BENCH_CACHE; Chromium is Debian's.
#
#   ./build.sh && bench/lighthouse.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cache=${BENCH_CACHE:-/var/tmp/membersnet-bench}
port=${LIGHTHOUSE_PORT:-3100}
mkdir -p "$cache/lighthouse"
[ -x "$cache/lighthouse/node_modules/.bin/lighthouse" ] ||
  (cd "$cache/lighthouse" && npm install --no-audit --no-fund --silent lighthouse@12 >/dev/null)

E2E_PORT=$port bash end2end/start-server.sh >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/manifest.webmanifest" >/dev/null && break; sleep 0.2; done

out="$(mktemp -d)"
printf '| page | performance | accessibility | best practices | SEO | FCP | LCP | blocking time | requests |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for path in / /events /events/1-door-knocking-in-ancoats /groups/sheffield-central-local-party; do
  CHROME_PATH=/usr/bin/chromium "$cache/lighthouse/node_modules/.bin/lighthouse" \
    "http://127.0.0.1:$port$path" --quiet --output=json --output-path="$out/report.json" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null 2>&1
  node -e '
    const r = require(process.argv[1]);
    const s = (k) => Math.round(r.categories[k].score * 100);
    const a = (k) => r.audits[k].displayValue;
    const requests = r.audits["network-requests"].details.items.length;
    console.log(`| ${process.argv[2]} | ${s("performance")} | ${s("accessibility")} | ${s("best-practices")} | ${s("seo")} | ${a("first-contentful-paint")} | ${a("largest-contentful-paint")} | ${a("total-blocking-time")} | ${requests} |`);
  ' "$out/report.json" "$path"
  if [ -n "${LIGHTHOUSE_KEEP:-}" ]; then cp "$out/report.json" "$LIGHTHOUSE_KEEP/$(echo "$path" | tr / _).json"; fi
done
rm -rf "$out"
