#!/usr/bin/env bash
# Installs code-server (VS Code 1.100.3 in the browser) for the real-editor tests, outside the repository.
#
#   .ci/install-code-server.sh            # prints the code-server binary path on its last line
#
# Idempotent and cached: the install lives in ${PROMPTWARD_CODE_SERVER_DIR:-$HOME/.cache/promptward/code-server-4.100.3}
# and is skipped once it is complete (then only chromium is checked, in ~30 ms). Never touches the repository's node_modules or package files.
# Why each workaround below is needed: ../shared/guide/testing-in-a-real-editor.md (the workplace's shared references).
#
# Steps (each skipped when already done):
#   1. Debian packages chromium, ripgrep, libkrb5-dev (only when root and apt-get exists; otherwise a warning);
#      with a cached install, only chromium (the others are needed only to install).
#   2. Seed @vscode/ripgrep's download cache with Debian's rg: its postinstall downloads rg from GitHub, which is
#      unreachable here, but it uses $(os.tmpdir())/vscode-ripgrep-cache-<version>/<asset> when that file exists.
#   3. npm install code-server@4.100.3 into the cache folder (~1 minute, ~300 MB), then check it runs.
set -euo pipefail

CS_VERSION=4.100.3
RIPGREP_PKG_VERSION=1.15.11   # the @vscode/ripgrep that code-server 4.100.3's VS Code depends on
RIPGREP_ASSET_VERSION=v13.0.0-10 # VERSION in @vscode/ripgrep 1.15.11 lib/postinstall.js
CS_DIR="${PROMPTWARD_CODE_SERVER_DIR:-$HOME/.cache/promptward/code-server-$CS_VERSION}"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
MARKER="$CS_DIR/.promptward-install-complete"

started=$(date +%s)
log() { echo "[install-code-server] $*" >&2; }
die() { echo "[install-code-server] ERROR: $*" >&2; exit 1; }
elapsed() { echo "$(( $(date +%s) - started )) s"; }

installed() { [ -x "$CS_BIN" ] && [ -f "$MARKER" ]; }

# 1. Debian packages --------------------------------------------------------------------------------------------
# chromium runs the browser tests; ripgrep and libkrb5-dev are needed only to install code-server. A cached install
# on a fresh machine (CI cache restored) still gets chromium.
if installed; then wanted=(chromium); else wanted=(chromium ripgrep libkrb5-dev); fi
missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing Debian packages: ${missing[*]}"
    apt_log=$(mktemp)
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$apt_log" 2>&1; then
      tail -n 20 "$apt_log" >&2 || true
      log "warning: could not install ${missing[*]} with apt-get; continuing without them"
    fi
    rm -f "$apt_log"
  else
    log "warning: Debian packages missing and cannot be installed here (needs root and apt-get): ${missing[*]}"
  fi
fi

# Fast path: a complete install is already cached.
if installed; then
  log "code-server $CS_VERSION already installed in $CS_DIR ($(elapsed))"
  [ -x /usr/bin/chromium ] || log "warning: /usr/bin/chromium is missing: the browser-driven tests will be skipped"
  echo "$CS_BIN"
  exit 0
fi

command -v node >/dev/null 2>&1 || die "node is not on PATH"
command -v npm >/dev/null 2>&1 || die "npm is not on PATH"
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" != 20 ]; then
  log "warning: code-server $CS_VERSION declares engines.node 20, this is Node $(node --version); its native modules may not build"
fi

# 2. Seed @vscode/ripgrep's cache with Debian's rg ----------------------------------------------------------------
# os.tmpdir() on Linux: $TMPDIR, else $TMP, else $TEMP, else /tmp, without a trailing slash.
tmp_root="${TMPDIR:-${TMP:-${TEMP:-/tmp}}}"
[ "$tmp_root" = / ] || tmp_root="${tmp_root%/}"
case "$(uname -m)" in
  x86_64) rg_target=x86_64-unknown-linux-musl ;;
  aarch64 | arm64) rg_target=aarch64-unknown-linux-musl ;;
  *) rg_target="" ;;
esac
rg_cache_dir="$tmp_root/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION"
rg_asset="$rg_cache_dir/ripgrep-$RIPGREP_ASSET_VERSION-$rg_target.tar.gz"
if [ -z "$rg_target" ]; then
  log "warning: no ripgrep cache seeding for architecture $(uname -m); @vscode/ripgrep will try to download from GitHub"
elif [ -s "$rg_asset" ]; then
  log "ripgrep cache already seeded: $rg_asset"
