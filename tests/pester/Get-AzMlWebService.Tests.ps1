BeforeAll {
    . (Join-Path $PSScriptRoot 'AzMlTestHelpers.ps1')
    $script:context = Start-AzMlTestHost
    $script:resourceGroup = New-AzMlTestName -Prefix 'rg'
    $script:otherGroup = New-AzMlTestName -Prefix 'rg'
    $script:names = @((New-AzMlTestName), (New-AzMlTestName))
    foreach ($name in $names) { New-AzMlTestWebService -ResourceGroupName $resourceGroup -Name $name | Out-Null }
    $script:otherName = New-AzMlTestName
    New-AzMlTestWebService -ResourceGroupName $otherGroup -Name $otherName | Out-Null
}

AfterAll {
    Stop-AzMlTestHost -Context $script:context
}

Describe 'Get-AzMlWebService -ResourceGroupName -Name' {
    BeforeAll {
        $script:service = Get-AzMlWebService -ResourceGroupName $resourceGroup -Name $names[0]
    }

    It 'returns one AzMl.WebService with the ARM resource fields' {
        @($service).Count | Should -Be 1
        $service.PSTypeNames[0] | Should -Be 'AzMl.WebService'
        $service.name | Should -Be $names[0]
        $service.type | Should -Be 'Microsoft.MachineLearning/webServices'
        $service.id | Should -Be "/subscriptions/$($context.SubscriptionId)/resourceGroups/$resourceGroup/providers/Microsoft.MachineLearning/webServices/$($names[0])"
        $service.location | Should -Be 'South Central US'
    }

    It 'returns the whole definition, without keys or the storage key' {
        $service.properties.provisioningState | Should -Be 'Succeeded'
        $service.properties.packageType | Should -Be 'Graph'
        $service.properties.assets.asset3.name | Should -Be 'Retrain Sample [trained model]'
        $service.properties.package.edges.Count | Should -Be 4
        $service.properties.storageAccount.name | Should -Be 'mltestaccount'
        $service.properties.storageAccount.PSObject.Properties['key'] | Should -BeNullOrEmpty
        $service.properties.PSObject.Properties['keys'] | Should -BeNullOrEmpty
    }

    It 'keeps the JSON names, reachable in any case' {
        $service.properties.PSObject.Properties.Name | Should -Contain 'exampleRequest'
        $service.Properties.Assets.asset3.LocationInfo.Uri | Should -BeLike 'http*://*.ilearner'
    }

    It 'keeps dates as text and numbers as written' {
        $service.properties.createdOn | Should -BeOfType [string]
        $service.properties.createdOn | Should -Match '^\d{4}-\d{2}-\d{2}T'
        $service.properties.diagnostics.expiry | Should -Be '2030-12-31T23:59:59.0000000Z'
        $service.properties.exampleRequest.inputs.input1[0][2].ToString([cultureinfo]::InvariantCulture) | Should -Be '40.0'
        $service.properties.exampleRequest.inputs.input1[2][2].ToString([cultureinfo]::InvariantCulture) | Should -Be '0.6'
        $service.properties.realtimeConfiguration.maxConcurrentCalls | Should -BeOfType [long]
    }

    It 'passes -Region to the service' {
        $regional = Get-AzMlWebService -ResourceGroupName $resourceGroup -Name $names[0] -Region 'southcentralus' -ErrorAction SilentlyContinue -ErrorVariable failure
        # The host either serves the region or says it has no payload for it; either way the call is made.
        if ($failure) { $failure[0].Exception.HttpStatus | Should -BeIn 400, 404 } else { $regional.name | Should -Be $names[0] }
    }

    It 'says which call it makes with -Verbose' {
        $verbose = Get-AzMlWebService -ResourceGroupName $resourceGroup -Name $names[0] -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match "GET webServices/$($names[0])"
    }

    It 'is also Get-AzureRmMlWebService' {
        (Get-AzureRmMlWebService -ResourceGroupName $resourceGroup -Name $names[1]).name | Should -Be $names[1]
    }

    It 'accepts -DefaultProfile and says it ignores it' {
        $verbose = Get-AzMlWebService -ResourceGroupName $resourceGroup -Name $names[0] -AzureRmContext 'anything' -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match 'DefaultProfile is accepted .* ignored'
    }
}

