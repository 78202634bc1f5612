function Get-AzMlBatchJob {
    <#
    .SYNOPSIS
    Gets a batch job's status and results, or a web service's recent batch jobs.

    .DESCRIPTION
    Get-AzMlBatchJob reads a job of a web service's Batch Execution Service (BES): its
    StatusCode (NotStarted, Running, Failed, Cancelled or Finished), the Details of a failure,
    and, once Finished, the location of each output with a read token made afresh for this call
    (a token that expired is replaced by reading the job again). Without -JobId it lists the
    service's most recent jobs, oldest first.

    A job object from Start-AzMlBatchJob or Invoke-AzMlBatchJob can come down the pipeline: its
    ApiLocation and JobId say which job to read.

    .PARAMETER WebService
    A web service object (from Get-AzMlWebService) whose swaggerLocation gives the API location.

    .PARAMETER ApiLocation
    The service's API location, https://<host>/workspaces/<workspace>/services/<service id>.

    .PARAMETER ApiKey
    The service's primary or secondary key; needed with -ApiLocation only when no command of this
    session used the service before.

    .PARAMETER JobId
    The job's id. Without it, the service's recent jobs are listed.

    .EXAMPLE
    PS> Get-AzMlBatchJob -WebService $training -JobId $job.JobId

    Reads one job.

    .EXAMPLE
    PS> $job | Get-AzMlBatchJob | Select-Object -ExpandProperty Results

    Reads again the job from Start-AzMlBatchJob, and shows its outputs.

    .EXAMPLE
    PS> Get-AzMlBatchJob -WebService $training | Where-Object StatusCode -eq 'Failed'

    Lists the service's failed jobs.

    .INPUTS
    AzMl.BatchJob

    .OUTPUTS
    AzMl.BatchJob

    .LINK
    Start-AzMlBatchJob

    .LINK
    Stop-AzMlBatchJob
    #>
    [CmdletBinding(DefaultParameterSetName = 'ApiLocation')]
    [OutputType('AzMl.BatchJob')]
    param(
        [Parameter(ParameterSetName = 'WebService', Mandatory)]
        [ValidateNotNull()]
        [object] $WebService,

        [Parameter(ParameterSetName = 'ApiLocation', Mandatory, ValueFromPipelineByPropertyName)]
        [ValidateNotNullOrEmpty()]
        [string] $ApiLocation,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $ApiKey,

        [Parameter(ValueFromPipelineByPropertyName)]
        [ValidateNotNullOrEmpty()]
        [string] $JobId
    )

    process {
        $target = if ($JobId) { $JobId } elseif ($WebService) { $WebService } else { $ApiLocation }
        $opened = [AzMl.AzMlBatchJobs]::Open($script:AzMlClient, $WebService, $ApiLocation, $ApiKey, $target)
        if (-not $opened.Succeeded) { $PSCmdlet.WriteError($opened.Error); return }
        $endpoint = $opened.Value
        try {
            if ($JobId) {
                Write-Verbose "GET $($endpoint.ApiLocation)/jobs/$JobId"
                $read = [AzMl.AzMlBatchJobs]::GetJob($endpoint, $JobId, $target)
            } else {
                Write-Verbose "GET $($endpoint.ApiLocation)/jobs"
                $read = [AzMl.AzMlBatchJobs]::ListJobs($endpoint, $target)
            }
            if ($read.Succeeded) { $read.Value } else { $PSCmdlet.WriteError($read.Error) }
        } finally {
            $endpoint.Dispose()
        }
    }
}
