function Set-AzMlConnection {
    <#
    .SYNOPSIS
    Makes a connected client the session's connection and returns the new context.

    .DESCRIPTION
    The previous client, if any, is disposed (a host it pointed at keeps running: Stop-AzMlHost
    stops hosts). The context object is what Get-AzMlContext returns; it never holds the token.
    #>
    [CmdletBinding()]
    [OutputType('AzMl.Context')]
    param(
        [Parameter(Mandatory)]
        [AzMl.ConnectedClient] $Connection,

        [Parameter(Mandatory)]
        [ValidateSet('Host', 'Connect')]
        [string] $Source,

        [string] $DataDirectory,

        [int] $HostProcessId
    )

    if ($null -ne $script:AzMlClient -and -not [object]::ReferenceEquals($script:AzMlClient, $Connection.Client)) {
        $script:AzMlClient.Dispose()
    }
    $script:AzMlClient = $Connection.Client
    $script:AzMlContext = [pscustomobject]@{
        PSTypeName               = 'AzMl.Context'
        Endpoint                 = $Connection.Client.Endpoint
        SubscriptionId           = $Connection.SubscriptionId
        Source                   = $Source
        DataDirectory            = if ($DataDirectory) { $DataDirectory } else { $null }
        HostProcessId            = if ($HostProcessId) { $HostProcessId } else { $null }
        CertificateAuthorityFile = $Connection.Client.CertificateAuthorityFile
    }
    $script:AzMlContext
}
