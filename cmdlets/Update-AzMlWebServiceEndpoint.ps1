function Update-AzMlWebServiceEndpoint {
    <#
    .SYNOPSIS
    Replaces the trained model of a web service endpoint, for example with a retraining batch job's result.

    .DESCRIPTION
    Update-AzMlWebServiceEndpoint patches an endpoint's updatable resource (PATCH
    .../webservices/{id}/endpoints/{name} with {"Resources":[{"Name","Location"}]}): the host
    loads the .ilearner at the new location off to the side, checks that the graph can use it,
    and swaps it in for this endpoint only; requests in flight finish on the old model. The web
    service and its other endpoints keep theirs. The endpoint is returned after the swap.

    This is the last step of the classic retraining workflow: run the training web service by
    BES (Invoke-AzMlBatchJob), then give the job to this command (-BatchJob, or through the
    pipeline): the output whose RelativeLocation ends in .ilearner is used, with its
    BaseLocation, RelativeLocation and SasBlobToken. Or give the location yourself with
    -BaseLocation, -RelativeLocation and -SasBlobToken, as azuremlps' Patch-AmlWebServiceEndpoint
    took it.

    -ResourceName names the resource, e.g. 'Breast cancer diagnosis [trained model]'; by
    default the endpoint's only updatable resource is used (it is read first). A refused update
    changes nothing, and its ErrorId says why: DefaultEndpointNotUpdatable (add an endpoint and
    patch that one), NoUpdatableResources (an endpoint of a training web service),
    UpdatableResourceNotFound, BlobLocationExpired (read the job again for a fresh token),
    BlobLocationUnauthorized, BlobLocationNotFound, InvalidTrainedModel, ...

    .PARAMETER Endpoint
    An endpoint object from Get-AzMlWebServiceEndpoint or Add-AzMlWebServiceEndpoint.

    .PARAMETER WebService
    A web service object from Get-AzMlWebService.

    .PARAMETER ResourceGroupName
    The resource group of the web service named by -Name.

    .PARAMETER Name
    The name of the web service (its ARM name).

    .PARAMETER WebServiceId
    The classic id of the web service: the 32-hex-digit service id of its API location.

    .PARAMETER EndpointName
    The endpoint to update (not 'default': the default endpoint follows the web service).

    .PARAMETER ResourceName
    The updatable resource to replace, e.g. 'Breast cancer diagnosis [trained model]'.
    Default: the endpoint's only updatable resource.

    .PARAMETER BatchJob
    A finished batch job of the training web service (AzMl.BatchJob, from Invoke-AzMlBatchJob
    or Get-AzMlBatchJob): its trained model output gives the location.

    .PARAMETER OutputName
    The output of -BatchJob that holds the model. Default: the one whose RelativeLocation ends
    in .ilearner.

    .PARAMETER BaseLocation
    The storage URL the model is under, e.g. https://account.blob.core.windows.net/ (a BES
    result's BaseLocation).

    .PARAMETER RelativeLocation
    The model's path under -BaseLocation, e.g. container/model.ilearner.

    .PARAMETER SasBlobToken
    The shared access signature that lets the host read the model, e.g. ?sv=...&sig=... (a BES
    result's SasBlobToken). Not needed for this host's own blobs. It is never echoed or logged.

    .PARAMETER WorkspaceId
    The classic workspace: on azml-host, its subscription id (the default: the connected
    subscription, or the one the web service or endpoint object names).

    .PARAMETER AuthorizationToken
    A token to call with instead of the connection's: an admin token, or the endpoint's own
    primary or secondary key.

    .EXAMPLE
    PS> $job = Invoke-AzMlBatchJob -WebService $training -Inputs @{ input1 = 'retraining/new.csv' } `
    >>     -Outputs @{ output1 = 'retraining/model.ilearner'; output2 = 'retraining/evaluation.csv' }
    PS> $job | Update-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'retrained1'

    Retrains by BES and puts the new model into the endpoint retrained1 of the scoring service.

    .EXAMPLE
    PS> Get-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'retrained1' | Update-AzMlWebServiceEndpoint -BatchJob $job

    The same, with the endpoint from the pipeline.

    .EXAMPLE
    PS> $model = $job.Results.output1
    PS> Patch-AmlWebServiceEndpoint -WebServiceId $webServiceId -EndpointName 'retrained1' `
    >>     -ResourceName 'Breast cancer diagnosis [trained model]' -BaseLocation $model.BaseLocation `
    >>     -RelativeLocation $model.RelativeLocation -SasBlobToken $model.SasBlobToken

    The azuremlps way, as the retraining documentation has it.

    .INPUTS
    AzMl.WebServiceEndpoint, AzMl.BatchJob

    .OUTPUTS
    AzMl.WebServiceEndpoint

    .LINK
    Invoke-AzMlBatchJob

    .LINK
    Add-AzMlWebServiceEndpoint

    .LINK
    Sync-AzMlWebServiceEndpoint
    #>
    [CmdletBinding(DefaultParameterSetName = 'Endpoint', SupportsShouldProcess)]
    [Alias('Patch-AmlWebServiceEndpoint')]
    [OutputType('AzMl.WebServiceEndpoint')]
    param(
        [Parameter(ParameterSetName = 'Endpoint', Mandatory, ValueFromPipeline)]
        [PSTypeName('AzMl.WebServiceEndpoint')]
        [psobject] $Endpoint,

        [Parameter(ParameterSetName = 'WebService', Mandatory)]
        [PSTypeName('AzMl.WebService')]
        [psobject] $WebService,

        [Parameter(ParameterSetName = 'Name', Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $ResourceGroupName,

        [Parameter(ParameterSetName = 'Name', Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $Name,

        [Parameter(ParameterSetName = 'WebServiceId', Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $WebServiceId,

        [Parameter(ParameterSetName = 'WebService', Mandatory)]
        [Parameter(ParameterSetName = 'Name', Mandatory)]
        [Parameter(ParameterSetName = 'WebServiceId', Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $EndpointName,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $ResourceName,

        [Parameter(ValueFromPipeline)]
        [PSTypeName('AzMl.BatchJob')]
        [psobject] $BatchJob,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $OutputName,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $BaseLocation,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $RelativeLocation,

        [Parameter()]
        [string] $SasBlobToken,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $WorkspaceId,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string] $AuthorizationToken
    )

    process {
        $target = if ($Endpoint) { $Endpoint } else { $EndpointName }

        # Where the new model is: a batch job's output, or the three parts given. Not both.
        $given = @('BaseLocation', 'RelativeLocation', 'SasBlobToken').Where({ $PSBoundParameters.ContainsKey($_) })
        if ($BatchJob -and $given.Count -gt 0) {
            $names = (@('BatchJob') + @($given) | ForEach-Object { "-$_" }) -join ', '
            $exception = [System.ArgumentException]::new(
                "Give the model's location either as -BatchJob, or as -BaseLocation, -RelativeLocation and -SasBlobToken; not $names together.")
            $PSCmdlet.WriteError([AzMl.AzMlErrorRecords]::Create($exception, 'AmbiguousResourceLocation', 'InvalidArgument', $target))
            return
        }
        if ($BatchJob) {
            $found = [AzMl.AzMlEndpoints]::ModelOutputOfJob($BatchJob, $OutputName, $BatchJob)
            if (-not $found.Succeeded) { $PSCmdlet.WriteError($found.Error); return }
            $baseUrl = [AzMl.AzMlEndpoints]::StringOf($found.Value, 'BaseLocation')
            $relativePath = [AzMl.AzMlEndpoints]::StringOf($found.Value, 'RelativeLocation')
            $sas = [AzMl.AzMlEndpoints]::StringOf($found.Value, 'SasBlobToken')
        } elseif ($BaseLocation -and $RelativeLocation) {
            $baseUrl = $BaseLocation
            $relativePath = $RelativeLocation
            $sas = $SasBlobToken
        } else {
            $exception = [System.Management.Automation.PSArgumentException]::new(
                'Give the new model: -BatchJob (a finished retraining job), or -BaseLocation and -RelativeLocation (and -SasBlobToken when the storage needs one).')
            $PSCmdlet.WriteError([AzMl.AzMlErrorRecords]::Create($exception, 'MissingResourceLocation', 'InvalidArgument', $target))
            return
        }

        $resolved = Resolve-AzMlEndpointTarget -BoundParameters $PSBoundParameters -Cmdlet $PSCmdlet -Target $target
        if (-not $resolved) { return }
        try {
            $endpointName = $resolved.EndpointName
            $resource = $ResourceName
            if (-not $resource) {
                $current = $Endpoint
                if (-not $current) {
                    Write-Verbose "GET $($resolved.Route)/endpoints/$endpointName, for its updatable resources"
                    $read = [AzMl.AzMlEndpoints]::GetEndpoint($resolved.Connection, $resolved.WebServiceId, $endpointName, $target)
                    if (-not $read.Succeeded) { $PSCmdlet.WriteError($read.Error); return }
                    $current = $read.Value
                }
                $chosen = [AzMl.AzMlEndpoints]::ChooseResourceName($current, $null, $target)
                if (-not $chosen.Succeeded) { $PSCmdlet.WriteError($chosen.Error); return }
                $resource = [string] $chosen.Value
            }

            # The SAS token stays out of every message.
            $location = $baseUrl.TrimEnd('/') + '/' + $relativePath.TrimStart('/')
            $action = "Point resource '$resource' at $location"
            if (-not $PSCmdlet.ShouldProcess("endpoint '$endpointName' of web service '$($resolved.WebServiceId)'", $action)) { return }
            Write-Verbose "PATCH $($resolved.Route)/endpoints/$endpointName (resource '$resource' at $location)"
            $outcome = [AzMl.AzMlEndpoints]::UpdateResource($resolved.Connection, $resolved.WebServiceId, $endpointName, $resource,
                                                            $baseUrl, $relativePath, $sas, $target)
            if ($outcome.Succeeded) { $outcome.Value } else { $PSCmdlet.WriteError($outcome.Error) }
        } finally {
            $resolved.Connection.Dispose()
        }
    }
}
