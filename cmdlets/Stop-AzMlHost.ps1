function Stop-AzMlHost {
    <#
    .SYNOPSIS
    Stops a local azml-host cleanly and waits until it has exited.

    .DESCRIPTION
    Stop-AzMlHost sends SIGTERM to the azml-host of a data directory (not SIGKILL, as
    Stop-Process would: the host then closes its database and removes host.json) and waits
    for it to exit. Without -DataDirectory it stops the host the session is connected to
    through Start-AzMlHost. When the session is connected to that host, it is disconnected.

    Stopping a data directory whose host is not running does nothing.

    .PARAMETER DataDirectory
    The data directory of the host to stop. Default: the one of the current connection.

    .PARAMETER TimeoutSeconds
    How long to wait for the host to exit (default 30).

    .EXAMPLE
    PS> Start-AzMlHost | Out-Null
    PS> Stop-AzMlHost

    Starts the local host, then stops it.

    .EXAMPLE
    PS> Stop-AzMlHost -DataDirectory ~/.azml/host

    Stops the host of a data directory, whichever session started it.

    .INPUTS
    None.

    .OUTPUTS
    None.

    .LINK
    Start-AzMlHost
    #>
    [CmdletBinding(SupportsShouldProcess)]
    [OutputType([void])]
    param(
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty()]
        [string] $DataDirectory,

        [Parameter()]
        [ValidateRange(1, 3600)]
        [int] $TimeoutSeconds = 30
    )

    if ($DataDirectory) {
        $resolved = [AzMl.AzMlOperations]::ResolvePath($ExecutionContext.SessionState, $DataDirectory, $DataDirectory)
        if (-not $resolved.Succeeded) { $PSCmdlet.WriteError($resolved.Error); return }
        $dataPath = $resolved.Value
    }
    elseif ($null -ne $script:AzMlContext -and $script:AzMlContext.Source -eq 'Host') {
        $dataPath = $script:AzMlContext.DataDirectory
    }
    else {
        $PSCmdlet.WriteError([AzMl.AzMlErrorRecords]::Create(
                [System.Management.Automation.PSArgumentException]::new(
                    'No host to stop: this session is not connected to a host it started; give -DataDirectory.', 'DataDirectory'),
                'NoHostToStop', 'InvalidArgument', $null))
        return
    }

    $launched = [AzMl.HostProcess]::StartedHosts() | Where-Object DataDirectory -EQ $dataPath | Select-Object -First 1
    $ready = [AzMl.AzMlOperations]::ReadHostReadyFile($dataPath, $dataPath)
    if (-not $ready.Succeeded) { $PSCmdlet.WriteError($ready.Error); return }
    $processId = if ($launched) { $launched.ProcessId } elseif ($ready.Value) { $ready.Value.ProcessId } else { 0 }

    if ($processId -gt 0 -and [AzMl.UnixSignals]::IsAlive($processId)) {
        if (-not $PSCmdlet.ShouldProcess("azml-host (process $processId) for $dataPath", 'Stop')) { return }
        Write-Verbose "Sending SIGTERM to azml-host (process $processId) and waiting for it to exit"
        $stopped = [AzMl.AzMlOperations]::StopHost($launched, $processId, [TimeSpan]::FromSeconds($TimeoutSeconds), $dataPath)
        if (-not $stopped.Succeeded) { $PSCmdlet.WriteError($stopped.Error); return }
    }
    else {
        Write-Verbose "No azml-host is running for $dataPath."
    }

    if ($null -ne $script:AzMlContext -and $script:AzMlContext.DataDirectory -eq $dataPath) {
        Clear-AzMlConnection
    }
}
