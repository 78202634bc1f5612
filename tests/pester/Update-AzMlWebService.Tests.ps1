BeforeAll {
    . (Join-Path $PSScriptRoot 'AzMlTestHelpers.ps1')
    $script:context = Start-AzMlTestHost
    $script:resourceGroup = New-AzMlTestName -Prefix 'rg'
    $script:definitionFile = Get-AzMlTestDefinitionPath

    function New-ServiceForTest {
        $name = New-AzMlTestName
        New-AzMlTestWebService -ResourceGroupName $resourceGroup -Name $name | Out-Null
        $name
    }
}

AfterAll {
    Stop-AzMlTestHost -Context $script:context
}

Describe 'Update-AzMlWebService with parameters (UpdateFromParameters)' {
    It 'changes the title and description and nothing else' {
        $name = New-ServiceForTest
        $before = Get-AzMlWebService -ResourceGroupName $resourceGroup -Name $name
        $updated = Update-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -Title 'New title' -Description 'New description' -Force
        $updated.PSTypeNames[0] | Should -Be 'AzMl.WebService'
        $updated.properties.title | Should -Be 'New title'
        $updated.properties.description | Should -Be 'New description'
        $updated.properties.readOnly | Should -BeFalse

        $before.properties.title = 'New title'
        $before.properties.description = 'New description'
        ConvertTo-AzMlTestComparableJson $updated | Should -BeExactly (ConvertTo-AzMlTestComparableJson $before)
        $updated.properties.createdOn | Should -Be $before.properties.createdOn
    }

    It 'changes only the primary key when only it is given' {
        $name = New-ServiceForTest
        $before = Get-AzMlWebServiceKey -ResourceGroupName $resourceGroup -Name $name
        Update-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -Keys @{ Primary = 'changed primary key' } -Force | Out-Null
        $after = Get-AzMlWebServiceKey -ResourceGroupName $resourceGroup -Name $name
        $after.primary | Should -Be 'changed primary key'
        $after.secondary | Should -Be $before.secondary
    }

    It 'sets diagnostics and realtime configuration from hashtables' {
        $name = New-ServiceForTest
        $updated = Update-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -Diagnostics @{ Level = 'All' } `
            -RealtimeConfiguration @{ MaxConcurrentCalls = 25 } -Force
        $updated.properties.diagnostics.level | Should -Be 'All'
        $updated.properties.realtimeConfiguration.maxConcurrentCalls | Should -Be 25
    }

    It 'replaces assets, input, output, parameters and package when given' {
        $name = New-ServiceForTest
        $service = Get-AzMlWebService -ResourceGroupName $resourceGroup -Name $name
        $assets = @{}
        foreach ($asset in $service.properties.assets.PSObject.Properties) { $assets[$asset.Name] = $asset.Value }
        $assets['asset3'].locationInfo.uri = $script:AzMlTestModelUris['v2']
        $updated = Update-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -Assets $assets -Input $service.properties.input `
            -Output $service.properties.output -Package $service.properties.package -Parameters @{} -Force
        $updated.properties.assets.asset3.locationInfo.uri | Should -Be $script:AzMlTestModelUris['v2']
        $updated.properties.package.edges.Count | Should -Be 4
    }

    It 'rotates the storage account key without returning it' {
        $name = New-ServiceForTest
        $updated = Update-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -StorageAccountKey 'bmV3LXN0b3JhZ2Uta2V5' -Force
        $updated.properties.storageAccount.name | Should -Be 'mltestaccount'
        $updated.properties.storageAccount.PSObject.Properties['key'] | Should -BeNullOrEmpty
    }

    It 'says which call it makes with -Verbose' {
        $name = New-ServiceForTest
        $verbose = Update-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -Title 't' -Force -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match "PATCH webServices/$name"
    }
}

