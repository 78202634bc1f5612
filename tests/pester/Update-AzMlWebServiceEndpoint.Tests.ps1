BeforeAll {
    . (Join-Path $PSScriptRoot 'AzMlTestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'AzMlBatchTestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'AzMlEndpointTestHelpers.ps1')
    $script:context = Start-AzMlTestHost
    $script:resourceGroup = New-AzMlTestName -Prefix 'rg'
    $script:scoring = New-AzMlTestPredictiveService -ResourceGroupName $resourceGroup
    $script:classicId = Get-AzMlTestClassicId $scoring
    $script:v2 = Get-AzMlTestModelLocation -Version v2
    $script:resourceName = 'Retrain Sample [trained model]'

    # What the models answer: the web service (v1), and a service built on v2 from the start.
    $script:scoresV1 = Get-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'default' | Get-AzMlTestScores
    $reference = New-AzMlTestPredictiveService -ResourceGroupName $resourceGroup -Model v2
    $script:scoresV2 = Get-AzMlWebServiceEndpoint -WebService $reference -EndpointName 'default' | Get-AzMlTestScores

    function New-EndpointForTest {
        param([string] $Name = ('e' + [guid]::NewGuid().ToString('N').Substring(0, 12)))
        Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName $Name -ErrorAction Stop
    }

    function New-FinishedJob {
        # A finished batch job as Invoke-AzMlBatchJob returns it, its outputs given as
        # name = location (BaseLocation, RelativeLocation, SasBlobToken).
        param([System.Collections.IDictionary] $Outputs, [string] $StatusCode = 'Finished')
        $results = [ordered]@{}
        foreach ($output in $Outputs.GetEnumerator()) {
            $results[$output.Key] = [pscustomobject]@{
                PSTypeName       = 'AzMl.BatchJobOutput'
                Name             = $output.Key
                Uri              = $output.Value.BaseLocation + $output.Value.RelativeLocation
                BaseLocation     = $output.Value.BaseLocation
                RelativeLocation = $output.Value.RelativeLocation
                SasBlobToken     = ''
            }
        }
        [pscustomobject]@{ PSTypeName = 'AzMl.BatchJob'; JobId = 'job1'; ApiLocation = ''; StatusCode = $StatusCode; Results = $results }
    }

    function Assert-Unchanged {
        # The endpoint still serves model v1, at the version it had.
        param($Endpoint)
        $now = Get-AzMlWebServiceEndpoint -WebService $scoring -EndpointName $Endpoint.Name -ErrorAction Stop
        $now.Version | Should -Be $Endpoint.Version
        $now.Resources[0].Location.RelativeLocation | Should -Be 'models/retrain-sample-v1.ilearner'
        Get-AzMlTestScores $now | Should -Be $scoresV1
    }
}

AfterAll {
    Stop-AzMlTestHost -Context $script:context
}

