function Get-AzMlWebService {
    <#
    .SYNOPSIS
    Gets web services: one by name, all of a resource group, or all of the subscription.

    .DESCRIPTION
    Get-AzMlWebService reads Microsoft.MachineLearning/webServices resources through libazml.
    With -Name (and -ResourceGroupName) it returns the whole web service (GET); storage keys
    and service keys are never returned by the service (use Get-AzMlWebServiceKey for keys).
    With only -ResourceGroupName it lists the group's web services; with no parameter it lists
    every web service of the subscription. Lists follow every page and are sparse, as the
    service returns them: get a service by name for its full definition.

    The objects carry the PSTypeName AzMl.WebService and keep the JSON property names
    (camelCase); property access is case-insensitive, so $ws.Properties.Title works.

    .PARAMETER ResourceGroupName
    The resource group of the web service(s).

    .PARAMETER Name
    The name of the web service. Needs -ResourceGroupName.

    .PARAMETER Region
    The region whose encrypted credential parameters the returned definition should hold
    (GET ?region=). Used with -Name.

    .PARAMETER DefaultProfile
    Accepted for compatibility with Az.MachineLearning and ignored: AzMl uses the connection
    made by Start-AzMlHost or Connect-AzMlAccount.

    .EXAMPLE
    PS> Start-AzMlHost | Out-Null
    PS> Get-AzMlWebService -ResourceGroupName 'Default-MachineLearning-SouthCentralUS' -Name 'RetrainSamplePre'

    Gets one web service with its whole definition.

    .EXAMPLE
    PS> Get-AzMlWebService -ResourceGroupName 'Default-MachineLearning-SouthCentralUS'

    Lists the web services of a resource group.

    .EXAMPLE
    PS> Get-AzMlWebService | Select-Object -ExpandProperty name

    Lists the names of every web service of the subscription.

    .INPUTS
    None.

    .OUTPUTS
    AzMl.WebService

    .LINK
    Export-AzMlWebService

    .LINK
    about_AzMl
    #>
    [CmdletBinding()]
    [Alias('Get-AzureRmMlWebService')]
    [OutputType('AzMl.WebService')]
    param(
        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $ResourceGroupName,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $Name,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $Region,

        [Parameter()]
        [Alias('AzContext', 'AzureRmContext', 'AzureCredential')]
        [object] $DefaultProfile
    )

    Write-AzMlDefaultProfileNote -BoundParameters $PSBoundParameters
    if ($Name -and -not $ResourceGroupName) {
        $PSCmdlet.WriteError([AzMl.AzMlErrorRecords]::FromException([AzMl.AzMlMissingResourceGroupException]::new(), $Name))
        return
    }

    if ($Name) {
        $query = if ($Region) { "?region=$Region" } else { '' }
        Write-Verbose "GET webServices/$Name$query (resource group $ResourceGroupName)"
        $outcome = [AzMl.AzMlOperations]::GetWebService($script:AzMlClient, $ResourceGroupName, $Name, $Region, $Name)
        if ($outcome.Succeeded) { $outcome.Value } else { $PSCmdlet.WriteError($outcome.Error) }
        return
    }

    if ($ResourceGroupName) {
        Write-Verbose "GET resourceGroups/$ResourceGroupName/providers/Microsoft.MachineLearning/webServices (every page)"
    }
    else {
        Write-Verbose 'GET providers/Microsoft.MachineLearning/webServices (every page)'
    }
    $target = if ($ResourceGroupName) { $ResourceGroupName } else { $null }
    $outcome = [AzMl.AzMlOperations]::ListWebServices($script:AzMlClient, $ResourceGroupName, $target)
    if ($outcome.Succeeded) { $PSCmdlet.WriteObject($outcome.Value, $true) } else { $PSCmdlet.WriteError($outcome.Error) }
}
