BeforeAll {
    . (Join-Path $PSScriptRoot 'AzMlTestHelpers.ps1')
    $script:context = Start-AzMlTestHost
    $script:resourceGroup = New-AzMlTestName -Prefix 'rg'

    function New-ServiceForTest {
        $name = New-AzMlTestName
        New-AzMlTestWebService -ResourceGroupName $resourceGroup -Name $name | Out-Null
        $name
    }
    function Test-WebServiceExists([string] $Name) {
        $null -ne (Get-AzMlWebService -ResourceGroupName $resourceGroup -Name $Name -ErrorAction SilentlyContinue)
    }
}

AfterAll {
    Stop-AzMlTestHost -Context $script:context
}

Describe 'Remove-AzMlWebService -ResourceGroupName -Name (RemoveByNameAndResourceGroup)' {
    It 'removes the service and writes nothing' {
        $name = New-ServiceForTest
        $output = Remove-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -Force -Confirm:$false
        $output | Should -BeNullOrEmpty
        Test-WebServiceExists $name | Should -BeFalse
    }

    It 'succeeds for a service that does not exist' {
        Remove-AzMlWebService -ResourceGroupName $resourceGroup -Name (New-AzMlTestName) -Force -Confirm:$false -ErrorVariable failure
        $failure | Should -BeNullOrEmpty
    }

    It 'removes a read-only service' {
        $name = New-ServiceForTest
        Update-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -IsReadOnly -Force | Out-Null
        Remove-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -Force -Confirm:$false
        Test-WebServiceExists $name | Should -BeFalse
    }

    It 'says which call it makes with -Verbose' {
        $name = New-ServiceForTest
        $verbose = Remove-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -Force -Confirm:$false -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match "DELETE webServices/$name"
    }

    It 'is also Remove-AzureRmMlWebService' {
        $name = New-ServiceForTest
        Remove-AzureRmMlWebService -ResourceGroupName $resourceGroup -Name $name -Force -Confirm:$false
        Test-WebServiceExists $name | Should -BeFalse
    }
}

Describe 'Remove-AzMlWebService -MlWebService (RemoveByObject)' {
    It 'removes the services that come down the pipeline' {
        $group = New-AzMlTestName -Prefix 'rg'
        1..3 | ForEach-Object { New-AzMlTestWebService -ResourceGroupName $group -Name (New-AzMlTestName) | Out-Null }
        @(Get-AzMlWebService -ResourceGroupName $group).Count | Should -Be 3
        Get-AzMlWebService -ResourceGroupName $group | Remove-AzMlWebService -Force -Confirm:$false
        @(Get-AzMlWebService -ResourceGroupName $group).Count | Should -Be 0
    }

    It 'writes InvalidWebServiceIdOnObject for an object without an ARM id' {
        $name = New-ServiceForTest
        $definition = Import-AzMlWebService -InputFile (Get-AzMlTestDefinitionPath)
        Remove-AzMlWebService -MlWebService $definition -Force -Confirm:$false -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'InvalidWebServiceIdOnObject,Remove-AzMlWebService'
        $failure[0].Exception.Message | Should -Be 'The passed in machine learning web service object does not have a valid ARM resource id. '
        $failure[0].TargetObject | Should -Be $definition
        Test-WebServiceExists $name | Should -BeTrue
    }
}

Describe 'Remove-AzMlWebService confirmation' {
    It 'removes nothing with -WhatIf' {
        $name = New-ServiceForTest
        Remove-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -Force -WhatIf
        Test-WebServiceExists $name | Should -BeTrue
    }

    It 'asks (ConfirmImpact High) unless -Confirm:$false; a session that cannot answer removes nothing' {
        $name = New-ServiceForTest
        { Remove-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -Force -ErrorAction Stop } | Should -Throw
        Test-WebServiceExists $name | Should -BeTrue
    }

    It 'asks "Are you sure" unless -Force; a session that cannot answer gets an error and removes nothing' {
        $name = New-ServiceForTest
        Remove-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -Confirm:$false -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'ConfirmationUnavailable,Remove-AzMlWebService'
        $failure[0].Exception.Message | Should -Match ([regex]::Escape("Are you sure you want to remove the machine learning web service `"$name`" ?"))
        Test-WebServiceExists $name | Should -BeTrue
    }
}
