function Connect-AzMlAccount {
    <#
    .SYNOPSIS
    Connects the session to a running azml endpoint.

    .DESCRIPTION
    Connect-AzMlAccount makes the web service commands of this session talk to an azml
    management endpoint (an azml-host, or any server speaking the same ARM contract), with a
    bearer token. It replaces the session's previous connection and returns the new context
    (Get-AzMlContext returns it too).

    The endpoint and token default to the environment variables AZML_ENDPOINT and AZML_TOKEN,
    so a runbook can connect with no argument. Without -SubscriptionId the command asks the
    endpoint for its subscriptions (GET /subscriptions) and uses the first: that call also
    checks the endpoint and token, and a failure leaves the previous connection in place. With
    -SubscriptionId no call is made until the first command.

    For a local host started by this session, Start-AzMlHost connects by itself.

    .PARAMETER Endpoint
    The base URL of the management API, e.g. http://127.0.0.1:8080 (default: $env:AZML_ENDPOINT).

    .PARAMETER Token
    The bearer token, e.g. an azml-host's admin token (default: $env:AZML_TOKEN).

    .PARAMETER SubscriptionId
    The subscription to work in (default: the first one the endpoint lists).

    .PARAMETER CertificateAuthorityFile
    A PEM file of the certificate authorities to trust for an https endpoint (default: the
    system's store).

    .EXAMPLE
    PS> $token = Read-Host -AsSecureString -Prompt 'azml admin token'
    PS> Connect-AzMlAccount -Endpoint 'https://ml.example.org:8443' -Token $token

    Connects to a remote host.

    .EXAMPLE
    PS> $env:AZML_ENDPOINT = 'http://127.0.0.1:8080'
    PS> $env:AZML_TOKEN = Get-Content -Raw ~/.azml/host/admin-token
    PS> Connect-AzMlAccount

    Connects with the environment variables, as a runbook would.

    .INPUTS
    None.

    .OUTPUTS
    AzMl.Context

    .LINK
    Start-AzMlHost

    .LINK
    Get-AzMlContext
    #>
    [CmdletBinding()]
    [OutputType('AzMl.Context')]
    param(
        [Parameter(Position = 0)]
        [uri] $Endpoint,

        [Parameter()]
        [securestring] $Token,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $SubscriptionId,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $CertificateAuthorityFile
    )

    $endpointText = if ($Endpoint) { $Endpoint.OriginalString } else { $env:AZML_ENDPOINT }
    if ([string]::IsNullOrWhiteSpace($endpointText)) {
        $PSCmdlet.WriteError([AzMl.AzMlErrorRecords]::Create(
                [System.Management.Automation.PSArgumentException]::new(
                    'No endpoint: give -Endpoint, or set the environment variable AZML_ENDPOINT.', 'Endpoint'),
                'NoEndpoint', 'InvalidArgument', $null))
        return
    }
    if (-not $Token -and $env:AZML_TOKEN) {
        Write-Verbose 'Using the token in $env:AZML_TOKEN'
        $Token = [System.Net.NetworkCredential]::new('', $env:AZML_TOKEN.Trim()).SecurePassword
    }
    if (-not $Token) {
        Write-Verbose 'No token given: requests will carry no Authorization header.'
    }

    $caFile = $null
    if ($CertificateAuthorityFile) {
        $resolved = [AzMl.AzMlOperations]::ResolvePath($ExecutionContext.SessionState, $CertificateAuthorityFile,
            $CertificateAuthorityFile)
        if (-not $resolved.Succeeded) { $PSCmdlet.WriteError($resolved.Error); return }
        $caFile = $resolved.Value
        if (-not [System.IO.File]::Exists($caFile)) {
            $PSCmdlet.WriteError([AzMl.AzMlErrorRecords]::Create(
                    [System.IO.FileNotFoundException]::new("The certificate authority file $caFile does not exist.", $caFile),
                    'CertificateAuthorityFileNotFound', 'ObjectNotFound', $CertificateAuthorityFile))
            return
        }
    }

    if (-not $SubscriptionId) { Write-Verbose "GET $endpointText/subscriptions (the first subscription is used)" }
    $connected = [AzMl.AzMlOperations]::Connect($endpointText, $Token, $SubscriptionId, $caFile, $endpointText)
    if (-not $connected.Succeeded) { $PSCmdlet.WriteError($connected.Error); return }
    Set-AzMlConnection -Connection $connected.Value -Source 'Connect'
}
