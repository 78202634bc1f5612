function Start-AzMlHost {
    <#
    .SYNOPSIS
    Starts a local azml-host on a free loopback port and connects the session to it.

    .DESCRIPTION
    Start-AzMlHost is the embedded default: it starts the azml-host program that comes with
    the module (or, failing that, the one on PATH) with --data-dir and --port, waits until the
    host has written DATA/host.json (it does once it serves), reads the admin token from
    DATA/admin-token and connects the session, as Connect-AzMlAccount would. It returns the
    context (Get-AzMlContext returns it too).

    The data directory keeps the host's state (SQLite database, token, subscription id) from
    one start to the next; it is created on first start. When a host is already running for
    the data directory, the command connects to that host instead of starting a second one.

    The host runs in a session of its own, so Ctrl+C in the console does not stop it; it is
    stopped by Stop-AzMlHost, or when the PowerShell process that started it exits.

    .PARAMETER DataDirectory
    The host's data directory. Default: $env:AZML_HOST_DATA_DIR when set, else ~/.azml/host.

    .PARAMETER Port
    The loopback port to listen on; 0 (the default) lets the system pick a free one.

    .PARAMETER TimeoutSeconds
    How long to wait for the host to be ready before giving up (default 60).

    .EXAMPLE
    PS> Import-Module AzMl
    PS> Start-AzMlHost

    Starts (or reuses) the local host in ~/.azml/host and connects to it.

    .EXAMPLE
    PS> $context = Start-AzMlHost -DataDirectory (Join-Path ([IO.Path]::GetTempPath()) 'azml-scratch') -Port 8090
    PS> $context.Endpoint

    Starts a scratch host on port 8090 and shows its endpoint.

    .INPUTS
    None.

    .OUTPUTS
    AzMl.Context

    .LINK
    Stop-AzMlHost

    .LINK
    Connect-AzMlAccount
    #>
    [CmdletBinding(SupportsShouldProcess)]
    [OutputType('AzMl.Context')]
    param(
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty()]
        [string] $DataDirectory,

        [Parameter()]
        [ValidateRange(0, 65535)]
        [int] $Port = 0,

        [Parameter()]
        [ValidateRange(1, 3600)]
        [int] $TimeoutSeconds = 60
    )

    if (-not $DataDirectory) {
        $DataDirectory = if ($env:AZML_HOST_DATA_DIR) { $env:AZML_HOST_DATA_DIR } else { '~/.azml/host' }
    }
    $resolved = [AzMl.AzMlOperations]::ResolvePath($ExecutionContext.SessionState, $DataDirectory, $DataDirectory)
    if (-not $resolved.Succeeded) { $PSCmdlet.WriteError($resolved.Error); return }
    $dataPath = $resolved.Value

    $existing = [AzMl.AzMlOperations]::ReadHostReadyFile($dataPath, $DataDirectory)
    if (-not $existing.Succeeded) { $PSCmdlet.WriteError($existing.Error); return }
    $ready = $existing.Value
    $launched = $null
    if ($null -ne $ready -and [AzMl.UnixSignals]::IsAlive($ready.ProcessId)) {
        if ($PSBoundParameters.ContainsKey('Port')) {
            Write-Warning "A host is already running for $dataPath at $($ready.Endpoint); -Port $Port is ignored."
        }
        Write-Verbose "Connecting to the azml-host already running for $dataPath (process $($ready.ProcessId))"
    }
    else {
        if (-not $PSCmdlet.ShouldProcess($dataPath, 'Start azml-host')) { return }
        $executable = [System.IO.Path]::Combine($script:AzMlModuleRoot, 'bin', 'azml-host')
        if (-not [System.IO.File]::Exists($executable)) {
            $onPath = Get-Command -Name 'azml-host' -CommandType Application -ErrorAction Ignore | Select-Object -First 1
            if (-not $onPath) {
                $PSCmdlet.WriteError([AzMl.AzMlErrorRecords]::Create(
                        [System.IO.FileNotFoundException]::new(
                            "azml-host was found neither beside the AzMl module ($executable) nor on PATH.", $executable),
                        'HostExecutableNotFound', 'NotInstalled', $DataDirectory))
                return
            }
            $executable = $onPath.Source
        }
        $arguments = [string[]]@('--data-dir', $dataPath, '--port', [string]$Port)
        Write-Verbose "Starting $executable $($arguments -join ' ')"
        $started = [AzMl.AzMlOperations]::StartHost($executable, $dataPath, $arguments, $DataDirectory)
        if (-not $started.Succeeded) { $PSCmdlet.WriteError($started.Error); return }
        $launched = $started.Value

        # Wait for host.json written by this process (a stale one from an earlier run names another pid).
        $activity = 'Starting azml-host'
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $failure = $null
        while ($true) {
            $ready = [AzMl.HostDataDirectory]::TryReadReadyFile($dataPath)
            if ($null -ne $ready -and $ready.ProcessId -eq $launched.ProcessId) { break }
            if ($launched.HasExited) {
                $failure = [AzMl.AzMlErrorRecords]::Create([System.InvalidOperationException]::new(
                        "azml-host exited with code $($launched.ExitCode) before it was ready. Its last output:" +
                        [Environment]::NewLine + $launched.RecentOutput), 'HostExited', 'OpenError', $DataDirectory)
                break
            }
            if ($clock.Elapsed.TotalSeconds -ge $TimeoutSeconds) {
                $failure = [AzMl.AzMlErrorRecords]::Create([System.TimeoutException]::new(
                        "azml-host did not write $([AzMl.HostDataDirectory]::ReadyFilePath($dataPath)) within $TimeoutSeconds s. " +
                        'Its last output:' + [Environment]::NewLine + $launched.RecentOutput),
                    'HostStartTimeout', 'OperationTimeout', $DataDirectory)
                break
            }
            Write-Progress -Activity $activity -Status "Waiting for $([AzMl.HostDataDirectory]::ReadyFileName) in $dataPath"
            Start-Sleep -Milliseconds 50
        }
        Write-Progress -Activity $activity -Completed
        if ($failure) {
            [void][AzMl.AzMlOperations]::StopHost($launched, $launched.ProcessId, [TimeSpan]::FromSeconds(10), $DataDirectory)
            $PSCmdlet.WriteError($failure)
            return
        }
        Write-Verbose "azml-host (process $($ready.ProcessId)) listens on $($ready.Endpoint)"
    }

    $connected = [AzMl.AzMlOperations]::ConnectToHost($dataPath, $ready, $DataDirectory)
    if (-not $connected.Succeeded) {
        # A host this command started but could not connect to is not left running.
        if ($launched) { [void][AzMl.AzMlOperations]::StopHost($launched, $launched.ProcessId, [TimeSpan]::FromSeconds(10), $DataDirectory) }
        $PSCmdlet.WriteError($connected.Error)
        return
    }
    Set-AzMlConnection -Connection $connected.Value -Source 'Host' -DataDirectory $dataPath -HostProcessId $ready.ProcessId
}
