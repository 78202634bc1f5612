BeforeAll {
    . (Join-Path $PSScriptRoot 'AzMlTestHelpers.ps1')
    $script:context = Start-AzMlTestHost
    $script:resourceGroup = New-AzMlTestName -Prefix 'rg'
    $script:definitionFile = Get-AzMlTestDefinitionPath
    $script:scratch = New-AzMlTestDirectory

    function Test-WebServiceExists([string] $Name) {
        $null -ne (Get-AzMlWebService -ResourceGroupName $resourceGroup -Name $Name -ErrorAction SilentlyContinue)
    }
}

AfterAll {
    Stop-AzMlTestHost -Context $script:context
    Remove-Item -LiteralPath $script:scratch -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'New-AzMlWebService -DefinitionFile (CreateFromFile)' {
    It 'creates the service and returns it as the service reports it after provisioning' {
        $name = New-AzMlTestName
        $created = New-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -Location 'South Central US' -DefinitionFile $definitionFile -Force
        $created.PSTypeNames[0] | Should -Be 'AzMl.WebService'
        $created.name | Should -Be $name
        $created.properties.provisioningState | Should -Be 'Succeeded'
        $created.properties.title | Should -Be 'Retrain Sample [Predictive Exp.]'
        (Get-AzMlWebService -ResourceGroupName $resourceGroup -Name $name).id | Should -Be $created.id
    }

    It 'lets -Location overwrite the location of the file' {
        $created = New-AzMlWebService -ResourceGroupName $resourceGroup -Name (New-AzMlTestName) -Location 'West Europe' -DefinitionFile $definitionFile -Force
        $created.location | Should -Be 'West Europe'
    }

    It 'resolves a relative path against the current location' {
        Push-Location (Split-Path -Parent $definitionFile)
        try {
            $created = New-AzMlWebService -ResourceGroupName $resourceGroup -Name (New-AzMlTestName) -Location 'South Central US' `
                -DefinitionFile (Split-Path -Leaf $definitionFile) -Force
            $created | Should -Not -BeNullOrEmpty
        }
        finally {
            Pop-Location
        }
    }

    It 'overwrites an existing service of the same name (PUT)' {
        $name = New-AzMlTestName
        New-AzMlTestWebService -ResourceGroupName $resourceGroup -Name $name | Out-Null
        $definition = Get-Content -Raw $definitionFile | ConvertFrom-Json -AsHashtable
        $definition.properties.title = 'Overwritten'
        $file = Join-Path $scratch "$name.json"
        $definition | ConvertTo-Json -Depth 50 | Set-Content -Path $file
        $replaced = New-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -Location 'South Central US' -DefinitionFile $file -Force
        $replaced.properties.title | Should -Be 'Overwritten'
    }

    It 'says which call it makes with -Verbose' {
        $name = New-AzMlTestName
        $verbose = New-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -Location 'South Central US' -DefinitionFile $definitionFile -Force -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match "PUT webServices/$name"
    }
}

Describe 'New-AzMlWebService -NewWebServiceDefinition (CreateFromInstance)' {
    It 'creates the service from an imported object' {
        $name = New-AzMlTestName
        $definition = Import-AzMlWebService -InputFile $definitionFile
        $definition.properties.description = 'From an object'
        $created = New-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -Location 'South Central US' -NewWebServiceDefinition $definition -Force
        $created.properties.description | Should -Be 'From an object'
    }

    It 'takes the object from the pipeline' {
        $name = New-AzMlTestName
        $created = Import-AzMlWebService -InputFile $definitionFile |
            New-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -Location 'South Central US' -Force
        $created.name | Should -Be $name
    }

    It 'sends the object as it is: its own location, not -Location' {
        $definition = Import-AzMlWebService -InputFile $definitionFile
        $created = New-AzMlWebService -ResourceGroupName $resourceGroup -Name (New-AzMlTestName) -Location 'West Europe' -NewWebServiceDefinition $definition -Force
        $created.location | Should -Be 'South Central US'
    }

    It 'accepts a hashtable of the same shape, with service keys that listKeys then returns' {
        $name = New-AzMlTestName
        $definition = Get-Content -Raw $definitionFile | ConvertFrom-Json -AsHashtable
        $definition.properties.keys = @{ primary = 'primary-key-from-test'; secondary = 'secondary-key-from-test' }
        New-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -Location 'South Central US' -NewWebServiceDefinition $definition -Force | Out-Null
        $keys = Get-AzMlWebServiceKey -ResourceGroupName $resourceGroup -Name $name
        $keys.primary | Should -Be 'primary-key-from-test'
        $keys.secondary | Should -Be 'secondary-key-from-test'
    }

    It 'drops the read-only fields of a service it was given' {
        $source = New-AzMlTestWebService -ResourceGroupName $resourceGroup -Name (New-AzMlTestName)
        $copyName = New-AzMlTestName
        $copy = $source | New-AzMlWebService -ResourceGroupName $resourceGroup -Name $copyName -Location 'South Central US' -Force
        $copy.name | Should -Be $copyName
        $copy.id | Should -BeLike "*/webServices/$copyName"
    }
}

Describe 'New-AzMlWebService confirmation' {
    It 'creates nothing with -WhatIf' {
        $name = New-AzMlTestName
        $result = New-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -Location 'South Central US' -DefinitionFile $definitionFile -Force -WhatIf
        $result | Should -BeNullOrEmpty
        Test-WebServiceExists $name | Should -BeFalse
    }

    It 'asks before creating; a session that cannot answer gets an error and nothing is created' {
        $name = New-AzMlTestName
        New-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -Location 'South Central US' -DefinitionFile $definitionFile `
            -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'ConfirmationUnavailable,New-AzMlWebService'
        $failure[0].Exception.Message | Should -Match ([regex]::Escape("Are you sure you want to create a new machine learning web service `"$name`" ?"))
        $failure[0].Exception.Message | Should -Match '-Force'
        Test-WebServiceExists $name | Should -BeFalse
    }

    It 'creates with -Force -Confirm:$false' {
        $name = New-AzMlTestName
        New-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -Location 'South Central US' -DefinitionFile $definitionFile -Force -Confirm:$false | Out-Null
        Test-WebServiceExists $name | Should -BeTrue
    }

    It 'is also New-AzureRmMlWebService' {
        $name = New-AzMlTestName
        (New-AzureRmMlWebService -ResourceGroupName $resourceGroup -Name $name -Location 'South Central US' -DefinitionFile $definitionFile -Force).name |
            Should -Be $name
    }
}

Describe 'New-AzMlWebService errors' {
    It 'says the definition file does not exist' {
        $name = New-AzMlTestName
        New-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -Location 'South Central US' -DefinitionFile (Join-Path $scratch 'missing.json') -Force `
            -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'MissingDefinitionFile,New-AzMlWebService'
        $failure[0].Exception.Message | Should -Be 'The specified web service definition file path does not exist.'
        Test-WebServiceExists $name | Should -BeFalse
    }

    It 'says where an invalid JSON file is broken' {
        $file = Join-Path $scratch 'broken.json'
        Set-Content -Path $file -Value "{`n  `"properties`": {`n    `"title`": `"x`",`n"
        New-AzMlWebService -ResourceGroupName $resourceGroup -Name (New-AzMlTestName) -Location 'South Central US' -DefinitionFile $file -Force `
            -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'InvalidWebServiceDefinition,New-AzMlWebService'
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $failure[0].Exception.Message | Should -Match ([regex]::Escape($file))
        $failure[0].Exception.Message | Should -Match 'line \d+'
    }

    It 'names the JSON path of an invalid definition' {
        $definition = Get-Content -Raw $definitionFile | ConvertFrom-Json -AsHashtable
        $definition.properties.package.edges[3].targetNodeId = 'node-that-does-not-exist'
        $file = Join-Path $scratch 'bad-edge.json'
        $definition | ConvertTo-Json -Depth 50 | Set-Content -Path $file
        New-AzMlWebService -ResourceGroupName $resourceGroup -Name (New-AzMlTestName) -Location 'South Central US' -DefinitionFile $file -Force `
            -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -Be 'InvalidWebServiceDefinition,New-AzMlWebService'
        $failure[0].Exception.Message | Should -Match ([regex]::Escape('properties.package.edges[3].targetNodeId'))
    }

    It 'reports the service rejecting an object without a location' {
        $definition = Get-Content -Raw $definitionFile | ConvertFrom-Json -AsHashtable
        $definition.Remove('location')
        New-AzMlWebService -ResourceGroupName $resourceGroup -Name (New-AzMlTestName) -Location 'South Central US' -NewWebServiceDefinition $definition -Force `
            -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].Exception | Should -BeOfType [AzMl.AzMlException]
        $failure[0].Exception.Message | Should -Match 'location'
    }
}
