function Invoke-AzMlWebService {
    <#
    .SYNOPSIS
    Scores rows with a web service or endpoint (request-response, RRS) and returns one object per scored row.

    .DESCRIPTION
    Invoke-AzMlWebService sends rows to a web service's Request-Response Service (POST
    .../execute?api-version=2.0&details=true) and returns what it answers: one
    AzMl.ScoringResult object per output row, with the output's columns as properties (values as
    RRS gives them: strings) and the output's name in OutputName (shown with Select-Object *).

    The service is given as a web service object (-WebService) or by -Name and
    -ResourceGroupName (its primary key is read through the connection), as an endpoint object
    from Get-AzMlWebServiceEndpoint (-Endpoint, or through the pipeline: its ApiLocation and
    PrimaryKey), or by -ApiLocation and -ApiKey. An endpoint answers with its own model: scoring
    the default endpoint and an updated one shows the retrained model's effect.

    Rows are hashtables or objects (Import-Csv's, for example), one property per input column,
    given with -InputObject or through the pipeline when the service is given by parameter; all
    rows go in one request to the input -InputName. -Format Swagger sends and reads rows as
    objects (format=swagger) instead of ColumnNames and Values. A whole RRS request can be given
    instead, with -InputJsonText or -InputJsonFile; its format is read from it.

    -Raw returns the response as JSON text; -OutputJsonFile writes it to a file and returns
    nothing. Called by its azuremlps name, Invoke-AmlWebServiceRRSEndpoint, the command returns
    the JSON text as azuremlps did.

    .PARAMETER WebService
    A web service object from Get-AzMlWebService (or New-AzMlWebService).

    .PARAMETER ResourceGroupName
    The resource group of the web service named by -Name.

    .PARAMETER Name
    The name of the web service (its ARM name).

    .PARAMETER Endpoint
    An endpoint object from Get-AzMlWebServiceEndpoint or Add-AzMlWebServiceEndpoint.

    .PARAMETER ApiLocation
    The service's or endpoint's API location, https://<host>/workspaces/<workspace>/services/<id>
    (an endpoint's ApiLocation); the execute URL is accepted too.

    .PARAMETER ApiKey
    The primary or secondary key of the service or endpoint at -ApiLocation.

    .PARAMETER InputObject
    The rows to score: hashtables or objects with one property per input column.

    .PARAMETER InputJsonText
    A whole RRS request as JSON: {"Inputs":{"input1":{"ColumnNames":[...],"Values":[[...]]}},"GlobalParameters":{}}.

    .PARAMETER InputJsonFile
    A file holding a whole RRS request as JSON.

    .PARAMETER InputName
    The web service input the rows go to (default input1).

    .PARAMETER GlobalParameters
    The web service parameters of the request, e.g. @{ 'Threshold' = 0.6 }; sent as strings.

    .PARAMETER Format
    Table (ColumnNames and Values, the default) or Swagger (rows as objects, format=swagger).
    With a whole request, the format is read from it unless this is given.

    .PARAMETER OutputJsonFile
    Writes the response, as the service sent it, to this file instead of the pipeline.

    .PARAMETER Raw
    Returns the response as JSON text instead of objects.

    .EXAMPLE
    PS> $scoring = Get-AzMlWebService -ResourceGroupName 'rg' -Name 'BreastCancerPredictive'
    PS> Import-Csv ./patients.csv | Invoke-AzMlWebService -WebService $scoring | Select-Object 'Scored Labels', 'Scored Probabilities'

    Scores every row of a CSV file.

    .EXAMPLE
    PS> $endpoint = Get-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'retrained1'
    PS> $endpoint | Invoke-AzMlWebService -InputObject @{ 'mean radius' = 17.99; 'mean texture' = 10.38 }

    Scores one row with the retrained model of an added endpoint.

    .EXAMPLE
    PS> Invoke-AmlWebServiceRRSEndpoint -ApiLocation $endpoint.ApiLocation -ApiKey $endpoint.PrimaryKey `
    >>     -InputJsonFile ./request.json -OutputJsonFile ./response.json

    The azuremlps way: a request file in, the response to a file.

    .INPUTS
    System.Object (rows), AzMl.WebServiceEndpoint

    .OUTPUTS
    AzMl.ScoringResult, System.String

    .LINK
    Get-AzMlWebServiceEndpoint

    .LINK
    Invoke-AzMlBatchJob
    #>
    [CmdletBinding(DefaultParameterSetName = 'Endpoint', SupportsShouldProcess, ConfirmImpact = 'Low')]
    [Alias('Invoke-AmlWebServiceRRSEndpoint')]
    [OutputType('AzMl.ScoringResult', [string])]
    param(
        [Parameter(ParameterSetName = 'WebService', Mandatory)]
        [PSTypeName('AzMl.WebService')]
        [psobject] $WebService,

        [Parameter(ParameterSetName = 'Name', Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $ResourceGroupName,

        [Parameter(ParameterSetName = 'Name', Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $Name,

        [Parameter(ParameterSetName = 'Endpoint', Mandatory, ValueFromPipeline)]
        [PSTypeName('AzMl.WebServiceEndpoint')]
        [psobject] $Endpoint,

        [Parameter(ParameterSetName = 'ApiLocation', Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $ApiLocation,

        [Parameter(ParameterSetName = 'ApiLocation', Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $ApiKey,

        [Parameter(ValueFromPipeline)]
        [object[]] $InputObject,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $InputJsonText,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $InputJsonFile,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $InputName = 'input1',

        [Parameter()]
        [System.Collections.IDictionary] $GlobalParameters,

        [Parameter()]
        [ValidateSet('Table', 'Swagger')]
        [string] $Format = 'Table',

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $OutputJsonFile,

        [Parameter()]
        [switch] $Raw
    )

    begin {
        # Rows come down the pipeline when the service is given by parameter; otherwise the
        # pipeline (if any) brings endpoints, each scored with -InputObject or the whole request.
        $targetGiven = @('WebService', 'Name', 'Endpoint', 'ApiLocation').Where({ $PSBoundParameters.ContainsKey($_) }).Count -gt 0
        $rowsFromPipeline = $targetGiven -and $MyInvocation.ExpectingInput -and -not $PSBoundParameters.ContainsKey('InputObject')
        $collected = [System.Collections.Generic.List[object]]::new()
        $asAzuremlps = $MyInvocation.InvocationName -like '*Invoke-AmlWebServiceRRSEndpoint'
        # A whole request's format is read from it unless -Format says otherwise.
        $wholeFormat = if ($PSBoundParameters.ContainsKey('Format')) { $Format } else { $null }

        $rowsGiven = $rowsFromPipeline -or $PSBoundParameters.ContainsKey('InputObject')
        $whole = @('InputJsonText', 'InputJsonFile').Where({ $PSBoundParameters.ContainsKey($_) })
        $rowOptions = @('InputName', 'GlobalParameters').Where({ $PSBoundParameters.ContainsKey($_) })
        $inputProblem = $null
        if ($whole.Count -gt 1 -or ($whole.Count -eq 1 -and ($rowsGiven -or $rowOptions.Count -gt 0))) {
            $given = @($whole) + @($(if ($rowsGiven) { 'InputObject' })) + @($rowOptions) | Where-Object { $_ } | ForEach-Object { "-$_" }
            $inputProblem = [AzMl.AzMlErrorRecords]::Create([System.ArgumentException]::new(
                    "Give the rows either with -InputObject (or the pipeline), or as a whole request with -InputJsonText or -InputJsonFile; not $($given -join ', ') together."),
                'AmbiguousScoringInput', 'InvalidArgument', $null)
        } elseif ($whole.Count -eq 0 -and -not $rowsGiven) {
            $inputProblem = [AzMl.AzMlErrorRecords]::Create([System.Management.Automation.PSArgumentException]::new(
                    'Give the rows to score with -InputObject (or through the pipeline), or a whole request with -InputJsonText or -InputJsonFile.'),
                'MissingScoringInput', 'InvalidArgument', $null)
        }

        function Invoke-Scoring {
            # One request for the given rows (or the whole request) to the service the parameters name.
            param([System.Collections.IList] $Rows)

            if ($inputProblem) { $PSCmdlet.WriteError($inputProblem); return }
            $target = if ($Endpoint) { $Endpoint } elseif ($WebService) { $WebService } elseif ($Name) { $Name } else { $ApiLocation }

            if ($whole.Count -eq 1) {
                $json = $InputJsonText
                if ($InputJsonFile) {
                    $resolved = [AzMl.AzMlOperations]::ResolvePath($ExecutionContext.SessionState, $InputJsonFile, $InputJsonFile)
                    if (-not $resolved.Succeeded) { $PSCmdlet.WriteError($resolved.Error); return }
                    $json = Get-Content -LiteralPath $resolved.Value -Raw -Encoding utf8 -ErrorAction SilentlyContinue -ErrorVariable unreadable
                    if ($unreadable) { $PSCmdlet.WriteError($unreadable[0]); return }
                }
                $request = [AzMl.AzMlScoring]::CheckRequestJson([string] $json, $wholeFormat, $target)
            } else {
                if ($Rows.Count -eq 0) {
                    $PSCmdlet.WriteError([AzMl.AzMlErrorRecords]::Create([System.Management.Automation.PSArgumentException]::new(
                                'There are no rows to score: the input was empty.'), 'MissingScoringInput', 'InvalidArgument', $target))
                    return
                }
                $request = [AzMl.AzMlScoring]::BuildRequest($Rows, $InputName, $GlobalParameters, $Format -eq 'Swagger', $target)
            }
            if (-not $request.Succeeded) { $PSCmdlet.WriteError($request.Error); return }
            $request = $request.Value

            $service = $WebService
            if ($Name) {
                Write-Verbose "GET webServices/$Name (resource group $ResourceGroupName), for its API location"
                $read = [AzMl.AzMlOperations]::GetWebService($script:AzMlClient, $ResourceGroupName, $Name, $null, $target)
                if (-not $read.Succeeded) { $PSCmdlet.WriteError($read.Error); return }
                $service = $read.Value
            }
            $key = if ($PSCmdlet.ParameterSetName -eq 'ApiLocation') { $ApiKey } else { $null }
            $opened = [AzMl.AzMlScoring]::Open($script:AzMlClient, $service, $Endpoint, $ApiLocation, $key, $target)
            if (-not $opened.Succeeded) { $PSCmdlet.WriteError($opened.Error); return }
            $scoring = $opened.Value
            try {
                $what = if ($whole.Count -eq 1) { 'Score the request' } else { "Score $($Rows.Count) row(s)" }
                if (-not $PSCmdlet.ShouldProcess($scoring.ApiLocation, $what)) { return }
                $query = if ($request.IsSwagger) { '&format=swagger' } else { '' }
                Write-Verbose "POST $($scoring.ApiLocation)/execute?api-version=2.0&details=true$query"
                $answer = [AzMl.AzMlScoring]::Execute($scoring, $request, $target)
                if (-not $answer.Succeeded) { $PSCmdlet.WriteError($answer.Error); return }
                $response = [string] $answer.Value
            } finally {
                $scoring.Dispose()
            }

            if ($OutputJsonFile) {
                $path = [AzMl.AzMlOperations]::ResolvePath($ExecutionContext.SessionState, $OutputJsonFile, $OutputJsonFile)
                if (-not $path.Succeeded) { $PSCmdlet.WriteError($path.Error); return }
                Write-Verbose "Writing the response to $($path.Value)"
                $written = [AzMl.AzMlScoring]::WriteResponseFile($path.Value, $response, $OutputJsonFile)
                if (-not $written.Succeeded) { $PSCmdlet.WriteError($written.Error) }
                return
            }
            if ($Raw -or $asAzuremlps) { return $response }
            $results = [AzMl.AzMlScoring]::ToResults($response, $target)
            if ($results.Succeeded) { $PSCmdlet.WriteObject($results.Value, $true) } else { $PSCmdlet.WriteError($results.Error) }
        }
    }

    process {
        if ($rowsFromPipeline) {
            foreach ($row in $InputObject) { $collected.Add($row) }
            return
        }
        Invoke-Scoring -Rows @($InputObject)
    }

    end {
        if ($rowsFromPipeline) { Invoke-Scoring -Rows $collected }
    }
}
