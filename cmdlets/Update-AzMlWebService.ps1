function Update-AzMlWebService {
    <#
    .SYNOPSIS
    Updates properties of an existing web service.

    .DESCRIPTION
    Update-AzMlWebService patches a web service (PATCH), waits for the operation to end and
    returns the web service as the service then reports it. Only what you pass is changed.

    With parameters (-Title, -Description, -Keys, ...), the patch holds those fields, plus
    readOnly (false unless -IsReadOnly is given) and packageType Graph, as Az.MachineLearning
    sends them. With -ServiceUpdates, the object is sent without its read-only fields (id,
    name, type, createdOn, modifiedOn, provisioningState, swaggerLocation) and nulls: this is
    the retraining workflow's last step, Export -> edit -> Import -> Update -ServiceUpdates.

    The command first honours -WhatIf/-Confirm ("Updating machine learning web service.."),
    then asks "Are you sure you want to update ...?" unless -Force is given. An update that
    makes the service read-only says so in the question: a read-only service can only be
    removed afterwards.

    .PARAMETER ResourceGroupName
    The resource group of the web service.

    .PARAMETER Name
    The name of the web service to update.

    .PARAMETER Title
    The new title (visible in the service's Swagger API schema).

    .PARAMETER Description
    The new description (visible in the service's Swagger API schema).

    .PARAMETER IsReadOnly
    Makes the web service read-only: it can then no longer be updated, only removed.

    .PARAMETER Keys
    New access keys, e.g. @{ primary = '...' }; a key not given is kept.

    .PARAMETER StorageAccountKey
    A new access key for the web service's storage account (key rotation).

    .PARAMETER Diagnostics
    The diagnostics settings, e.g. @{ level = 'All' }.

    .PARAMETER RealtimeConfiguration
    The request-response endpoint settings, e.g. @{ maxConcurrentCalls = 25 }.

    .PARAMETER Assets
    The assets (modules, resources) of the service, asset id -> asset.

    .PARAMETER Input
    The input schema (Swagger) of the service.

    .PARAMETER Output
    The output schema (Swagger) of the service.

    .PARAMETER Parameters
    Global parameter defaults, parameter name -> @{ value = ... }.

    .PARAMETER Package
    The graph package (nodes, edges, graph parameters) of the service.

    .PARAMETER ServiceUpdates
    A web service object (for example from Import-AzMlWebService), or a hashtable of the same
    shape, holding the fields to change.

    .PARAMETER Force
    Updates without asking for confirmation first.

    .PARAMETER DefaultProfile
    Accepted for compatibility with Az.MachineLearning and ignored: AzMl uses the connection
    made by Start-AzMlHost or Connect-AzMlAccount.

    .EXAMPLE
    PS> Update-AzMlWebService -ResourceGroupName 'Default-MachineLearning-SouthCentralUS' -Name 'RetrainSamplePre' -Description 'Retrained weekly' -Diagnostics @{ level = 'All' } -Force

    Changes the description and turns on diagnostics traces.

    .EXAMPLE
    PS> $wsd = Import-AzMlWebService -InputFile ./mlservice_export.json
    PS> Update-AzMlWebService -Name 'RetrainSamplePre' -ResourceGroupName 'Default-MachineLearning-SouthCentralUS' -ServiceUpdates $wsd -Force

    Applies an edited definition (the retraining workflow).

    .EXAMPLE
    PS> $updates = @{ Properties = @{ Title = 'New Title'; RealtimeConfiguration = @{ MaxConcurrentCalls = 25 } } }
    PS> Update-AzMlWebService -ResourceGroupName 'Default-MachineLearning-SouthCentralUS' -Name 'RetrainSamplePre' -ServiceUpdates $updates -Force

    Applies updates written as a hashtable.

    .INPUTS
    AzMl.WebService

    .OUTPUTS
    AzMl.WebService

    .LINK
    Import-AzMlWebService

    .LINK
    about_AzMl
    #>
    [CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'UpdateFromParameters')]
    [Alias('Update-AzureRmMlWebService')]
    [OutputType('AzMl.WebService')]
    param(
        [Parameter(Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $ResourceGroupName,

        [Parameter(Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $Name,

        [Parameter(ParameterSetName = 'UpdateFromParameters')]
        [string] $Title,

        [Parameter(ParameterSetName = 'UpdateFromParameters')]
        [string] $Description,

        [Parameter(ParameterSetName = 'UpdateFromParameters')]
        [switch] $IsReadOnly,

        [Parameter(ParameterSetName = 'UpdateFromParameters')]
        [object] $Keys,

        [Parameter(ParameterSetName = 'UpdateFromParameters')]
        [string] $StorageAccountKey,

        [Parameter(ParameterSetName = 'UpdateFromParameters')]
        [object] $Diagnostics,

        [Parameter(ParameterSetName = 'UpdateFromParameters')]
        [object] $RealtimeConfiguration,

        [Parameter(ParameterSetName = 'UpdateFromParameters')]
        [hashtable] $Assets,

        [Parameter(ParameterSetName = 'UpdateFromParameters')]
        [object] $Input,

        [Parameter(ParameterSetName = 'UpdateFromParameters')]
        [object] $Output,

        [Parameter(ParameterSetName = 'UpdateFromParameters')]
        [hashtable] $Parameters,

        [Parameter(ParameterSetName = 'UpdateFromParameters')]
        [object] $Package,

        [Parameter(ParameterSetName = 'UpdateFromObject', Mandatory, ValueFromPipeline)]
        [ValidateNotNull()]
        [object] $ServiceUpdates,

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
        $fromObject = $PSCmdlet.ParameterSetName -eq 'UpdateFromObject'
        $target = if ($fromObject) { $ServiceUpdates } else { $Name }
        if (-not $PSCmdlet.ShouldProcess($Name, 'Updating machine learning web service..')) { return }

        $makesReadOnly = if ($fromObject) {
            $updatedProperties = $ServiceUpdates.properties
            $null -ne $updatedProperties -and $updatedProperties.readOnly -is [bool] -and $updatedProperties.readOnly
        }
        else {
            $IsReadOnly.IsPresent
        }
        $question = if ($makesReadOnly) {
            ('Your update will make this web service readonly. This means that the service will no longer be ' +
                'update-able and can only be deleted. Are you sure you want to process this update for web service "{0}" ?') -f $Name
        }
        else {
            'Are you sure you want to update the machine learning web service "{0}" ?' -f $Name
        }
        if (-not ($Force -or (Confirm-AzMlContinue -Cmdlet $PSCmdlet -Query $question -Target $target))) { return }

        if ($fromObject) {
            $update = $ServiceUpdates
        }
        else {
            # What Az.MachineLearning's WebServicePropertiesForGraph serialises: the given
            # fields, readOnly always, packageType Graph always; nulls are dropped. Values are
            # read from $PSBoundParameters: $Input is also PowerShell's pipeline enumerator.
            $properties = [ordered]@{}
            $fields = [ordered]@{
                Title = 'title'; Description = 'description'; Diagnostics = 'diagnostics'; Keys = 'keys'
                Assets = 'assets'; Input = 'input'; Output = 'output'; RealtimeConfiguration = 'realtimeConfiguration'
                Parameters = 'parameters'; Package = 'package'
            }
            # GetEnumerator(), not .Keys: this dictionary has a key named Keys.
            foreach ($field in $fields.GetEnumerator()) {
                if ($PSBoundParameters.ContainsKey($field.Key)) {
                    $properties[$field.Value] = $PSBoundParameters[$field.Key]
                }
            }
            $properties['readOnly'] = $IsReadOnly.IsPresent
            if (-not [string]::IsNullOrWhiteSpace($StorageAccountKey)) {
                $properties['storageAccount'] = [ordered]@{ key = $StorageAccountKey }
            }
            $properties['packageType'] = 'Graph'
            $update = [ordered]@{ properties = $properties }
        }
        Write-Verbose "PATCH webServices/$Name (resource group $ResourceGroupName), then GET when the operation ends"
        $outcome = [AzMl.AzMlOperations]::UpdateWebService($script:AzMlClient, $ResourceGroupName, $Name, $update, $target)
        if ($outcome.Succeeded) { $outcome.Value } else { $PSCmdlet.WriteError($outcome.Error) }
    }
}
