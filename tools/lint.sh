#!/usr/bin/env bash
# Builds Nx's project graph first: @nx/enforce-module-boundaries silently skips itself without one.
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true
npx nx reset --onlyCache >/dev/null 2>&1 || true
npx nx show projects >/dev/null
npx eslint . --max-warnings=0 "$@"
