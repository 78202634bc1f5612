# Helpers of the batch job Pester files, dot-sourced after AzMlTestHelpers.ps1: the shipped
# retraining service (module/Examples/breast-cancer/training-service.json, Breast cancer
# diagnosis) deployed on the test host, and its data in the host's storage.

$script:AzMlRepositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).ProviderPath
$script:AzMlTrainingDefinition = Join-Path $AzMlRepositoryRoot 'module/Examples/breast-cancer/training-service.json'
$script:AzMlPredictiveDefinition = Join-Path $AzMlRepositoryRoot 'module/Examples/breast-cancer/predictive-service.json'
$script:AzMlBreastCancerCsv = Join-Path $AzMlRepositoryRoot 'tests/data/breast_cancer.csv'

function New-AzMlTestTrainingService {
    # Deploys the retraining service and returns it. -Slow makes it train long enough to be
    # caught running (100000 small trees): for the cancel and timeout tests.
    param(
        [Parameter(Mandatory)] [string] $ResourceGroupName,
        [Parameter(Mandatory)] [string] $Name,
        [switch] $Slow
    )
    $definition = $AzMlTrainingDefinition
    if ($Slow) {
        $service = Get-Content -LiteralPath $AzMlTrainingDefinition -Raw | ConvertFrom-Json -AsHashtable
        $learner = $service.properties.package.nodes.node3.parameters
        $learner['Number of trees constructed'] = @{ value = '100000' }
        $learner['Learning rate'] = @{ value = '0.001' }
        $learner['Minimum number of samples per leaf node'] = @{ value = '1' }
        $definition = Join-Path (New-AzMlTestDirectory) 'slow-training-service.json'
        $service | ConvertTo-Json -Depth 64 | Set-Content -LiteralPath $definition -Encoding utf8
    }
    New-AzMlWebService -ResourceGroupName $ResourceGroupName -Name $Name -Location 'South Central US' `
        -DefinitionFile $definition -Force -ErrorAction Stop
}

function Publish-AzMlTestTrainingData {
    # Uploads tests/data/breast_cancer.csv (or -Value) to the host's storage; returns "container/blob".
    param(
        [Parameter(Mandatory)] [string] $Container,
        [string] $Blob = 'breast_cancer.csv',
        [string] $Value
    )
    $connection = Get-AzMlStorageConnectionString -ErrorAction Stop
    if ($PSBoundParameters.ContainsKey('Value')) {
        Set-AzMlBlobContent -Container $Container -Blob $Blob -Value $Value -ContentType 'text/csv' `
            -ConnectionString $connection -ErrorAction Stop | Out-Null
    } else {
        Set-AzMlBlobContent -Container $Container -Blob $Blob -File $AzMlBreastCancerCsv `
            -ConnectionString $connection -ErrorAction Stop | Out-Null
    }
    "$Container/$Blob"
}

function Get-AzMlTestApiLocation {
    # The API location of a web service object: its swaggerLocation without "/swagger.json".
    param([Parameter(Mandatory)] $WebService)
    $WebService.properties.swaggerLocation -replace '/swagger\.json$', ''
}

function Wait-AzMlTestJobStatus {
    # Polls a job until its StatusCode is one of -Status; returns it. The deadline only guards
    # against a hang.
    param(
        [Parameter(Mandatory)] $WebService,
        [Parameter(Mandatory)] [string] $JobId,
        [Parameter(Mandatory)] [string[]] $Status
    )
    $deadline = [DateTime]::UtcNow.AddMinutes(5)
    while ($true) {
        $job = Get-AzMlBatchJob -WebService $WebService -JobId $JobId -ErrorAction Stop
        if ($job.StatusCode -in $Status) { return $job }
        if ([DateTime]::UtcNow -gt $deadline) { throw "job $JobId stayed $($job.StatusCode)" }
        Start-Sleep -Milliseconds 100
    }
}

function Get-AzMlTestUrlBytes {
    # GETs a URL without credentials (a result's Uri); returns status and bytes.
    param([Parameter(Mandatory)] [string] $Uri)
    $client = [System.Net.Http.HttpClient]::new()
    try {
        $response = $client.GetAsync($Uri).GetAwaiter().GetResult()
        [pscustomobject]@{
            Status = [int] $response.StatusCode
            Bytes  = $response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult()
        }
    } finally {
        $client.Dispose()
    }
}
