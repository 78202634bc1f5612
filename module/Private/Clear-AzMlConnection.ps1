function Clear-AzMlConnection {
    <#
    .SYNOPSIS
    Forgets the session's connection and disposes its client.
    #>
    [CmdletBinding()]
    param()

    if ($null -ne $script:AzMlClient) { $script:AzMlClient.Dispose() }
    $script:AzMlClient = $null
    $script:AzMlContext = $null
}
