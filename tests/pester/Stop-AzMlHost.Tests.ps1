BeforeAll {
    . (Join-Path $PSScriptRoot 'AzMlTestHelpers.ps1')
    Import-Module AzMl -Force
    $script:root = New-AzMlTestDirectory
}

AfterAll {
    foreach ($folder in Get-ChildItem -Path $script:root -Directory) {
        Stop-AzMlHost -DataDirectory $folder.FullName -ErrorAction SilentlyContinue
    }
    Remove-Item -LiteralPath $script:root -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Stop-AzMlHost' {
    It 'stops the host of the current connection cleanly and disconnects' {
        $dataDirectory = Join-Path $root 'current'
        $context = Start-AzMlHost -DataDirectory $dataDirectory
        $process = Get-Process -Id $context.HostProcessId

        Stop-AzMlHost

        $process.HasExited | Should -BeTrue
        # A clean shutdown (SIGTERM, not SIGKILL) removes host.json.
        Test-Path (Join-Path $dataDirectory 'host.json') | Should -BeFalse
        Get-AzMlContext | Should -BeNullOrEmpty
        Get-AzMlWebService -ResourceGroupName 'rg' -Name 'x' -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -Be 'NotConnected,Get-AzMlWebService'
    }

    It 'stops the host of a data directory started by another process' {
        $dataDirectory = Join-Path $root 'other-process'
        $hostPath = Join-Path (Get-Module AzMl).ModuleBase 'bin/azml-host'
        $process = Start-Process -FilePath $hostPath -ArgumentList '--data-dir', $dataDirectory, '--port', '0' -PassThru `
            -RedirectStandardOutput (Join-Path $root 'other.out') -RedirectStandardError (Join-Path $root 'other.err')
        $readyFile = Join-Path $dataDirectory 'host.json'
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        while (-not (Test-Path $readyFile) -and -not $process.HasExited -and $clock.Elapsed.TotalSeconds -lt 60) { Start-Sleep -Milliseconds 50 }
        Test-Path $readyFile | Should -BeTrue

        Stop-AzMlHost -DataDirectory $dataDirectory

        $process.WaitForExit(30000) | Should -BeTrue
        $process.ExitCode | Should -Be 0
        Test-Path $readyFile | Should -BeFalse
    }

    It 'keeps the connection to another host' {
        $kept = Start-AzMlHost -DataDirectory (Join-Path $root 'kept')
        $otherDirectory = Join-Path $root 'stopped'
        $stopped = Start-AzMlHost -DataDirectory $otherDirectory
        Start-AzMlHost -DataDirectory $kept.DataDirectory | Out-Null
        Stop-AzMlHost -DataDirectory $otherDirectory
        (Get-AzMlContext).Endpoint | Should -Be $kept.Endpoint
        Get-Process -Id $stopped.HostProcessId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'leaves the host running with -WhatIf' {
        $context = Start-AzMlHost -DataDirectory (Join-Path $root 'whatif')
        Stop-AzMlHost -WhatIf
        Get-Process -Id $context.HostProcessId | Should -Not -BeNullOrEmpty
        (Get-AzMlContext).Endpoint | Should -Be $context.Endpoint
    }

    It 'does nothing for a data directory whose host is not running' {
        $dataDirectory = Join-Path $root 'twice'
        Start-AzMlHost -DataDirectory $dataDirectory | Out-Null
        Stop-AzMlHost -DataDirectory $dataDirectory
        Stop-AzMlHost -DataDirectory $dataDirectory -ErrorVariable failure
        $failure | Should -BeNullOrEmpty
    }

    It 'says there is no host to stop when the session did not start one' {
        $isolated = [powershell]::Create()
        try {
            $null = $isolated.AddScript('Import-Module AzMl; Stop-AzMlHost -ErrorAction SilentlyContinue -ErrorVariable e; $e')
            $failure = $isolated.Invoke()
            $failure[0].FullyQualifiedErrorId | Should -Be 'NoHostToStop,Stop-AzMlHost'
        }
        finally {
            $isolated.Dispose()
        }
    }
}
