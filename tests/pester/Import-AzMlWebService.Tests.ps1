BeforeAll {
    . (Join-Path $PSScriptRoot 'AzMlTestHelpers.ps1')
    $script:context = Start-AzMlTestHost
    $script:resourceGroup = New-AzMlTestName -Prefix 'rg'
    $script:definitionFile = Get-AzMlTestDefinitionPath
    $script:scratch = New-AzMlTestDirectory
}

AfterAll {
    Stop-AzMlTestHost -Context $script:context
    Remove-Item -LiteralPath $script:scratch -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Import-AzMlWebService -InputFile (ImportFromJSONFile)' {
    BeforeAll {
        $script:wsd = Import-AzMlWebService -InputFile $definitionFile
    }

    It 'returns one AzMl.WebService' {
        @($wsd).Count | Should -Be 1
        $wsd.PSTypeNames[0] | Should -Be 'AzMl.WebService'
    }

    It 'lets the documented edit be made with PascalCase property access' {
        $copy = Import-AzMlWebService -InputFile $definitionFile
        $copy.Properties.Assets.asset3.LocationInfo.Uri = 'https://example.invalid/new.ilearner'
        $copy.properties.assets.asset3.locationInfo.uri | Should -Be 'https://example.invalid/new.ilearner'
    }

    It 'keeps strings, integers, decimals, arrays and nulls as they are' {
        $wsd.properties.diagnostics.expiry | Should -BeOfType [string]
        $wsd.properties.realtimeConfiguration.maxConcurrentCalls | Should -BeOfType [long]
        $row = $wsd.properties.exampleRequest.inputs.input1[0]
        $row[2] | Should -BeOfType [decimal]
        $row[2].ToString([cultureinfo]::InvariantCulture) | Should -Be '40.0'
        $wsd.properties.exampleRequest.inputs.input1[2][2].ToString([cultureinfo]::InvariantCulture) | Should -Be '0.6'
        , $wsd.properties.exampleRequest.inputs.input1 | Should -BeOfType [object[]]
    }

    It 'keeps a one-element array an array and a null a null' {
        $text = (Get-Content -Raw $definitionFile) -replace '"title": "Retrain Sample \[Predictive Exp\.\]"', '"title": null'
        $text = $text -replace '(?s)"input1": \[\s*\[39, "State-gov", 40\.0\],.*?\]\s*\]', '"input1": [[39, "State-gov", 40.0]]'
        $imported = Import-AzMlWebService -JsonString $text
        $imported.properties.PSObject.Properties['title'] | Should -Not -BeNullOrEmpty
        $imported.properties.title | Should -BeNullOrEmpty
        , $imported.properties.exampleRequest.inputs.input1 | Should -BeOfType [object[]]
        $imported.properties.exampleRequest.inputs.input1.Count | Should -Be 1
    }

    It 'normalises PascalCase definitions (as the SDK examples write them) to camelCase' {
        $pascal = (Get-Content -Raw $definitionFile) -replace '"assetId"', '"AssetId"' -replace '"locationInfo"', '"LocationInfo"'
        $imported = Import-AzMlWebService -JsonString $pascal
        $imported.properties.package.nodes.node2.PSObject.Properties.Name | Should -Contain 'assetId'
        $imported.properties.assets.asset3.PSObject.Properties.Name | Should -Contain 'locationInfo'
    }

    It 'resolves a relative path against the current location' {
        Push-Location (Split-Path -Parent $definitionFile)
        try {
            (Import-AzMlWebService -InputFile (Split-Path -Leaf $definitionFile)).location | Should -Be 'South Central US'
        }
        finally {
            Pop-Location
        }
    }

    It 'round-trips Export -> Import -> Export without loss' {
        $first = Export-AzMlWebService -WebService $wsd -ToJsonString
        $file = Join-Path $scratch 'roundtrip.json'
        Export-AzMlWebService -WebService $wsd -OutputFile $file
        $second = Export-AzMlWebService -WebService (Import-AzMlWebService -InputFile $file) -ToJsonString
        $second | Should -BeExactly $first
    }

    It 'gives an object New-AzMlWebService accepts, and the service returns what was imported' {
        $name = New-AzMlTestName
        $created = $wsd | New-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -Location 'South Central US' -Force
        $withoutSecrets = Import-AzMlWebService -InputFile $definitionFile
        $withoutSecrets.properties.storageAccount.PSObject.Properties.Remove('key')
        ConvertTo-AzMlTestComparableJson $created | Should -BeExactly (ConvertTo-AzMlTestComparableJson $withoutSecrets)
    }

    It 'is also Import-AzureRmMlWebService' {
        (Import-AzureRmMlWebService -InputFile $definitionFile).location | Should -Be 'South Central US'
    }
}

Describe 'Import-AzMlWebService -JsonString (ImportFromJSONString.)' {
    It 'imports a definition given as text' {
        $imported = Import-AzMlWebService -JsonString (Get-Content -Raw $definitionFile)
        $imported.properties.title | Should -Be 'Retrain Sample [Predictive Exp.]'
    }

    It 'says the definition is not specified for blank text' {
        Import-AzMlWebService -JsonString '   ' -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'InvalidWebServiceDefinition,Import-AzMlWebService'
        $failure[0].Exception.Message | Should -Match 'The Azure ML web service definition is not specified\.'
    }
}

Describe 'Import-AzMlWebService errors' {
    It 'says the file does not exist' {
        $missing = Join-Path $scratch 'missing.json'
        Import-AzMlWebService -InputFile $missing -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'MissingDefinitionFile,Import-AzMlWebService'
        $failure[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure[0].Exception.Message | Should -Be 'The specified web service definition file path does not exist.'
        $failure[0].TargetObject | Should -Be $missing
    }

    It 'gives the line of malformed JSON' {
        $file = Join-Path $scratch 'malformed.json'
        Set-Content -Path $file -Value "{`n  `"properties`": {`n    `"title`": `"x`"`n    `"description`": `"y`"`n  }`n}"
        Import-AzMlWebService -InputFile $file -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'InvalidWebServiceDefinition,Import-AzMlWebService'
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $failure[0].Exception.Message | Should -Match 'line 4'
        $failure[0].Exception.Message | Should -Match ([regex]::Escape($file))
    }

    It 'gives the JSON path of an invalid definition, with every problem in the details' {
        $definition = Get-Content -Raw $definitionFile | ConvertFrom-Json -AsHashtable
        $definition.properties.package.nodes.node4.assetId = 'asset-that-does-not-exist'
        $definition.properties.realtimeConfiguration.maxConcurrentCalls = 1000
        Import-AzMlWebService -JsonString ($definition | ConvertTo-Json -Depth 50) -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].Exception.Message | Should -Match 'properties\.(package\.nodes\.node4\.assetId|realtimeConfiguration\.maxConcurrentCalls)'
        $failure[0].Exception.Details.Count | Should -BeGreaterOrEqual 2
    }

    It 'requires packageType Graph' {
        $text = (Get-Content -Raw $definitionFile) -replace '"packageType": "Graph"', '"packageType": "Code"'
        Import-AzMlWebService -JsonString $text -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].Exception.Message | Should -Match 'packageType'
    }
}
