#!/usr/bin/env bash
# The CLI as a user installs it from a clone (README, "Install the command line"): `npm pack`
# builds and packs the package, `npm install --global` installs the tarball into a throw-away
# prefix, and the installed `agent-governance` answers --version and validates a policy.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

tarball="$(npm pack --silent --pack-destination "$work" | tail -n 1)"
npm install --global --prefix "$work/prefix" --no-audit --no-fund "$work/$tarball" >/dev/null
cli="$work/prefix/bin/agent-governance"

"$cli" --version | grep -Fx "agent-governance $(node -p 'require("./package.json").version')"
printf 'version: 1\ngates:\n  forbidden_paths: ["**/*.pem"]\n' > "$work/.agent-governance.yml"
(cd "$work" && "$cli" validate) | grep -Fx ".agent-governance.yml: valid"
echo "pack-install: $tarball installs and runs"
