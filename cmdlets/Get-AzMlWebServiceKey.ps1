function Get-AzMlWebServiceKey {
    <#
    .SYNOPSIS
    Gets the access keys of a web service.

    .DESCRIPTION
    Get-AzMlWebServiceKey returns the primary and secondary keys that authenticate calls to a
    web service's runtime APIs (request-response and batch execution). The service is named by
    resource group and name, or given as an object, for example from Get-AzMlWebService
    through the pipeline; the object's ARM resource id says which service it is.

    .PARAMETER ResourceGroupName
    The resource group of the web service.

    .PARAMETER Name
    The name of the web service.

    .PARAMETER MlWebService
    A web service object (from Get-AzMlWebService or New-AzMlWebService) whose id is an ARM
    resource id of a Microsoft.MachineLearning web service.

    .PARAMETER DefaultProfile
    Accepted for compatibility with Az.MachineLearning and ignored: AzMl uses the connection
    made by Start-AzMlHost or Connect-AzMlAccount.

    .EXAMPLE
    PS> Get-AzMlWebServiceKey -ResourceGroupName 'Default-MachineLearning-SouthCentralUS' -Name 'RetrainSamplePre'

    Gets the keys of a web service by name.

    .EXAMPLE
    PS> Get-AzMlWebService -ResourceGroupName 'Default-MachineLearning-SouthCentralUS' -Name 'RetrainSamplePre' |
    >>     Get-AzMlWebServiceKey

    Gets the keys of the web service that comes down the pipeline.

    .INPUTS
    AzMl.WebService

    .OUTPUTS
    AzMl.WebServiceKeys

    .LINK
    Get-AzMlWebService
    #>
    [CmdletBinding(DefaultParameterSetName = 'GetByNameAndResourceGroup')]
    [Alias('Get-AzMlWebServiceKeys', 'Get-AzureRmMlWebServiceKeys')]
    [OutputType('AzMl.WebServiceKeys')]
    param(
        [Parameter(ParameterSetName = 'GetByNameAndResourceGroup', Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $ResourceGroupName,

        [Parameter(ParameterSetName = 'GetByNameAndResourceGroup', Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $Name,

        [Parameter(ParameterSetName = 'GetByInstance', Mandatory, ValueFromPipeline)]
        [ValidateNotNull()]
        [object] $MlWebService,

        [Parameter()]
        [Alias('AzContext', 'AzureRmContext', 'AzureCredential')]
        [object] $DefaultProfile
    )

    begin {
        Write-AzMlDefaultProfileNote -BoundParameters $PSBoundParameters
    }

    process {
        $resourceGroup = $ResourceGroupName
        $serviceName = $Name
        $target = $Name
        if ($PSCmdlet.ParameterSetName -eq 'GetByInstance') {
            $target = $MlWebService
            $parsed = [AzMl.AzMlOperations]::ParseWebServiceId($MlWebService)
            if (-not $parsed.Succeeded) { $PSCmdlet.WriteError($parsed.Error); return }
            $resourceGroup = $parsed.Value.ResourceGroupName
            $serviceName = $parsed.Value.Name
        }
        Write-Verbose "GET webServices/$serviceName/listKeys (resource group $resourceGroup)"
        $outcome = [AzMl.AzMlOperations]::GetWebServiceKeys($script:AzMlClient, $resourceGroup, $serviceName, $target)
        if ($outcome.Succeeded) { $outcome.Value } else { $PSCmdlet.WriteError($outcome.Error) }
    }
}
