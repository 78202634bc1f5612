BeforeAll {
    . (Join-Path $PSScriptRoot 'AzMlTestHelpers.ps1')
    $script:context = Start-AzMlTestHost
    $script:resourceGroup = New-AzMlTestName -Prefix 'rg'
    $script:name = New-AzMlTestName
    New-AzMlTestWebService -ResourceGroupName $resourceGroup -Name $name | Out-Null
    $script:service = Get-AzMlWebService -ResourceGroupName $resourceGroup -Name $name
    $script:scratch = New-AzMlTestDirectory
}

AfterAll {
    Stop-AzMlTestHost -Context $script:context
    Remove-Item -LiteralPath $script:scratch -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Export-AzMlWebService -ToJsonString (ExportToJSON)' {
    BeforeAll {
        $script:json = Export-AzMlWebService -WebService $service -ToJsonString
        $script:document = $json | ConvertFrom-Json -AsHashtable -DateKind String
    }

    It 'returns one indented JSON string' {
        $json | Should -BeOfType [string]
        @($json).Count | Should -Be 1
        $json | Should -Match "^\{\r?\n  `""
    }

    It 'leaves out the read-only fields' {
        foreach ($field in 'id', 'name', 'type') { $document.ContainsKey($field) | Should -BeFalse -Because "$field is read-only" }
        foreach ($field in 'createdOn', 'modifiedOn', 'provisioningState', 'swaggerLocation') {
            $document.properties.ContainsKey($field) | Should -BeFalse -Because "$field is read-only"
        }
    }

    It 'keeps the definition, dates and numbers as written' {
        $document.location | Should -Be 'South Central US'
        $document.properties.assets.asset3.type | Should -Be 'Resource'
        $json | Should -Match ([regex]::Escape('"expiry": "2030-12-31T23:59:59.0000000Z"'))
        $json | Should -Match '\[\s*39,\s*"State-gov",\s*40\.0\s*\]'
        $json | Should -Match '0\.6\s*\]'
    }

    It 'takes the service from the pipeline' {
        ($service | Export-AzMlWebService -ToJsonString) | Should -BeExactly $json
    }

    It 'needs no connection' {
        $isolated = [powershell]::Create()
        try {
            $null = $isolated.AddScript('param($s) Import-Module AzMl; Export-AzMlWebService -WebService $s -ToJsonString').AddArgument($service)
            $offline = $isolated.Invoke()
            $isolated.Streams.Error | Should -BeNullOrEmpty
            $offline[0] | Should -BeExactly $json
        }
        finally {
            $isolated.Dispose()
        }
    }

    It 'round-trips through Import-AzMlWebService without loss' {
        $imported = Import-AzMlWebService -JsonString $json
        Export-AzMlWebService -WebService $imported -ToJsonString | Should -BeExactly $json
    }

    It 'is also Export-AzureRmMlWebService' {
        Export-AzureRmMlWebService -WebService $service -ToJsonString | Should -BeExactly $json
    }
}

Describe 'Export-AzMlWebService -OutputFile (ExportToFile)' {
    It 'writes the document to a new file, UTF-8 without a byte order mark, and returns nothing' {
        $file = Join-Path $scratch 'export-new.json'
        $output = Export-AzMlWebService -WebService $service -OutputFile $file
        $output | Should -BeNullOrEmpty
        [System.IO.File]::ReadAllText($file) | Should -BeExactly (Export-AzMlWebService -WebService $service -ToJsonString)
        [System.IO.File]::ReadAllBytes($file)[0] | Should -Be ([byte][char]'{')
    }

    It 'resolves a relative path against the current location' {
        $folder = Join-Path $scratch 'relative'
        New-Item -ItemType Directory -Path $folder | Out-Null
        Push-Location $folder
        try {
            Export-AzMlWebService -WebService $service -OutputFile './mlservice_export.json'
        }
        finally {
            Pop-Location
        }
        Test-Path (Join-Path $folder 'mlservice_export.json') | Should -BeTrue
    }

    It 'writes nothing with -WhatIf' {
        $file = Join-Path $scratch 'export-whatif.json'
        Export-AzMlWebService -WebService $service -OutputFile $file -WhatIf
        Test-Path $file | Should -BeFalse
    }

    It 'asks before overwriting a file; a session that cannot answer gets an error and the file is kept' {
        $file = Join-Path $scratch 'export-existing.json'
        Set-Content -Path $file -Value 'keep me'
        Export-AzMlWebService -WebService $service -OutputFile $file -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'ConfirmationUnavailable,Export-AzMlWebService'
        $failure[0].Exception.Message | Should -Match 'Want to overwriting the output file\?'
        (Get-Content -Raw $file).Trim() | Should -Be 'keep me'
    }

    It 'overwrites with -Force' {
        $file = Join-Path $scratch 'export-force.json'
        Set-Content -Path $file -Value 'old'
        Export-AzMlWebService -WebService $service -OutputFile $file -Force
        (Get-Content -Raw $file) | Should -BeExactly (Export-AzMlWebService -WebService $service -ToJsonString)
    }

    It 'says what it does with -Verbose' {
        $file = Join-Path $scratch 'export-verbose.json'
        $verbose = Export-AzMlWebService -WebService $service -OutputFile $file -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match 'azml_definition_export'
    }
}

Describe 'Export-AzMlWebService errors' {
    It 'reports a folder that does not exist' {
        Export-AzMlWebService -WebService $service -OutputFile (Join-Path $scratch 'no/such/folder/x.json') -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'DirectoryNotFound,Export-AzMlWebService'
    }

    It 'reports a value that cannot be JSON, with its path' {
        $odd = [ordered]@{ properties = [ordered]@{ title = [System.IO.DirectoryInfo]$scratch } }
        Export-AzMlWebService -WebService $odd -ToJsonString -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'InvalidArgument,Export-AzMlWebService'
        $failure[0].Exception.Message | Should -Match 'properties\.title'
    }

    It 'reports a definition field of the wrong type' {
        Export-AzMlWebService -WebService @{ properties = @{ readOnly = 'sometimes' } } -ToJsonString -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].Exception.Message | Should -Match 'readOnly'
    }
}
