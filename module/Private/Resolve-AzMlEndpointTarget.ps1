function Resolve-AzMlEndpointTarget {
    <#
    .SYNOPSIS
    The web service (classic id), endpoint name and connection of a classic endpoint command's
    parameters, or $null after writing the error.

    .DESCRIPTION
    The endpoint commands name their web service in one of four ways, one parameter set each:
    an endpoint object (-Endpoint: its WebServiceId, WorkspaceId and Name), a web service object
    (-WebService: the classic id is the service id of its API location), -Name and
    -ResourceGroupName (the web service is read first, for its API location), or -WebServiceId
    (the classic id, as azuremlps took it). -WorkspaceId replaces the workspace; with
    -AuthorizationToken the calls carry that token (or endpoint key) instead of the connection's.

    The caller disposes .Connection (it owns a client only when a token was given).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [System.Collections.IDictionary] $BoundParameters,

        [Parameter(Mandatory)]
        [System.Management.Automation.PSCmdlet] $Cmdlet,

        [Parameter()]
        [object] $Target
    )

    $endpointName = $BoundParameters['EndpointName']
    $workspaceId = $null
    if ($BoundParameters.ContainsKey('Endpoint')) {
        $endpoint = $BoundParameters['Endpoint']
        $webServiceId = [string] $endpoint.WebServiceId
        $workspaceId = [string] $endpoint.WorkspaceId
        $endpointName = [string] $endpoint.Name
        if (-not $webServiceId -or -not $endpointName) {
            $exception = [System.Management.Automation.PSArgumentException]::new(
                'The endpoint object has no WebServiceId or Name; get it with Get-AzMlWebServiceEndpoint.', 'Endpoint')
            $Cmdlet.WriteError([AzMl.AzMlErrorRecords]::Create($exception, 'InvalidEndpointObject', 'InvalidArgument', $Target))
            return $null
        }
    } elseif ($BoundParameters.ContainsKey('WebServiceId')) {
        $webServiceId = $BoundParameters['WebServiceId']
    } else {
        $webService = $BoundParameters['WebService']
        if ($BoundParameters.ContainsKey('Name')) {
            $resourceGroup = $BoundParameters['ResourceGroupName']
            $name = $BoundParameters['Name']
            Write-Verbose "GET webServices/$name (resource group $resourceGroup), for its API location"
            $read = [AzMl.AzMlOperations]::GetWebService($script:AzMlClient, $resourceGroup, $name, $null, $Target)
            if (-not $read.Succeeded) { $Cmdlet.WriteError($read.Error); return $null }
            $webService = $read.Value
        }
        $reference = [AzMl.AzMlEndpoints]::ReferenceOfWebService($webService)
        if (-not $reference.Succeeded) { $Cmdlet.WriteError($reference.Error); return $null }
        $webServiceId = $reference.Value.WebServiceId
        $workspaceId = $reference.Value.WorkspaceId
    }
    if ($BoundParameters.ContainsKey('WorkspaceId')) { $workspaceId = $BoundParameters['WorkspaceId'] }

    $subscription = if ($script:AzMlContext) { $script:AzMlContext.SubscriptionId } else { $null }
    $connected = [AzMl.AzMlEndpoints]::Connect($script:AzMlClient, $subscription, $workspaceId,
                                               $BoundParameters['AuthorizationToken'], $Target)
    if (-not $connected.Succeeded) { $Cmdlet.WriteError($connected.Error); return $null }
    $connection = $connected.Value
    $workspace = if ($connection.WorkspaceId) { $connection.WorkspaceId } else { $subscription }
    [pscustomobject]@{
        WebServiceId = $webServiceId
        EndpointName = $endpointName
        Connection   = $connection
        # For -Verbose: the classic route the call goes to.
        Route        = "workspaces/$workspace/webservices/$webServiceId"
    }
}
