function Add-AzMlWebServiceEndpoint {
    <#
    .SYNOPSIS
    Adds an endpoint to a web service, with keys, concurrency and a trained model of its own.

    .DESCRIPTION
    Add-AzMlWebServiceEndpoint adds an endpoint to a web service (PUT
    .../webservices/{id}/endpoints/{name}) and returns it. The new endpoint serves the web
    service's current definition and models, answers at its own API location with its own
    primary and secondary keys, and keeps serving that snapshot when the web service is
    updated, until Sync-AzMlWebServiceEndpoint refreshes it. Its trained model can be replaced
    by Update-AzMlWebServiceEndpoint (for example with a retraining batch job's result)
    without touching the web service or its other endpoints: this is the classic retraining
    workflow, where the default endpoint cannot be patched.

    Names are 1 to 24 lower-case letters and digits; "default" is the web service itself.
    Adding an endpoint that exists changes only its settings (-Description, -ThrottleLevel,
    -MaxConcurrentCalls, -PreventUpdate); its keys and model stay. A web service has at most
    100 added endpoints.

    -ThrottleLevel High (the default) allows 1 to 200 concurrent calls (default 20); Low always
    allows 4, so -MaxConcurrentCalls is ignored with Low, with a warning, as azuremlps did.

    .PARAMETER WebService
    A web service object from Get-AzMlWebService (or New-AzMlWebService).

    .PARAMETER ResourceGroupName
    The resource group of the web service named by -Name.

    .PARAMETER Name
    The name of the web service (its ARM name).

    .PARAMETER WebServiceId
    The classic id of the web service: the 32-hex-digit service id of its API location.

    .PARAMETER EndpointName
    The new endpoint's name: 1 to 24 lower-case letters and digits, e.g. 'retrained1'.

    .PARAMETER Description
    A description of the endpoint.

    .PARAMETER ThrottleLevel
    High (1 to 200 concurrent calls) or Low (4). Default: High.

    .PARAMETER MaxConcurrentCalls
    How many requests the endpoint serves at once (1 to 200, High only); beyond that it answers
    429. Default: 20.

    .PARAMETER PreventUpdate
    Makes Sync-AzMlWebServiceEndpoint refuse to refresh the endpoint, so it keeps its snapshot
    of the web service. Its model can still be replaced by Update-AzMlWebServiceEndpoint.

    .PARAMETER WorkspaceId
    The classic workspace: on azml-host, its subscription id (the default: the connected
    subscription, or the one in the web service object's API location).

    .PARAMETER AuthorizationToken
    An admin token to call with instead of the connection's.

    .EXAMPLE
    PS> $scoring = Get-AzMlWebService -ResourceGroupName 'rg' -Name 'BreastCancerPredictive'
    PS> $endpoint = $scoring | Add-AzMlWebServiceEndpoint -EndpointName 'retrained1' -Description 'Weekly retrained model'
    PS> $endpoint.ApiLocation

    Adds an endpoint for a retrained model, and shows where it answers.

    .EXAMPLE
    PS> Add-AzMlWebServiceEndpoint -ResourceGroupName 'rg' -Name 'BreastCancerPredictive' -EndpointName 'batch' -MaxConcurrentCalls 50

    Adds an endpoint that serves up to 50 requests at once.

    .EXAMPLE
    PS> Add-AmlWebServiceEndpoint -WebServiceId $webServiceId -EndpointName 'retrained1' -Description 'retrained1'

    The azuremlps way, as the retraining documentation has it.

    .INPUTS
    AzMl.WebService, AzMl.ClassicWebService

    .OUTPUTS
    AzMl.WebServiceEndpoint

    .LINK
    Get-AzMlWebServiceEndpoint

    .LINK
    Update-AzMlWebServiceEndpoint

    .LINK
    Remove-AzMlWebServiceEndpoint
    #>
    [CmdletBinding(DefaultParameterSetName = 'WebService', SupportsShouldProcess)]
    [Alias('Add-AmlWebServiceEndpoint')]
    [OutputType('AzMl.WebServiceEndpoint')]
    param(
        [Parameter(ParameterSetName = 'WebService', Mandatory, ValueFromPipeline)]
        [PSTypeName('AzMl.WebService')]
        [psobject] $WebService,

        [Parameter(ParameterSetName = 'Name', Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $ResourceGroupName,

        [Parameter(ParameterSetName = 'Name', Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $Name,

        [Parameter(ParameterSetName = 'WebServiceId', Mandatory, ValueFromPipelineByPropertyName)]
        [Alias('Id')]
        [ValidateNotNullOrEmpty()]
        [string] $WebServiceId,

        [Parameter(Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $EndpointName,

        [Parameter()]
        [string] $Description,

        [Parameter()]
        [ValidateSet('High', 'Low')]
        [string] $ThrottleLevel,

        [Parameter()]
        [ValidateRange(1, 200)]
        [int] $MaxConcurrentCalls,

        [Parameter()]
        [switch] $PreventUpdate,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $WorkspaceId,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $AuthorizationToken
    )

    process {
        $target = $EndpointName
        $calls = $MaxConcurrentCalls
        if ($ThrottleLevel -eq 'Low' -and $PSBoundParameters.ContainsKey('MaxConcurrentCalls')) {
            Write-Warning 'When ThrottleLevel is set to Low, MaxConcurrentCalls is automatically set to the default value of 4.'
            $calls = 0
        }
        $resolved = Resolve-AzMlEndpointTarget -BoundParameters $PSBoundParameters -Cmdlet $PSCmdlet -Target $target
        if (-not $resolved) { return }
        try {
            if (-not $PSCmdlet.ShouldProcess("endpoint '$EndpointName' of web service '$($resolved.WebServiceId)'", 'Add web service endpoint')) {
                return
            }
            Write-Verbose "PUT $($resolved.Route)/endpoints/$EndpointName"
            $description = if ($PSBoundParameters.ContainsKey('Description')) { $Description } else { $null }
            $outcome = [AzMl.AzMlEndpoints]::AddEndpoint($resolved.Connection, $resolved.WebServiceId, $EndpointName, $description,
                                                         $ThrottleLevel, $calls, $PreventUpdate.IsPresent, $target)
            if ($outcome.Succeeded) { $outcome.Value } else { $PSCmdlet.WriteError($outcome.Error) }
        } finally {
            $resolved.Connection.Dispose()
        }
    }
}
