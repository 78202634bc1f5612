function Remove-AzMlWebService {
    <#
    .SYNOPSIS
    Removes a web service.

    .DESCRIPTION
    Remove-AzMlWebService deletes a web service (DELETE) and waits for the operation to end.
    Removing a web service that does not exist succeeds, as the service answers 202 either
    way. The service is named by resource group and name, or given as an object through the
    pipeline; the object's ARM resource id says which service it is. Read-only web services
    can be removed.

    The command first honours -WhatIf/-Confirm ("Deleting machine learning web service..";
    its ConfirmImpact is High, so it asks by default), then asks "Are you sure you want to
    remove ...?" unless -Force is given. Nothing is written to the pipeline.

    .PARAMETER ResourceGroupName
    The resource group of the web service.

    .PARAMETER Name
    The name of the web service to remove.

    .PARAMETER MlWebService
    A web service object (from Get-AzMlWebService) whose id is an ARM resource id of a
    Microsoft.MachineLearning web service.

    .PARAMETER Force
    Removes without the second question; combine with -Confirm:$false to ask nothing.

    .PARAMETER DefaultProfile
    Accepted for compatibility with Az.MachineLearning and ignored: AzMl uses the connection
    made by Start-AzMlHost or Connect-AzMlAccount.

    .EXAMPLE
    PS> Remove-AzMlWebService -ResourceGroupName 'Default-MachineLearning-SouthCentralUS' -Name 'RetrainSamplePre' -Force -Confirm:$false

    Removes a web service without asking.

    .EXAMPLE
    PS> Get-AzMlWebService -ResourceGroupName 'Scratch' | Remove-AzMlWebService -Force -Confirm:$false

    Removes every web service of a resource group.

    .INPUTS
    AzMl.WebService

    .OUTPUTS
    None.

    .LINK
    Get-AzMlWebService
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High', DefaultParameterSetName = 'RemoveByNameAndResourceGroup')]
    [Alias('Remove-AzureRmMlWebService')]
    [OutputType([void])]
    param(
        [Parameter(ParameterSetName = 'RemoveByNameAndResourceGroup', Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $ResourceGroupName,

        [Parameter(ParameterSetName = 'RemoveByNameAndResourceGroup', Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $Name,

        [Parameter(ParameterSetName = 'RemoveByObject', Mandatory, ValueFromPipeline)]
        [ValidateNotNull()]
        [object] $MlWebService,

        [Parameter()]
        [switch] $Force,

        [Parameter()]
        [Alias('AzContext', 'AzureRmContext', 'AzureCredential')]
        [object] $DefaultProfile
    )

    begin {
        Write-AzMlDefaultProfileNote -BoundParameters $PSBoundParameters
    }

    process {
        $byObject = $PSCmdlet.ParameterSetName -eq 'RemoveByObject'
        $target = if ($byObject) { $MlWebService } else { $Name }
        # Az asks before it reads the object's id; the question names the object as well as it can.
        $displayName = if ($byObject) { [string]$MlWebService.name } else { $Name }
        if (-not $PSCmdlet.ShouldProcess($displayName, 'Deleting machine learning web service..')) { return }

        $resourceGroup = $ResourceGroupName
        $serviceName = $Name
        if ($byObject) {
            $parsed = [AzMl.AzMlOperations]::ParseWebServiceId($MlWebService)
            if (-not $parsed.Succeeded) { $PSCmdlet.WriteError($parsed.Error); return }
            $resourceGroup = $parsed.Value.ResourceGroupName
            $serviceName = $parsed.Value.Name
        }
        $question = 'Are you sure you want to remove the machine learning web service "{0}" ?' -f $serviceName
        if (-not ($Force -or (Confirm-AzMlContinue -Cmdlet $PSCmdlet -Query $question -Target $target))) { return }

        Write-Verbose "DELETE webServices/$serviceName (resource group $resourceGroup), then wait for the operation"
        $outcome = [AzMl.AzMlOperations]::RemoveWebService($script:AzMlClient, $resourceGroup, $serviceName, $target)
        if (-not $outcome.Succeeded) { $PSCmdlet.WriteError($outcome.Error) }
    }
}
