function Invoke-AzMlBatchJob {
    <#
    .SYNOPSIS
    Runs a batch job on a web service and waits for its results.

    .DESCRIPTION
    Invoke-AzMlBatchJob does what the Azure ML Studio portal's sample batch client did: it
    submits a job to the web service's Batch Execution Service (BES), starts it, watches it
    (with a progress bar) until it ends, and returns the job with the location of each output.
    This is how a retraining web service produces a new trained model (.ilearner) and its
    evaluation results; "only BES can create trained models".

    The service is named by a web service object (-WebService, for example from
    Get-AzMlWebService; its key is read through the connection) or by its API location and key
    (-ApiLocation, -ApiKey). Inputs and outputs are blobs: give each as "container/blob" in the
    storage of -ConnectionString (by default the connected host's own storage account), or as a
    hashtable with ConnectionString and RelativeLocation (or BaseLocation and SasBlobToken) as
    BES takes them. -JobConfigString or -JobConfigFile send a whole BES request instead.

    A job that fails writes an error (ErrorId BatchJobFailed) whose message is the job's
    Details. Pressing Ctrl+C, or reaching -TimeoutSeconds, cancels the job on the service.

    .PARAMETER WebService
    A web service object (from Get-AzMlWebService) whose swaggerLocation gives the API location.

    .PARAMETER ApiLocation
    The service's API location, https://<host>/workspaces/<workspace>/services/<service id>.
    The submit URL (.../jobs?api-version=2.0) and the RRS URL are accepted too.

    .PARAMETER ApiKey
    The service's primary or secondary key. With -WebService it is read through the connection;
    with -ApiLocation it is needed once per session and service.

    .PARAMETER Inputs
    The job's inputs by name, e.g. @{ input1 = 'retraining/new-data.csv' }.

    .PARAMETER Outputs
    The job's outputs by name, e.g. @{ output1 = 'retraining/model.ilearner'; output2 = 'retraining/evaluation.csv' }.
    A trained model's location must end in .ilearner. Outputs not given are written beside the
    first input, under a folder named after the job.

    .PARAMETER GlobalParameters
    The web service parameters of the job, e.g. @{ 'Number of trees' = 50 }.

    .PARAMETER ConnectionString
    The storage connection string for inputs and outputs given as "container/blob".

    .PARAMETER JobConfigString
    A whole BES request as JSON: {"Inputs":{...},"Outputs":{...},"GlobalParameters":{...}}.

    .PARAMETER JobConfigFile
    A file holding a whole BES request as JSON.

    .PARAMETER TimeoutSeconds
    How long to wait for the job to end; when it has not, it is cancelled and an error
    (ErrorId BatchJobTimedOut) is written. By default there is no limit.

    .PARAMETER PollIntervalSeconds
    How often to read the job's status (default 1 second, as the portal's sample did).

    .EXAMPLE
    PS> $training = Get-AzMlWebService -ResourceGroupName 'rg' -Name 'BreastCancerTraining'
    PS> Set-AzMlBlobContent -Container 'retraining' -Blob 'new.csv' -File ./new.csv | Out-Null
    PS> $job = Invoke-AzMlBatchJob -WebService $training -Inputs @{ input1 = 'retraining/new.csv' } `
    >>     -Outputs @{ output1 = 'retraining/model.ilearner'; output2 = 'retraining/evaluation.csv' }
    PS> $job.Results.output1.Uri

    Retrains a service on new data in the local host's storage and shows where the new model is.

    .EXAMPLE
    PS> Invoke-AzMlBatchJob -ApiLocation $apiLocation -ApiKey $key -JobConfigFile ./job.json -TimeoutSeconds 600

    Runs a job described in a BES request file, giving up (and cancelling it) after ten minutes.

    .INPUTS
    AzMl.WebService

    .OUTPUTS
    AzMl.BatchJob

    .LINK
    Start-AzMlBatchJob

    .LINK
    Get-AzMlBatchJob
    #>
    [CmdletBinding(DefaultParameterSetName = 'WebService', SupportsShouldProcess)]
    [OutputType('AzMl.BatchJob')]
    param(
        [Parameter(ParameterSetName = 'WebService', Mandatory, ValueFromPipeline)]
        [ValidateNotNull()]
        [object] $WebService,

        [Parameter(ParameterSetName = 'ApiLocation', Mandatory)]
        [Alias('SubmitJobRequestUrl')]
        [ValidateNotNullOrEmpty()]
        [string] $ApiLocation,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $ApiKey,

        [Parameter()]
        [System.Collections.IDictionary] $Inputs,

        [Parameter()]
        [System.Collections.IDictionary] $Outputs,

        [Parameter()]
        [System.Collections.IDictionary] $GlobalParameters,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $ConnectionString,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $JobConfigString,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $JobConfigFile,

        [Parameter()]
        [ValidateRange(1, 2592000)]
        [int] $TimeoutSeconds,

        [Parameter()]
        [ValidateRange(0.05, 60)]
        [double] $PollIntervalSeconds = 1
    )

    process {
        $target = if ($WebService) { $WebService } else { $ApiLocation }
        $request = Get-AzMlBatchJobRequest -BoundParameters $PSBoundParameters -Target $target -Cmdlet $PSCmdlet
        if ($null -eq $request) { return }
        $opened = [AzMl.AzMlBatchJobs]::Open($script:AzMlClient, $WebService, $ApiLocation, $ApiKey, $target)
        if (-not $opened.Succeeded) { $PSCmdlet.WriteError($opened.Error); return }
        $endpoint = $opened.Value
        $jobId = $null
        $ended = $false
        try {
            if (-not $PSCmdlet.ShouldProcess($endpoint.ApiLocation, 'Submit and run a batch job')) { return }
            Write-Verbose "POST $($endpoint.ApiLocation)/jobs"
            $submitted = [AzMl.AzMlBatchJobs]::Submit($endpoint, $request, $target)
            if (-not $submitted.Succeeded) { $PSCmdlet.WriteError($submitted.Error); return }
            $jobId = [string] $submitted.Value
            Write-Verbose "POST $($endpoint.ApiLocation)/jobs/$jobId/start"
            $started = [AzMl.AzMlBatchJobs]::Start($endpoint, $jobId, $jobId)
            if (-not $started.Succeeded) { $ended = $true; $PSCmdlet.WriteError($started.Error); return }

            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $activity = "Batch job $jobId"
            while ($true) {
                $read = [AzMl.AzMlBatchJobs]::GetJob($endpoint, $jobId, $jobId)
                # A job that cannot be read is left as it is: the error says which, to read it later.
                if (-not $read.Succeeded) { $ended = $true; $PSCmdlet.WriteError($read.Error); return }
                $job = $read.Value
                if ([AzMl.AzMlBatchJobs]::IsEnded($job.StatusCode)) { $ended = $true; break }
                Write-Progress -Activity $activity -Status ('{0}, {1:hh\:mm\:ss} elapsed' -f $job.StatusCode, $clock.Elapsed)
                if ($TimeoutSeconds -and $clock.Elapsed.TotalSeconds -ge $TimeoutSeconds) {
                    Write-Verbose "DELETE $($endpoint.ApiLocation)/jobs/$jobId (timed out)"
                    $cancelled = [AzMl.AzMlBatchJobs]::Cancel($endpoint, $jobId, $jobId)
                    $ended = $cancelled.Succeeded
                    if (-not $cancelled.Succeeded) { $PSCmdlet.WriteError($cancelled.Error) }
                    $PSCmdlet.WriteError([AzMl.AzMlBatchJobs]::TimeoutError($job, $TimeoutSeconds))
                    return
                }
                Start-Sleep -Milliseconds ([int] ($PollIntervalSeconds * 1000))
            }
            Write-Progress -Activity $activity -Completed
            if ($job.StatusCode -eq 'Finished') { $job } else { $PSCmdlet.WriteError([AzMl.AzMlBatchJobs]::EndedError($job)) }
        } finally {
            # Ctrl+C stops the pipeline in the middle of the loop: the job must not go on running
            # unwatched. Nothing may be written here, the pipeline may be stopping.
            if ($jobId -and -not $ended) { $null = [AzMl.AzMlBatchJobs]::Cancel($endpoint, $jobId, $jobId) }
            $endpoint.Dispose()
        }
    }
}
