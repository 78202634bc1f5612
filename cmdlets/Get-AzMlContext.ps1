function Get-AzMlContext {
    <#
    .SYNOPSIS
    Gets the session's connection: endpoint, subscription and, for a local host, its data
    directory and process id.

    .DESCRIPTION
    Get-AzMlContext returns the AzMl.Context that Start-AzMlHost or Connect-AzMlAccount made,
    or nothing when the session is not connected. The context never holds the token.

    .EXAMPLE
    PS> Start-AzMlHost | Out-Null
    PS> (Get-AzMlContext).Endpoint

    Shows the endpoint of the local host.

    .INPUTS
    None.

    .OUTPUTS
    AzMl.Context

    .LINK
    Connect-AzMlAccount

    .LINK
    Start-AzMlHost
    #>
    [CmdletBinding()]
    [OutputType('AzMl.Context')]
    param()

    if ($null -ne $script:AzMlContext -and $null -ne $script:AzMlClient -and -not $script:AzMlClient.IsDisposed) {
        $script:AzMlContext
    }
}
