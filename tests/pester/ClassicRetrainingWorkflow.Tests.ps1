# End to end: the classic web service retraining loop of Azure ML Studio, on the embedded host,
# with the shipped breast cancer services (module/Examples/breast-cancer):
#   1. a retraining web service's batch job trains a first model on a little old data;
#   2. a predictive web service serves that model on its default endpoint, and scores;
#   3. an endpoint "retrained1" is added to the predictive service;
#   4. the retraining service runs again by BES on new data;
#   5. Update-AzMlWebServiceEndpoint puts the job's new .ilearner into retrained1 (the default
#      endpoint cannot be patched: it follows the web service);
#   6. both endpoints score: the default answers as before, retrained1 as a service built on the
#      new model from the start.
# A second endpoint takes the same steps with azuremlps' names (Add-AmlWebServiceEndpoint
# -WebServiceId, Patch-AmlWebServiceEndpoint -ResourceName -BaseLocation -RelativeLocation
# -SasBlobToken, Invoke-AmlWebServiceRRSEndpoint), as a runbook migrated from azuremlps runs them.

BeforeAll {
    . (Join-Path $PSScriptRoot 'AzMlTestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'AzMlBatchTestHelpers.ps1')
    $script:context = Start-AzMlTestHost
    $script:work = New-AzMlTestDirectory
    $script:resourceGroup = 'Default-MachineLearning-SouthCentralUS'

    $lines = Get-Content -LiteralPath $AzMlBreastCancerCsv
    $header = $lines[0] -split ','
    $old = Publish-AzMlTestTrainingData -Container 'retraining' -Blob 'data/old.csv' -Value (($lines | Select-Object -First 121) -join "`n")
    $new = Publish-AzMlTestTrainingData -Container 'retraining' -Blob 'data/new.csv'

    # The rows to score: the first ten of the data set, without their label, as objects.
    $script:rows = foreach ($line in ($lines | Select-Object -Skip 1 -First 10)) {
        $values = $line -split ','
        $row = [ordered]@{}
        for ($i = 0; $i -lt 30; $i++) { $row[$header[$i]] = [double] $values[$i] }
        [pscustomobject] $row
    }

    function Get-ModelUri {
        # Where a job put its model: BaseLocation + RelativeLocation, no SAS.
        param($Job)
        $Job.Results.output1.BaseLocation + $Job.Results.output1.RelativeLocation
    }

    function New-PredictiveService {
        # The shipped predictive service, its trained model at $ModelUri.
        param([string] $Name, [string] $ModelUri)
        $service = Get-Content -LiteralPath $AzMlPredictiveDefinition -Raw | ConvertFrom-Json -AsHashtable
        $service.properties.assets.asset1.locationInfo.uri = $ModelUri
        $file = Join-Path $work "$Name.json"
        $service | ConvertTo-Json -Depth 64 | Set-Content -LiteralPath $file -Encoding utf8
        New-AzMlWebService -ResourceGroupName $resourceGroup -Name $Name -Location 'South Central US' -DefinitionFile $file -Force -ErrorAction Stop
    }

    function Get-Answers {
        # What an endpoint answers for the rows: label and probability per row, in order.
        param([Parameter(ValueFromPipeline)] $Endpoint)
        process {
            $results = $rows | Invoke-AzMlWebService -Endpoint $Endpoint -ErrorAction Stop
            @($results | ForEach-Object { '{0}:{1}' -f $_.'Scored Labels', $_.'Scored Probabilities' })
        }
    }

    # 1, 2: the first model, trained by BES on old data, serving on the default endpoint.
    $script:training = New-AzMlTestTrainingService -ResourceGroupName $resourceGroup -Name 'BreastCancerTraining'
    $script:firstJob = Invoke-AzMlBatchJob -WebService $training -Inputs @{ input1 = $old } -GlobalParameters @{ 'Number of trees' = 3 } `
        -Outputs @{ output1 = 'retraining/models/first.ilearner'; output2 = 'retraining/models/first-evaluation.csv' } -ErrorAction Stop
    $script:predictive = New-PredictiveService -Name 'BreastCancerPredictive' -ModelUri (Get-ModelUri $firstJob)
    $script:webServiceId = $predictive.properties.swaggerLocation -replace '^.*/services/([^/]+)/swagger\.json$', '$1'
    $script:defaultBefore = Get-AzMlWebServiceEndpoint -WebService $predictive -EndpointName 'default' -ErrorAction Stop
    $script:answersBefore = $defaultBefore | Get-Answers

    # 3: the endpoint to retrain, and one more added the azuremlps way.
    $script:added = $predictive | Add-AzMlWebServiceEndpoint -EndpointName 'retrained1' -Description 'Retrained by BES' -ErrorAction Stop
    $script:addedByAzuremlps = Add-AmlWebServiceEndpoint -WebServiceId $webServiceId -EndpointName 'retrained2' -Description 'retrained2' -ErrorAction Stop
    $script:answersAddedBefore = $added | Get-Answers

    # 4: retraining on the new data.
    $script:retrainJob = Invoke-AzMlBatchJob -WebService $training -Inputs @{ input1 = $new } `
        -Outputs @{ output1 = 'retraining/models/retrained.ilearner'; output2 = 'retraining/models/retrained-evaluation.csv' } -ErrorAction Stop

    # 5: the new model into the added endpoints: the job object itself, and azuremlps' parts.
    $script:patched = $retrainJob | Update-AzMlWebServiceEndpoint -WebService $predictive -EndpointName 'retrained1' -ErrorAction Stop
    $model = $retrainJob.Results.output1
    $script:patchedByAzuremlps = Patch-AmlWebServiceEndpoint -WebServiceId $webServiceId -EndpointName 'retrained2' `
        -ResourceName 'Breast cancer diagnosis [trained model]' -BaseLocation $model.BaseLocation `
        -RelativeLocation $model.RelativeLocation -SasBlobToken $model.SasBlobToken -ErrorAction Stop

    # 6: scoring every endpoint, and a service built on the retrained model from the start.
    $script:endpoints = Get-AzMlWebServiceEndpoint -WebService $predictive -ErrorAction Stop
    $script:answersDefault = $endpoints | Where-Object Name -EQ 'default' | Get-Answers
    $script:answersRetrained = $endpoints | Where-Object Name -EQ 'retrained1' | Get-Answers
    $reference = New-PredictiveService -Name 'BreastCancerReference' -ModelUri (Get-ModelUri $retrainJob)
    $script:answersReference = Get-AzMlWebServiceEndpoint -WebService $reference -EndpointName 'default' -ErrorAction Stop | Get-Answers
    $request = @{
        Inputs           = @{ input1 = @{ ColumnNames = @($header | Select-Object -First 30); Values = @($rows | ForEach-Object { , @($_.PSObject.Properties.Value) }) } }
        GlobalParameters = @{}
    } | ConvertTo-Json -Depth 6
    $script:azuremlpsAnswer = Invoke-AmlWebServiceRRSEndpoint -ApiLocation $patchedByAzuremlps.ApiLocation -ApiKey $patchedByAzuremlps.PrimaryKey `
        -InputJsonText $request -ErrorAction Stop | ConvertFrom-Json
}

AfterAll {
    Stop-AzMlTestHost -Context $script:context
    Remove-Item -LiteralPath $script:work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The classic web service retraining loop' {
    It 'trains the first model by BES and serves it on the default endpoint' {
        $firstJob.StatusCode | Should -Be 'Finished'
        $predictive.properties.provisioningState | Should -Be 'Succeeded'
        $answersBefore.Count | Should -Be 10
        $answersBefore[0] | Should -Match '^(benign|malignant):'
    }

    It 'adds endpoints that serve the web service''s model with keys of their own' {
        $added.Name | Should -Be 'retrained1'
        $added.PrimaryKey | Should -Not -Be $defaultBefore.PrimaryKey
        $addedByAzuremlps.Name | Should -Be 'retrained2'
        $addedByAzuremlps.WebServiceId | Should -Be $webServiceId
        $answersAddedBefore | Should -Be $answersBefore
    }

    It 'retrains by BES on the new data' {
        $retrainJob.StatusCode | Should -Be 'Finished'
        $retrainJob.Results.output1.RelativeLocation | Should -Be 'retraining/models/retrained.ilearner'
    }

    It 'puts the new model into retrained1 from the job, and into retrained2 from its parts' {
        $patched.Version | Should -Be '2'
        $patched.Resources[0].Name | Should -Be 'Breast cancer diagnosis [trained model]'
        # An endpoint shows a location of this host's storage split as BES results split it:
        # the account's blob endpoint and container/blob.
        $patched.Resources[0].Location.BaseLocation | Should -BeLike '*/blob/azmlstore/'
        $patched.Resources[0].Location.RelativeLocation | Should -Be 'retraining/models/retrained.ilearner'
        $patchedByAzuremlps.Resources[0].Location.RelativeLocation | Should -Be $patched.Resources[0].Location.RelativeLocation
        $patchedByAzuremlps.Resources[0].Location.SasBlobToken | Should -BeNullOrEmpty
    }

    It 'leaves the default endpoint and the web service as they were' {
        $answersDefault | Should -Be $answersBefore
        $endpoints[0].Name | Should -Be 'default'
        $endpoints[0].Resources[0].Location.RelativeLocation | Should -Be 'retraining/models/first.ilearner'
        $service = Get-AzMlWebService -ResourceGroupName $resourceGroup -Name 'BreastCancerPredictive'
        $service.properties.assets.asset1.locationInfo.uri | Should -Be (Get-ModelUri $firstJob)
    }

    It 'scores retrained1 with the new model: as a service built on it from the start' {
        $answersRetrained | Should -Be $answersReference
        ($answersRetrained -join ';') | Should -Not -Be ($answersBefore -join ';')
    }

    It 'scores retrained2, patched the azuremlps way, with the new model too' {
        $table = $azuremlpsAnswer.Results.output1.value
        $label = [array]::IndexOf($table.ColumnNames, 'Scored Labels')
        $probability = [array]::IndexOf($table.ColumnNames, 'Scored Probabilities')
        $rowsAnswered = @($table.Values | ForEach-Object { '{0}:{1}' -f $_[$label], $_[$probability] })
        $rowsAnswered | Should -Be $answersReference
    }
}
