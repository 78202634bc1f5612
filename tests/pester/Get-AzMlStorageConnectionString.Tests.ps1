BeforeAll {
    . (Join-Path $PSScriptRoot 'AzMlTestHelpers.ps1')
    $script:context = Start-AzMlTestHost
}

AfterAll {
    Stop-AzMlTestHost -Context $script:context
}

Describe 'Get-AzMlStorageConnectionString' {
    It 'returns the host account''s connection string' {
        $connection = Get-AzMlStorageConnectionString
        $connection | Should -BeOfType [string]
        $connection | Should -Match '^DefaultEndpointsProtocol=http;AccountName=azmlstore;AccountKey=[A-Za-z0-9+/]{86}==;BlobEndpoint='
        $connection | Should -BeLike "*;BlobEndpoint=$($context.Endpoint)/blob/azmlstore"
    }

    It 'returns the same key every time' {
        Get-AzMlStorageConnectionString | Should -Be (Get-AzMlStorageConnectionString)
    }

    It 'takes the account by name' {
        Get-AzMlStorageConnectionString -AccountName 'azmlstore' | Should -Be (Get-AzMlStorageConnectionString)
    }

    It 'says which calls it makes with -Verbose' {
        $verbose = Get-AzMlStorageConnectionString -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match 'listKeys'
    }

    It 'writes ResourceNotFound for an account the host does not have' {
        Get-AzMlStorageConnectionString -AccountName 'otheraccount' -ErrorVariable failure -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'ResourceNotFound,Get-AzMlStorageConnectionString'
        $failure[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}
