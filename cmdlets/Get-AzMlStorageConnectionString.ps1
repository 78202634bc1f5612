function Get-AzMlStorageConnectionString {
    <#
    .SYNOPSIS
    Gets the connection string of the connected host's storage account.

    .DESCRIPTION
    Get-AzMlStorageConnectionString asks the connected endpoint's management API for its storage
    account (Microsoft.Storage/storageAccounts and listKeys) and returns the account's connection
    string: DefaultEndpointsProtocol, AccountName, AccountKey and BlobEndpoint. That string is what
    a Batch Execution Service request names its inputs and outputs with, and what
    Set-AzMlBlobContent and Get-AzMlBlobContent take with -ConnectionString. It holds the account
    key: keep it as you would keep the key.

    .PARAMETER AccountName
    The storage account to use. By default, the first one the endpoint lists; azml-host has one,
    azmlstore.

    .EXAMPLE
    PS> $connection = Get-AzMlStorageConnectionString
    PS> $connection
    DefaultEndpointsProtocol=http;AccountName=azmlstore;AccountKey=...;BlobEndpoint=http://127.0.0.1:8080/blob/azmlstore

    Gets the connection string of the local host's account after Start-AzMlHost.

    .EXAMPLE
    PS> $request = @{ Inputs = @{ input1 = @{ ConnectionString = (Get-AzMlStorageConnectionString); RelativeLocation = 'retraining/census.csv' } } }

    Names a retraining job's input by the host's account.

    .OUTPUTS
    System.String

    .LINK
    Set-AzMlBlobContent

    .LINK
    Get-AzMlBlobContent
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $AccountName
    )

    Write-Verbose 'GET providers/Microsoft.Storage/storageAccounts, then POST .../listKeys'
    $outcome = [AzMl.AzMlBlobOperations]::GetStorageConnectionString($script:AzMlClient, $AccountName, $AccountName)
    if ($outcome.Succeeded) { $outcome.Value } else { $PSCmdlet.WriteError($outcome.Error) }
}
