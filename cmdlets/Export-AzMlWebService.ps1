function Export-AzMlWebService {
    <#
    .SYNOPSIS
    Exports a web service definition as JSON, to a file or as a string.

    .DESCRIPTION
    Export-AzMlWebService writes the definition of a web service object as a stable, indented
    JSON document without the read-only fields (id, name, type, createdOn, modifiedOn,
    provisioningState, swaggerLocation) and without nulls: what Az.MachineLearning exported,
    and what Import-AzMlWebService reads back without loss. Strings stay as they were (dates
    included) and numbers keep their digits.

    With -OutputFile the document is written to the file (UTF-8, no byte order mark) and
    nothing is returned; an existing file is overwritten only after the question "Want to
    overwriting the output file?" (Az's wording) or with -Force. -WhatIf shows the file
    that would be written. With -ToJsonString the document is returned as a string.

    No connection is needed: the export runs in libazml, offline.

    .PARAMETER WebService
    The web service object to export (from Get-AzMlWebService or Import-AzMlWebService).

    .PARAMETER OutputFile
    The file to write, absolute or relative to the current location.

    .PARAMETER ToJsonString
    Returns the JSON document as a string instead of writing a file.

    .PARAMETER Force
    Overwrites an existing output file without asking.

    .PARAMETER DefaultProfile
    Accepted for compatibility with Az.MachineLearning and ignored: AzMl uses the connection
    made by Start-AzMlHost or Connect-AzMlAccount.

    .EXAMPLE
    PS> $wsd = Get-AzMlWebService -Name 'RetrainSamplePre' -ResourceGroupName 'Default-MachineLearning-SouthCentralUS'
    PS> Export-AzMlWebService -WebService $wsd -OutputFile ./mlservice_export.json

    Exports a web service's definition to a file, the retraining workflow's second step.

    .EXAMPLE
    PS> Get-AzMlWebService -Name 'RetrainSamplePre' -ResourceGroupName 'Default-MachineLearning-SouthCentralUS' |
    >>     Export-AzMlWebService -ToJsonString

    Returns the definition as a JSON string.

    .INPUTS
    AzMl.WebService

    .OUTPUTS
    System.String

    .LINK
    Import-AzMlWebService
    #>
    [CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'ExportToFile')]
    [Alias('Export-AzureRmMlWebService')]
    [OutputType([string])]
    param(
        [Parameter(Mandatory, ValueFromPipeline)]
        [ValidateNotNull()]
        [object] $WebService,

        [Parameter(ParameterSetName = 'ExportToFile', Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $OutputFile,

        [Parameter(ParameterSetName = 'ExportToJSON', Mandatory)]
        [switch] $ToJsonString,

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
        Write-Verbose 'Exporting the definition (azml_definition_export)'
        $document = [AzMl.AzMlOperations]::ExportWebService($WebService)
        if (-not $document.Succeeded) { $PSCmdlet.WriteError($document.Error); return }
        if ($PSCmdlet.ParameterSetName -eq 'ExportToJSON') {
            $document.Value
            return
        }

        $path = [AzMl.AzMlOperations]::ResolvePath($ExecutionContext.SessionState, $OutputFile, $OutputFile)
        if (-not $path.Succeeded) { $PSCmdlet.WriteError($path.Error); return }
        $exists = [System.IO.File]::Exists($path.Value)
        # Az's ConfirmAction(Force || !exists, ...): the question only guards an existing file.
        $mayWrite = $Force -or -not $exists -or
            (Confirm-AzMlContinue -Cmdlet $PSCmdlet -Query 'Want to overwriting the output file?' -Target $path.Value)
        if (-not $mayWrite) { return }
        if (-not $PSCmdlet.ShouldProcess($path.Value, 'Overwriting the output file')) { return }
        Write-Verbose "Writing $($path.Value)"
        $written = [AzMl.AzMlOperations]::WriteTextFile($path.Value, $document.Value, $path.Value)
        if (-not $written.Succeeded) { $PSCmdlet.WriteError($written.Error) }
    }
}
