function Sync-AzMlWebServiceEndpoint {
    <#
    .SYNOPSIS
    Refreshes an endpoint to its web service's current definition and models.

    .DESCRIPTION
    Sync-AzMlWebServiceEndpoint refreshes an added endpoint (POST
    .../webservices/{id}/endpoints/{name}/refresh). An endpoint keeps serving the snapshot of
    the web service it was added with (or last refreshed to) while the web service is updated;
    a refresh moves it to the web service's current definition. Resources replaced by
    Update-AzMlWebServiceEndpoint stay replaced unless -OverwriteResources is given, which
    takes the web service's models too. The new revision is loaded off to the side and swapped
    in; the endpoint is returned.

    When there is nothing to do (the endpoint already serves the web service's revision, or it
    is the default endpoint, which is always in sync), nothing changes and the information
    stream says "Endpoint 'x' is already up to date (no change detected)." An endpoint added
    with -PreventUpdate refuses (EndpointUpdatePrevented).

    .PARAMETER Endpoint
    An endpoint object from Get-AzMlWebServiceEndpoint or Add-AzMlWebServiceEndpoint.

    .PARAMETER WebService
    A web service object from Get-AzMlWebService.

    .PARAMETER ResourceGroupName
    The resource group of the web service named by -Name.

    .PARAMETER Name
    The name of the web service (its ARM name).

    .PARAMETER WebServiceId
    The classic id of the web service: the 32-hex-digit service id of its API location.

    .PARAMETER EndpointName
    The endpoint to refresh.

    .PARAMETER OverwriteResources
    Also replaces the endpoint's updated resources (its retrained models) with the web
    service's.

    .PARAMETER WorkspaceId
    The classic workspace: on azml-host, its subscription id (the default: the connected
    subscription, or the one the web service or endpoint object names).

    .PARAMETER AuthorizationToken
    A token to call with instead of the connection's: an admin token, or the endpoint's own
    primary or secondary key.

    .EXAMPLE
    PS> Update-AzMlWebService -ResourceGroupName 'rg' -Name 'BreastCancerPredictive' -Title 'Breast cancer v2' -Force | Out-Null
    PS> Sync-AzMlWebServiceEndpoint -ResourceGroupName 'rg' -Name 'BreastCancerPredictive' -EndpointName 'retrained1'

    Moves the endpoint to the updated web service, keeping its retrained model.

    .EXAMPLE
    PS> Get-AzMlWebServiceEndpoint -WebService $scoring | Where-Object Name -ne 'default' |
    >>     Sync-AzMlWebServiceEndpoint -OverwriteResources -InformationAction Continue

    Brings every added endpoint back to the web service, models included, and says which were
    already up to date.

    .EXAMPLE
    PS> Refresh-AmlWebServiceEndpoint -WebServiceId $webServiceId -EndpointName 'retrained1' -OverwriteResources

    The azuremlps way.

    .INPUTS
    AzMl.WebServiceEndpoint

    .OUTPUTS
    AzMl.WebServiceEndpoint

    .LINK
    Add-AzMlWebServiceEndpoint

    .LINK
    Update-AzMlWebServiceEndpoint
    #>
    [CmdletBinding(DefaultParameterSetName = 'Endpoint', SupportsShouldProcess)]
    [Alias('Refresh-AmlWebServiceEndpoint')]
    [OutputType('AzMl.WebServiceEndpoint')]
    param(
        [Parameter(ParameterSetName = 'Endpoint', Mandatory, ValueFromPipeline)]
        [PSTypeName('AzMl.WebServiceEndpoint')]
        [psobject] $Endpoint,

        [Parameter(ParameterSetName = 'WebService', Mandatory)]
        [PSTypeName('AzMl.WebService')]
        [psobject] $WebService,

        [Parameter(ParameterSetName = 'Name', Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $ResourceGroupName,

        [Parameter(ParameterSetName = 'Name', Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $Name,

        [Parameter(ParameterSetName = 'WebServiceId', Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $WebServiceId,

        [Parameter(ParameterSetName = 'WebService', Mandatory)]
        [Parameter(ParameterSetName = 'Name', Mandatory)]
        [Parameter(ParameterSetName = 'WebServiceId', Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $EndpointName,

        [Parameter()]
        [switch] $OverwriteResources,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $WorkspaceId,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $AuthorizationToken
    )

    process {
        $target = if ($Endpoint) { $Endpoint } else { $EndpointName }
        $resolved = Resolve-AzMlEndpointTarget -BoundParameters $PSBoundParameters -Cmdlet $PSCmdlet -Target $target
        if (-not $resolved) { return }
        try {
            $endpointName = $resolved.EndpointName
            $action = if ($OverwriteResources) { 'Refresh web service endpoint, replacing its updated resources' } else { 'Refresh web service endpoint' }
            if (-not $PSCmdlet.ShouldProcess("endpoint '$endpointName' of web service '$($resolved.WebServiceId)'", $action)) { return }
            Write-Verbose "POST $($resolved.Route)/endpoints/$endpointName/refresh (OverwriteResources $($OverwriteResources.IsPresent))"
            $outcome = [AzMl.AzMlEndpoints]::Refresh($resolved.Connection, $resolved.WebServiceId, $endpointName,
                                                     $OverwriteResources.IsPresent, $target)
            if (-not $outcome.Succeeded) { $PSCmdlet.WriteError($outcome.Error); return }
            if (-not $outcome.Value.Refreshed) {
                Write-Information "Endpoint '$endpointName' is already up to date (no change detected)." -Tags 'AzMl'
            }
            $outcome.Value.Endpoint
        } finally {
            $resolved.Connection.Dispose()
        }
    }
}
