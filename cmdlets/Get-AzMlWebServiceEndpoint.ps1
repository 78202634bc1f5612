function Get-AzMlWebServiceEndpoint {
    <#
    .SYNOPSIS
    Gets the endpoints of a web service: one by name, or all of them.

    .DESCRIPTION
    Get-AzMlWebServiceEndpoint reads a web service's endpoints through the classic management
    API (GET .../workspaces/{ws}/webservices/{id}/endpoints). Every web service has a "default"
    endpoint, which is the web service itself (its keys, its definition, kept in sync with
    every update); Add-AzMlWebServiceEndpoint adds more, each with its own keys, concurrency
    and trained model. Without -EndpointName all endpoints are listed, the default one first.

    An endpoint is an AzMl.WebServiceEndpoint object with the classic API's fields: Name,
    ApiLocation (the RRS and BES location of this endpoint: Invoke-AzMlWebService and
    Invoke-AzMlBatchJob take it), PrimaryKey and SecondaryKey, HelpLocation, Version,
    ThrottleLevel, MaxConcurrentCalls, PreventUpdate, and Resources: the updatable resources
    (trained models) with where each is loaded from. SasBlobToken is never returned.

    The web service is given as an object from Get-AzMlWebService (also through the
    pipeline), by -Name and -ResourceGroupName, or by its classic id (-WebServiceId, as the
    azuremlps module took it; the Id of an AzMl.ClassicWebService object binds to it from the
    pipeline). The classic id is the service id in the web service's API location.

    .PARAMETER WebService
    A web service object from Get-AzMlWebService (or New-AzMlWebService).

    .PARAMETER ResourceGroupName
    The resource group of the web service named by -Name.

    .PARAMETER Name
    The name of the web service (its ARM name).

    .PARAMETER WebServiceId
    The classic id of the web service: the 32-hex-digit service id of its API location.

    .PARAMETER EndpointName
    The endpoint to get, e.g. 'default' or 'retrained1'. Without it, every endpoint is listed.

    .PARAMETER WorkspaceId
    The classic workspace: on azml-host, its subscription id (the default: the connected
    subscription, or the one in the web service object's API location).

    .PARAMETER AuthorizationToken
    A token to call with instead of the connection's: an admin token, or the endpoint's own
    primary or secondary key (accepted for one endpoint, with -EndpointName).

    .EXAMPLE
    PS> $scoring = Get-AzMlWebService -ResourceGroupName 'rg' -Name 'BreastCancerPredictive'
    PS> $scoring | Get-AzMlWebServiceEndpoint

    Lists the endpoints of a web service.

    .EXAMPLE
    PS> Get-AzMlWebServiceEndpoint -ResourceGroupName 'rg' -Name 'BreastCancerPredictive' -EndpointName 'retrained1' |
    >>     Select-Object -ExpandProperty Resources

    Shows the trained model an endpoint serves, and where it was loaded from.

    .EXAMPLE
    PS> Get-AmlWebServiceEndpoint -WebServiceId $webServiceId -EndpointName 'default'

    The azuremlps way: the web service by its classic id.

    .INPUTS
    AzMl.WebService, AzMl.ClassicWebService

    .OUTPUTS
    AzMl.WebServiceEndpoint

    .LINK
    Add-AzMlWebServiceEndpoint

    .LINK
    Update-AzMlWebServiceEndpoint

    .LINK
    about_AzMl
    #>
    [CmdletBinding(DefaultParameterSetName = 'WebService')]
    [Alias('Get-AmlWebServiceEndpoint')]
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

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $EndpointName,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $WorkspaceId,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $AuthorizationToken
    )

    process {
        $target = if ($WebService) { $WebService } elseif ($Name) { $Name } else { $WebServiceId }
        $resolved = Resolve-AzMlEndpointTarget -BoundParameters $PSBoundParameters -Cmdlet $PSCmdlet -Target $target
        if (-not $resolved) { return }
        try {
            if ($EndpointName) {
                Write-Verbose "GET $($resolved.Route)/endpoints/$EndpointName"
                $outcome = [AzMl.AzMlEndpoints]::GetEndpoint($resolved.Connection, $resolved.WebServiceId, $EndpointName, $EndpointName)
                if ($outcome.Succeeded) { $outcome.Value } else { $PSCmdlet.WriteError($outcome.Error) }
            } else {
                Write-Verbose "GET $($resolved.Route)/endpoints"
                $outcome = [AzMl.AzMlEndpoints]::ListEndpoints($resolved.Connection, $resolved.WebServiceId, $target)
                if ($outcome.Succeeded) { $PSCmdlet.WriteObject($outcome.Value, $true) } else { $PSCmdlet.WriteError($outcome.Error) }
            }
        } finally {
            $resolved.Connection.Dispose()
        }
    }
}
