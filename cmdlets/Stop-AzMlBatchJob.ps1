function Stop-AzMlBatchJob {
    <#
    .SYNOPSIS
    Cancels a batch job.

    .DESCRIPTION
    Stop-AzMlBatchJob cancels a job of a web service's Batch Execution Service (BES) that has not
    ended: a job not yet started never runs, a running one stops at its next step (between two
    boosting rounds while it trains) and writes no outputs. Its StatusCode becomes Cancelled. A
    job that already ended is left as it is. The job may come down the pipeline from
    Start-AzMlBatchJob or Get-AzMlBatchJob.

    .PARAMETER WebService
    A web service object (from Get-AzMlWebService) whose swaggerLocation gives the API location.

    .PARAMETER ApiLocation
    The service's API location, https://<host>/workspaces/<workspace>/services/<service id>.

    .PARAMETER ApiKey
    The service's primary or secondary key; needed with -ApiLocation only when no command of this
    session used the service before.

    .PARAMETER JobId
    The job to cancel.

    .PARAMETER PassThru
    Returns the job as it is after the cancellation.

    .EXAMPLE
    PS> $job | Stop-AzMlBatchJob -PassThru

    Cancels the job from Start-AzMlBatchJob and shows it, Cancelled.

    .EXAMPLE
    PS> Get-AzMlBatchJob -WebService $training | Where-Object StatusCode -eq 'Running' | Stop-AzMlBatchJob -WhatIf

    Shows which running jobs of a service would be cancelled.

    .INPUTS
    AzMl.BatchJob

    .OUTPUTS
    AzMl.BatchJob

    .LINK
    Start-AzMlBatchJob
    #>
    [CmdletBinding(DefaultParameterSetName = 'ApiLocation', SupportsShouldProcess, ConfirmImpact = 'Medium')]
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

        [Parameter(Mandatory, ValueFromPipelineByPropertyName)]
        [ValidateNotNullOrEmpty()]
        [string] $JobId,

        [Parameter()]
        [switch] $PassThru
    )

    process {
        $opened = [AzMl.AzMlBatchJobs]::Open($script:AzMlClient, $WebService, $ApiLocation, $ApiKey, $JobId)
        if (-not $opened.Succeeded) { $PSCmdlet.WriteError($opened.Error); return }
        $endpoint = $opened.Value
        try {
            if (-not $PSCmdlet.ShouldProcess("batch job $JobId of $($endpoint.ApiLocation)", 'Cancel')) { return }
            Write-Verbose "DELETE $($endpoint.ApiLocation)/jobs/$JobId"
            $cancelled = [AzMl.AzMlBatchJobs]::Cancel($endpoint, $JobId, $JobId)
            if (-not $cancelled.Succeeded) { $PSCmdlet.WriteError($cancelled.Error); return }
            if ($PassThru) {
                $read = [AzMl.AzMlBatchJobs]::GetJob($endpoint, $JobId, $JobId)
                if ($read.Succeeded) { $read.Value } else { $PSCmdlet.WriteError($read.Error) }
            }
        } finally {
            $endpoint.Dispose()
        }
    }
}
