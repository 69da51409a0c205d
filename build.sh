#!/usr/bin/env bash
# Bootstrap: restore the pinned Cake runner, build the engine and the sandbox, run the task graph.
# Every argument goes to build/build.cake, e.g. ./build.sh --target=DryRun --env=test
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet tool restore > /dev/null
dotnet build build/pipeline.slnf --configuration Release --nologo --verbosity quiet -clp:NoSummary
exec dotnet cake build/build.cake "$@"
