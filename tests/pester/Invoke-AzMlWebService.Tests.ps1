BeforeAll {
    . (Join-Path $PSScriptRoot 'AzMlTestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'AzMlEndpointTestHelpers.ps1')
    $script:context = Start-AzMlTestHost
    $script:scratch = New-AzMlTestDirectory
    $script:resourceGroup = New-AzMlTestName -Prefix 'rg'
    $script:scoring = New-AzMlTestPredictiveService -ResourceGroupName $resourceGroup
    $script:default = Get-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'default'
    $script:rows = @(Get-AzMlTestCensusRows -Count 5)
    $script:columns = 'age', 'workclass', 'hours-per-week'

    function Get-Labels {
        param([Parameter(ValueFromPipeline)] $Result)
        begin { $all = @() }
        process { $all += '{0}:{1}' -f $Result.'Scored Labels', $Result.'Scored Probabilities' }
        end { $all -join ';' }
    }

    function New-TableRequest {
        # The rows as a whole RRS request in table format.
        @{
            Inputs           = @{ input1 = @{ ColumnNames = $columns; Values = @($rows | ForEach-Object { , @($_.age, $_.workclass, $_.'hours-per-week') }) } }
            GlobalParameters = @{}
        } | ConvertTo-Json -Depth 6
    }

    $script:expected = $rows | Invoke-AzMlWebService -WebService $scoring -ErrorAction Stop | Get-Labels
}

AfterAll {
    Stop-AzMlTestHost -Context $script:context
    Remove-Item -LiteralPath $script:scratch -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Invoke-AzMlWebService with rows' {
    It 'returns one AzMl.ScoringResult per row, with the output''s columns as strings and OutputName' {
        $results = @(Invoke-AzMlWebService -WebService $scoring -InputObject $rows)
        $results.Count | Should -Be 5
        $results[0].PSTypeNames[0] | Should -Be 'AzMl.ScoringResult'
        $results[0].OutputName | Should -Be 'output1'
        $results[0].age | Should -Be $rows[0].age
        $results[0].'Scored Labels' | Should -BeIn '<=50K', '>50K'
        $results[0].'Scored Probabilities' | Should -BeOfType [string]
        [double] $results[0].'Scored Probabilities' | Should -BeGreaterOrEqual 0
    }

    It 'shows the columns but not OutputName by default' {
        $result = Invoke-AzMlWebService -WebService $scoring -InputObject $rows[0]
        $result.PSStandardMembers.DefaultDisplayPropertySet.ReferencedPropertyNames | Should -Not -Contain 'OutputName'
        $result.PSStandardMembers.DefaultDisplayPropertySet.ReferencedPropertyNames | Should -Contain 'Scored Labels'
        ($result | Out-String) | Should -Not -Match 'OutputName'
    }

    It 'scores rows from the pipeline in one request' {
        $verbose = $rows | Invoke-AzMlWebService -WebService $scoring -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        @($verbose | Where-Object Message -Match '^POST ').Count | Should -Be 1
        ($rows | Invoke-AzMlWebService -WebService $scoring | Get-Labels) | Should -Be $expected
    }

    It 'takes hashtables as rows' {
        $hashtables = $rows | ForEach-Object { @{ age = $_.age; workclass = $_.workclass; 'hours-per-week' = $_.'hours-per-week' } }
        (Invoke-AzMlWebService -WebService $scoring -InputObject $hashtables | Get-Labels) | Should -Be $expected
    }

    It 'finds the web service by -Name and -ResourceGroupName' {
        ($rows | Invoke-AzMlWebService -ResourceGroupName $resourceGroup -Name $scoring.name | Get-Labels) | Should -Be $expected
    }

    It 'scores with an endpoint object, from the pipeline or as -Endpoint' {
        ($default | Invoke-AzMlWebService -InputObject $rows | Get-Labels) | Should -Be $expected
        ($rows | Invoke-AzMlWebService -Endpoint $default | Get-Labels) | Should -Be $expected
    }

    It 'scores each endpoint that comes down the pipeline' {
        $second = Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'second' -ErrorAction Stop
        $results = @($default, $second | Invoke-AzMlWebService -InputObject $rows)
        $results.Count | Should -Be 10
    }

    It 'scores with -ApiLocation and -ApiKey; the execute URL is accepted too' {
        (Invoke-AzMlWebService -ApiLocation $default.ApiLocation -ApiKey $default.SecondaryKey -InputObject $rows | Get-Labels) | Should -Be $expected
        $executeUrl = $default.ApiLocation + '/execute?api-version=2.0&details=true'
        (Invoke-AzMlWebService -ApiLocation $executeUrl -ApiKey $default.PrimaryKey -InputObject $rows | Get-Labels) | Should -Be $expected
    }

    It 'gives the same answers in swagger format' {
        $verbose = Invoke-AzMlWebService -WebService $scoring -InputObject $rows -Format Swagger -Verbose 4>&1
        ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n" | Should -Match 'format=swagger'
        ($verbose | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] } | Get-Labels) | Should -Be $expected
    }
}

