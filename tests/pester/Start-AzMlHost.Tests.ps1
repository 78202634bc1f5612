BeforeAll {
    . (Join-Path $PSScriptRoot 'AzMlTestHelpers.ps1')
    Import-Module AzMl -Force
    $script:root = New-AzMlTestDirectory

    function Get-UnusedLoopbackPort {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
    }
}

AfterAll {
    foreach ($folder in Get-ChildItem -Path $script:root -Directory) {
        Stop-AzMlHost -DataDirectory $folder.FullName -ErrorAction SilentlyContinue
    }
    Remove-Item -LiteralPath $script:root -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Start-AzMlHost' {
    BeforeAll {
        $script:dataDirectory = Join-Path $root 'first'
        $script:context = Start-AzMlHost -DataDirectory $dataDirectory
    }

    It 'returns a connected context for a loopback endpoint' {
        $context.PSTypeNames[0] | Should -Be 'AzMl.Context'
        $context.Source | Should -Be 'Host'
        $context.Endpoint | Should -Match '^http://127\.0\.0\.1:\d+$'
        $context.SubscriptionId | Should -Match '^[0-9a-f-]{36}$'
        $context.DataDirectory | Should -Be $dataDirectory
        (Get-AzMlContext).Endpoint | Should -Be $context.Endpoint
    }

    It 'leaves the host running with host.json naming its process' {
        $ready = Get-Content -Raw (Join-Path $dataDirectory 'host.json') | ConvertFrom-Json
        $ready.pid | Should -Be $context.HostProcessId
        $ready.endpoint | Should -Be $context.Endpoint
        Get-Process -Id $context.HostProcessId | Should -Not -BeNullOrEmpty
    }

    It 'keeps the admin token readable by its owner only' {
        $mode = (Get-Item (Join-Path $dataDirectory 'admin-token')).UnixFileMode
        $mode | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite')
    }

    It 'serves web service calls' {
        $group = New-AzMlTestName -Prefix 'rg'
        $name = New-AzMlTestName
        (New-AzMlTestWebService -ResourceGroupName $group -Name $name).properties.provisioningState | Should -Be 'Succeeded'
    }

    It 'connects to the running host instead of starting a second one' {
        $again = Start-AzMlHost -DataDirectory $dataDirectory
        $again.HostProcessId | Should -Be $context.HostProcessId
        $again.Endpoint | Should -Be $context.Endpoint
    }

    It 'keeps web services across a restart of the host' {
        $group = New-AzMlTestName -Prefix 'rg'
        $name = New-AzMlTestName
        New-AzMlTestWebService -ResourceGroupName $group -Name $name | Out-Null
        Stop-AzMlHost -DataDirectory $dataDirectory
        $restarted = Start-AzMlHost -DataDirectory $dataDirectory
        $restarted.HostProcessId | Should -Not -Be $context.HostProcessId
        $restarted.SubscriptionId | Should -Be $context.SubscriptionId
        (Get-AzMlWebService -ResourceGroupName $group -Name $name).name | Should -Be $name
    }
}

Describe 'Start-AzMlHost options' {
    It 'listens on the port given' {
        $port = Get-UnusedLoopbackPort
        $context = Start-AzMlHost -DataDirectory (Join-Path $root 'port') -Port $port
        $context.Endpoint | Should -Be "http://127.0.0.1:$port"
    }

    It 'uses AZML_HOST_DATA_DIR when no -DataDirectory is given' {
        $env:AZML_HOST_DATA_DIR = Join-Path $root 'from-environment'
        try {
            (Start-AzMlHost).DataDirectory | Should -Be $env:AZML_HOST_DATA_DIR
            Test-Path (Join-Path $env:AZML_HOST_DATA_DIR 'host.json') | Should -BeTrue
        }
        finally {
            Remove-Item Env:AZML_HOST_DATA_DIR
        }
    }

    It 'shows progress while it waits, and says what it starts with -Verbose' {
        $verbose = Start-AzMlHost -DataDirectory (Join-Path $root 'verbose') -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match 'Starting .*azml-host --data-dir'
        ($verbose.Message -join "`n") | Should -Match 'listens on http://127\.0\.0\.1:'
    }

    It 'starts nothing with -WhatIf' {
        $dataDirectory = Join-Path $root 'whatif'
        Start-AzMlHost -DataDirectory $dataDirectory -WhatIf | Should -BeNullOrEmpty
        Test-Path (Join-Path $dataDirectory 'host.json') | Should -BeFalse
    }
}

Describe 'Start-AzMlHost errors' {
    It 'reports a host that exits before it is ready, with its output' {
        $notADirectory = Join-Path $root 'a-file'
        Set-Content -Path $notADirectory -Value 'not a directory'
        Start-AzMlHost -DataDirectory $notADirectory -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'HostExited,Start-AzMlHost'
        $failure[0].Exception.Message | Should -Match 'exited with code [1-9]'
    }

    It 'reports a port that is taken' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try {
            Start-AzMlHost -DataDirectory (Join-Path $root 'taken') -Port $listener.LocalEndpoint.Port -ErrorVariable failure -ErrorAction SilentlyContinue
            $failure.Count | Should -Be 1
            $failure[0].FullyQualifiedErrorId | Should -Be 'HostExited,Start-AzMlHost'
        }
        finally {
            $listener.Stop()
        }
    }

    It 'rejects a port out of range at binding' {
        { Start-AzMlHost -DataDirectory (Join-Path $root 'range') -Port 70000 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Start-AzMlHost'
    }
}
