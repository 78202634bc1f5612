function Get-AzMlBatchJobRequest {
    <#
    .SYNOPSIS
    The BES request JSON of Invoke- and Start-AzMlBatchJob's parameters, or $null after writing
    the error.

    .DESCRIPTION
    A whole request comes from -JobConfigString or -JobConfigFile (azuremlps' names), checked to
    be a JSON object; otherwise it is built from -Inputs, -Outputs, -GlobalParameters and
    -ConnectionString. The two ways do not mix.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [System.Collections.IDictionary] $BoundParameters,

        [Parameter()]
        [object] $Target,

        [Parameter(Mandatory)]
        [System.Management.Automation.PSCmdlet] $Cmdlet
    )

    $whole = @('JobConfigString', 'JobConfigFile').Where({ $BoundParameters.ContainsKey($_) })
    $parts = @('Inputs', 'Outputs', 'GlobalParameters', 'ConnectionString').Where({ $BoundParameters.ContainsKey($_) })
    if ($whole.Count -gt 1 -or ($whole.Count -eq 1 -and $parts.Count -gt 0)) {
        $given = (@($whole) + @($parts) | ForEach-Object { "-$_" }) -join ', '
        $exception = [System.ArgumentException]::new(
            "Give the job either as -JobConfigString or -JobConfigFile, or as -Inputs, -Outputs and -GlobalParameters; not $given together.")
        $Cmdlet.WriteError([AzMl.AzMlErrorRecords]::Create($exception, 'AmbiguousJobRequest', 'InvalidArgument', $Target))
        return $null
    }

    if ($BoundParameters.ContainsKey('JobConfigFile')) {
        $path = $BoundParameters['JobConfigFile']
        $resolved = [AzMl.AzMlOperations]::ResolvePath($ExecutionContext.SessionState, $path, $path)
        if (-not $resolved.Succeeded) { $Cmdlet.WriteError($resolved.Error); return $null }
        $json = Get-Content -LiteralPath $resolved.Value -Raw -Encoding utf8
        $checked = [AzMl.AzMlBatchJobs]::CheckRequestJson([string] $json, $path)
    } elseif ($BoundParameters.ContainsKey('JobConfigString')) {
        $checked = [AzMl.AzMlBatchJobs]::CheckRequestJson($BoundParameters['JobConfigString'], $Target)
    } else {
        $checked = [AzMl.AzMlBatchJobs]::BuildRequest($script:AzMlClient, $BoundParameters['Inputs'], $BoundParameters['Outputs'],
                                                      $BoundParameters['GlobalParameters'], $BoundParameters['ConnectionString'], $Target)
    }
    if (-not $checked.Succeeded) { $Cmdlet.WriteError($checked.Error); return $null }
    [string] $checked.Value
}