else
  rg_path=$(command -v rg || true)
  if [ -z "$rg_path" ]; then
    log "warning: rg (Debian package ripgrep) not found; @vscode/ripgrep will try to download from GitHub and probably fail"
  else
    rg_real=$(readlink -f "$rg_path")
    mkdir -p "$rg_cache_dir"
    # The archive must hold a top-level file named rg: the postinstall runs `tar xvf <asset> -C bin/` and expects bin/rg.
    tar czf "$rg_asset.tmp" -C "$(dirname "$rg_real")" "$(basename "$rg_real")" --transform 's,.*,rg,'
    mv "$rg_asset.tmp" "$rg_asset"
    log "seeded ripgrep cache: $rg_asset (from $rg_real)"
  fi
fi

# 3. code-server ---------------------------------------------------------------------------------------------------
mkdir -p "$CS_DIR"
# One installer at a time (two CI jobs sharing a cache): wait for the lock, then re-check the marker.
exec 9>"$CS_DIR/.install.lock"
if command -v flock >/dev/null 2>&1; then
  flock -w 900 9 || die "timed out waiting for another install holding $CS_DIR/.install.lock"
fi
if installed; then
  log "code-server $CS_VERSION was installed by another process ($(elapsed))"
  echo "$CS_BIN"
  exit 0
fi
if [ -e "$CS_DIR/node_modules" ]; then
  log "removing an incomplete install in $CS_DIR"
  rm -rf "$CS_DIR/node_modules" "$CS_DIR/package.json" "$CS_DIR/package-lock.json"
fi

cfg_dir=$(mktemp -d "$tmp_root/promptward-cs-config.XXXXXX")
npm_log="$CS_DIR/npm-install.log"
trap 'rm -rf "$cfg_dir"' EXIT
log "installing code-server@$CS_VERSION into $CS_DIR (about a minute; log: $npm_log)"
# unsafe_perm: code-server's postinstall refuses to run as root without it; yes: node-pty's build step calls npx;
# XDG_CONFIG_HOME/XDG_DATA_HOME: code-server writes ~/.config/code-server/config.yaml and ~/.local/share/code-server otherwise.
# A private package.json keeps npm from walking up into an enclosing project.
[ -f "$CS_DIR/package.json" ] || printf '{ "name": "promptward-code-server", "private": true }\n' >"$CS_DIR/package.json"
if ! (cd "$CS_DIR" && npm_config_unsafe_perm=true npm_config_yes=true npm_config_fund=false npm_config_audit=false \
      npm_config_update_notifier=false XDG_CONFIG_HOME="$cfg_dir" XDG_DATA_HOME="$cfg_dir" \
      npm install --prefix "$CS_DIR" "code-server@$CS_VERSION" --foreground-scripts >"$npm_log" 2>&1); then
  tail -n 40 "$npm_log" >&2 || true
  die "npm install code-server@$CS_VERSION failed (full log: $npm_log). Needs the npm registry, a C/C++ toolchain, libkrb5-dev (kerberos) and Node 20."
fi
[ -x "$CS_BIN" ] || die "npm install finished but $CS_BIN is missing (log: $npm_log)"

# Check it runs, and that VS Code's ripgrep got a binary: Quick Open (Ctrl+P, the harness's openFile) and search use it.
version_out=$(XDG_CONFIG_HOME="$cfg_dir" XDG_DATA_HOME="$cfg_dir" "$CS_BIN" --version 2>&1) || die "$CS_BIN --version failed: $version_out"
version_line=$(printf '%s\n' "$version_out" | grep -E "^$CS_VERSION " | head -n 1 || true)
[ -n "$version_line" ] || die "unexpected output from $CS_BIN --version: $version_out"
vscode_rg="$CS_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep"
if [ ! -x "$vscode_rg/bin/rg" ]; then
  installed_rg=$(node -p "require('$vscode_rg/package.json').version" 2>/dev/null || echo '?')
  die "VS Code's @vscode/ripgrep ($installed_rg; cache seeded for $RIPGREP_PKG_VERSION) has no bin/rg, so Quick Open" \
    "and search would not work: install the Debian package ripgrep and re-run (log: $npm_log)"
fi

date -u +%Y-%m-%dT%H:%M:%SZ >"$MARKER"
log "installed code-server $version_line in $(elapsed)"
[ -x /usr/bin/chromium ] || log "warning: /usr/bin/chromium is missing: the browser-driven tests will be skipped"
echo "$CS_BIN"
