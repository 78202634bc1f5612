BeforeAll {
    . (Join-Path $PSScriptRoot 'AzMlTestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'AzMlBatchTestHelpers.ps1')
    $script:context = Start-AzMlTestHost
    $script:training = New-AzMlTestTrainingService -ResourceGroupName 'rg' -Name (New-AzMlTestName -Prefix 'train')
    $script:slow = New-AzMlTestTrainingService -ResourceGroupName 'rg' -Name (New-AzMlTestName -Prefix 'slow') -Slow
    $script:data = Publish-AzMlTestTrainingData -Container 'stop'
}

AfterAll {
    Stop-AzMlTestHost -Context $script:context
}

Describe 'Stop-AzMlBatchJob -ApiLocation (ApiLocation)' {
    It 'cancels a job that has not started, from the pipeline' {
        $job = Start-AzMlBatchJob -WebService $training -Inputs @{ input1 = $data } -NoStart
        $stopped = $job | Stop-AzMlBatchJob -PassThru
        $stopped.StatusCode | Should -Be 'Cancelled'
        $stopped.Details | Should -Match 'before it started'
    }

    It 'returns nothing without -PassThru' {
        $job = Start-AzMlBatchJob -WebService $training -Inputs @{ input1 = $data } -NoStart
        $job | Stop-AzMlBatchJob | Should -BeNullOrEmpty
        ($job | Get-AzMlBatchJob).StatusCode | Should -Be 'Cancelled'
    }

    It 'leaves the job as it is with -WhatIf' {
        $job = Start-AzMlBatchJob -WebService $training -Inputs @{ input1 = $data } -NoStart
        $job | Stop-AzMlBatchJob -WhatIf
        ($job | Get-AzMlBatchJob).StatusCode | Should -Be 'NotStarted'
    }

    It 'writes JobNotFound for a job the service does not have' {
        Stop-AzMlBatchJob -ApiLocation (Get-AzMlTestApiLocation $training) -JobId 'ffffffffffffffffffffffffffffffff' `
            -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -Be 'JobNotFound,Stop-AzMlBatchJob'
    }
}

Describe 'Stop-AzMlBatchJob -WebService (WebService)' {
    It 'stops a running job, which writes no output' {
        $job = Start-AzMlBatchJob -WebService $slow -Inputs @{ input1 = $data } -Outputs @{ output1 = 'stop/running/model.ilearner' }
        $job.StatusCode | Should -Be 'Running'
        $stopped = Stop-AzMlBatchJob -WebService $slow -JobId $job.JobId -PassThru
        $stopped.StatusCode | Should -Be 'Cancelled'
        $stopped.Details | Should -Match 'while it was running'
        Get-AzMlBlobContent -Container 'stop' -Blob 'running/model.ilearner' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'leaves a finished job finished' {
        $job = Start-AzMlBatchJob -WebService $training -Inputs @{ input1 = $data }
        $null = Wait-AzMlTestJobStatus -WebService $training -JobId $job.JobId -Status 'Finished'
        (Stop-AzMlBatchJob -WebService $training -JobId $job.JobId -PassThru).StatusCode | Should -Be 'Finished'
    }
}