Describe 'Get-AzMlWebService lists' {
    It 'lists every web service of a resource group, one object at a time' {
        $listed = @(Get-AzMlWebService -ResourceGroupName $resourceGroup)
        $listed.Count | Should -Be 2
        ($listed.name | Sort-Object) | Should -Be ($names | Sort-Object)
        $listed | ForEach-Object { $_.PSTypeNames[0] | Should -Be 'AzMl.WebService' }
        (Get-AzMlWebService -ResourceGroupName $resourceGroup | Measure-Object).Count | Should -Be 2
    }

    It 'lists every web service of the subscription without parameters' {
        $listed = @(Get-AzMlWebService)
        $listed.name | Should -Contain $names[0]
        $listed.name | Should -Contain $otherName
    }

    It 'returns nothing, and no error, for an empty resource group' {
        $listed = @(Get-AzMlWebService -ResourceGroupName (New-AzMlTestName -Prefix 'empty') -ErrorVariable failure)
        $listed.Count | Should -Be 0
        $failure | Should -BeNullOrEmpty
    }
}

Describe 'Get-AzMlWebService errors' {
    It 'writes one non-terminating ResourceNotFound error for a missing service' {
        $missing = New-AzMlTestName
        $result = Get-AzMlWebService -ResourceGroupName $resourceGroup -Name $missing -ErrorVariable failure -ErrorAction SilentlyContinue
        $reached = $true
        $reached | Should -BeTrue
        $result | Should -BeNullOrEmpty
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'ResourceNotFound,Get-AzMlWebService'
        $failure[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure[0].TargetObject | Should -Be $missing
        $failure[0].Exception | Should -BeOfType [AzMl.AzMlException]
        $failure[0].Exception.HttpStatus | Should -Be 404
        $failure[0].Exception.ServiceCode | Should -Be 'NotFound'
        $failure[0].Exception.RequestId | Should -Not -BeNullOrEmpty
        $failure[0].Exception.Details.Code | Should -Contain 'WebServiceNotFound'
        $failure[0].Exception.Message | Should -Match '(?m)^Request Id: \S+'
        $failure[0].Exception.Message | Should -Match '(?m)^Error Code: NotFound'
        $failure[0].Exception.Message | Should -Match 'WebServiceNotFound'
    }

    It 'stops with -ErrorAction Stop' {
        { Get-AzMlWebService -ResourceGroupName $resourceGroup -Name (New-AzMlTestName) -ErrorAction Stop } |
            Should -Throw -ErrorId 'ResourceNotFound,Get-AzMlWebService'
    }

    It 'says the resource group is missing when only -Name is given' {
        Get-AzMlWebService -Name $names[0] -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'MissingResourceGroupName,Get-AzMlWebService'
        $failure[0].Exception.Message | Should -Be 'The resource group name is missing.'
    }

    It 'rejects empty names at binding' {
        { Get-AzMlWebService -ResourceGroupName '' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Get-AzMlWebService'
    }

    It 'reports an invalid resource group name from the service' {
        Get-AzMlWebService -ResourceGroupName 'bad/name' -Name 'x' -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].Exception | Should -BeOfType [AzMl.AzMlException]
    }

    It 'writes Unauthorized when the token is wrong' {
        $wrongToken = [System.Net.NetworkCredential]::new('', 'not-the-admin-token').SecurePassword
        Connect-AzMlAccount -Endpoint $context.Endpoint -Token $wrongToken -SubscriptionId $context.SubscriptionId | Out-Null
        try {
            Get-AzMlWebService -ResourceGroupName $resourceGroup -Name $names[0] -ErrorVariable failure -ErrorAction SilentlyContinue
            $failure.Count | Should -Be 1
            $failure[0].FullyQualifiedErrorId | Should -Be 'Unauthorized,Get-AzMlWebService'
            $failure[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
            $failure[0].Exception.HttpStatus | Should -Be 401
            $failure[0].ErrorDetails.RecommendedAction | Should -Match 'Connect-AzMlAccount'
        }
        finally {
            Start-AzMlHost -DataDirectory $context.DataDirectory | Out-Null   # reconnects to the running host
        }
    }

    It 'writes NotConnected before any connection' {
        $isolated = [powershell]::Create()
        try {
            $null = $isolated.AddScript('Import-Module AzMl; Get-AzMlWebService -ResourceGroupName rg -Name x -ErrorAction SilentlyContinue -ErrorVariable e; $e')
            $failure = $isolated.Invoke()
            $failure[0].FullyQualifiedErrorId | Should -Be 'NotConnected,Get-AzMlWebService'
            $failure[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        }
        finally {
            $isolated.Dispose()
        }
    }
}
