function Import-AzMlWebService {
    <#
    .SYNOPSIS
    Imports a web service definition from a JSON file or string.

    .DESCRIPTION
    Import-AzMlWebService reads a JSON web service definition (as Export-AzMlWebService writes
    it, or the body of an ARM PUT request; PascalCase and camelCase are both accepted), checks
    it, and returns it as an AzMl.WebService object with camelCase property names, ready to
    edit and to pass to New-AzMlWebService or Update-AzMlWebService -ServiceUpdates.

    Nothing is lost on the way: strings stay strings (createdOn is not turned into a local
    date), integers stay integers, 1.0 stays 1.0 and 0.6 stays 0.6, one-element arrays stay
    arrays, nulls stay nulls.

    A missing file, malformed JSON (the error gives the line and column) and an invalid
    definition (the error gives the JSON path, e.g. properties.package.edges[2].targetNodeId)
    each get their own error. No connection is needed: the import runs in libazml, offline.

    .PARAMETER InputFile
    The definition file, absolute or relative to the current location.

    .PARAMETER JsonString
    The definition as a JSON string.

    .PARAMETER DefaultProfile
    Accepted for compatibility with Az.MachineLearning and ignored: AzMl uses the connection
    made by Start-AzMlHost or Connect-AzMlAccount.

    .EXAMPLE
    PS> $wsd = Import-AzMlWebService -InputFile ./mlservice_export.json
    PS> $wsd.properties.assets.asset3.locationInfo.uri

    Imports an edited export file, the retraining workflow's fourth step.

    .EXAMPLE
    PS> $json = Get-Content -Raw ./mlservice_export.json
    PS> Import-AzMlWebService -JsonString $json

    Imports a definition held in a string.

    .INPUTS
    None.

    .OUTPUTS
    AzMl.WebService

    .LINK
    Export-AzMlWebService

    .LINK
    Update-AzMlWebService
    #>
    [CmdletBinding(DefaultParameterSetName = 'ImportFromJSONFile')]
    [Alias('Import-AzureRmMlWebService')]
    [OutputType('AzMl.WebService')]
    param(
        [Parameter(ParameterSetName = 'ImportFromJSONFile', Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $InputFile,

        # Empty text is allowed through binding so that libazml's own message
        # ("The Azure ML web service definition is not specified.") reports it.
        [Parameter(ParameterSetName = 'ImportFromJSONString.', Mandatory)]
        [AllowEmptyString()]
        [string] $JsonString,

        [Parameter()]
        [Alias('AzContext', 'AzureRmContext', 'AzureCredential')]
        [object] $DefaultProfile
    )

    Write-AzMlDefaultProfileNote -BoundParameters $PSBoundParameters
    if ($PSCmdlet.ParameterSetName -eq 'ImportFromJSONFile') {
        $path = [AzMl.AzMlOperations]::ResolvePath($ExecutionContext.SessionState, $InputFile, $InputFile)
        if (-not $path.Succeeded) { $PSCmdlet.WriteError($path.Error); return }
        Write-Verbose "Importing $($path.Value) (azml_definition_import)"
        $outcome = [AzMl.AzMlOperations]::ImportWebServiceFile($path.Value, $InputFile)
    }
    else {
        Write-Verbose 'Importing the JSON string (azml_definition_import)'
        $outcome = [AzMl.AzMlOperations]::ImportWebServiceString($JsonString, $JsonString)
    }
    if ($outcome.Succeeded) { $outcome.Value } else { $PSCmdlet.WriteError($outcome.Error) }
}