Describe 'Invoke-AzMlWebService with a whole request' {
    It 'sends -InputJsonText and returns objects' {
        (Invoke-AzMlWebService -Endpoint $default -InputJsonText (New-TableRequest) | Get-Labels) | Should -Be $expected
    }

    It 'reads -InputJsonFile' {
        $file = Join-Path $scratch 'request.json'
        New-TableRequest | Set-Content -LiteralPath $file -Encoding utf8
        (Invoke-AzMlWebService -Endpoint $default -InputJsonFile $file | Get-Labels) | Should -Be $expected
    }

    It 'returns the response as JSON text with -Raw' {
        $raw = Invoke-AzMlWebService -Endpoint $default -InputObject $rows -Raw
        $raw | Should -BeOfType [string]
        $parsed = $raw | ConvertFrom-Json
        $parsed.Results.output1.value.ColumnNames | Should -Contain 'Scored Labels'
        $parsed.Results.output1.value.Values.Count | Should -Be 5
    }

    It 'writes the response to -OutputJsonFile and returns nothing' {
        $file = Join-Path $scratch 'response.json'
        Invoke-AzMlWebService -Endpoint $default -InputObject $rows -OutputJsonFile $file | Should -BeNullOrEmpty
        (Get-Content -LiteralPath $file -Raw | ConvertFrom-Json).Results.output1.value.Values.Count | Should -Be 5
    }

    It 'is Invoke-AmlWebServiceRRSEndpoint, returning the JSON text as azuremlps did' {
        $raw = Invoke-AmlWebServiceRRSEndpoint -ApiLocation $default.ApiLocation -ApiKey $default.PrimaryKey -InputJsonText (New-TableRequest)
        $raw | Should -BeOfType [string]
        ($raw | ConvertFrom-Json).Results.output1.value.Values.Count | Should -Be 5
        $file = Join-Path $scratch 'azuremlps.json'
        Invoke-AmlWebServiceRRSEndpoint -ApiLocation $default.ApiLocation -ApiKey $default.PrimaryKey -InputJsonText (New-TableRequest) `
            -OutputJsonFile $file | Should -BeNullOrEmpty
        Test-Path -LiteralPath $file | Should -BeTrue
    }
}

Describe 'Invoke-AzMlWebService errors' {
    It 'writes MissingScoringInput without rows or a request' {
        Invoke-AzMlWebService -Endpoint $default -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'MissingScoringInput,Invoke-AzMlWebService'
    }

    It 'writes AmbiguousScoringInput for rows and a whole request together' {
        Invoke-AzMlWebService -Endpoint $default -InputObject $rows -InputJsonText '{}' -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'AmbiguousScoringInput,Invoke-AzMlWebService'
    }

    It 'writes InvalidScoringRequest for a request that is not JSON' {
        Invoke-AzMlWebService -Endpoint $default -InputJsonText '{"Inputs":' -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'InvalidScoringRequest,Invoke-AzMlWebService'
    }

    It 'writes the service''s code for rows it refuses, naming the column' {
        Invoke-AzMlWebService -Endpoint $default -InputObject @{ age = 'forty'; workclass = 'Private'; 'hours-per-week' = 40 } `
            -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'BadArgument,Invoke-AzMlWebService'
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure[0].Exception.Message | Should -Match 'age'
    }

    It 'writes an authentication error for a wrong key, without echoing it' {
        Invoke-AzMlWebService -ApiLocation $default.ApiLocation -ApiKey 'not-the-key' -InputObject $rows -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'InvalidAuthenticationToken,Invoke-AzMlWebService'
        $failure[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure[0].Exception.HttpStatus | Should -Be 401
        $failure[0].Exception.Message | Should -Not -Match 'not-the-key'
    }

    It 'refuses a row that is not a hashtable or an object' {
        Invoke-AzMlWebService -Endpoint $default -InputObject 'just text' -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'InvalidArgument,Invoke-AzMlWebService'
        $failure[0].Exception.Message | Should -Match 'hashtables or objects'
    }

    It 'sends nothing with -WhatIf' {
        Invoke-AzMlWebService -Endpoint $default -InputObject $rows -WhatIf | Should -BeNullOrEmpty
    }
}
