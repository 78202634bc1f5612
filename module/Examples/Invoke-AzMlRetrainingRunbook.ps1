<#
.SYNOPSIS
Runs Azure ML Studio's retraining workflow from start to end on an azml host: train, publish,
score, retrain on new data, compare, and swap the new model in, both ways.

.DESCRIPTION
This is the retraining story of Azure Machine Learning Studio (classic), written as a runbook
with the AzMl commands only. For each data set it:

  1. connects: starts a local azml-host on a data directory (Start-AzMlHost), or connects to a
     running one (Connect-AzMlAccount -Endpoint, with the admin token read from -TokenFile);
  2. uploads the data to the host's blob storage (Set-AzMlBlobContent): the rows known at first,
     the rows known later, and held-out rows no model is trained on;
  3. deploys the training web service (New-AzMlWebService) and trains the first model by batch
     job (Invoke-AzMlBatchJob): a new .ilearner and its evaluation results;
  4. deploys the predictive web service on that model and scores the held-out rows
     (Invoke-AzMlWebService), and adds the classic endpoint 'retrained1' to it
     (Add-AzMlWebServiceEndpoint);
  5. retrains by batch job on the new data and compares the two evaluations;
  6. swaps the new model in as Azure's documentation has it for a new (ARM) web service:
     Get-AzMlWebService, Export-AzMlWebService, edit the "[trained model]" asset's uri,
     Import-AzMlWebService, Update-AzMlWebService -ServiceUpdates; and scores again;
  7. swaps it in as the documentation has it for a classic web service: patches the endpoint
     'retrained1' with the batch job's result (Update-AzMlWebServiceEndpoint -BatchJob); and
     scores that endpoint before and after.

It prints what each step does and the figures that matter (rows, AUC or R² before and after,
job times, answers that changed), and exits with code 1 on any failure. It can run again on
the same host or data directory: web services are overwritten, the data and models replaced,
and the endpoint 'retrained1' is brought back to its web service's definition
(Sync-AzMlWebServiceEndpoint -OverwriteResources) before it is patched again.

The web service definitions it deploys are beside it (breast-cancer/ and diabetes/, see
README.md there); the data sets are in data/ beside it in the installed module, or in the
repository's tests/data.

.PARAMETER DataSet
The data sets to run the workflow on: BreastCancer (two-class, Two-Class Boosted Decision Tree,
judged by AUC), Diabetes (regression, Linear Regression, judged by R²), or both.

.PARAMETER DataDirectory
The data directory of the local host to start (or to use, when a host already runs for it).
Default: ~/.azml/runbook, apart from the host Start-AzMlHost starts by default (~/.azml/host).

.PARAMETER Endpoint
The URL of a running azml host to use instead of starting one, e.g. http://127.0.0.1:8080.

.PARAMETER TokenFile
The file holding the admin token of -Endpoint's host (its data directory's admin-token file).

.PARAMETER ResourceGroupName
The resource group of the web services (default Default-MachineLearning-SouthCentralUS).

.PARAMETER DataPath
The folder holding breast_cancer.csv and diabetes.csv. Default: data/ beside this runbook, else
the repository's tests/data.

.PARAMETER KeepHost
Leaves running the host this runbook started, to look at it afterwards (Stop-AzMlHost stops it).
A host lives as long as the PowerShell process that started it, so this is for runs inside an
interactive pwsh; with `pwsh -File` the host ends with the runbook anyway. A host that was
already running is never stopped.

.EXAMPLE
PS> ./Invoke-AzMlRetrainingRunbook.ps1 -DataDirectory ~/azml-runbook

Starts a host on ~/azml-runbook, runs the workflow on the breast cancer data and stops the host.

.EXAMPLE
PS> ./Invoke-AzMlRetrainingRunbook.ps1 -DataSet BreastCancer, Diabetes -KeepHost
PS> Get-AzMlWebServiceEndpoint -ResourceGroupName Default-MachineLearning-SouthCentralUS -Name DiabetesPredictive

Runs both data sets, leaves the host running and looks at the endpoints of one web service.

.EXAMPLE
dotnet pwsh -File ./Invoke-AzMlRetrainingRunbook.ps1 -DataDirectory ~/azml-scratch -DataSet BreastCancer,Diabetes

