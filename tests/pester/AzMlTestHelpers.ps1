# Helpers the Pester files dot-source in BeforeAll. Each test file starts its own azml-host
# with a fresh temporary data directory and stops it in AfterAll; names are unique per call,
# so no file depends on what another left behind.

$script:AzMlTestDataDirectory = Join-Path $PSScriptRoot 'data'

function New-AzMlTestDirectory {
    # A fresh, empty temporary directory.
    $path = Join-Path ([System.IO.Path]::GetTempPath()) ('azml-pester-' + [guid]::NewGuid().ToString('N').Substring(0, 12))
    New-Item -ItemType Directory -Path $path | Out-Null
    $path
}

function New-AzMlTestName {
    # A web service or resource group name no other test uses.
    param([string] $Prefix = 'ws')
    '{0}-{1}' -f $Prefix, [guid]::NewGuid().ToString('N').Substring(0, 10)
}

# The trained-model URI written in RetrainSamplePre.json: an Azure blob this machine cannot
# reach. Tests replace it with a model uploaded to their own host.
$script:AzMlTestAzureModelUri = 'https://mltestaccount.blob.core.windows.net/azuremlassetscontainer/2c6bd0c2b4a94bdbb6a4bd4f0b2e21a7.ilearner'

function Publish-AzMlTestModel {
    # Uploads the test models (trained by azml-train on data/census-sample.csv: v1 a boosted tree,
    # v2 a logistic regression) to the connected host's storage account; returns their URIs.
    $endpoint = (Get-AzMlContext).Endpoint
    $uris = @{}
    foreach ($version in 'v1', 'v2') {
        $blob = "retrain-sample-$version.ilearner"
        Set-AzMlBlobContent -Container 'models' -Blob $blob -File (Join-Path $script:AzMlTestDataDirectory $blob) `
            -Confirm:$false -ErrorAction Stop | Out-Null
        $uris[$version] = '{0}/blob/azmlstore/models/{1}' -f $endpoint.TrimEnd('/'), $blob
    }
    $uris
}

function Get-AzMlTestDefinitionPath {
    # The realistic definition every test starts from: a predictive service whose
    # "[trained model]" asset (asset3, type Resource) the retraining workflow replaces. The copy
    # returned points that asset at model v1 in the connected host's blob store, so it provisions.
    $endpoint = (Get-AzMlContext).Endpoint
    if ($script:AzMlTestDefinitionFor -ne $endpoint) {
        $uris = Publish-AzMlTestModel
        $text = (Get-Content -Raw (Join-Path $script:AzMlTestDataDirectory 'RetrainSamplePre.json')).Replace(
            $script:AzMlTestAzureModelUri, $uris['v1'])
        $script:AzMlTestDefinitionPath = Join-Path (New-AzMlTestDirectory) 'RetrainSamplePre.json'
        Set-Content -LiteralPath $script:AzMlTestDefinitionPath -Value $text -NoNewline
        $script:AzMlTestModelUris = $uris
        $script:AzMlTestDefinitionFor = $endpoint
    }
    $script:AzMlTestDefinitionPath
}

function Start-AzMlTestHost {
    # Imports the staged module and starts a host with a fresh data directory; returns the context.
    Import-Module AzMl -Force
    $dataDirectory = Join-Path (New-AzMlTestDirectory) 'host'
    $context = Start-AzMlHost -DataDirectory $dataDirectory -ErrorAction Stop
    if (-not $context) { throw "Start-AzMlHost returned no context for $dataDirectory" }
    $context
}

function Stop-AzMlTestHost {
    # Stops the host of a context made by Start-AzMlTestHost and deletes its data directory.
    param($Context)
    if (-not $Context) { return }
    Stop-AzMlHost -DataDirectory $Context.DataDirectory -ErrorAction Continue
    Remove-Item -LiteralPath (Split-Path -Parent $Context.DataDirectory) -Recurse -Force -ErrorAction SilentlyContinue
}

function New-AzMlTestWebService {
    # Creates a web service from the test definition and returns it.
    param(
        [Parameter(Mandatory)] [string] $ResourceGroupName,
        [Parameter(Mandatory)] [string] $Name,
        [string] $Location = 'South Central US'
    )
    New-AzMlWebService -ResourceGroupName $ResourceGroupName -Name $Name -Location $Location `
        -DefinitionFile (Get-AzMlTestDefinitionPath) -Force -ErrorAction Stop
}

function ConvertTo-AzMlTestComparableJson {
    # A web service as export JSON: read-only fields dropped, keys sorted by libazml. Two services
    # that differ only in what the service computes give the same text.
    param([Parameter(Mandatory)] $WebService)
    Export-AzMlWebService -WebService $WebService -ToJsonString -ErrorAction Stop
}
