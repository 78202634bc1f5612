function Start-AzMlBatchJob {
    <#
    .SYNOPSIS
    Submits and starts a batch job on a web service, without waiting for it.

    .DESCRIPTION
    Start-AzMlBatchJob submits a job to the web service's Batch Execution Service (BES) and
    starts it, then returns the job (StatusCode Running) at once: for runbooks that poll the job
    themselves with Get-AzMlBatchJob and may stop it with Stop-AzMlBatchJob. With -NoStart the
    job is only submitted (StatusCode NotStarted).

    The service, inputs, outputs and parameters are given as for Invoke-AzMlBatchJob.

    .PARAMETER WebService
    A web service object (from Get-AzMlWebService) whose swaggerLocation gives the API location.

    .PARAMETER ApiLocation
    The service's API location, https://<host>/workspaces/<workspace>/services/<service id>.
    The submit URL (.../jobs?api-version=2.0) is accepted too.

    .PARAMETER ApiKey
    The service's primary or secondary key. With -WebService it is read through the connection;
    with -ApiLocation it is needed once per session and service.

    .PARAMETER Inputs
    The job's inputs by name, e.g. @{ input1 = 'retraining/new-data.csv' }.

    .PARAMETER Outputs
    The job's outputs by name, e.g. @{ output1 = 'retraining/model.ilearner' }.

    .PARAMETER GlobalParameters
    The web service parameters of the job.

    .PARAMETER ConnectionString
    The storage connection string for inputs and outputs given as "container/blob"; by default
    the connected host's storage account.

    .PARAMETER JobConfigString
    A whole BES request as JSON.

    .PARAMETER JobConfigFile
    A file holding a whole BES request as JSON.

    .PARAMETER NoStart
    Submits the job without starting it.

    .EXAMPLE
    PS> $job = Start-AzMlBatchJob -WebService $training -Inputs @{ input1 = 'retraining/new.csv' } `
    >>     -Outputs @{ output1 = 'retraining/model.ilearner'; output2 = 'retraining/evaluation.csv' }
    PS> while (($job = $job | Get-AzMlBatchJob).StatusCode -in 'NotStarted', 'Running') { Start-Sleep -Seconds 5 }
    PS> $job.StatusCode

    Starts a retraining job and polls it until it ends.

    .INPUTS
    AzMl.WebService

    .OUTPUTS
    AzMl.BatchJob

    .LINK
    Invoke-AzMlBatchJob

    .LINK
    Get-AzMlBatchJob

    .LINK
    Stop-AzMlBatchJob
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
        [switch] $NoStart
    )

    process {
        $target = if ($WebService) { $WebService } else { $ApiLocation }
        $request = Get-AzMlBatchJobRequest -BoundParameters $PSBoundParameters -Target $target -Cmdlet $PSCmdlet
        if ($null -eq $request) { return }
        $opened = [AzMl.AzMlBatchJobs]::Open($script:AzMlClient, $WebService, $ApiLocation, $ApiKey, $target)
        if (-not $opened.Succeeded) { $PSCmdlet.WriteError($opened.Error); return }
        $endpoint = $opened.Value
        try {
            $action = if ($NoStart) { 'Submit a batch job' } else { 'Submit and start a batch job' }
            if (-not $PSCmdlet.ShouldProcess($endpoint.ApiLocation, $action)) { return }
            Write-Verbose "POST $($endpoint.ApiLocation)/jobs"
            $submitted = [AzMl.AzMlBatchJobs]::Submit($endpoint, $request, $target)
            if (-not $submitted.Succeeded) { $PSCmdlet.WriteError($submitted.Error); return }
            $jobId = [string] $submitted.Value
            if (-not $NoStart) {
                Write-Verbose "POST $($endpoint.ApiLocation)/jobs/$jobId/start"
                $started = [AzMl.AzMlBatchJobs]::Start($endpoint, $jobId, $jobId)
                if (-not $started.Succeeded) { $PSCmdlet.WriteError($started.Error); return }
            }
            $read = [AzMl.AzMlBatchJobs]::GetJob($endpoint, $jobId, $jobId)
            if ($read.Succeeded) { $read.Value } else { $PSCmdlet.WriteError($read.Error) }
        } finally {
            $endpoint.Dispose()
        }
    }
}
