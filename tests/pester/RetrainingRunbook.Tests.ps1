# End to end: the retraining runbook shipped with the module (module/Examples), run as a user
# runs it, in a fresh pwsh, on both example data sets, twice against the same data directory.
# The runbook starts its own host there and stops it at the end; the second run finds the web
# services, blobs and the classic endpoint of the first and must work just the same.
#
# It runs the staged copy (AzMl/Examples in the build tree), which imports the module it is
# staged with, so the test sees the layout `cmake --install` ships.

BeforeAll {
    . (Join-Path $PSScriptRoot 'AzMlTestHelpers.ps1')
    $script:repository = (Resolve-Path (Join-Path $PSScriptRoot '../..')).ProviderPath
    $script:runbook = Join-Path $env:AZML_MODULE_STAGE_DIR 'AzMl/Examples/Invoke-AzMlRetrainingRunbook.ps1'
    $script:work = New-AzMlTestDirectory
    $script:dataDirectory = Join-Path $work 'host'

    function Invoke-Runbook {
        # Runs the runbook in a new pwsh (the repository's dotnet tool); returns exit code and output.
        param([string[]] $Arguments)
        Push-Location $repository
        try {
            $lines = & dotnet pwsh -NoProfile -NonInteractive -File $runbook @Arguments 2>&1 | ForEach-Object { "$_" }
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Text = $lines -join "`n" }
        } finally {
            Pop-Location
        }
    }

    function Get-Figure {
        # The numbers a printed line holds: "AUC after retraining: 0.9921   (accuracy ...)" -> 0.9921.
        param([string] $Text, [string] $Pattern)
        @([regex]::Matches($Text, $Pattern) | ForEach-Object { [double]::Parse($_.Groups[1].Value, [cultureinfo]::InvariantCulture) })
    }

    $arguments = @('-DataDirectory', $dataDirectory, '-DataSet', 'BreastCancer,Diabetes')
    $script:first = Invoke-Runbook $arguments
    $script:second = Invoke-Runbook $arguments
    Write-Host $first.Text
    Write-Host $second.Text
}

AfterAll {
    Remove-Item -LiteralPath $script:work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The retraining runbook' {
    It 'runs to the end twice on the same data directory' {
        $first.ExitCode | Should -Be 0 -Because $first.Text
        $second.ExitCode | Should -Be 0 -Because $second.Text
        $first.Text | Should -Match 'Runbook finished in'
        $second.Text | Should -Match 'Runbook finished in'
    }

    It 'retrains the breast cancer model to an AUC of at least 0.95, from a weaker first model' {
        foreach ($run in $first, $second) {
            $before = Get-Figure $run.Text 'AUC before retraining: ([0-9.]+)'
            $after = Get-Figure $run.Text 'AUC after retraining: ([0-9.]+)'
            $after.Count | Should -BeGreaterThan 0
            $after[0] | Should -BeGreaterOrEqual 0.95
            $after[0] | Should -BeGreaterOrEqual $before[0]
        }
    }

    It 'retrains the diabetes model to an R2 of at least 0.35' {
        $after = Get-Figure $first.Text 'R2 after retraining: (-?[0-9.]+)'
        $after.Count | Should -BeGreaterThan 0
        $after[0] | Should -BeGreaterOrEqual 0.35
        $after[0] | Should -BeGreaterThan (Get-Figure $first.Text 'R2 before retraining: (-?[0-9.]+)')[0]
    }

    It 'scores every held-out row, before and after each swap' {
        (Get-Figure $first.Text 'BreastCancerPredictive: (\d+) rows scored').Count | Should -Be 2
        Get-Figure $first.Text 'BreastCancerPredictive: (\d+) rows scored' | Should -Be @(69, 69)
        Get-Figure $first.Text 'DiabetesPredictive: (\d+) rows scored' | Should -Be @(92, 92)
        Get-Figure $first.Text 'endpoint retrained1, after: (\d+) rows scored' | Should -Be @(69, 92)
    }

    It 'swaps the new model in through Update-AzMlWebService: answers change' {
        foreach ($changed in Get-Figure $first.Text 'answers changed by the update: (\d+) of') {
            $changed | Should -BeGreaterThan 0
        }
    }

    It 'patches the classic endpoint retrained1, which then answers with the retrained model' {
        foreach ($run in $first, $second) {
            ([regex]::Matches($run.Text, "endpoint 'retrained1' answers with the retrained model: yes")).Count | Should -Be 2
            foreach ($changed in Get-Figure $run.Text 'answers changed by the patch: (\d+) of') {
                $changed | Should -BeGreaterThan 0
            }
        }
    }

    It 'reuses what the first run left: the endpoint is refreshed, not added again' {
        $first.Text | Should -Not -Match 'it existed: refreshed'
        ([regex]::Matches($second.Text, 'it existed: refreshed')).Count | Should -Be 2
    }

    It 'gives the same figures the second time (training is repeatable)' {
        $pattern = '(?:AUC|R2) (?:before|after) retraining: (-?[0-9.]+)'
        Get-Figure $second.Text $pattern | Should -Be (Get-Figure $first.Text $pattern)
    }

    It 'stops the host it started, and prints no secret' {
        Test-Path (Join-Path $dataDirectory 'host.json') | Should -BeFalse
        $token = (Get-Content -LiteralPath (Join-Path $dataDirectory 'admin-token') -Raw).Trim()
        $first.Text | Should -Not -Match ([regex]::Escape($token))
        $first.Text | Should -Not -Match 'AccountKey='
        $first.Text | Should -Not -Match 'sig='
    }

    It 'exits 1 with the reason when a step fails' {
        $tokenFile = Join-Path $work 'token'
        Set-Content -LiteralPath $tokenFile -Value 'not-a-token'
        $failed = Invoke-Runbook @('-Endpoint', 'http://127.0.0.1:9', '-TokenFile', $tokenFile)
        $failed.ExitCode | Should -Be 1
        $failed.Text | Should -Match 'Runbook failed: '
    }
}
