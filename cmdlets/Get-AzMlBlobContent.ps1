function Get-AzMlBlobContent {
    <#
    .SYNOPSIS
    Downloads a blob as text or to a file.

    .DESCRIPTION
    Get-AzMlBlobContent reads a blob: it returns the content as a string (decoded as UTF-8), or,
    with -Destination, writes the bytes to that file and returns the file. It is how a runbook
    reads what a retraining job wrote, such as its evaluation results or the new .ilearner model.
    Without -ConnectionString it reads the connected host's own storage account (see
    Get-AzMlStorageConnectionString); with one, that account, which may use a shared access
    signature (BlobEndpoint=...;SharedAccessSignature=...).

    .PARAMETER Container
    The container, e.g. 'retraining'.

    .PARAMETER Blob
    The blob's name, e.g. 'models/output1results.ilearner'.

    .PARAMETER Destination
    The file to write the blob to; it is replaced when it exists. Without it the content is
    returned as a string.

    .PARAMETER ConnectionString
    A storage connection string; by default the connected host's account.

    .EXAMPLE
    PS> Get-AzMlBlobContent -Container 'retraining' -Blob 'results/output2results.csv'

    Returns the evaluation results of a retraining job as text.

    .EXAMPLE
    PS> Get-AzMlBlobContent -Container 'retraining' -Blob 'models/output1results.ilearner' -Destination ./model.ilearner

    Saves the retrained model to a file.

    .OUTPUTS
    System.String, System.IO.FileInfo

    .LINK
    Set-AzMlBlobContent
    #>
    [CmdletBinding()]
    [OutputType([string], [System.IO.FileInfo])]
    param(
        [Parameter(Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $Container,

        [Parameter(Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $Blob,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $Destination,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $ConnectionString
    )

    $target = "$Container/$Blob"
    Write-Verbose "GET blob $target"
    $outcome = [AzMl.AzMlBlobOperations]::GetBlobContent($script:AzMlClient, $ConnectionString, $Container, $Blob, $target)
    if (-not $outcome.Succeeded) { $PSCmdlet.WriteError($outcome.Error); return }
    $bytes = [byte[]] $outcome.Value
    if (-not $Destination) {
        return [System.Text.UTF8Encoding]::new($false).GetString($bytes)
    }
    $resolved = [AzMl.AzMlOperations]::ResolvePath($ExecutionContext.SessionState, $Destination, $Destination)
    if (-not $resolved.Succeeded) { $PSCmdlet.WriteError($resolved.Error); return }
    $written = [AzMl.AzMlBlobOperations]::WriteFileBytes($resolved.Value, $bytes, $Destination)
    if ($written.Succeeded) { $written.Value } else { $PSCmdlet.WriteError($written.Error) }
}