Describe 'Update-AzMlWebServiceEndpoint -BaseLocation -RelativeLocation' {
    It 'swaps the model of that endpoint only: it answers as a service built on the new model, the default as before' {
        $scoresV1 | Should -Not -Be $scoresV2   # the two models answer differently
        $endpoint = New-EndpointForTest
        $updated = $endpoint | Update-AzMlWebServiceEndpoint -BaseLocation $v2.BaseLocation -RelativeLocation $v2.RelativeLocation
        $updated.PSTypeNames[0] | Should -Be 'AzMl.WebServiceEndpoint'
        $updated.Version | Should -Be '2'
        $updated.Resources[0].Name | Should -Be $resourceName
        $updated.Resources[0].Location.RelativeLocation | Should -Be $v2.RelativeLocation
        $updated.PrimaryKey | Should -Be $endpoint.PrimaryKey
        Get-AzMlTestScores $updated | Should -Be $scoresV2
        Get-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'default' | Get-AzMlTestScores | Should -Be $scoresV1
        (Get-AzMlWebService -ResourceGroupName $resourceGroup -Name $scoring.name).properties.assets.asset3.locationInfo.uri |
            Should -Be $script:AzMlTestModelUris['v1']
    }

    It 'takes the resource by -ResourceName, in any case' {
        $endpoint = New-EndpointForTest
        $updated = Update-AzMlWebServiceEndpoint -WebService $scoring -EndpointName $endpoint.Name -ResourceName $resourceName.ToUpperInvariant() `
            -BaseLocation $v2.BaseLocation -RelativeLocation $v2.RelativeLocation
        Get-AzMlTestScores $updated | Should -Be $scoresV2
    }

    It 'is Patch-AmlWebServiceEndpoint, with every azuremlps parameter' {
        $endpoint = New-EndpointForTest
        $sas = [AzMl.AzMlBlobOperations]::GetBlobSas((Get-AzMlTestClient), $null, 'models', 'retrain-sample-v2.ilearner', 'r', 600, $null).Value
        $updated = Patch-AmlWebServiceEndpoint -WebServiceId $classicId -EndpointName $endpoint.Name -ResourceName $resourceName `
            -BaseLocation $v2.BaseLocation -RelativeLocation $v2.RelativeLocation -SasBlobToken $sas
        Get-AzMlTestScores $updated | Should -Be $scoresV2
        $updated.Resources[0].Location.SasBlobToken | Should -BeNullOrEmpty
    }

    It 'finds the web service by -Name and -ResourceGroupName' {
        $endpoint = New-EndpointForTest
        $updated = Update-AzMlWebServiceEndpoint -ResourceGroupName $resourceGroup -Name $scoring.name -EndpointName $endpoint.Name `
            -BaseLocation $v2.BaseLocation -RelativeLocation $v2.RelativeLocation
        $updated.Version | Should -Be '2'
    }

    It 'accepts the endpoint''s own key as -AuthorizationToken' {
        $endpoint = New-EndpointForTest
        $updated = Update-AzMlWebServiceEndpoint -WebServiceId $classicId -EndpointName $endpoint.Name -AuthorizationToken $endpoint.PrimaryKey `
            -ResourceName $resourceName -BaseLocation $v2.BaseLocation -RelativeLocation $v2.RelativeLocation
        $updated.Version | Should -Be '2'
    }

    It 'says which call it makes with -Verbose, without the SAS token' {
        $endpoint = New-EndpointForTest
        $sas = [AzMl.AzMlBlobOperations]::GetBlobSas((Get-AzMlTestClient), $null, 'models', 'retrain-sample-v2.ilearner', 'r', 600, $null).Value
        $verbose = $endpoint | Update-AzMlWebServiceEndpoint -BaseLocation $v2.BaseLocation -RelativeLocation $v2.RelativeLocation -SasBlobToken $sas -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $text = $verbose.Message -join "`n"
        $text | Should -Match "PATCH workspaces/.+/webservices/$classicId/endpoints/$($endpoint.Name)"
        $text | Should -Not -Match 'sig='
    }
}

