BeforeAll {
    . (Join-Path $PSScriptRoot 'AzMlTestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'AzMlEndpointTestHelpers.ps1')
    $script:context = Start-AzMlTestHost
    $script:resourceGroup = New-AzMlTestName -Prefix 'rg'
    $script:scoring = New-AzMlTestPredictiveService -ResourceGroupName $resourceGroup
    $script:classicId = Get-AzMlTestClassicId $scoring
    $script:keys = Get-AzMlWebServiceKey -MlWebService $scoring
    $script:added = Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'second' -Description 'for Get' -ErrorAction Stop
}

AfterAll {
    Stop-AzMlTestHost -Context $script:context
}

Describe 'Get-AzMlWebServiceEndpoint -WebService (WebService)' {
    It 'lists the endpoints, the default one first, as AzMl.WebServiceEndpoint objects' {
        $endpoints = @(Get-AzMlWebServiceEndpoint -WebService $scoring)
        $endpoints.Count | Should -Be 2
        $endpoints[0].PSTypeNames[0] | Should -Be 'AzMl.WebServiceEndpoint'
        $endpoints.Name | Should -Be @('default', 'second')
    }

    It 'describes the default endpoint as the web service itself' {
        $default = Get-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'default'
        $default.WebServiceId | Should -Be $classicId
        # The workspace of the web service's API location: its definition's machine learning workspace.
        $default.WorkspaceId | Should -Be ($scoring.properties.swaggerLocation -replace '^.*/(workspaces|subscriptions)/([^/]+)/services/.*$', '$2')
        $default.ApiLocation | Should -BeLike "*/workspaces/$($default.WorkspaceId)/services/$classicId"
        $default.PrimaryKey | Should -Be $keys.primary
        $default.SecondaryKey | Should -Be $keys.secondary
        $default.ThrottleLevel | Should -Be 'High'
        $default.HelpLocation | Should -Match "/webservices/$classicId/endpoints/default/apihelp$"
        $default.Resources.Count | Should -Be 1
        $default.Resources[0].Name | Should -Be 'Retrain Sample [trained model]'
        $default.Resources[0].Kind | Should -Be 'TrainedModel'
        $default.Resources[0].Location.BaseLocation | Should -Be ($context.Endpoint.TrimEnd('/') + '/blob/azmlstore/')
        $default.Resources[0].Location.RelativeLocation | Should -Be 'models/retrain-sample-v1.ilearner'
        $default.Resources[0].Location.SasBlobToken | Should -BeNullOrEmpty
    }

    It 'gets an added endpoint with its own keys and API location' {
        $endpoint = Get-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'second'
        $endpoint.Description | Should -Be 'for Get'
        $endpoint.Version | Should -Be '1'
        $endpoint.PrimaryKey | Should -Be $added.PrimaryKey
        $endpoint.PrimaryKey | Should -Not -Be $keys.primary
        $endpoint.ApiLocation | Should -Match '/services/[0-9a-f]{32}$'
        $endpoint.ApiLocation | Should -Not -Match $classicId
    }

    It 'takes the web service from the pipeline' {
        ($scoring | Get-AzMlWebServiceEndpoint).Name | Should -Be @('default', 'second')
    }

    It 'says which call it makes with -Verbose' {
        $verbose = Get-AzMlWebServiceEndpoint -WebService $scoring -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match "GET workspaces/[^/]+/webservices/$classicId/endpoints"
    }
}

Describe 'Get-AzMlWebServiceEndpoint -Name -ResourceGroupName (Name)' {
    It 'finds the web service by its ARM name' {
        $endpoint = Get-AzMlWebServiceEndpoint -ResourceGroupName $resourceGroup -Name $scoring.name -EndpointName 'second'
        $endpoint.Name | Should -Be 'second'
    }

    It 'writes ResourceNotFound for a web service that does not exist' {
        $missing = New-AzMlTestName
        Get-AzMlWebServiceEndpoint -ResourceGroupName $resourceGroup -Name $missing -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'ResourceNotFound,Get-AzMlWebServiceEndpoint'
    }
}

Describe 'Get-AzMlWebServiceEndpoint -WebServiceId (WebServiceId)' {
    It 'finds the web service by its classic id, as azuremlps did' {
        (Get-AmlWebServiceEndpoint -WebServiceId $classicId -EndpointName 'default').PrimaryKey | Should -Be $keys.primary
    }

    It 'takes AzMl.ClassicWebService objects from the pipeline by their Id' {
        $connection = [AzMl.AzMlEndpoints]::Connect((Get-AzMlTestClient), $context.SubscriptionId, $null, $null, $null).Value
        $classic = [AzMl.AzMlEndpoints]::GetWebService($connection, $classicId, $null)
        $classic.Succeeded | Should -BeTrue
        $classic.Value.PSTypeNames[0] | Should -Be 'AzMl.ClassicWebService'
        $classic.Value.EndpointCount | Should -Be 2
        ($classic.Value | Get-AzMlWebServiceEndpoint).Name | Should -Be @('default', 'second')
    }

    It 'writes EndpointNotFound for an endpoint that does not exist' {
        Get-AzMlWebServiceEndpoint -WebServiceId $classicId -EndpointName 'nothere' -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'EndpointNotFound,Get-AzMlWebServiceEndpoint'
        $failure[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure[0].TargetObject | Should -Be 'nothere'
    }

    It 'writes WebServiceNotFound for a classic id that names no web service' {
        Get-AzMlWebServiceEndpoint -WebServiceId ('0' * 32) -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'WebServiceNotFound,Get-AzMlWebServiceEndpoint'
    }
}

Describe 'Get-AzMlWebServiceEndpoint -AuthorizationToken' {
    It 'reads an endpoint with its own key instead of the admin token' {
        $endpoint = Get-AzMlWebServiceEndpoint -WebServiceId $classicId -EndpointName 'second' -AuthorizationToken $added.SecondaryKey
        $endpoint.PrimaryKey | Should -Be $added.PrimaryKey
    }

    It 'refuses another endpoint''s key, without echoing it' {
        Get-AzMlWebServiceEndpoint -WebServiceId $classicId -EndpointName 'second' -AuthorizationToken $keys.primary `
            -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'InvalidAuthenticationToken,Get-AzMlWebServiceEndpoint'
        $failure[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure[0].Exception.Message | Should -Not -Match ([regex]::Escape($keys.primary))
    }
}
