BeforeAll {
    . (Join-Path $PSScriptRoot 'AzMlTestHelpers.ps1')
}

AfterAll {
    Stop-AzMlTestHost -Context $script:context
}

Describe 'Get-AzMlContext' {
    It 'returns nothing before the session connects' {
        Import-Module AzMl -Force
        Get-AzMlContext | Should -BeNullOrEmpty
    }

    It 'returns the connection Start-AzMlHost made' {
        $script:context = Start-AzMlTestHost
        $current = Get-AzMlContext
        $current.PSTypeNames[0] | Should -Be 'AzMl.Context'
        $current.Endpoint | Should -Be $context.Endpoint
        $current.SubscriptionId | Should -Be $context.SubscriptionId
        $current.Source | Should -Be 'Host'
        $current.DataDirectory | Should -Be $context.DataDirectory
        $current.HostProcessId | Should -Be $context.HostProcessId
    }

    It 'does not hold the token' {
        $token = (Get-Content -Raw (Join-Path $context.DataDirectory 'admin-token')).Trim()
        (Get-AzMlContext | ConvertTo-Json) | Should -Not -Match ([regex]::Escape($token))
        (Get-AzMlContext).PSObject.Properties.Name | Should -Not -Contain 'Token'
    }

    It 'follows Connect-AzMlAccount' {
        $token = [System.Net.NetworkCredential]::new('', (Get-Content -Raw (Join-Path $context.DataDirectory 'admin-token')).Trim()).SecurePassword
        Connect-AzMlAccount -Endpoint $context.Endpoint -Token $token | Out-Null
        (Get-AzMlContext).Source | Should -Be 'Connect'
        (Get-AzMlContext).DataDirectory | Should -BeNullOrEmpty
    }

    It 'returns nothing once the host is stopped' {
        Start-AzMlHost -DataDirectory $context.DataDirectory | Out-Null
        Stop-AzMlHost
        Get-AzMlContext | Should -BeNullOrEmpty
    }
}
