function Set-AzMlBlobContent {
    <#
    .SYNOPSIS
    Uploads a file or a string as a blob.

    .DESCRIPTION
    Set-AzMlBlobContent writes a block blob, replacing any blob of that name: the bytes of a file
    (-File), or a string as UTF-8 (-Value). It is how a dataset reaches storage before a
    retraining job reads it. Without -ConnectionString the blob goes to the connected host's own
    storage account (see Get-AzMlStorageConnectionString), whose container is created when
    missing; with one it goes to that account (azml-host, Azurite or Azure Storage). It returns the
    blob's name, size, content type and ETag.

    .PARAMETER Container
    The container, e.g. 'retraining'. Lower-case letters, digits and '-'.

    .PARAMETER Blob
    The blob's name; '/' separates virtual directories, e.g. 'inputs/census.csv'.

    .PARAMETER File
    The file to upload.

    .PARAMETER Value
    The text to upload, stored as UTF-8.

    .PARAMETER ContentType
    The blob's content type. By default it follows the file's extension (.csv text/csv, .tsv
    text/tab-separated-values, .json application/json, others application/octet-stream), and is
    text/plain; charset=utf-8 for -Value.

    .PARAMETER ConnectionString
    A storage connection string; by default the connected host's account.

    .EXAMPLE
    PS> Set-AzMlBlobContent -Container 'retraining' -Blob 'inputs/census.csv' -File ./census.csv

    Uploads a dataset to the local host's storage account.

    .EXAMPLE
    PS> 'age,income' | Set-AzMlBlobContent -Container 'retraining' -Blob 'inputs/header.csv' -ContentType 'text/csv'

    Uploads a string from the pipeline.

    .EXAMPLE
    PS> Set-AzMlBlobContent -Container 'data' -Blob 'set.csv' -File ./set.csv -ConnectionString 'UseDevelopmentStorage=true' -WhatIf

    Shows what would be uploaded to Azurite, without uploading.

    .INPUTS
    System.String

    .OUTPUTS
    AzMl.Blob

    .LINK
    Get-AzMlBlobContent
    #>
    [CmdletBinding(DefaultParameterSetName = 'File', SupportsShouldProcess)]
    [OutputType('AzMl.Blob')]
    param(
        [Parameter(Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $Container,

        [Parameter(Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $Blob,

        [Parameter(ParameterSetName = 'File', Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $File,

        [Parameter(ParameterSetName = 'Value', Mandatory, ValueFromPipeline)]
        [AllowEmptyString()]
        [string] $Value,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $ContentType,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $ConnectionString
    )

    process {
        $target = "$Container/$Blob"
        if ($PSCmdlet.ParameterSetName -eq 'File') {
            $resolved = [AzMl.AzMlOperations]::ResolvePath($ExecutionContext.SessionState, $File, $File)
            if (-not $resolved.Succeeded) { $PSCmdlet.WriteError($resolved.Error); return }
            $read = [AzMl.AzMlBlobOperations]::ReadFileBytes($resolved.Value, $File)
            if (-not $read.Succeeded) { $PSCmdlet.WriteError($read.Error); return }
            $bytes = [byte[]] $read.Value
            $type = $ContentType
            if (-not $type) {
                $type = switch ([System.IO.Path]::GetExtension($resolved.Value).ToLowerInvariant()) {
                    '.csv' { 'text/csv' }
                    '.tsv' { 'text/tab-separated-values' }
                    '.json' { 'application/json' }
                    default { 'application/octet-stream' }
                }
            }
            $action = "Upload $($bytes.Length) bytes from $($resolved.Value)"
        } else {
            $bytes = [System.Text.UTF8Encoding]::new($false).GetBytes($Value)
            $type = if ($ContentType) { $ContentType } else { 'text/plain; charset=utf-8' }
            $action = "Upload $($bytes.Length) bytes of text"
        }
        if (-not $PSCmdlet.ShouldProcess($target, $action)) { return }
        Write-Verbose "PUT blob $target ($type, $($bytes.Length) bytes)"
        $outcome = [AzMl.AzMlBlobOperations]::SetBlobContent($script:AzMlClient, $ConnectionString, $Container, $Blob,
                                                             $bytes, $type, $target)
        if ($outcome.Succeeded) { $outcome.Value } else { $PSCmdlet.WriteError($outcome.Error) }
    }
}
