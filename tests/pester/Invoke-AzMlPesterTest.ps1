<#
.SYNOPSIS
Runs one Pester test file against the staged AzMl module and exits non-zero on failure.

.DESCRIPTION
CTest runs every *.Tests.ps1 file of this folder through this script (tests/pester/CMakeLists.txt).
The folder that holds the staged module (AZML_MODULE_STAGE_DIR) is put first on PSModulePath,
so that `Import-Module AzMl` in a test finds the module just built rather than an installed one.

.PARAMETER Path
The Pester test file to run.

.PARAMETER ModuleStageDirectory
The folder holding the staged AzMl module folder. Default: $env:AZML_MODULE_STAGE_DIR.

.EXAMPLE
PS> dotnet pwsh -NoProfile -NonInteractive -File tests/pester/Invoke-AzMlPesterTest.ps1 tests/pester/Get-AzMlWebService.Tests.ps1 -ModuleStageDirectory build/module
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory, Position = 0)]
    [string] $Path,

    [Parameter()]
    [string] $ModuleStageDirectory = $env:AZML_MODULE_STAGE_DIR
)

$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'

if (-not $ModuleStageDirectory -or -not (Test-Path -LiteralPath (Join-Path $ModuleStageDirectory 'AzMl/AzMl.psd1'))) {
    Write-Error "No staged AzMl module in '$ModuleStageDirectory': build the azml_powershell_module target and pass -ModuleStageDirectory (or set AZML_MODULE_STAGE_DIR)."
    exit 2
}
$stage = (Resolve-Path -LiteralPath $ModuleStageDirectory).ProviderPath
$env:AZML_MODULE_STAGE_DIR = $stage
$env:PSModulePath = $stage + [System.IO.Path]::PathSeparator + $env:PSModulePath

Import-Module Pester -RequiredVersion 5.7.1

$configuration = New-PesterConfiguration
$configuration.Run.Path = (Resolve-Path -LiteralPath $Path).ProviderPath
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.Output.RenderMode = 'Plaintext'
$result = Invoke-Pester -Configuration $configuration

# The closing line CI reads, whatever Pester printed before it.
'{0} passed, {1} failed, {2} skipped' -f $result.PassedCount, $result.FailedCount, $result.SkippedCount
if ($result.Result -ne 'Passed' -or $result.PassedCount -eq 0) { exit 1 }
exit 0
