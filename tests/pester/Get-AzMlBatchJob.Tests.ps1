BeforeAll {
    . (Join-Path $PSScriptRoot 'AzMlTestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'AzMlBatchTestHelpers.ps1')
    $script:context = Start-AzMlTestHost
    $script:training = New-AzMlTestTrainingService -ResourceGroupName 'rg' -Name (New-AzMlTestName -Prefix 'train')
    $script:data = Publish-AzMlTestTrainingData -Container 'get'
    $script:started = Start-AzMlBatchJob -WebService $training -Inputs @{ input1 = $data } `
        -Outputs @{ output1 = 'get/out/model.ilearner'; output2 = 'get/out/evaluation.csv' }
    $script:finished = Wait-AzMlTestJobStatus -WebService $training -JobId $started.JobId -Status 'Finished'
}

AfterAll {
    Stop-AzMlTestHost -Context $script:context
}

Describe 'Get-AzMlBatchJob -WebService (WebService)' {
    It 'reads a finished job with a working uri for each output' {
        $job = Get-AzMlBatchJob -WebService $training -JobId $started.JobId
        $job.StatusCode | Should -Be 'Finished'
        $job.Details | Should -BeNullOrEmpty
        $job.EndTime | Should -Not -BeNullOrEmpty
        @($job.Results.Keys) | Should -Be @('output1', 'output2')
        (Get-AzMlTestUrlBytes -Uri $job.Results.output2.Uri).Status | Should -Be 200
        $job.Results.output2.SasBlobToken | Should -Match '^\?.*sig='
    }

    It 'lists the service''s jobs without -JobId' {
        $listed = @(Get-AzMlBatchJob -WebService $training)
        $listed.JobId | Should -Contain $started.JobId
        $listed[0].PSTypeNames[0] | Should -Be 'AzMl.BatchJob'
    }

    It 'writes JobNotFound for a job the service does not have' {
        Get-AzMlBatchJob -WebService $training -JobId 'ffffffffffffffffffffffffffffffff' -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'JobNotFound,Get-AzMlBatchJob'
        $failure[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Get-AzMlBatchJob -ApiLocation (ApiLocation)' {
    It 'reads the job that comes down the pipeline' {
        $job = $started | Get-AzMlBatchJob
        $job.JobId | Should -Be $started.JobId
        $job.StatusCode | Should -Be 'Finished'
    }

    It 'reads with an explicit key through the workspaces form of the location' {
        $key = (Get-AzMlWebServiceKey -MlWebService $training).secondary
        $location = (Get-AzMlTestApiLocation $training) -replace '/subscriptions/', '/workspaces/'
        (Get-AzMlBatchJob -ApiLocation $location -ApiKey $key -JobId $started.JobId).StatusCode | Should -Be 'Finished'
    }

    It 'writes WebServiceNotFound for a service id the host does not have' {
        $location = (Get-AzMlTestApiLocation $training) -replace '/services/[0-9a-f]+$', '/services/00000000000000000000000000000000'
        Get-AzMlBatchJob -ApiLocation $location -ApiKey 'k' -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -Be 'WebServiceNotFound,Get-AzMlBatchJob'
    }
}
