# End to end: the documented retraining workflow (Get -> Export -> edit -> Import -> Update),
# run as written in a pwsh of its own against the embedded host: once with the Az names, once
# with the 2016 AzureRM names. The workflow does not pass -Force, so Update asks "Are you
# sure ...?"; the child's standard input answers it, as a person at the console would.

BeforeAll {
    . (Join-Path $PSScriptRoot 'AzMlTestHelpers.ps1')
    $script:resourceGroup = 'Default-MachineLearning-SouthCentralUS'
    $script:serviceName = 'RetrainSamplePre'

    function Invoke-WorkflowScript {
        # Runs a workflow script in a new pwsh (the same one running this test) in $WorkingDirectory.
        param([string] $Script, [string] $WorkingDirectory, [hashtable] $Environment)
        $start = [System.Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
        if ([System.IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') {
            $start.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll'))   # pwsh as a dotnet tool
        }
        foreach ($argument in '-NoProfile', '-File', $Script) { $start.ArgumentList.Add($argument) }
        $start.WorkingDirectory = $WorkingDirectory
        $start.RedirectStandardInput = $true
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.UseShellExecute = $false
        foreach ($entry in $Environment.GetEnumerator()) { $start.Environment[$entry.Key] = $entry.Value }
        $start.Environment['NO_COLOR'] = '1'

        $process = [System.Diagnostics.Process]::Start($start)
        $stderr = $process.StandardError.ReadToEndAsync()
        $process.StandardInput.WriteLine('y')   # "Are you sure you want to update ...?"
        $process.StandardInput.Close()
        $stdout = $process.StandardOutput.ReadToEnd()
        $process.WaitForExit()
        [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout; Errors = $stderr.Result }
    }

    function Initialize-Workflow {
        # A fresh host (through AZML_HOST_DATA_DIR, so that the workflow's bare Start-AzMlHost
        # finds it) holding the service the documentation retrains.
        $work = New-AzMlTestDirectory
        $env:AZML_HOST_DATA_DIR = Join-Path $work 'host'
        Import-Module AzMl -Force
        Start-AzMlHost -ErrorAction Stop | Out-Null
        New-AzMlWebService -ResourceGroupName $resourceGroup -Name $serviceName -Location 'South Central US' `
            -DefinitionFile (Get-AzMlTestDefinitionPath) -Force -ErrorAction Stop | Out-Null
        # The retrained model the workflow swaps in: v2, uploaded beside v1 by the helper.
        $script:newUri = $script:AzMlTestModelUris['v2']
        $before = Get-AzMlWebService -ResourceGroupName $resourceGroup -Name $serviceName -ErrorAction Stop
        [pscustomobject]@{ Work = $work; DataDirectory = $env:AZML_HOST_DATA_DIR; Before = $before }
    }

    function Complete-Workflow($State) {
        Stop-AzMlHost -DataDirectory $State.DataDirectory -ErrorAction Continue
        Remove-Item Env:AZML_HOST_DATA_DIR -ErrorAction SilentlyContinue
        Remove-Item -LiteralPath $State.Work -Recurse -Force -ErrorAction SilentlyContinue
    }
}

Describe 'The retraining workflow with <Names> names' -ForEach @(
    @{ Names = 'Az'; Script = 'RetrainingWorkflow.Az.ps1' }
    @{ Names = 'AzureRM'; Script = 'RetrainingWorkflow.AzureRm.ps1' }
) {
    BeforeAll {
        $script:state = Initialize-Workflow
        $script:oldUri = $state.Before.properties.assets.asset3.locationInfo.uri
        $script:run = Invoke-WorkflowScript -Script (Join-Path $PSScriptRoot "data/$Script") -WorkingDirectory $state.Work -Environment @{
            AZML_HOST_DATA_DIR = $state.DataDirectory
            AZML_TEST_OLD_URI  = $oldUri
            AZML_TEST_NEW_URI  = $newUri
        }
        $script:after = Get-AzMlWebService -ResourceGroupName $resourceGroup -Name $serviceName
    }

    AfterAll {
        Complete-Workflow $state
    }

    It 'runs to the end without an error' {
        $run.Errors | Should -BeNullOrEmpty
        $run.ExitCode | Should -Be 0
    }

    It 'asks before the update, and goes on when told yes' {
        # The console wraps the question; compare it with the line breaks as spaces.
        ($run.Output -replace '\s+', ' ') | Should -Match ([regex]::Escape("Are you sure you want to update the machine learning web service `"$serviceName`" ?"))
    }

    It 'exports the definition to the working directory' {
        $export = Join-Path $state.Work 'mlservice_export.json'
        Test-Path $export | Should -BeTrue
        Get-Content -Raw $export | Should -Match ([regex]::Escape($newUri))
    }

    It 'leaves the new model URI in the service, as Get returns it' {
        $oldUri | Should -Not -Be $newUri
        $after.properties.assets.asset3.name | Should -Be 'Retrain Sample [trained model]'
        $after.properties.assets.asset3.locationInfo.uri | Should -Be $newUri
    }

    It 'changes nothing else in the definition' {
        $expected = $state.Before
        $expected.properties.assets.asset3.locationInfo.uri = $newUri
        ConvertTo-AzMlTestComparableJson $after | Should -BeExactly (ConvertTo-AzMlTestComparableJson $expected)
        $after.properties.createdOn | Should -Be $state.Before.properties.createdOn
        $after.properties.exampleRequest.inputs.input1[0][2].ToString([cultureinfo]::InvariantCulture) | Should -Be '40.0'
        $after.properties.diagnostics.expiry | Should -Be '2030-12-31T23:59:59.0000000Z'
        (Get-AzMlWebServiceKey -ResourceGroupName $resourceGroup -Name $serviceName).primary | Should -Not -BeNullOrEmpty
    }
}
