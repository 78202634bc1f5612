# End to end: the whole new (ARM) web service loop of Azure ML Studio, on the embedded host, with
# the shipped breast cancer services (module/Examples/breast-cancer):
#   1. a retraining web service's batch job trains a first model on a little old data;
#   2. a predictive web service serves that model, and scores;
#   3. the retraining service runs again by BES on new data: a new .ilearner and its evaluation
#      results, which are read and compared with the first model's before anything changes;
#   4. Get -> Export -> point the "[trained model]" asset at BaseLocation + RelativeLocation of
#      the new .ilearner -> Import -> Update, as the documentation has it;
#   5. the predictive service scores again and answers with the new model.
# Scoring goes through the service's RRS endpoint over HTTP, as the azuremlps client did.

BeforeAll {
    . (Join-Path $PSScriptRoot 'AzMlTestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'AzMlBatchTestHelpers.ps1')
    $script:context = Start-AzMlTestHost
    $script:work = New-AzMlTestDirectory
    $script:resourceGroup = 'Default-MachineLearning-SouthCentralUS'
    $script:predictiveName = 'BreastCancerPredictive'
    $script:connection = Get-AzMlStorageConnectionString -ErrorAction Stop

    $rows = Get-Content -LiteralPath $AzMlBreastCancerCsv
    $script:header = $rows[0] -split ','
    $old = Publish-AzMlTestTrainingData -Container 'retraining' -Blob 'data/old.csv' -Value (($rows | Select-Object -First 121) -join "`n")
    $new = Publish-AzMlTestTrainingData -Container 'retraining' -Blob 'data/new.csv'

    function Get-EvaluationRow {
        # The evaluation results CSV of a finished job, as one object (AUC, Accuracy, ...).
        param($Job)
        $bytes = (Get-AzMlTestUrlBytes -Uri $Job.Results.output2.Uri).Bytes
        [System.Text.Encoding]::UTF8.GetString($bytes) | ConvertFrom-Csv | Select-Object -First 1
    }

    function Get-ModelUri {
        # Where the definition points a trained model asset: BaseLocation + RelativeLocation, no SAS.
        param($Job)
        $Job.Results.output1.BaseLocation + $Job.Results.output1.RelativeLocation
    }

    function New-PredictiveService {
        # The shipped predictive service, its trained model at $ModelUri.
        param([string] $Name, [string] $ModelUri)
        $service = Get-Content -LiteralPath $AzMlPredictiveDefinition -Raw |
            ConvertFrom-Json -AsHashtable
        $service.properties.assets.asset1.locationInfo.uri = $ModelUri
        $file = Join-Path $work "$Name.json"
        $service | ConvertTo-Json -Depth 64 | Set-Content -LiteralPath $file -Encoding utf8
        New-AzMlWebService -ResourceGroupName $resourceGroup -Name $Name -Location 'South Central US' -DefinitionFile $file -Force -ErrorAction Stop
    }

    function Invoke-Scoring {
        # RRS: the first ten rows of the data set without their label; returns the Values.
        param($WebService)
        $key = (Get-AzMlWebServiceKey -MlWebService $WebService -ErrorAction Stop).primary
        $uri = ($WebService.properties.swaggerLocation -replace '/swagger\.json$', '') + '/execute?api-version=2.0&details=true'
        $values = foreach ($line in ($rows | Select-Object -Skip 1 -First 10)) {
            , @(($line -split ',' | Select-Object -First 30) | ForEach-Object { [double] $_ })
        }
        $body = @{ Inputs = @{ input1 = @{ ColumnNames = @($header | Select-Object -First 30); Values = @($values) } }; GlobalParameters = @{} } |
            ConvertTo-Json -Depth 6
        $answer = Invoke-RestMethod -Method Post -Uri $uri -Body $body -ContentType 'application/json' -Headers @{ Authorization = "Bearer $key" }
        $answer.Results.output1.value.Values
    }

    # 1, 2: the first model, trained by BES on old data, serving.
    $script:training = New-AzMlTestTrainingService -ResourceGroupName $resourceGroup -Name 'BreastCancerTraining'
    $script:firstJob = Invoke-AzMlBatchJob -WebService $training -Inputs @{ input1 = $old } -GlobalParameters @{ 'Number of trees' = 3 } `
        -Outputs @{ output1 = 'retraining/models/first.ilearner'; output2 = 'retraining/models/first-evaluation.csv' } -ErrorAction Stop
    $script:predictive = New-PredictiveService -Name $predictiveName -ModelUri (Get-ModelUri $firstJob)
    $script:scoresBefore = Invoke-Scoring $predictive

    # 3: retraining on the new data.
    $script:retrainJob = Invoke-AzMlBatchJob -WebService $training -Inputs @{ input1 = $new } `
        -Outputs @{ output1 = 'retraining/models/retrained.ilearner'; output2 = 'retraining/models/retrained-evaluation.csv' } -ErrorAction Stop
    $script:firstEvaluation = Get-EvaluationRow $firstJob
    $script:newEvaluation = Get-EvaluationRow $retrainJob
    $script:better = [double] $newEvaluation.AUC -ge [double] $firstEvaluation.AUC

    # 4: the documented update, only when the new model evaluates at least as well.
    if ($better) {
        $wsd = Get-AzMlWebService -Name $predictiveName -ResourceGroupName $resourceGroup
        $export = Join-Path $work 'mlservice_export.json'
        Export-AzMlWebService -WebService $wsd -OutputFile $export
        $edited = (Get-Content -LiteralPath $export -Raw).Replace((Get-ModelUri $firstJob), (Get-ModelUri $retrainJob))
        Set-Content -LiteralPath $export -Value $edited -Encoding utf8
        $wsd = Import-AzMlWebService -InputFile $export
        Update-AzMlWebService -Name $predictiveName -ResourceGroupName $resourceGroup -ServiceUpdates $wsd -Force | Out-Null
    }

    # 5: scoring again, and a service built on the retrained model from the start to compare with.
    $script:scoresAfter = Invoke-Scoring (Get-AzMlWebService -Name $predictiveName -ResourceGroupName $resourceGroup)
    $script:reference = Invoke-Scoring (New-PredictiveService -Name 'BreastCancerReference' -ModelUri (Get-ModelUri $retrainJob))
}

AfterAll {
    Stop-AzMlTestHost -Context $script:context
    Remove-Item -LiteralPath $script:work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The new web service retraining loop' {
    It 'trains the first model by BES and serves it' {
        $firstJob.StatusCode | Should -Be 'Finished'
        $predictive.properties.provisioningState | Should -Be 'Succeeded'
        $scoresBefore.Count | Should -Be 10
        $scoresBefore[0][0] | Should -BeIn 'benign', 'malignant'
    }

    It 'retrains by BES on the new data: a new .ilearner and its evaluation results' {
        $retrainJob.StatusCode | Should -Be 'Finished'
        $retrainJob.Results.output1.RelativeLocation | Should -Be 'retraining/models/retrained.ilearner'
        $file = Get-AzMlBlobContent -Container 'retraining' -Blob 'models/retrained.ilearner' -ConnectionString $connection `
            -Destination (Join-Path $work 'retrained.ilearner')
        $file.Length | Should -BeGreaterThan 64
        [double] $newEvaluation.AUC | Should -BeGreaterThan 0.95
        [double] $newEvaluation.Accuracy | Should -BeGreaterThan 0.9
    }

    It 'compares the evaluations before the update: the retrained model is at least as good' {
        [double] $firstEvaluation.AUC | Should -BeLessOrEqual 1
        $better | Should -BeTrue
    }

    It 'points the trained model asset at the new .ilearner through Export, Import and Update' {
        $after = Get-AzMlWebService -Name $predictiveName -ResourceGroupName $resourceGroup
        $after.properties.assets.asset1.name | Should -Be 'Breast cancer diagnosis [trained model]'
        $after.properties.assets.asset1.locationInfo.uri | Should -Be (Get-ModelUri $retrainJob)
        $after.properties.provisioningState | Should -Be 'Succeeded'
    }

    It 'scores with the new model after the update' {
        ($scoresAfter | ConvertTo-Json -Compress) | Should -Be ($reference | ConvertTo-Json -Compress)
        ($scoresAfter | ConvertTo-Json -Compress) | Should -Not -Be ($scoresBefore | ConvertTo-Json -Compress)
    }
}
