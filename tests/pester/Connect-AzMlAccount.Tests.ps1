BeforeAll {
    . (Join-Path $PSScriptRoot 'AzMlTestHelpers.ps1')
    $script:hostContext = Start-AzMlTestHost
    $script:adminToken = (Get-Content -Raw (Join-Path $hostContext.DataDirectory 'admin-token')).Trim()
    $script:secureToken = [System.Net.NetworkCredential]::new('', $adminToken).SecurePassword
    $script:wrongToken = [System.Net.NetworkCredential]::new('', 'wrong-token').SecurePassword
    $script:resourceGroup = New-AzMlTestName -Prefix 'rg'
    $script:name = New-AzMlTestName
    New-AzMlTestWebService -ResourceGroupName $resourceGroup -Name $name | Out-Null

    function Get-UnusedLoopbackPort {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
    }
}

AfterAll {
    Remove-Item Env:AZML_ENDPOINT, Env:AZML_TOKEN -ErrorAction SilentlyContinue
    Stop-AzMlTestHost -Context $script:hostContext
}

Describe 'Connect-AzMlAccount' {
    It 'connects with -Endpoint and -Token, asking the endpoint for its subscription' {
        $context = Connect-AzMlAccount -Endpoint $hostContext.Endpoint -Token $secureToken
        $context.PSTypeNames[0] | Should -Be 'AzMl.Context'
        $context.Endpoint | Should -Be $hostContext.Endpoint
        $context.SubscriptionId | Should -Be $hostContext.SubscriptionId
        $context.Source | Should -Be 'Connect'
        (Get-AzMlWebService -ResourceGroupName $resourceGroup -Name $name).name | Should -Be $name
    }

    It 'takes the endpoint positionally and the subscription as given' {
        $context = Connect-AzMlAccount $hostContext.Endpoint -Token $secureToken -SubscriptionId $hostContext.SubscriptionId
        $context.SubscriptionId | Should -Be $hostContext.SubscriptionId
    }

    It 'reads AZML_ENDPOINT and AZML_TOKEN when no parameter is given' {
        $env:AZML_ENDPOINT = $hostContext.Endpoint
        $env:AZML_TOKEN = $adminToken
        try {
            $context = Connect-AzMlAccount
            $context.Endpoint | Should -Be $hostContext.Endpoint
            (Get-AzMlWebService -ResourceGroupName $resourceGroup -Name $name).name | Should -Be $name
        }
        finally {
            Remove-Item Env:AZML_ENDPOINT, Env:AZML_TOKEN
        }
    }

    It 'never shows the token in the context' {
        $context = Connect-AzMlAccount -Endpoint $hostContext.Endpoint -Token $secureToken
        ($context | Format-List * | Out-String) | Should -Not -Match ([regex]::Escape($adminToken))
        ($context | ConvertTo-Json) | Should -Not -Match ([regex]::Escape($adminToken))
    }
}

Describe 'Connect-AzMlAccount errors' {
    It 'writes Unauthorized for a wrong token and keeps the previous connection' {
        Connect-AzMlAccount -Endpoint $hostContext.Endpoint -Token $secureToken | Out-Null
        Connect-AzMlAccount -Endpoint $hostContext.Endpoint -Token $wrongToken -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'Unauthorized,Connect-AzMlAccount'
        $failure[0].Exception.HttpStatus | Should -Be 401
        (Get-AzMlWebService -ResourceGroupName $resourceGroup -Name $name).name | Should -Be $name
    }

    It 'connects with a wrong token and -SubscriptionId, after which calls are Unauthorized' {
        Connect-AzMlAccount -Endpoint $hostContext.Endpoint -Token $wrongToken -SubscriptionId $hostContext.SubscriptionId | Out-Null
        Get-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -Be 'Unauthorized,Get-AzMlWebService'
        Connect-AzMlAccount -Endpoint $hostContext.Endpoint -Token $secureToken | Out-Null
    }

    It 'says there is no endpoint when neither -Endpoint nor AZML_ENDPOINT is given' {
        Remove-Item Env:AZML_ENDPOINT -ErrorAction SilentlyContinue
        Connect-AzMlAccount -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'NoEndpoint,Connect-AzMlAccount'
        $failure[0].Exception.Message | Should -Match 'AZML_ENDPOINT'
    }

    It 'writes ConnectionFailed for an endpoint nobody listens on' {
        $endpoint = "http://127.0.0.1:$(Get-UnusedLoopbackPort)"
        Connect-AzMlAccount -Endpoint $endpoint -Token $secureToken -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'ConnectionFailed,Connect-AzMlAccount'
        $failure[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        $failure[0].TargetObject | Should -Be $endpoint
    }

    It 'says a certificate authority file does not exist' {
        Connect-AzMlAccount -Endpoint $hostContext.Endpoint -Token $secureToken -CertificateAuthorityFile (Join-Path $hostContext.DataDirectory 'missing-ca.pem') `
            -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -Be 'CertificateAuthorityFileNotFound,Connect-AzMlAccount'
    }

    It 'rejects an endpoint that is not a URL' {
        Connect-AzMlAccount -Endpoint 'not a url' -Token $secureToken -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].CategoryInfo.Category | Should -BeIn 'InvalidArgument', 'ConnectionError'
    }
}
