# Helpers of the classic endpoint and scoring Pester files, dot-sourced after AzMlTestHelpers.ps1:
# the census predictive service of the other tests (RetrainSamplePre, model v1 in the host's
# storage) with its trained model's locations, rows to score, and what the answers are compared by.

function New-AzMlTestPredictiveService {
    # Creates the census predictive service in resource group -ResourceGroupName, its trained
    # model test model -Model (v1 by default), and returns it.
    param(
        [Parameter(Mandatory)] [string] $ResourceGroupName,
        [string] $Name = (New-AzMlTestName -Prefix 'scoring'),
        [ValidateSet('v1', 'v2')] [string] $Model = 'v1'
    )
    $definition = Import-AzMlWebService -InputFile (Get-AzMlTestDefinitionPath) -ErrorAction Stop
    $definition.properties.assets.asset3.locationInfo.uri = $script:AzMlTestModelUris[$Model]
    New-AzMlWebService -ResourceGroupName $ResourceGroupName -Name $Name -Location 'South Central US' `
        -NewWebServiceDefinition $definition -Force -ErrorAction Stop
}

function Get-AzMlTestClassicId {
    # A web service's classic id: the service id of its API location.
    param([Parameter(Mandatory)] $WebService)
    if ($WebService.properties.swaggerLocation -notmatch '/services/([^/]+)/swagger\.json$') {
        throw "no service id in '$($WebService.properties.swaggerLocation)'"
    }
    $Matches[1]
}

function Get-AzMlTestModelLocation {
    # Where test model -Version (v1 or v2) is, split as a BES result gives it and as an endpoint's
    # Resources show it: BaseLocation (the host's blob account URL) and RelativeLocation
    # (container/blob).
    param([ValidateSet('v1', 'v2')] [string] $Version = 'v2')
    Get-AzMlTestDefinitionPath | Out-Null   # uploads the models once per host
    $uri = $script:AzMlTestModelUris[$Version]
    if ($uri -notmatch '^(?<base>https?://[^/]+/blob/azmlstore/)(?<relative>.+)$') { throw "unexpected model uri '$uri'" }
    [pscustomobject]@{
        BaseLocation     = $Matches['base']
        RelativeLocation = $Matches['relative']
    }
}

function Get-AzMlTestCensusRows {
    # The first -Count rows of data/census-sample.csv without their label, as Import-Csv gives them.
    param([int] $Count = 12)
    Import-Csv -LiteralPath (Join-Path $script:AzMlTestDataDirectory 'census-sample.csv') |
        Select-Object -First $Count -Property 'age', 'workclass', 'hours-per-week'
}

function Get-AzMlTestScores {
    # What a service or endpoint answers for the census rows, as one comparable string: the
    # labels and probabilities, in order.
    param(
        [Parameter(Mandatory, ValueFromPipeline)] $Endpoint,
        [int] $Count = 12
    )
    process {
        $results = Get-AzMlTestCensusRows -Count $Count | Invoke-AzMlWebService -Endpoint $Endpoint -ErrorAction Stop
        ($results | ForEach-Object { '{0}:{1}' -f $_.'Scored Labels', $_.'Scored Probabilities' }) -join ';'
    }
}

function Get-AzMlTestClient {
    # The session's libazml client inside the module, for the interop calls no command makes
    # (the classic web service list and get).
    & (Get-Module AzMl) { $script:AzMlClient }
}