From a shell, as .ci/main runs it: a list is one comma-separated argument there.

.EXAMPLE
PS> ./Invoke-AzMlRetrainingRunbook.ps1 -Endpoint http://127.0.0.1:8080 -TokenFile /var/lib/azml/admin-token

Runs the workflow against a host that is already running.
#>
[CmdletBinding(DefaultParameterSetName = 'LocalHost')]
param(
    # "A,B" as one string too: that is how `pwsh -File` passes a list.
    [Parameter()]
    [ValidateScript({ -not ($_ -split ',' | Where-Object { $_.Trim() -notin 'BreastCancer', 'Diabetes' }) },
        ErrorMessage = "'{0}' is not a data set of this runbook: give BreastCancer, Diabetes, or both.")]
    [ArgumentCompleter({ 'BreastCancer', 'Diabetes' })]
    [string[]] $DataSet = 'BreastCancer',

    [Parameter(ParameterSetName = 'LocalHost')]
    [ValidateNotNullOrEmpty()]
    [string] $DataDirectory = '~/.azml/runbook',

    [Parameter(ParameterSetName = 'ExistingHost', Mandatory)]
    [uri] $Endpoint,

    [Parameter(ParameterSetName = 'ExistingHost', Mandatory)]
    [ValidateNotNullOrEmpty()]
    [string] $TokenFile,

    [Parameter()]
    [ValidateNotNullOrEmpty()]
    [string] $ResourceGroupName = 'Default-MachineLearning-SouthCentralUS',

    [Parameter()]
    [ValidateNotNullOrEmpty()]
    [string] $DataPath,

    [Parameter(ParameterSetName = 'LocalHost')]
    [switch] $KeepHost
)

$ErrorActionPreference = 'Stop'
# The runbook prints its own steps; the batch job's progress bar would only garble a log.
$ProgressPreference = 'SilentlyContinue'
Set-StrictMode -Version 3.0

# What differs between the data sets: the files, the label, how a model is judged, and how
# the rows are cut into "known at first", "known later" and "held out".
$DataSets = @{
    BreastCancer = @{
        Folder         = 'breast-cancer'
        File           = 'breast_cancer.csv'
        Label          = 'diagnosis'
        Kind           = 'TwoClass'
        FirstRows      = 150   # the first model learns from these
        HeldOutRows    = 69    # the last rows: scored, never trained on
        TrainingName   = 'BreastCancerTraining'
        PredictiveName = 'BreastCancerPredictive'
    }
    Diabetes     = @{
        Folder         = 'diabetes'
        File           = 'diabetes.csv'
        Label          = 'progression'
        Kind           = 'Regression'
        FirstRows      = 150
        HeldOutRows    = 92
        TrainingName   = 'DiabetesTraining'
        PredictiveName = 'DiabetesPredictive'
    }
}
$Container = 'retraining'
# These jobs train in well under a second: poll them more often than the default once a second.
$PollSeconds = 0.2
$EndpointName = 'retrained1'
$Invariant = [cultureinfo]::InvariantCulture

function Write-Step([string] $Text) { Write-Host "`n== $Text" }
function Write-Figure([string] $Text) { Write-Host "   $Text" }
function Format-Number([double] $Value, [string] $Format = '0.0000') { $Value.ToString($Format, $Invariant) }

function Get-JobSeconds($Job) {
    # How long the job ran on the host, from its StartTime and EndTime (ISO 8601).
    $start = [datetimeoffset]::Parse($Job.StartTime, $Invariant)
    $end = [datetimeoffset]::Parse($Job.EndTime, $Invariant)
    ($end - $start).TotalSeconds
}

function Get-Evaluation($Job, [string] $Output) {
    # A batch job's evaluation results (Evaluate Model's one row of metrics), read from the blob
    # the job wrote.
    $blob = $Job.Results[$Output].RelativeLocation.Substring($Container.Length + 1)
    Get-AzMlBlobContent -Container $Container -Blob $blob | ConvertFrom-Csv | Select-Object -First 1
}

function Get-Score($Evaluation, [string] $Kind) {
    # The figure that decides whether a model is better: AUC, or the coefficient of determination.
    if ($Kind -eq 'TwoClass') { [double]::Parse($Evaluation.AUC, $Invariant) }
    else { [double]::Parse($Evaluation.'Coefficient of Determination', $Invariant) }
}