Describe 'Update-AzMlWebService -ServiceUpdates (UpdateFromObject)' {
    It 'applies an edited imported definition' {
        $name = New-ServiceForTest
        $wsd = Import-AzMlWebService -InputFile $definitionFile
        $wsd.Properties.Assets.asset3.LocationInfo.Uri = $script:AzMlTestModelUris['v2']
        $updated = Update-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -ServiceUpdates $wsd -Force
        $updated.properties.assets.asset3.locationInfo.uri | Should -Be $script:AzMlTestModelUris['v2']
        $updated.properties.assets.asset1.name | Should -Be 'Select Columns in Dataset'
    }

    It 'takes the object from the pipeline' {
        $name = New-ServiceForTest
        $service = Get-AzMlWebService -ResourceGroupName $resourceGroup -Name $name
        $service.properties.title = 'Piped'
        ($service | Update-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -Force).properties.title | Should -Be 'Piped'
    }

    It 'accepts a hashtable of only the fields to change (Az help, example 2)' {
        $name = New-ServiceForTest
        $updates = @{ Properties = @{ Title = 'New Title'; RealtimeConfiguration = @{ MaxConcurrentCalls = 25 } } }
        $updated = Update-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -ServiceUpdates $updates -Force
        $updated.properties.title | Should -Be 'New Title'
        $updated.properties.realtimeConfiguration.maxConcurrentCalls | Should -Be 25
        $updated.properties.description | Should -Be 'Scores census rows with the model that the training web service retrains.'
    }
}

Describe 'Update-AzMlWebService confirmation and read-only services' {
    It 'changes nothing with -WhatIf' {
        $name = New-ServiceForTest
        Update-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -Title 'Not applied' -Force -WhatIf | Should -BeNullOrEmpty
        (Get-AzMlWebService -ResourceGroupName $resourceGroup -Name $name).properties.title | Should -Be 'Retrain Sample [Predictive Exp.]'
    }

    It 'asks before updating; a session that cannot answer gets an error and nothing changes' {
        $name = New-ServiceForTest
        Update-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -Title 'Not applied' -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'ConfirmationUnavailable,Update-AzMlWebService'
        $failure[0].Exception.Message | Should -Match ([regex]::Escape("Are you sure you want to update the machine learning web service `"$name`" ?"))
        (Get-AzMlWebService -ResourceGroupName $resourceGroup -Name $name).properties.title | Should -Be 'Retrain Sample [Predictive Exp.]'
    }

    It 'warns that -IsReadOnly makes the service read-only' {
        $name = New-ServiceForTest
        Update-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -IsReadOnly -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].Exception.Message | Should -Match 'Your update will make this web service readonly'
    }

    It 'gives the read-only warning for an object that sets readOnly' {
        $name = New-ServiceForTest
        Update-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -ServiceUpdates @{ properties = @{ readOnly = $true } } `
            -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].Exception.Message | Should -Match 'Your update will make this web service readonly'
    }

    It 'makes a service read-only, after which updates fail with ResourceConflict' {
        $name = New-ServiceForTest
        (Update-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -IsReadOnly -Force).properties.readOnly | Should -BeTrue
        Update-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -Title 'Refused' -Force -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'ResourceConflict,Update-AzMlWebService'
        $failure[0].Exception.HttpStatus | Should -Be 409
        (Get-AzMlWebService -ResourceGroupName $resourceGroup -Name $name).properties.title | Should -Be 'Retrain Sample [Predictive Exp.]'
    }

    It 'is also Update-AzureRmMlWebService' {
        $name = New-ServiceForTest
        (Update-AzureRmMlWebService -ResourceGroupName $resourceGroup -Name $name -Title 'AzureRM' -Force).properties.title | Should -Be 'AzureRM'
    }
}

Describe 'Update-AzMlWebService errors' {
    It 'writes ResourceNotFound for a missing service' {
        $missing = New-AzMlTestName
        Update-AzMlWebService -ResourceGroupName $resourceGroup -Name $missing -Title 'x' -Force -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'ResourceNotFound,Update-AzMlWebService'
        $failure[0].TargetObject | Should -Be $missing
    }

    It 'reports an invalid update with its JSON path' {
        $name = New-ServiceForTest
        Update-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -RealtimeConfiguration @{ maxConcurrentCalls = 'many' } -Force `
            -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure[0].Exception.Message | Should -Match 'maxConcurrentCalls'
    }

    It 'requires -ResourceGroupName and -Name' {
        { Update-AzMlWebService -Name 'x' -Title 't' -Force } | Should -Throw
    }
}
