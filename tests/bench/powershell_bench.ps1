<#
.SYNOPSIS
Benchmarks the AzMl module: import time, Get-AzMlWebService against Invoke-RestMethod, and
Export/Import of a large definition against ConvertTo-Json/ConvertFrom-Json.

.DESCRIPTION
Prints figures and asserts nothing. Runs against the staged module (or the one on
PSModulePath) and a local azml-host in a temporary data directory, which it stops and deletes.

  1. Import-Module AzMl in fresh pwsh processes: the median of -ImportRuns processes, next to the
     median for a trivial module (PowerShell's own cost of a first Import-Module).
  2. Get-AzMlWebService against Invoke-RestMethod on the same URL, in one session: medians of
     -Calls calls each, and their ratio.
  3. Import/Export of a generated definition of -Nodes graph nodes against ConvertFrom-Json /
     ConvertTo-Json on the same document: medians of -Repeats runs each.

.PARAMETER ModuleStageDirectory
The folder holding the AzMl module folder (default: $env:AZML_MODULE_STAGE_DIR, else build/module
of the repository). When it does not exist, AzMl is taken from PSModulePath.

.EXAMPLE
PS> dotnet pwsh -NoProfile -File tests/bench/powershell_bench.ps1 -ModuleStageDirectory build/module
#>
[CmdletBinding()]
param(
    [string] $ModuleStageDirectory = $(if ($env:AZML_MODULE_STAGE_DIR) { $env:AZML_MODULE_STAGE_DIR } else { Join-Path $PSScriptRoot '../../build/module' }),
    [ValidateRange(1, 100)] [int] $ImportRuns = 7,
    [ValidateRange(1, 100000)] [int] $Calls = 200,
    [ValidateRange(3, 1000000)] [int] $Nodes = 5000,
    [ValidateRange(1, 100)] [int] $Repeats = 5
)

$ErrorActionPreference = 'Stop'
if (Test-Path -LiteralPath (Join-Path $ModuleStageDirectory 'AzMl/AzMl.psd1')) {
    $ModuleStageDirectory = (Resolve-Path -LiteralPath $ModuleStageDirectory).ProviderPath
    $env:PSModulePath = $ModuleStageDirectory + [System.IO.Path]::PathSeparator + $env:PSModulePath
}

function Get-Median([double[]] $Values) {
    $sorted = $Values | Sort-Object
    $middle = [int][math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

function Measure-Milliseconds([scriptblock] $Action) {
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    & $Action | Out-Null
    $clock.Elapsed.TotalMilliseconds
}

function Invoke-FreshPwsh([string] $Command) {
    # The pwsh running this script, started anew (as a dotnet tool it is dotnet + pwsh.dll).
    $arguments = @()
    if ([System.IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') {
        $arguments += Join-Path $PSHOME 'pwsh.dll'
    }
    $arguments += '-NoProfile', '-NonInteractive', '-Command', $Command
    $output = & ([Environment]::ProcessPath) @arguments
    if ($LASTEXITCODE -ne 0) { throw "pwsh failed: $output" }
    [double]($output | Select-Object -Last 1)
}

$work = Join-Path ([System.IO.Path]::GetTempPath()) ('azml-bench-' + [guid]::NewGuid().ToString('N').Substring(0, 12))
New-Item -ItemType Directory -Path $work | Out-Null
try {
    # ------------------------------------------------------------------ 1. import time
    $trivial = Join-Path $work 'Trivial'
    New-Item -ItemType Directory -Path $trivial | Out-Null
    Set-Content -Path (Join-Path $trivial 'Trivial.psd1') -Value "@{ RootModule = 'Trivial.psm1'; ModuleVersion = '1.0.0'; FunctionsToExport = @('Get-Trivial') }"
    Set-Content -Path (Join-Path $trivial 'Trivial.psm1') -Value 'function Get-Trivial { 1 }'

    $measureImport = '$c = [Diagnostics.Stopwatch]::StartNew(); Import-Module {0}; $c.Elapsed.TotalMilliseconds'
    $azml = @(1..$ImportRuns | ForEach-Object { Invoke-FreshPwsh ($measureImport -f 'AzMl') })
    $baseline = @(1..$ImportRuns | ForEach-Object { Invoke-FreshPwsh ($measureImport -f "'$(Join-Path $trivial 'Trivial.psd1')'") })
    $warm = @(1..$ImportRuns | ForEach-Object {
            Invoke-FreshPwsh ('Import-Module AzMl; Remove-Module AzMl; ' + ($measureImport -f 'AzMl'))
        })
    'Import-Module AzMl, fresh pwsh ({0} processes): median {1:N0} ms (trivial module: {2:N0} ms; AzMl again in the same process: {3:N0} ms)' -f `
        $ImportRuns, (Get-Median $azml), (Get-Median $baseline), (Get-Median $warm)

    # ------------------------------------------------------------------ 2. Get vs Invoke-RestMethod
    Import-Module AzMl -Force
    $context = Start-AzMlHost -DataDirectory (Join-Path $work 'host')
    $definitionFile = Join-Path $PSScriptRoot '../pester/data/RetrainSamplePre.json'
    $group = 'bench'
    $name = 'RetrainSamplePre'
    New-AzMlWebService -ResourceGroupName $group -Name $name -Location 'South Central US' -DefinitionFile $definitionFile -Force | Out-Null

    $token = (Get-Content -Raw (Join-Path $context.DataDirectory 'admin-token')).Trim()
    $url = '{0}/subscriptions/{1}/resourceGroups/{2}/providers/Microsoft.MachineLearning/webServices/{3}?api-version=2017-01-01' -f `
        $context.Endpoint, $context.SubscriptionId, $group, $name
    $headers = @{ Authorization = "Bearer $token" }

    Get-AzMlWebService -ResourceGroupName $group -Name $name | Out-Null      # warm both paths up
    Invoke-RestMethod -Uri $url -Headers $headers | Out-Null
    $viaModule = @(1..$Calls | ForEach-Object { Measure-Milliseconds { Get-AzMlWebService -ResourceGroupName $group -Name $name } })
    $viaRest = @(1..$Calls | ForEach-Object { Measure-Milliseconds { Invoke-RestMethod -Uri $url -Headers $headers } })
    $moduleMedian = Get-Median $viaModule
    $restMedian = Get-Median $viaRest
    'Get-AzMlWebService: median {0:N2} ms; Invoke-RestMethod on the same URL: median {1:N2} ms; ratio {2:N2} ({3} calls each)' -f `
        $moduleMedian, $restMedian, ($moduleMedian / $restMedian), $Calls

    # ------------------------------------------------------------------ 3. large definition
    # input -> a chain of module nodes -> output: $Nodes nodes in all, each module node with a parameter.
    $definition = Get-Content -Raw $definitionFile | ConvertFrom-Json -AsHashtable -DateKind String
    $graphNodes = [ordered]@{ n0 = [ordered]@{ inputId = 'input1' } }   # not $nodes: that is -Nodes
    $edges = [System.Collections.Generic.List[object]]::new()
    $previous = 'n0'
    for ($index = 1; $index -lt $Nodes - 1; $index++) {
        $node = "n$index"
        $graphNodes[$node] = [ordered]@{ assetId = 'asset1'; parameters = [ordered]@{ 'Select Columns' = [ordered]@{ value = "column$index"; certificateThumbprint = '' } } }
        $edge = [ordered]@{ sourceNodeId = $previous; targetNodeId = $node; targetPortId = 'Dataset' }
        if ($previous -ne 'n0') { $edge.sourcePortId = 'Results dataset' }
        $edges.Add($edge)
        $previous = $node
    }
    $last = "n$($Nodes - 1)"
    $graphNodes[$last] = [ordered]@{ outputId = 'output1' }
    $edges.Add([ordered]@{ sourceNodeId = $previous; sourcePortId = 'Results dataset'; targetNodeId = $last })
    $definition.properties.package = [ordered]@{ nodes = $graphNodes; edges = $edges; graphParameters = @{} }
    $text = [AzMl.JsonObjectConverter]::ToJson($definition, $true)

    $imported = Import-AzMlWebService -JsonString $text
    $parsed = ConvertFrom-Json -InputObject $text
    $importTimes = @(1..$Repeats | ForEach-Object { Measure-Milliseconds { Import-AzMlWebService -JsonString $text } })
    $fromJsonTimes = @(1..$Repeats | ForEach-Object { Measure-Milliseconds { ConvertFrom-Json -InputObject $text } })
    $exportTimes = @(1..$Repeats | ForEach-Object { Measure-Milliseconds { Export-AzMlWebService -WebService $imported -ToJsonString } })
    $toJsonTimes = @(1..$Repeats | ForEach-Object { Measure-Milliseconds { ConvertTo-Json -InputObject $parsed -Depth 100 } })
    'Definition of {0:N0} nodes ({1:N0} KB of JSON), medians of {2} runs:' -f $Nodes, ($text.Length / 1KB), $Repeats
    '  Import-AzMlWebService {0:N1} ms vs ConvertFrom-Json {1:N1} ms (ratio {2:N2})' -f `
        (Get-Median $importTimes), (Get-Median $fromJsonTimes), ((Get-Median $importTimes) / (Get-Median $fromJsonTimes))
    '  Export-AzMlWebService {0:N1} ms vs ConvertTo-Json {1:N1} ms (ratio {2:N2})' -f `
        (Get-Median $exportTimes), (Get-Median $toJsonTimes), ((Get-Median $exportTimes) / (Get-Median $toJsonTimes))
}
finally {
    if (Get-Command Stop-AzMlHost -ErrorAction SilentlyContinue) {
        Stop-AzMlHost -DataDirectory (Join-Path $work 'host') -ErrorAction SilentlyContinue
    }
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}
