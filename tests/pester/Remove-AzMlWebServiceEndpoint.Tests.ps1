BeforeAll {
    . (Join-Path $PSScriptRoot 'AzMlTestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'AzMlEndpointTestHelpers.ps1')
    $script:context = Start-AzMlTestHost
    $script:resourceGroup = New-AzMlTestName -Prefix 'rg'
    $script:scoring = New-AzMlTestPredictiveService -ResourceGroupName $resourceGroup
    $script:classicId = Get-AzMlTestClassicId $scoring

    function Get-EndpointNames {
        param($WebService = $scoring)
        (Get-AzMlWebServiceEndpoint -WebService $WebService -ErrorAction Stop).Name -join ','
    }
}

AfterAll {
    Stop-AzMlTestHost -Context $script:context
}

Describe 'Remove-AzMlWebServiceEndpoint -WebService -EndpointName (WebService)' {
    It 'removes the endpoint and writes nothing; its key stops working' {
        $endpoint = Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'gone' -ErrorAction Stop
        Get-AzMlTestScores $endpoint | Should -Not -BeNullOrEmpty
        $output = Remove-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'gone' -Force -Confirm:$false
        $output | Should -BeNullOrEmpty
        Get-EndpointNames | Should -Not -Match '\bgone\b'
        Get-AzMlTestCensusRows -Count 1 | Invoke-AzMlWebService -Endpoint $endpoint -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].Exception.HttpStatus | Should -BeIn 401, 404
    }

    It 'leaves the web service and its default endpoint serving' {
        Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'other' -ErrorAction Stop | Out-Null
        Remove-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'other' -Force -Confirm:$false
        Get-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'default' | Get-AzMlTestScores | Should -Not -BeNullOrEmpty
    }

    It 'says which call it makes with -Verbose' {
        Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'verbose' -ErrorAction Stop | Out-Null
        $verbose = Remove-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'verbose' -Force -Confirm:$false -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match "DELETE workspaces/.+/webservices/$classicId/endpoints/verbose"
    }
}

Describe 'Remove-AzMlWebServiceEndpoint -Endpoint (Endpoint), -Name, -WebServiceId' {
    It 'removes the endpoints that come down the pipeline' {
        'one', 'two', 'three' | ForEach-Object { Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName $_ -ErrorAction Stop } | Out-Null
        Get-AzMlWebServiceEndpoint -WebService $scoring | Where-Object Name -In 'one', 'two', 'three' |
            Remove-AzMlWebServiceEndpoint -Force -Confirm:$false
        Get-EndpointNames | Should -Not -Match '\b(one|two|three)\b'
    }

    It 'finds the web service by -Name and -ResourceGroupName' {
        Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'byname' -ErrorAction Stop | Out-Null
        Remove-AzMlWebServiceEndpoint -ResourceGroupName $resourceGroup -Name $scoring.name -EndpointName 'byname' -Force -Confirm:$false
        Get-EndpointNames | Should -Not -Match '\bbyname\b'
    }

    It 'is Remove-AmlWebServiceEndpoint with -WebServiceId' {
        Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'azuremlps' -ErrorAction Stop | Out-Null
        Remove-AmlWebServiceEndpoint -WebServiceId $classicId -EndpointName 'azuremlps' -Force -Confirm:$false
        Get-EndpointNames | Should -Not -Match '\bazuremlps\b'
    }
}

Describe 'Remove-AzMlWebServiceEndpoint refusals change nothing' {
    It 'writes EndpointNotFound for an endpoint that does not exist' {
        Remove-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'nothere' -Force -Confirm:$false -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'EndpointNotFound,Remove-AzMlWebServiceEndpoint'
    }

    It 'writes DefaultEndpointInUse for the default endpoint while others exist, naming them' {
        Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'keeper' -ErrorAction Stop | Out-Null
        $before = Get-EndpointNames
        Remove-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'default' -Force -Confirm:$false -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'DefaultEndpointInUse,Remove-AzMlWebServiceEndpoint'
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $failure[0].Exception.Message | Should -Match "'keeper'"
        Get-EndpointNames | Should -Be $before
    }

    It 'writes DefaultEndpointInUse for the default endpoint of a web service without others: remove the web service instead' {
        $alone = New-AzMlTestPredictiveService -ResourceGroupName $resourceGroup
        Remove-AzMlWebServiceEndpoint -WebService $alone -EndpointName 'default' -Force -Confirm:$false -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'DefaultEndpointInUse,Remove-AzMlWebServiceEndpoint'
        $failure[0].Exception.Message | Should -Match 'Remove-AzMlWebService'
        Get-EndpointNames -WebService $alone | Should -Be 'default'
    }

    It 'removes nothing with -WhatIf' {
        Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'whatif' -ErrorAction Stop | Out-Null
        Remove-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'whatif' -Force -WhatIf
        Get-EndpointNames | Should -Match '\bwhatif\b'
    }

    It 'asks (ConfirmImpact High) unless -Confirm:$false; a session that cannot answer removes nothing' {
        Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'confirm' -ErrorAction Stop | Out-Null
        { Remove-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'confirm' -Force -ErrorAction Stop } | Should -Throw
        Get-EndpointNames | Should -Match '\bconfirm\b'
    }

    It 'asks "Are you sure" unless -Force; a session that cannot answer gets an error and removes nothing' {
        Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'sure' -ErrorAction Stop | Out-Null
        Remove-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'sure' -Confirm:$false -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'ConfirmationUnavailable,Remove-AzMlWebServiceEndpoint'
        $failure[0].Exception.Message | Should -Match ([regex]::Escape("Are you sure you want to remove the endpoint `"sure`" of web service `"$classicId`" ?"))
        Get-EndpointNames | Should -Match '\bsure\b'
    }
}
