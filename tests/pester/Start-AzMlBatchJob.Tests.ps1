BeforeAll {
    . (Join-Path $PSScriptRoot 'AzMlTestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'AzMlBatchTestHelpers.ps1')
    $script:context = Start-AzMlTestHost
    $script:training = New-AzMlTestTrainingService -ResourceGroupName 'rg' -Name (New-AzMlTestName -Prefix 'train')
    $script:data = Publish-AzMlTestTrainingData -Container 'start'
    $script:outputs = @{ output1 = 'start/out/model.ilearner'; output2 = 'start/out/evaluation.csv' }
}

AfterAll {
    Stop-AzMlTestHost -Context $script:context
}

Describe 'Start-AzMlBatchJob -WebService (WebService)' {
    It 'submits and starts a job and returns at once' {
        $job = Start-AzMlBatchJob -WebService $training -Inputs @{ input1 = $data } -Outputs $outputs
        $job.PSTypeNames[0] | Should -Be 'AzMl.BatchJob'
        $job.StatusCode | Should -BeIn 'Running', 'Finished'
        $job.StartTime | Should -Not -BeNullOrEmpty
        (Wait-AzMlTestJobStatus -WebService $training -JobId $job.JobId -Status 'Finished', 'Failed').StatusCode |
            Should -Be 'Finished'
    }

    It 'only submits with -NoStart' {
        $job = $training | Start-AzMlBatchJob -Inputs @{ input1 = $data } -NoStart
        $job.StatusCode | Should -Be 'NotStarted'
        $job.StartTime | Should -BeNullOrEmpty
        $job.Results.Count | Should -Be 0
    }

    It 'submits nothing with -WhatIf' {
        $before = @(Get-AzMlBatchJob -WebService $training).Count
        Start-AzMlBatchJob -WebService $training -Inputs @{ input1 = $data } -WhatIf | Should -BeNullOrEmpty
        @(Get-AzMlBatchJob -WebService $training).Count | Should -Be $before
    }

    It 'writes BadArgument naming the member the service refuses' {
        Start-AzMlBatchJob -WebService $training -Inputs @{ input1 = $data } -GlobalParameters @{ 'Depth' = 3 } `
            -ErrorVariable failure -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'BadArgument,Start-AzMlBatchJob'
        $failure[0].Exception.Target | Should -Be 'GlobalParameters.Depth'
    }
}

Describe 'Start-AzMlBatchJob -ApiLocation (ApiLocation)' {
    It 'writes InvalidJobConfiguration for a -JobConfigString that is not a JSON object' {
        Start-AzMlBatchJob -ApiLocation (Get-AzMlTestApiLocation $training) -ApiKey 'unused' -JobConfigString '[1, 2' `
            -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -Be 'InvalidJobConfiguration,Start-AzMlBatchJob'
    }

    It 'writes InvalidAuthenticationToken for a key that is not the service''s' {
        Start-AzMlBatchJob -ApiLocation (Get-AzMlTestApiLocation $training) -ApiKey 'not-the-key' -Inputs @{ input1 = $data } `
            -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -Be 'InvalidAuthenticationToken,Start-AzMlBatchJob'
        $failure[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
    }

    It 'writes ApiKeyRequired for a service no command of this process used' {
        Start-AzMlBatchJob -ApiLocation 'http://127.0.0.1:9/workspaces/w/services/0123' -Inputs @{ input1 = $data } `
            -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -Be 'ApiKeyRequired,Start-AzMlBatchJob'
    }
}
