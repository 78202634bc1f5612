BeforeAll {
    . (Join-Path $PSScriptRoot 'AzMlTestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'AzMlBatchTestHelpers.ps1')
    $script:context = Start-AzMlTestHost
    $script:scratch = New-AzMlTestDirectory
    $script:training = New-AzMlTestTrainingService -ResourceGroupName 'rg' -Name (New-AzMlTestName -Prefix 'train')
    $script:data = Publish-AzMlTestTrainingData -Container 'invoke'
    $script:outputs = @{ output1 = 'invoke/out/model.ilearner'; output2 = 'invoke/out/evaluation.csv' }
}

AfterAll {
    Stop-AzMlTestHost -Context $script:context
    Remove-Item -LiteralPath $script:scratch -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Invoke-AzMlBatchJob -WebService (WebService)' {
    It 'runs a retraining job to its end and returns each output with its full uri' {
        $job = Invoke-AzMlBatchJob -WebService $training -Inputs @{ input1 = $data } -Outputs $outputs
        $job.PSTypeNames[0] | Should -Be 'AzMl.BatchJob'
        $job.StatusCode | Should -Be 'Finished'
        $job.JobId | Should -Match '^[0-9a-f]{32}$'
        $job.ApiLocation | Should -Be (Get-AzMlTestApiLocation $training)
        $model = $job.Results.output1
        $model.PSTypeNames[0] | Should -Be 'AzMl.BatchJobOutput'
        $model.RelativeLocation | Should -Be 'invoke/out/model.ilearner'
        $model.Uri | Should -Be ($model.BaseLocation + $model.RelativeLocation + $model.SasBlobToken)
        $download = Get-AzMlTestUrlBytes -Uri $model.Uri
        $download.Status | Should -Be 200
        [System.Text.Encoding]::ASCII.GetString($download.Bytes, 1, 8) | Should -Be 'AZMLILRN'
        $evaluation = [System.Text.Encoding]::UTF8.GetString((Get-AzMlTestUrlBytes -Uri $job.Results.output2.Uri).Bytes)
        ($evaluation -split "`n")[0] | Should -Match '\bAUC\b'
    }

    It 'takes the web service from the pipeline and global parameters by name' {
        $job = $training | Invoke-AzMlBatchJob -Inputs @{ input1 = $data } -Outputs $outputs -GlobalParameters @{ 'Number of trees' = 5 }
        $job.StatusCode | Should -Be 'Finished'
    }

    It 'writes BatchJobFailed with the job''s Details when the job fails' {
        $noLabel = ((Get-Content -LiteralPath $AzMlBreastCancerCsv | Select-Object -First 40) | ForEach-Object { $_ -replace ',[^,]*$', '' }) -join "`n"
        $bad = Publish-AzMlTestTrainingData -Container 'invoke' -Blob 'no-label.csv' -Value $noLabel
        $job = Invoke-AzMlBatchJob -WebService $training -Inputs @{ input1 = $bad } -Outputs $outputs `
            -ErrorVariable failure -ErrorAction SilentlyContinue
        $job | Should -BeNullOrEmpty
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'BatchJobFailed,Invoke-AzMlBatchJob'
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        $failure[0].Exception.Message | Should -Match 'diagnosis'
        $failure[0].TargetObject.StatusCode | Should -Be 'Failed'
    }

    It 'writes the service''s code for a request it refuses, and submits nothing' {
        $before = @(Get-AzMlBatchJob -WebService $training).Count
        Invoke-AzMlBatchJob -WebService $training -Inputs @{ input7 = $data } -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'BadArgument,Invoke-AzMlBatchJob'
        $failure[0].Exception.Message | Should -Match "no input 'input7'"
        @(Get-AzMlBatchJob -WebService $training).Count | Should -Be $before
    }

    It 'submits nothing with -WhatIf' {
        $before = @(Get-AzMlBatchJob -WebService $training).Count
        Invoke-AzMlBatchJob -WebService $training -Inputs @{ input1 = $data } -WhatIf | Should -BeNullOrEmpty
        @(Get-AzMlBatchJob -WebService $training).Count | Should -Be $before
    }
}

Describe 'Invoke-AzMlBatchJob -ApiLocation (ApiLocation)' {
    It 'runs a whole BES request from -JobConfigString against the submit URL azuremlps took' {
        $key = (Get-AzMlWebServiceKey -MlWebService $training).primary
        $connection = Get-AzMlStorageConnectionString
        $request = @{
            Inputs  = @{ input1 = @{ ConnectionString = $connection; RelativeLocation = $data } }
            Outputs = @{ output1 = @{ ConnectionString = $connection; RelativeLocation = 'invoke/config/model.ilearner' } }
        } | ConvertTo-Json -Depth 5
        $submitUrl = (Get-AzMlTestApiLocation $training) + '/jobs?api-version=2.0'
        $job = Invoke-AzMlBatchJob -SubmitJobRequestUrl $submitUrl -ApiKey $key -JobConfigString $request -PollIntervalSeconds 0.1
        $job.StatusCode | Should -Be 'Finished'
        $job.Results.output1.RelativeLocation | Should -Be 'invoke/config/model.ilearner'
        $job.Results.output2.RelativeLocation | Should -Be "invoke/$($job.JobId)/output2.csv"
    }

    It 'reads the request from -JobConfigFile' {
        $file = Join-Path $scratch 'job.json'
        @{ Input = @{ ConnectionString = (Get-AzMlStorageConnectionString); RelativeLocation = $data } } |
            ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $file
        $job = Invoke-AzMlBatchJob -ApiLocation (Get-AzMlTestApiLocation $training) -JobConfigFile $file
        $job.StatusCode | Should -Be 'Finished'
    }

    It 'refuses a request given both whole and in parts' {
        Invoke-AzMlBatchJob -ApiLocation (Get-AzMlTestApiLocation $training) -JobConfigString '{}' -Inputs @{ input1 = $data } `
            -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -Be 'AmbiguousJobRequest,Invoke-AzMlBatchJob'
    }

    It 'refuses a location that names no service' {
        Invoke-AzMlBatchJob -ApiLocation 'http://127.0.0.1:1/nothing' -ApiKey 'k' -Inputs @{} -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -Be 'InvalidArgument,Invoke-AzMlBatchJob'
    }
}

Describe 'Invoke-AzMlBatchJob cancelling' {
    BeforeAll {
        $script:slow = New-AzMlTestTrainingService -ResourceGroupName 'rg' -Name (New-AzMlTestName -Prefix 'slow') -Slow
    }

    It 'cancels the job and writes BatchJobTimedOut when -TimeoutSeconds passes' {
        Invoke-AzMlBatchJob -WebService $slow -Inputs @{ input1 = $data } -Outputs @{ output1 = 'invoke/slow/model.ilearner' } `
            -TimeoutSeconds 1 -PollIntervalSeconds 0.2 -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'BatchJobTimedOut,Invoke-AzMlBatchJob'
        (Get-AzMlBatchJob -WebService $slow -JobId $failure[0].TargetObject.JobId).StatusCode | Should -Be 'Cancelled'
    }

    It 'cancels the job when the pipeline is stopped, as Ctrl+C does' {
        $apiLocation = Get-AzMlTestApiLocation $slow
        $key = (Get-AzMlWebServiceKey -MlWebService $slow).primary
        $connection = Get-AzMlStorageConnectionString
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript({
                    param($ApiLocation, $Key, $Connection, $Data)
                    Import-Module AzMl
                    Invoke-AzMlBatchJob -ApiLocation $ApiLocation -ApiKey $Key -ConnectionString $Connection `
                        -Inputs @{ input1 = $Data } -Outputs @{ output1 = 'invoke/stopped/model.ilearner' } -PollIntervalSeconds 0.1
                }).AddParameters(@{ ApiLocation = $apiLocation; Key = $key; Connection = $connection; Data = $data })
            $async = $shell.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddMinutes(2)
            do {
                Start-Sleep -Milliseconds 100
                $running = @(Get-AzMlBatchJob -WebService $slow | Where-Object StatusCode -eq 'Running')
            } until ($running.Count -gt 0 -or [DateTime]::UtcNow -gt $deadline)
            $running.Count | Should -Be 1
            $shell.Stop()
            $async.IsCompleted | Should -BeTrue
        } finally {
            $shell.Dispose()
        }
        (Get-AzMlBatchJob -WebService $slow -JobId $running[0].JobId).StatusCode | Should -Be 'Cancelled'
    }
}
