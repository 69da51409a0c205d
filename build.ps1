#!/usr/bin/env pwsh
# Bootstrap: restore the pinned Cake runner, build the engine and the sandbox, run the task graph.
# Every argument goes to build/build.cake, e.g. ./build.ps1 --target=DryRun --env=test
$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

dotnet tool restore | Out-Null
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
dotnet build build/pipeline.slnf --configuration Release --nologo --verbosity quiet -clp:NoSummary
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
dotnet cake build/build.cake @args
exit $LASTEXITCODE