Describe 'Update-AzMlWebServiceEndpoint -BatchJob' {
    It 'takes the job''s .ilearner output from the pipeline' {
        $endpoint = New-EndpointForTest
        $job = New-FinishedJob -Outputs ([ordered]@{ output1 = $v2; output2 = [pscustomobject]@{ BaseLocation = $v2.BaseLocation; RelativeLocation = 'x/evaluation.csv' } })
        $updated = $job | Update-AzMlWebServiceEndpoint -WebService $scoring -EndpointName $endpoint.Name
        Get-AzMlTestScores $updated | Should -Be $scoresV2
    }

    It 'takes the endpoint from the pipeline and the job as -BatchJob' {
        $endpoint = New-EndpointForTest
        $updated = $endpoint | Update-AzMlWebServiceEndpoint -BatchJob (New-FinishedJob -Outputs @{ model = $v2 })
        $updated.Version | Should -Be '2'
    }

    It 'uses the output -OutputName names' {
        $endpoint = New-EndpointForTest
        $job = New-FinishedJob -Outputs ([ordered]@{ first = (Get-AzMlTestModelLocation -Version v1); second = $v2 })
        $updated = $endpoint | Update-AzMlWebServiceEndpoint -BatchJob $job -OutputName 'second'
        Get-AzMlTestScores $updated | Should -Be $scoresV2
    }

    It 'writes <ErrorId> for <Case>, and changes nothing' -ForEach @(
        @{ Case = 'a job that has not finished'; ErrorId = 'BatchJobNotFinished'; Outputs = @{ output1 = 'v2' }; Status = 'Running'; OutputName = $null; Message = 'is Running, not Finished' }
        @{ Case = 'a job without a trained model'; ErrorId = 'BatchJobOutputNotFound'; Outputs = @{ output2 = 'csv' }; Status = 'Finished'; OutputName = $null; Message = "\('output2'\) is a trained model" }
        @{ Case = 'an output the job does not have'; ErrorId = 'BatchJobOutputNotFound'; Outputs = @{ output1 = 'v2' }; Status = 'Finished'; OutputName = 'output9'; Message = "no output 'output9'" }
        @{ Case = 'a job with two trained models'; ErrorId = 'AmbiguousBatchJobOutput'; Outputs = @{ a = 'v2'; b = 'v2' }; Status = 'Finished'; OutputName = $null; Message = 'several trained models' }
    ) {
        $endpoint = New-EndpointForTest
        $jobOutputs = [ordered]@{}
        foreach ($output in $Outputs.GetEnumerator()) {
            $jobOutputs[$output.Key] = if ($output.Value -eq 'v2') { $v2 } else { [pscustomobject]@{ BaseLocation = $v2.BaseLocation; RelativeLocation = 'x/evaluation.csv' } }
        }
        $job = New-FinishedJob -Outputs $jobOutputs -StatusCode $Status
        $extra = if ($OutputName) { @{ OutputName = $OutputName } } else { @{} }
        $endpoint | Update-AzMlWebServiceEndpoint -BatchJob $job @extra -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be "$ErrorId,Update-AzMlWebServiceEndpoint"
        $failure[0].Exception.Message | Should -Match $Message
        Assert-Unchanged $endpoint
    }
}