function Write-Evaluation([string] $When, $Evaluation, [string] $Kind) {
    if ($Kind -eq 'TwoClass') {
        Write-Figure ("AUC {0}: {1}   (accuracy {2})" -f $When,
            (Format-Number (Get-Score $Evaluation $Kind)), (Format-Number ([double]::Parse($Evaluation.Accuracy, $Invariant))))
    } else {
        Write-Figure ("R2 {0}: {1}   (RMSE {2})" -f $When,
            (Format-Number (Get-Score $Evaluation $Kind)),
            (Format-Number ([double]::Parse($Evaluation.'Root Mean Squared Error', $Invariant)) '0.00'))
    }
}

function Measure-HeldOut($Scores, $Truth, [string] $Kind) {
    # How well the answers fit the held-out rows' true labels: accuracy, or R² and RMSE.
    $n = $Truth.Count
    if ($Kind -eq 'TwoClass') {
        $right = 0
        for ($i = 0; $i -lt $n; $i++) { if ($Scores[$i].'Scored Labels' -eq $Truth[$i]) { $right++ } }
        return 'accuracy {0} ({1} of {2} right)' -f (Format-Number ($right / $n)), $right, $n
    }
    $actual = $Truth | ForEach-Object { [double]::Parse($_, $Invariant) }
    $mean = ($actual | Measure-Object -Average).Average
    $squared = 0.0; $spread = 0.0
    for ($i = 0; $i -lt $n; $i++) {
        $miss = [double]::Parse($Scores[$i].'Scored Labels', $Invariant) - $actual[$i]
        $squared += $miss * $miss
        $spread += ($actual[$i] - $mean) * ($actual[$i] - $mean)
    }
    'R2 {0}, RMSE {1}' -f (Format-Number (1 - $squared / $spread)), (Format-Number ([math]::Sqrt($squared / $n)) '0.00')
}

function Compare-Answers($Before, $After) {
    # How many rows got another answer (label, probability or value).
    $changed = 0
    for ($i = 0; $i -lt $Before.Count; $i++) {
        if (($Before[$i] | ConvertTo-Json -Compress) -ne ($After[$i] | ConvertTo-Json -Compress)) { $changed++ }
    }
    $changed
}

function Invoke-Scoring([string] $Name, $Target, $Rows) {
    # Scores the rows through the web service or endpoint's request-response API (RRS).
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    $scores = if ($Target.PSObject.TypeNames -contains 'AzMl.WebServiceEndpoint') {
        Invoke-AzMlWebService -Endpoint $Target -InputObject $Rows
    } else {
        Invoke-AzMlWebService -WebService $Target -InputObject $Rows
    }
    $scores = @($scores)
    if ($scores.Count -ne $Rows.Count) { throw "$Name answered $($scores.Count) rows for the $($Rows.Count) sent." }
    Write-Figure ('{0}: {1} rows scored in {2} ms' -f $Name, $scores.Count, $clock.ElapsedMilliseconds)
    , $scores
}

