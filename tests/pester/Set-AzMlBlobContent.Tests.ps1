BeforeAll {
    . (Join-Path $PSScriptRoot 'AzMlTestHelpers.ps1')
    $script:context = Start-AzMlTestHost
    $script:scratch = New-AzMlTestDirectory
    $script:container = 'set-' + (New-AzMlTestName -Prefix 'c').Substring(2)
}

AfterAll {
    Stop-AzMlTestHost -Context $script:context
    Remove-Item -LiteralPath $script:scratch -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Set-AzMlBlobContent -File (File)' {
    It 'uploads a file and returns the blob as AzMl.Blob' {
        $path = Join-Path $scratch 'census.csv'
        Set-Content -LiteralPath $path -Value "age,income`n39,77516" -NoNewline
        $blob = Set-AzMlBlobContent -Container $container -Blob 'inputs/census.csv' -File $path
        $blob.PSTypeNames[0] | Should -Be 'AzMl.Blob'
        $blob.name | Should -Be 'inputs/census.csv'
        $blob.container | Should -Be $container
        $blob.size | Should -Be (Get-Item $path).Length
        $blob.contentType | Should -Be 'text/csv'
        $blob.etag | Should -Not -BeNullOrEmpty
        Get-AzMlBlobContent -Container $container -Blob 'inputs/census.csv' | Should -BeExactly "age,income`n39,77516"
    }

    It 'keeps every byte of a binary file' {
        $path = Join-Path $scratch 'model.ilearner'
        $bytes = [byte[]](0..255) * 4
        [System.IO.File]::WriteAllBytes($path, $bytes)
        $blob = Set-AzMlBlobContent -Container $container -Blob 'models/model.ilearner' -File $path
        $blob.contentType | Should -Be 'application/octet-stream'
        $copy = Join-Path $scratch 'copy.ilearner'
        Get-AzMlBlobContent -Container $container -Blob 'models/model.ilearner' -Destination $copy | Out-Null
        [System.IO.File]::ReadAllBytes($copy) | Should -Be $bytes
    }

    It 'writes FileNotFound for a missing file, and uploads nothing' {
        Set-AzMlBlobContent -Container $container -Blob 'missing.csv' -File (Join-Path $scratch 'none.csv') `
            -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'FileNotFound,Set-AzMlBlobContent'
        Get-AzMlBlobContent -Container $container -Blob 'missing.csv' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe 'Set-AzMlBlobContent -Value (Value)' {
    It 'uploads a string from the pipeline as UTF-8' {
        $blob = 'größe,ü' | Set-AzMlBlobContent -Container $container -Blob 'text/umlauts.csv' -ContentType 'text/csv'
        $blob.size | Should -Be ([System.Text.Encoding]::UTF8.GetByteCount('größe,ü'))
        $blob.contentType | Should -Be 'text/csv'
        Get-AzMlBlobContent -Container $container -Blob 'text/umlauts.csv' | Should -BeExactly 'größe,ü'
    }

    It 'uploads through an explicit connection string' {
        $connection = Get-AzMlStorageConnectionString
        Set-AzMlBlobContent -Container $container -Blob 'explicit.txt' -Value 'hello' -ConnectionString $connection |
            Select-Object -ExpandProperty contentType | Should -Be 'text/plain; charset=utf-8'
        Get-AzMlBlobContent -Container $container -Blob 'explicit.txt' -ConnectionString $connection | Should -Be 'hello'
    }

    It 'uploads nothing with -WhatIf' {
        Set-AzMlBlobContent -Container $container -Blob 'whatif.txt' -Value 'x' -WhatIf | Should -BeNullOrEmpty
        Get-AzMlBlobContent -Container $container -Blob 'whatif.txt' -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -Be 'BlobNotFound,Get-AzMlBlobContent'
    }

    It 'says which call it makes with -Verbose' {
        $verbose = Set-AzMlBlobContent -Container $container -Blob 'verbose.txt' -Value 'x' -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match "PUT blob $container/verbose.txt"
    }
}

Describe 'Set-AzMlBlobContent errors' {
    It 'writes InvalidResourceName for a blob name that would leave the store' {
        Set-AzMlBlobContent -Container $container -Blob '../escape.txt' -Value 'x' -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'InvalidResourceName,Set-AzMlBlobContent'
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'writes AuthenticationFailed for a wrong account key' {
        $wrong = (Get-AzMlStorageConnectionString) -replace 'AccountKey=[^;]+', 'AccountKey=d3Jvbmcga2V5'
        Set-AzMlBlobContent -Container $container -Blob 'x.txt' -Value 'x' -ConnectionString $wrong -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -Be 'AuthenticationFailed,Set-AzMlBlobContent'
        $failure[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
    }

    It 'writes InvalidArgument for a malformed connection string' {
        Set-AzMlBlobContent -Container $container -Blob 'x.txt' -Value 'x' -ConnectionString 'AccountName' -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -Be 'InvalidArgument,Set-AzMlBlobContent'
    }
}
