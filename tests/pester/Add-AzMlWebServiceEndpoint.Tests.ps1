BeforeAll {
    . (Join-Path $PSScriptRoot 'AzMlTestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'AzMlEndpointTestHelpers.ps1')
    $script:context = Start-AzMlTestHost
    $script:resourceGroup = New-AzMlTestName -Prefix 'rg'
    $script:scoring = New-AzMlTestPredictiveService -ResourceGroupName $resourceGroup
    $script:classicId = Get-AzMlTestClassicId $scoring
    $script:keys = Get-AzMlWebServiceKey -MlWebService $scoring

    function Get-EndpointNames {
        (Get-AzMlWebServiceEndpoint -WebService $scoring -ErrorAction Stop).Name -join ','
    }
}

AfterAll {
    Stop-AzMlTestHost -Context $script:context
}

Describe 'Add-AzMlWebServiceEndpoint -WebService (WebService)' {
    It 'adds an endpoint with keys and an API location of its own, serving the web service''s model' {
        $endpoint = Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'retrained1' -Description 'Weekly'
        $endpoint.PSTypeNames[0] | Should -Be 'AzMl.WebServiceEndpoint'
        $endpoint.Name | Should -Be 'retrained1'
        $endpoint.Description | Should -Be 'Weekly'
        $endpoint.WebServiceId | Should -Be $classicId
        $endpoint.Version | Should -Be '1'
        $endpoint.PreventUpdate | Should -BeFalse
        $endpoint.PrimaryKey | Should -Not -BeNullOrEmpty
        $endpoint.PrimaryKey | Should -Not -Be $keys.primary
        $endpoint.SecondaryKey | Should -Not -Be $endpoint.PrimaryKey
        $endpoint.ApiLocation | Should -Match '/services/[0-9a-f]{32}$'
        $endpoint.Resources[0].Location.RelativeLocation | Should -Be 'models/retrain-sample-v1.ilearner'
        Get-AzMlTestScores $endpoint | Should -Be (Get-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'default' | Get-AzMlTestScores)
    }

    It 'uses the host''s defaults: ThrottleLevel High, 20 concurrent calls' {
        $endpoint = Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'defaults'
        $endpoint.ThrottleLevel | Should -Be 'High'
        $endpoint.MaxConcurrentCalls | Should -Be 20
    }

    It 'sets the throttle level, concurrency and PreventUpdate' {
        $endpoint = Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'busy' -ThrottleLevel High -MaxConcurrentCalls 50 -PreventUpdate
        $endpoint.MaxConcurrentCalls | Should -Be 50
        $endpoint.PreventUpdate | Should -BeTrue
    }

    It 'warns that Low ignores MaxConcurrentCalls, as azuremlps did, and allows 4' {
        $endpoint = Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'slow' -ThrottleLevel Low -MaxConcurrentCalls 50 `
            -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings.Count | Should -Be 1
        $warnings[0].Message | Should -Be 'When ThrottleLevel is set to Low, MaxConcurrentCalls is automatically set to the default value of 4.'
        $endpoint.ThrottleLevel | Should -Be 'Low'
        $endpoint.MaxConcurrentCalls | Should -Be 4
    }

    It 'changes only the settings of an endpoint that exists; its keys stay' {
        $first = Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'settings' -MaxConcurrentCalls 10
        $second = Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'settings' -MaxConcurrentCalls 30 -Description 'changed'
        $second.MaxConcurrentCalls | Should -Be 30
        $second.Description | Should -Be 'changed'
        $second.PrimaryKey | Should -Be $first.PrimaryKey
        $second.ApiLocation | Should -Be $first.ApiLocation
    }

    It 'takes the web service from the pipeline' {
        ($scoring | Add-AzMlWebServiceEndpoint -EndpointName 'piped').Name | Should -Be 'piped'
    }

    It 'says which call it makes with -Verbose' {
        $verbose = Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'verbose' -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match "PUT workspaces/.+/webservices/$classicId/endpoints/verbose"
    }
}

Describe 'Add-AzMlWebServiceEndpoint -Name, -WebServiceId' {
    It 'finds the web service by -Name and -ResourceGroupName' {
        (Add-AzMlWebServiceEndpoint -ResourceGroupName $resourceGroup -Name $scoring.name -EndpointName 'byname').WebServiceId | Should -Be $classicId
    }

    It 'is Add-AmlWebServiceEndpoint with -WebServiceId, as the retraining documentation calls it' {
        $endpoint = Add-AmlWebServiceEndpoint -WebServiceId $classicId -EndpointName 'azuremlps' -Description 'azuremlps'
        $endpoint.Name | Should -Be 'azuremlps'
        Get-EndpointNames | Should -Match '\bazuremlps\b'
    }
}

Describe 'Add-AzMlWebServiceEndpoint refusals change nothing' {
    It 'writes InvalidEndpointName for a name that is not lower-case letters and digits' {
        $before = Get-EndpointNames
        Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'Retrained_1' -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'InvalidEndpointName,Add-AzMlWebServiceEndpoint'
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure[0].Exception.Message | Should -Match "'Retrained_1' is not"
        Get-EndpointNames | Should -Be $before
    }

    It 'writes DefaultEndpointNotUpdatable for the default endpoint' {
        $before = Get-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'default'
        Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'default' -MaxConcurrentCalls 5 -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'DefaultEndpointNotUpdatable,Add-AzMlWebServiceEndpoint'
        $failure[0].Exception.Message | Should -Match 'Update-AzMlWebService'
        (Get-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'default').MaxConcurrentCalls | Should -Be $before.MaxConcurrentCalls
    }

    It 'writes WebServiceNotReady for a web service that does not serve (its model does not load)' {
        $definition = Import-AzMlWebService -InputFile (Get-AzMlTestDefinitionPath)
        $definition.properties.assets.asset3.locationInfo.uri = $script:AzMlTestModelUris['v1'] -replace 'retrain-sample-v1', 'missing'
        $name = New-AzMlTestName
        New-AzMlWebService -ResourceGroupName $resourceGroup -Name $name -Location 'South Central US' `
            -NewWebServiceDefinition $definition -Force -ErrorAction SilentlyContinue | Out-Null
        $broken = Get-AzMlWebService -ResourceGroupName $resourceGroup -Name $name
        $broken.properties.provisioningState | Should -Be 'Failed'
        Add-AzMlWebServiceEndpoint -WebService $broken -EndpointName 'never' -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'WebServiceNotReady,Add-AzMlWebServiceEndpoint'
        $failure[0].Exception.Message | Should -Match 'missing\.ilearner'
        (Get-AzMlWebServiceEndpoint -WebService $broken).Name | Should -Be 'default'
    }

    It 'writes TooManyEndpoints beyond 100 added endpoints' {
        $full = New-AzMlTestPredictiveService -ResourceGroupName $resourceGroup
        foreach ($i in 1..100) { Add-AzMlWebServiceEndpoint -WebService $full -EndpointName "e$i" -ErrorAction Stop | Out-Null }
        Add-AzMlWebServiceEndpoint -WebService $full -EndpointName 'e101' -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'TooManyEndpoints,Add-AzMlWebServiceEndpoint'
        @(Get-AzMlWebServiceEndpoint -WebService $full).Count | Should -Be 101
    }

    It 'adds nothing with -WhatIf' {
        $before = Get-EndpointNames
        Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'whatif' -WhatIf | Should -BeNullOrEmpty
        Get-EndpointNames | Should -Be $before
    }

    It 'refuses a throttle level or a number of calls outside what the service allows before calling it' {
        { Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'bad' -ThrottleLevel 'Medium' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Add-AzMlWebServiceEndpoint'
        { Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'bad' -MaxConcurrentCalls 500 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Add-AzMlWebServiceEndpoint'
        Get-EndpointNames | Should -Not -Match '\bbad\b'
    }
}
