BeforeAll {
    . (Join-Path $PSScriptRoot 'AzMlTestHelpers.ps1')
    $script:context = Start-AzMlTestHost
    $script:scratch = New-AzMlTestDirectory
    $script:container = 'get-' + (New-AzMlTestName -Prefix 'c').Substring(2)
    Set-AzMlBlobContent -Container $container -Blob 'results/output2results.csv' -Value "auc`n0.91`n" | Out-Null
}

AfterAll {
    Stop-AzMlTestHost -Context $script:context
    Remove-Item -LiteralPath $script:scratch -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Get-AzMlBlobContent' {
    It 'returns the content as text' {
        $text = Get-AzMlBlobContent -Container $container -Blob 'results/output2results.csv'
        $text | Should -BeOfType [string]
        $text | Should -BeExactly "auc`n0.91`n"
    }

    It 'writes the content to a file and returns the file' {
        $path = Join-Path $scratch 'results.csv'
        $file = Get-AzMlBlobContent -Container $container -Blob 'results/output2results.csv' -Destination $path
        $file | Should -BeOfType [System.IO.FileInfo]
        $file.FullName | Should -Be $path
        Get-Content -LiteralPath $path -Raw | Should -BeExactly "auc`n0.91`n"
    }

    It 'reads with a shared access signature' {
        $connection = Get-AzMlStorageConnectionString
        $endpoint = ($connection -split ';' | Where-Object { $_ -like 'BlobEndpoint=*' }) -replace '^BlobEndpoint=', ''
        $sas = [AzMl.AzMlBlobOperations]::GetBlobSas($null, $connection, $container, 'results/output2results.csv', 'r', 600, $null)
        $sas.Succeeded | Should -BeTrue
        $token = [string] $sas.Value
        Get-AzMlBlobContent -Container $container -Blob 'results/output2results.csv' `
            -ConnectionString "BlobEndpoint=$endpoint;SharedAccessSignature=$($token.TrimStart('?'))" |
            Should -BeExactly "auc`n0.91`n"
    }

    It 'says which call it makes with -Verbose' {
        $verbose = Get-AzMlBlobContent -Container $container -Blob 'results/output2results.csv' -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match "GET blob $container/results/output2results.csv"
    }
}

Describe 'Get-AzMlBlobContent errors' {
    It 'writes BlobNotFound for a missing blob' {
        Get-AzMlBlobContent -Container $container -Blob 'none.csv' -ErrorVariable failure -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'BlobNotFound,Get-AzMlBlobContent'
        $failure[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure[0].TargetObject | Should -Be "$container/none.csv"
    }

    It 'writes ContainerNotFound for a missing container' {
        Get-AzMlBlobContent -Container 'no-such-container' -Blob 'x.csv' -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -Be 'ContainerNotFound,Get-AzMlBlobContent'
    }

    It 'writes DirectoryNotFound when the destination folder does not exist' {
        Get-AzMlBlobContent -Container $container -Blob 'results/output2results.csv' `
            -Destination (Join-Path $scratch 'no/such/folder/x.csv') -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -Be 'DirectoryNotFound,Get-AzMlBlobContent'
    }
}
