function New-AzMlWebService {
    <#
    .SYNOPSIS
    Creates a web service from a definition file or a web service object.

    .DESCRIPTION
    New-AzMlWebService creates a Microsoft.MachineLearning web service in a resource group
    (PUT), waits for the provisioning operation to end and returns the web service as the
    service then reports it (GET). If a web service with the same name exists in the resource
    group, the call acts as an update and the existing web service is overwritten.

    From a file, the definition is imported as Import-AzMlWebService does, and -Name and
    -Location overwrite what the file says. From an object (for example one that
    Import-AzMlWebService returned and you edited), the object is sent as it is: only the
    request URL uses -Name.

    Like Az.MachineLearning, the command asks "Are you sure you want to create a new machine
    learning web service ...?" unless -Force is given, and then honours -WhatIf and -Confirm.

    .PARAMETER ResourceGroupName
    The resource group to create the web service in.

    .PARAMETER Location
    The region of the web service, such as 'South Central US'.

    .PARAMETER Name
    The name of the new web service; unique in the resource group.

    .PARAMETER DefinitionFile
    The path of a JSON web service definition (as Export-AzMlWebService writes), absolute or
    relative to the current location.

    .PARAMETER NewWebServiceDefinition
    A web service object, or a hashtable of the same shape, with location and properties.

    .PARAMETER Force
    Creates the web service without asking for confirmation first.

    .PARAMETER DefaultProfile
    Accepted for compatibility with Az.MachineLearning and ignored: AzMl uses the connection
    made by Start-AzMlHost or Connect-AzMlAccount.

    .EXAMPLE
    PS> New-AzMlWebService -ResourceGroupName 'Default-MachineLearning-SouthCentralUS' -Location 'South Central US' -Name 'RetrainSamplePre' -DefinitionFile ./mlservice.json -Force

    Creates a web service from a definition file.

    .EXAMPLE
    PS> $definition = Import-AzMlWebService -InputFile ./mlservice.json
    PS> $definition.properties.title = 'Bike rental prediction'
    PS> $definition | New-AzMlWebService -ResourceGroupName 'Default-MachineLearning-SouthCentralUS' -Location 'South Central US' -Name 'BikeRental' -Force

    Creates a web service from an imported and edited definition object.

    .INPUTS
    AzMl.WebService

    .OUTPUTS
    AzMl.WebService

    .LINK
    Import-AzMlWebService

    .LINK
    Update-AzMlWebService
    #>
    [CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'CreateFromFile')]
    [Alias('New-AzureRmMlWebService')]
    [OutputType('AzMl.WebService')]
    param(
        [Parameter(Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $ResourceGroupName,

        [Parameter(Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $Location,

        [Parameter(Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $Name,

        [Parameter(ParameterSetName = 'CreateFromFile', Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $DefinitionFile,

        [Parameter(ParameterSetName = 'CreateFromInstance', Mandatory, ValueFromPipeline)]
        [ValidateNotNull()]
        [object] $NewWebServiceDefinition,

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
        $fromFile = $PSCmdlet.ParameterSetName -eq 'CreateFromFile'
        $target = if ($fromFile) { $Name } else { $NewWebServiceDefinition }

        # Az's ConfirmAction: -Force skips only this question; -WhatIf/-Confirm still apply below.
        $question = 'Are you sure you want to create a new machine learning web service "{0}" ?' -f $Name
        if (-not ($Force -or (Confirm-AzMlContinue -Cmdlet $PSCmdlet -Query $question -Target $target))) { return }
        if (-not $PSCmdlet.ShouldProcess($Name, 'Creating the new web service')) { return }

        if ($fromFile) {
            $path = [AzMl.AzMlOperations]::ResolvePath($ExecutionContext.SessionState, $DefinitionFile, $DefinitionFile)
            if (-not $path.Succeeded) { $PSCmdlet.WriteError($path.Error); return }
            Write-Verbose "Importing $($path.Value); its location becomes '$Location'"
            Write-Verbose "PUT webServices/$Name (resource group $ResourceGroupName), then GET when provisioning ends"
            $outcome = [AzMl.AzMlOperations]::NewWebServiceFromFile($script:AzMlClient, $ResourceGroupName, $Name,
                $Location, $path.Value, $target)
        }
        else {
            Write-Verbose "PUT webServices/$Name (resource group $ResourceGroupName), then GET when provisioning ends"
            $outcome = [AzMl.AzMlOperations]::NewWebService($script:AzMlClient, $ResourceGroupName, $Name,
                $NewWebServiceDefinition, $target)
        }
        if ($outcome.Succeeded) { $outcome.Value } else { $PSCmdlet.WriteError($outcome.Error) }
    }
}