function Invoke-DataSet([string] $Key) {
    $set = $DataSets[$Key]
    $kind = $set.Kind
    $definitions = Join-Path $PSScriptRoot $set.Folder
    $prefix = $set.Folder

    # --- 2. The data: the first rows, the rows known later (a superset), the held-out rows.
    $lines = @(Get-Content -LiteralPath (Join-Path $DataPath $set.File) | Where-Object { $_ })
    $header = $lines[0]
    $records = $lines.Count - 1
    $trainable = $records - $set.HeldOutRows
    $firstData = @($header) + $lines[1..$set.FirstRows]
    $newData = @($header) + $lines[1..$trainable]
    $heldOut = @(@($header) + $lines[($trainable + 1)..$records] | ConvertFrom-Csv)
    $truth = @($heldOut | ForEach-Object { $_.($set.Label) })
    $heldOutRows = @($heldOut | Select-Object -Property * -ExcludeProperty $set.Label)

    Write-Step "[$Key] Uploading $($set.File) to the host's blob storage (Set-AzMlBlobContent)"
    Set-AzMlBlobContent -Container $Container -Blob "$prefix/data/first.csv" -Value ($firstData -join "`n") -ContentType 'text/csv' | Out-Null
    Set-AzMlBlobContent -Container $Container -Blob "$prefix/data/new.csv" -Value ($newData -join "`n") -ContentType 'text/csv' | Out-Null
    Write-Figure "$Container/$prefix/data/first.csv: the first $($set.FirstRows) rows, known when the model was first trained"
    Write-Figure "$Container/$prefix/data/new.csv: $trainable rows, the data known today"
    Write-Figure "held out for scoring: the last $($set.HeldOutRows) rows, in no training data"

    # --- 3. The training web service and the first model, trained by batch job.
    Write-Step "[$Key] Deploying the training web service $($set.TrainingName) (New-AzMlWebService)"
    $training = New-AzMlWebService -ResourceGroupName $ResourceGroupName -Name $set.TrainingName -Location 'South Central US' `
        -DefinitionFile (Join-Path $definitions 'training-service.json') -Force
    Write-Figure "provisioning state: $($training.properties.provisioningState)"

    Write-Step "[$Key] Training the first model by batch job (Invoke-AzMlBatchJob) on first.csv"
    $firstJob = Invoke-AzMlBatchJob -WebService $training -Inputs @{ input1 = "$Container/$prefix/data/first.csv" } `
        -Outputs @{ output1 = "$Container/$prefix/models/first.ilearner"; output2 = "$Container/$prefix/models/first-evaluation.csv" } `
        -PollIntervalSeconds $PollSeconds
    $firstEvaluation = Get-Evaluation $firstJob 'output2'
    Write-Figure ('job {0}: {1}, {2} s; model at {3}' -f $firstJob.JobId, $firstJob.StatusCode,
        (Format-Number (Get-JobSeconds $firstJob) '0.00'), $firstJob.Results.output1.RelativeLocation)
    Write-Evaluation 'of the first model' $firstEvaluation $kind

    # --- 4. The predictive web service on the first model; scoring; the classic endpoint.
    Write-Step "[$Key] Deploying the predictive web service $($set.PredictiveName) on the first model (Import-AzMlWebService, New-AzMlWebService)"
    $definition = Import-AzMlWebService -InputFile (Join-Path $definitions 'predictive-service.json')
    $modelAsset = $definition.properties.assets.PSObject.Properties.Value | Where-Object name -Like '*`[trained model`]'
    $modelAsset.locationInfo.uri = $firstJob.Results.output1.BaseLocation + $firstJob.Results.output1.RelativeLocation
    $predictive = New-AzMlWebService -ResourceGroupName $ResourceGroupName -Name $set.PredictiveName -Location 'South Central US' `
        -NewWebServiceDefinition $definition -Force
    Write-Figure "provisioning state: $($predictive.properties.provisioningState); '$($modelAsset.name)' at $($modelAsset.locationInfo.uri)"

    Write-Step "[$Key] Scoring the held-out rows (Invoke-AzMlWebService)"
    $scoresFirst = Invoke-Scoring $set.PredictiveName $predictive $heldOutRows
    Write-Figure "first model on the held-out rows: $(Measure-HeldOut $scoresFirst $truth $kind)"

    Write-Step "[$Key] Adding the classic endpoint '$EndpointName' to $($set.PredictiveName) (Add-AzMlWebServiceEndpoint)"
    $classic = Get-AzMlWebServiceEndpoint -WebService $predictive | Where-Object Name -EQ $EndpointName
    if ($classic) {
        # Left by an earlier run, patched with a model since: back to the web service's definition.
        $classic = Sync-AzMlWebServiceEndpoint -WebService $predictive -EndpointName $EndpointName -OverwriteResources
        Write-Figure "it existed: refreshed from the web service's definition (Sync-AzMlWebServiceEndpoint -OverwriteResources)"
    } else {
        $classic = Add-AzMlWebServiceEndpoint -WebService $predictive -EndpointName $EndpointName `
            -Description 'Serves the model of the latest retraining job' -ThrottleLevel High -MaxConcurrentCalls 20
    }
    Write-Figure "endpoint '$($classic.Name)' version $($classic.Version), its API at $($classic.ApiLocation)"
    $endpointFirst = Invoke-Scoring "endpoint $EndpointName" $classic $heldOutRows
    if ((Compare-Answers $scoresFirst $endpointFirst) -ne 0) { throw "Endpoint '$EndpointName' does not answer as the web service it was added to." }

    # --- 5. Retraining on the new data, and the evaluations compared.
    Write-Step "[$Key] Retraining by batch job (Invoke-AzMlBatchJob) on new.csv"
    $retrainJob = Invoke-AzMlBatchJob -WebService $training -Inputs @{ input1 = "$Container/$prefix/data/new.csv" } `
        -Outputs @{ output1 = "$Container/$prefix/models/retrained.ilearner"; output2 = "$Container/$prefix/models/retrained-evaluation.csv" } `
        -PollIntervalSeconds $PollSeconds
    $retrainEvaluation = Get-Evaluation $retrainJob 'output2'
    Write-Figure ('job {0}: {1}, {2} s; model at {3}' -f $retrainJob.JobId, $retrainJob.StatusCode,
        (Format-Number (Get-JobSeconds $retrainJob) '0.00'), $retrainJob.Results.output1.RelativeLocation)

    Write-Step "[$Key] Comparing the evaluations (Evaluate Model, on each job's own 20% test rows)"
    Write-Evaluation 'before retraining' $firstEvaluation $kind
    Write-Evaluation 'after retraining' $retrainEvaluation $kind
    if ((Get-Score $retrainEvaluation $kind) -lt (Get-Score $firstEvaluation $kind)) {
        Write-Figure 'The retrained model evaluates worse than the one in service: it is not swapped in.'
        return
    }
    Write-Figure 'The retrained model evaluates at least as well: swapping it in.'
    $newModelUri = $retrainJob.Results.output1.BaseLocation + $retrainJob.Results.output1.RelativeLocation

    # --- 6. New web service: Get, Export, edit the trained model's uri, Import, Update.
    Write-Step "[$Key] Swap (a), new web service: Get, Export, edit the '[trained model]' uri, Import, Update-AzMlWebService"
    $wsd = Get-AzMlWebService -ResourceGroupName $ResourceGroupName -Name $set.PredictiveName
    $oldModelUri = ($wsd.properties.assets.PSObject.Properties.Value | Where-Object name -Like '*`[trained model`]').locationInfo.uri
    $exportFile = Join-Path ([System.IO.Path]::GetTempPath()) "azml-runbook-$prefix-export.json"
    Export-AzMlWebService -WebService $wsd -OutputFile $exportFile -Force
    (Get-Content -LiteralPath $exportFile -Raw).Replace($oldModelUri, $newModelUri) | Set-Content -LiteralPath $exportFile -NoNewline
    $wsd = Import-AzMlWebService -InputFile $exportFile
    $updated = Update-AzMlWebService -ResourceGroupName $ResourceGroupName -Name $set.PredictiveName -ServiceUpdates $wsd -Force
    Remove-Item -LiteralPath $exportFile
    Write-Figure "provisioning state: $($updated.properties.provisioningState); the trained model now at $newModelUri"
    $scoresAfter = Invoke-Scoring $set.PredictiveName $updated $heldOutRows
    Write-Figure "retrained model on the held-out rows: $(Measure-HeldOut $scoresAfter $truth $kind)"
    Write-Figure "answers changed by the update: $(Compare-Answers $scoresFirst $scoresAfter) of $($heldOutRows.Count)"

    # --- 7. Classic web service: patch the added endpoint with the batch job's result.
    Write-Step "[$Key] Swap (b), classic endpoint: Update-AzMlWebServiceEndpoint '$EndpointName' with the retraining job's output1"
    $endpointBefore = Invoke-Scoring "endpoint $EndpointName, before" $classic $heldOutRows
    $classic = Update-AzMlWebServiceEndpoint -WebService $predictive -EndpointName $EndpointName -BatchJob $retrainJob
    $resource = @($classic.Resources | Where-Object Kind -EQ 'TrainedModel')[0]
    Write-Figure "endpoint '$($classic.Name)' version $($classic.Version): '$($resource.Name)' at $($resource.Location.BaseLocation)$($resource.Location.RelativeLocation)"
    $endpointAfter = Invoke-Scoring "endpoint $EndpointName, after" $classic $heldOutRows
    $changed = Compare-Answers $endpointBefore $endpointAfter
    $same = (Compare-Answers $scoresAfter $endpointAfter) -eq 0
    Write-Figure "answers changed by the patch: $changed of $($heldOutRows.Count)"
    Write-Figure "endpoint '$EndpointName' answers with the retrained model: $(if ($same) { 'yes' } else { 'no' })"
    if (-not $same) { throw "Endpoint '$EndpointName' does not answer as the web service updated with the retrained model." }

    Write-Step "[$Key] Done"
    Write-Evaluation 'before retraining' $firstEvaluation $kind
    Write-Evaluation 'after retraining' $retrainEvaluation $kind
    Write-Figure ('batch jobs: {0} s (first model, {1} rows), {2} s (retrained, {3} rows)' -f
        (Format-Number (Get-JobSeconds $firstJob) '0.00'), $set.FirstRows, (Format-Number (Get-JobSeconds $retrainJob) '0.00'), $trainable)
    Write-Figure "held-out rows scored per call: $($heldOutRows.Count); first model $(Measure-HeldOut $scoresFirst $truth $kind), retrained $(Measure-HeldOut $scoresAfter $truth $kind)"
}

$clock = [System.Diagnostics.Stopwatch]::StartNew()
$startedHost = $null
try {
    # The module this runbook ships with (AzMl/Examples/..), else one on PSModulePath that has
    # the endpoint and scoring commands (0.2.0 and later).
    $shippedWith = Join-Path $PSScriptRoot '..'
    if (Test-Path -LiteralPath (Join-Path $shippedWith 'bin/AzMl.Interop.dll')) {
        Import-Module (Join-Path $shippedWith 'AzMl.psd1')
    } else {
        Import-Module AzMl -MinimumVersion 0.2.0
    }
    if (-not $DataPath) {
        $DataPath = Join-Path $PSScriptRoot 'data'
        if (-not (Test-Path -LiteralPath $DataPath)) { $DataPath = Join-Path $PSScriptRoot '../../tests/data' }
    }
    foreach ($key in $DataSet -split ',') {
        $file = Join-Path $DataPath $DataSets[$key.Trim()].File
        if (-not (Test-Path -LiteralPath $file)) {
            throw "There is no ${file}: give -DataPath the folder that holds $($DataSets[$key.Trim()].File) (the repository's tests/data)."
        }
    }

    # --- 1. Connecting.
    if ($PSCmdlet.ParameterSetName -eq 'ExistingHost') {
        Write-Step "Connecting to the azml host at $Endpoint (Connect-AzMlAccount)"
        $token = ConvertTo-SecureString -String (Get-Content -LiteralPath $TokenFile -Raw).Trim() -AsPlainText -Force
        $context = Connect-AzMlAccount -Endpoint $Endpoint -Token $token
    } else {
        # Start-AzMlHost connects to a host already running for the directory (its host.json names
        # a live process): such a host is used, and left running.
        $readyFile = Join-Path $DataDirectory 'host.json'
        $runningBefore = if (Test-Path -LiteralPath $readyFile) { (Get-Content -LiteralPath $readyFile -Raw | ConvertFrom-Json).pid }
        Write-Step "Starting a local azml host (Start-AzMlHost -DataDirectory $DataDirectory)"
        $context = Start-AzMlHost -DataDirectory $DataDirectory
        if ($context.HostProcessId -ne $runningBefore) { $startedHost = $context }
        Write-Figure "data directory $($context.DataDirectory)$(if (-not $startedHost) { ' (its host was already running)' })"
    }
    Write-Figure "endpoint $($context.Endpoint), subscription (workspace) $($context.SubscriptionId)"

    foreach ($key in $DataSet -split ',') { Invoke-DataSet $key.Trim() }

    Write-Step ('Runbook finished in {0} s' -f (Format-Number $clock.Elapsed.TotalSeconds '0.0'))
    $exitCode = 0
} catch {
    $Host.UI.WriteErrorLine("Runbook failed: $($_.Exception.Message)")
    $Host.UI.WriteErrorLine($_.InvocationInfo.PositionMessage)
    $exitCode = 1
} finally {
    if ($startedHost -and -not $KeepHost) {
        Write-Step "Stopping the host this runbook started (Stop-AzMlHost)"
        Stop-AzMlHost -DataDirectory $startedHost.DataDirectory
    }
}
exit $exitCode
