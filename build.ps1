#!/usr/bin/env pwsh
# Bootstrap: restore the pinned Cake runner, build the engine and the sandbox when their sources changed,
# run the task graph. Every argument goes to build/build.cake, e.g. ./build.ps1 --target=DryRun --env=test
# ./build.ps1 --help lists the targets, arguments and environment variables. Same behaviour as build.sh.
$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

# Colour codes only on a terminal: Cake and the pipeline both honour NO_COLOR (https://no-color.org).
if ([Console]::IsOutputRedirected -or [Console]::IsErrorRedirected) { $env:NO_COLOR = '1' }

# Cake keeps the compiled script under .build/ and recompiles it when the script changes.
$env:CAKE_SETTINGS_ENABLESCRIPTCACHE = 'true'
$env:CAKE_PATHS_CACHE = Join-Path $PSScriptRoot '.build/cake-cache'
# Dynamic PGO costs the pipeline more than it earns (see build.sh); a value you set yourself wins.
if (-not $env:DOTNET_TieredPGO) { $env:DOTNET_TieredPGO = '0' }

$arguments = [System.Collections.Generic.List[string]]::new()
foreach ($argument in $args) {
    if ($argument -in '--help', '-h', '-?') {
        # Cake's --help describes Cake; the pipeline's help comes from the engine's tables.
        $arguments = [System.Collections.Generic.List[string]]@('--target=Help', '--verbosity=quiet', '--no-report')
        break
    }
    elseif ($argument -eq '--cake-help') { $arguments.Add('--help') }
    elseif ($argument -match '^--[^=]+=$') {
        # Cake's parser refuses "--name=" with its own exit code: pass an empty value, which the pipeline names.
        $arguments.Add($argument.TrimEnd('='))
        $arguments.Add('')
    }
    else { $arguments.Add([string]$argument) }
}

dotnet tool restore | Out-Null
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }

# Build only when an input of the engine or the sandbox changed (a content checksum, not timestamps): a
# warm run prints nothing from the build. Its errors always show.
function Get-InputsChecksum {
    $files = @(Get-ChildItem -LiteralPath 'build/CxAsCode', 'build/CxAsCode.Sandbox' -Recurse -File -Force |
            Where-Object { [System.IO.Path]::GetRelativePath($PSScriptRoot, $_.FullName) -notmatch '[\\/](bin|obj)[\\/]' })
    $files += @('Directory.Build.props', 'Directory.Packages.props', 'BannedSymbols.txt', '.editorconfig', 'global.json', 'build/pipeline.slnf' | Get-Item -Force)
    $lines = [string[]]@($files | ForEach-Object {
            $relative = [System.IO.Path]::GetRelativePath($PSScriptRoot, $_.FullName).Replace('\', '/')
            "$((Get-FileHash -Algorithm SHA256 -LiteralPath $_.FullName).Hash) $relative"
        })
    [Array]::Sort($lines, [StringComparer]::Ordinal)
    [Convert]::ToHexString([System.Security.Cryptography.SHA256]::HashData([System.Text.Encoding]::UTF8.GetBytes($lines -join "`n")))
}
$stamp = '.build/pipeline-inputs.sha256'
$current = Get-InputsChecksum
$cache = @()
$built = (Test-Path 'build/CxAsCode/bin/Release/net10.0/CxAsCode.dll') -and (Test-Path 'build/CxAsCode.Sandbox/bin/Release/net10.0/CxAsCode.Sandbox.dll')
if (-not $built -or -not (Test-Path $stamp) -or (Get-Content -Raw $stamp).Trim() -ne $current) {
    Write-Output 'Building the engine and the sandbox (first run, or their sources changed)...'
    $output = dotnet build build/pipeline.slnf --configuration Release --nologo --verbosity quiet 2>&1
    if ($LASTEXITCODE -ne 0) {
        $output | ForEach-Object { [Console]::Error.WriteLine($_) }
        [Console]::Error.WriteLine('The build failed; nothing ran.')
        exit 1
    }
    New-Item -ItemType Directory -Force '.build' | Out-Null
    Set-Content -LiteralPath $stamp -Value $current
    $cache = @('--invalidate-script-cache') # the cached script may call engine methods that changed
}

dotnet cake build/build.cake @cache @arguments
exit $LASTEXITCODE
