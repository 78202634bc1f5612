BeforeAll {
    . (Join-Path $PSScriptRoot 'AzMlTestHelpers.ps1')
    $script:context = Start-AzMlTestHost
    $script:resourceGroup = New-AzMlTestName -Prefix 'rg'
    $script:name = New-AzMlTestName
    $script:service = New-AzMlTestWebService -ResourceGroupName $resourceGroup -Name $name
}

AfterAll {
    Stop-AzMlTestHost -Context $script:context
}

Describe 'Get-AzMlWebServiceKey -ResourceGroupName -Name (GetByNameAndResourceGroup)' {
    It 'returns the primary and secondary keys as AzMl.WebServiceKeys' {
        $keys = Get-AzMlWebServiceKey -ResourceGroupName $resourceGroup -Name $name
        $keys.PSTypeNames[0] | Should -Be 'AzMl.WebServiceKeys'
        $keys.primary | Should -BeOfType [string]
        $keys.primary | Should -Not -BeNullOrEmpty
        $keys.secondary | Should -Not -BeNullOrEmpty
        $keys.primary | Should -Not -Be $keys.secondary
    }

    It 'returns the same keys every time' {
        $first = Get-AzMlWebServiceKey -ResourceGroupName $resourceGroup -Name $name
        $second = Get-AzMlWebServiceKey -ResourceGroupName $resourceGroup -Name $name
        $second.primary | Should -Be $first.primary
    }

    It 'says which call it makes with -Verbose' {
        $verbose = Get-AzMlWebServiceKey -ResourceGroupName $resourceGroup -Name $name -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match "GET webServices/$name/listKeys"
    }

    It 'is also <_>' -ForEach 'Get-AzMlWebServiceKeys', 'Get-AzureRmMlWebServiceKeys' {
        (& $_ -ResourceGroupName $resourceGroup -Name $name).primary | Should -Not -BeNullOrEmpty
    }
}

Describe 'Get-AzMlWebServiceKey -MlWebService (GetByInstance)' {
    It 'takes the service from the pipeline' {
        $keys = Get-AzMlWebService -ResourceGroupName $resourceGroup -Name $name | Get-AzMlWebServiceKey
        $keys.primary | Should -Be (Get-AzMlWebServiceKey -ResourceGroupName $resourceGroup -Name $name).primary
    }

    It 'takes the service as a parameter' {
        (Get-AzMlWebServiceKey -MlWebService $service).secondary | Should -Not -BeNullOrEmpty
    }

    It 'writes InvalidWebServiceIdOnObject for an object whose id is not an ARM id' {
        Get-AzMlWebServiceKey -MlWebService @{ id = '/not/an/arm/id' } -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'InvalidWebServiceIdOnObject,Get-AzMlWebServiceKey'
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }
}

Describe 'Get-AzMlWebServiceKey errors' {
    It 'writes ResourceNotFound for a missing service' {
        Get-AzMlWebServiceKey -ResourceGroupName $resourceGroup -Name (New-AzMlTestName) -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'ResourceNotFound,Get-AzMlWebServiceKey'
    }

    It 'requires both -ResourceGroupName and -Name' {
        { Get-AzMlWebServiceKey -Name $name } | Should -Throw
    }
}
