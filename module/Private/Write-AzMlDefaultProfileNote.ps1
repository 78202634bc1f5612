function Write-AzMlDefaultProfileNote {
    <#
    .SYNOPSIS
    Says, in the verbose stream, that -DefaultProfile was accepted and ignored.

    .DESCRIPTION
    Az.MachineLearning commands take -DefaultProfile (an Azure context); runbooks written for
    them may pass it. AzMl accepts it so those runbooks run unchanged, and uses its own
    connection instead.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [System.Collections.IDictionary] $BoundParameters
    )

    if ($BoundParameters.ContainsKey('DefaultProfile')) {
        Write-Verbose ('-DefaultProfile is accepted for compatibility with Az.MachineLearning and ignored: ' +
            'AzMl uses the connection made by Start-AzMlHost or Connect-AzMlAccount.')
    }
}
