#!/usr/bin/env bash
# Bootstrap: restore the pinned Cake runner, build the engine and the sandbox when their sources changed,
# run the task graph. Every argument goes to build/build.cake (the graph is build/pipeline.cake), e.g. ./build.sh --target=DryRun --env=test
# ./build.sh --help lists the targets, arguments and environment variables.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Colour codes only on a terminal: Cake and the pipeline both honour NO_COLOR (https://no-color.org).
# Cake cannot colour one stream and not the other, so both must be terminals.
if [ ! -t 1 ] || [ ! -t 2 ]; then
  export NO_COLOR=1
fi

# Cake keeps the compiled script under .build/ and recompiles it when the script changes.
export CAKE_SETTINGS_ENABLESCRIPTCACHE=true CAKE_PATHS_CACHE="$PWD/.build/cake-cache"
# Dynamic PGO instruments code the first time it runs; the pipeline runs most of its code once per object, so
# the instrumentation costs more than it earns: a DryRun of 10,000 objects took 4.7 s of CPU with it, 2.9 s
# without (./build.sh --target=Benchmark --scales=10000, README Performance). A value you set yourself wins.
export DOTNET_TieredPGO="${DOTNET_TieredPGO:-0}"

arguments=()
for argument in "$@"; do
  case "$argument" in
    # Cake's --help describes Cake; the pipeline's help comes from the engine's tables.
    --help | -h | -\?) set -- --target=Help --verbosity=quiet --no-report; arguments=("$@"); break ;;
    --cake-help) arguments+=(--help) ;;
    # Cake's parser refuses "--name=" with its own exit code: pass an empty value, which the pipeline names.
    --*=) if [[ "${argument%=}" == *=* ]]; then arguments+=("$argument"); else arguments+=("${argument%=}" ""); fi ;;
    *) arguments+=("$argument") ;;
  esac
done

dotnet tool restore > /dev/null

# Build only when an input of the engine or the sandbox changed (a content checksum, not timestamps, so a
# checkout or a copy cannot fool it): a warm run prints nothing from the build. Its errors always show.
inputs() {
  find build/CxAsCode build/CxAsCode.Sandbox \( -name bin -o -name obj \) -prune -o -type f -print0 \
    | LC_ALL=C sort -z | xargs -0 cksum
  cksum Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig global.json build/pipeline.slnf
}
stamp=.build/pipeline-inputs.cksum
current=$(inputs | cksum)
cache=()
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$current" ] \
  || [ ! -f build/CxAsCode/bin/Release/net10.0/CxAsCode.dll ] \
  || [ ! -f build/CxAsCode.Sandbox/bin/Release/net10.0/CxAsCode.Sandbox.dll ]; then
  echo "Building the engine and the sandbox (first run, or their sources changed)..."
  if ! output=$(dotnet build build/pipeline.slnf --configuration Release --nologo --verbosity quiet 2>&1); then
    printf '%s\n' "$output" >&2
    echo "The build failed; nothing ran." >&2
    exit 1
  fi
  mkdir -p .build
  printf '%s\n' "$current" > "$stamp"
  cache=(--invalidate-script-cache) # the cached script may call engine methods that changed
fi

exec dotnet cake build/build.cake ${cache[@]+"${cache[@]}"} ${arguments[@]+"${arguments[@]}"}