Describe 'Update-AzMlWebServiceEndpoint refusals change nothing' {
    BeforeAll {
        Set-AzMlBlobContent -Container 'models' -Blob 'not-a-model.ilearner' -Value 'this is not a model' -ErrorAction Stop | Out-Null
        $script:client = Get-AzMlTestClient
    }

    It 'writes DefaultEndpointNotUpdatable for the default endpoint' {
        $default = Get-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'default'
        $default | Update-AzMlWebServiceEndpoint -BaseLocation $v2.BaseLocation -RelativeLocation $v2.RelativeLocation -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'DefaultEndpointNotUpdatable,Update-AzMlWebServiceEndpoint'
        $failure[0].Exception.Message | Should -Match 'Add-AzMlWebServiceEndpoint'
        Get-AzMlTestScores $default | Should -Be $scoresV1
    }

    It 'writes NoUpdatableResources for an endpoint of a training web service' {
        $training = New-AzMlTestTrainingService -ResourceGroupName $resourceGroup -Name (New-AzMlTestName -Prefix 'train')
        $endpoint = Add-AzMlWebServiceEndpoint -WebService $training -EndpointName 'wrongservice' -ErrorAction Stop
        $endpoint.Resources.Count | Should -Be 0
        $endpoint | Update-AzMlWebServiceEndpoint -BaseLocation $v2.BaseLocation -RelativeLocation $v2.RelativeLocation -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'NoUpdatableResources,Update-AzMlWebServiceEndpoint'
        $endpoint | Update-AzMlWebServiceEndpoint -ResourceName $resourceName -BaseLocation $v2.BaseLocation -RelativeLocation $v2.RelativeLocation `
            -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'NoUpdatableResources,Update-AzMlWebServiceEndpoint'
        $failure[0].Exception.Message | Should -Match 'no updatable resources'
        (Get-AzMlWebServiceEndpoint -WebService $training -EndpointName 'wrongservice').Version | Should -Be '1'
    }

    It 'writes UpdatableResourceNotFound for a name that is not an updatable resource, listing them' {
        $endpoint = New-EndpointForTest
        $endpoint | Update-AzMlWebServiceEndpoint -ResourceName 'Foo' -BaseLocation $v2.BaseLocation -RelativeLocation $v2.RelativeLocation `
            -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'UpdatableResourceNotFound,Update-AzMlWebServiceEndpoint'
        $failure[0].Exception.Message | Should -Match ([regex]::Escape("'$resourceName'"))
        Assert-Unchanged $endpoint
    }

    It 'writes <ErrorId> for <Case>' -ForEach @(
        @{ Case = 'a location that is not an http(s) URL'; ErrorId = 'InvalidBlobLocation'; Base = 'ftp://example.org/'; Relative = 'models/model.ilearner' }
        @{ Case = 'a blob that does not exist'; ErrorId = 'BlobLocationNotFound'; Base = $null; Relative = 'models/missing.ilearner' }
        @{ Case = 'a storage that cannot be reached'; ErrorId = 'BlobLocationUnreachable'; Base = 'http://127.0.0.1:9/'; Relative = 'models/model.ilearner' }
        @{ Case = 'a blob that is not a trained model'; ErrorId = 'InvalidTrainedModel'; Base = $null; Relative = 'models/not-a-model.ilearner' }
    ) {
        $endpoint = New-EndpointForTest
        $base = if ($Base) { $Base } else { $v2.BaseLocation }
        $endpoint | Update-AzMlWebServiceEndpoint -BaseLocation $base -RelativeLocation $Relative -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be "$ErrorId,Update-AzMlWebServiceEndpoint"
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        Assert-Unchanged $endpoint
    }

    It 'writes BlobLocationExpired for an expired SAS token, without the token, saying how to get a fresh one' {
        $endpoint = New-EndpointForTest
        $sas = [AzMl.AzMlBlobOperations]::GetBlobSas($client, $null, 'models', 'retrain-sample-v2.ilearner', 'r', 1, $null).Value
        Start-Sleep -Seconds 2
        $endpoint | Update-AzMlWebServiceEndpoint -BaseLocation $v2.BaseLocation -RelativeLocation $v2.RelativeLocation -SasBlobToken $sas `
            -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'BlobLocationExpired,Update-AzMlWebServiceEndpoint'
        $failure[0].Exception.Message | Should -Match 'Get-AzMlBatchJob'
        $failure[0].Exception.Message | Should -Not -Match 'sig='
        Assert-Unchanged $endpoint
    }

    It 'writes BlobLocationUnauthorized for a SAS token whose signature is wrong' {
        $endpoint = New-EndpointForTest
        $sas = [AzMl.AzMlBlobOperations]::GetBlobSas($client, $null, 'models', 'retrain-sample-v2.ilearner', 'r', 600, $null).Value
        $forged = $sas -replace 'sig=[^&]+', 'sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA%3D'
        $endpoint | Update-AzMlWebServiceEndpoint -BaseLocation $v2.BaseLocation -RelativeLocation $v2.RelativeLocation -SasBlobToken $forged `
            -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'BlobLocationUnauthorized,Update-AzMlWebServiceEndpoint'
        Assert-Unchanged $endpoint
    }

    It 'writes AmbiguousResourceLocation for a job and a location together, MissingResourceLocation for neither' {
        $endpoint = New-EndpointForTest
        $endpoint | Update-AzMlWebServiceEndpoint -BatchJob (New-FinishedJob -Outputs @{ output1 = $v2 }) -BaseLocation $v2.BaseLocation `
            -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -Be 'AmbiguousResourceLocation,Update-AzMlWebServiceEndpoint'
        $endpoint | Update-AzMlWebServiceEndpoint -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -Be 'MissingResourceLocation,Update-AzMlWebServiceEndpoint'
        Assert-Unchanged $endpoint
    }

    It 'writes EndpointNotFound for an endpoint that does not exist' {
        Update-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'nothere' -BaseLocation $v2.BaseLocation -RelativeLocation $v2.RelativeLocation `
            -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'EndpointNotFound,Update-AzMlWebServiceEndpoint'
    }

    It 'changes nothing with -WhatIf' {
        $endpoint = New-EndpointForTest
        $endpoint | Update-AzMlWebServiceEndpoint -BaseLocation $v2.BaseLocation -RelativeLocation $v2.RelativeLocation -WhatIf | Should -BeNullOrEmpty
        Assert-Unchanged $endpoint
    }
}
