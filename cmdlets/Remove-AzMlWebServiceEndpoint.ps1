function Remove-AzMlWebServiceEndpoint {
    <#
    .SYNOPSIS
    Removes an endpoint of a web service.

    .DESCRIPTION
    Remove-AzMlWebServiceEndpoint deletes an added endpoint (DELETE
    .../webservices/{id}/endpoints/{name}): its keys stop working and its API location stops
    answering; requests in flight finish. The web service and its other endpoints are not
    touched. The default endpoint is the web service itself and cannot be removed
    (DefaultEndpointInUse): remove the web service with Remove-AzMlWebService instead.

    The endpoint is named by -EndpointName and its web service (an object, -Name and
    -ResourceGroupName, or -WebServiceId), or given as an object from
    Get-AzMlWebServiceEndpoint through the pipeline.

    The command first honours -WhatIf/-Confirm (its ConfirmImpact is High, so it asks by
    default), then asks "Are you sure you want to remove ...?" unless -Force is given. Nothing
    is written to the pipeline.

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
    The endpoint to remove.

    .PARAMETER Force
    Removes without the second question; combine with -Confirm:$false to ask nothing.

    .PARAMETER WorkspaceId
    The classic workspace: on azml-host, its subscription id (the default: the connected
    subscription, or the one the web service or endpoint object names).

    .PARAMETER AuthorizationToken
    An admin token to call with instead of the connection's.

    .EXAMPLE
    PS> Remove-AzMlWebServiceEndpoint -ResourceGroupName 'rg' -Name 'BreastCancerPredictive' -EndpointName 'retrained1' -Force -Confirm:$false

    Removes an endpoint without asking.

    .EXAMPLE
    PS> Get-AzMlWebServiceEndpoint -ResourceGroupName 'rg' -Name 'BreastCancerPredictive' |
    >>     Where-Object Name -ne 'default' | Remove-AzMlWebServiceEndpoint -Force -Confirm:$false

    Removes every added endpoint of a web service.

    .INPUTS
    AzMl.WebServiceEndpoint

    .OUTPUTS
    None.

    .LINK
    Add-AzMlWebServiceEndpoint

    .LINK
    Remove-AzMlWebService
    #>
    [CmdletBinding(DefaultParameterSetName = 'Endpoint', SupportsShouldProcess, ConfirmImpact = 'High')]
    [Alias('Remove-AmlWebServiceEndpoint')]
    [OutputType([void])]
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
        [switch] $Force,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $WorkspaceId,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $AuthorizationToken
    )

    process {
        $target = if ($Endpoint) { $Endpoint } else { $EndpointName }
        $displayName = if ($Endpoint) { [string] $Endpoint.Name } else { $EndpointName }
        if (-not $PSCmdlet.ShouldProcess($displayName, 'Removing web service endpoint..')) { return }
        $resolved = Resolve-AzMlEndpointTarget -BoundParameters $PSBoundParameters -Cmdlet $PSCmdlet -Target $target
        if (-not $resolved) { return }
        try {
            $question = 'Are you sure you want to remove the endpoint "{0}" of web service "{1}" ?' -f $resolved.EndpointName, $resolved.WebServiceId
            if (-not ($Force -or (Confirm-AzMlContinue -Cmdlet $PSCmdlet -Query $question -Target $target))) { return }
            Write-Verbose "DELETE $($resolved.Route)/endpoints/$($resolved.EndpointName)"
            $outcome = [AzMl.AzMlEndpoints]::RemoveEndpoint($resolved.Connection, $resolved.WebServiceId, $resolved.EndpointName, $target)
            if (-not $outcome.Succeeded) { $PSCmdlet.WriteError($outcome.Error) }
        } finally {
            $resolved.Connection.Dispose()
        }
    }
}
