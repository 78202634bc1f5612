function Confirm-AzMlContinue {
    <#
    .SYNOPSIS
    Asks the caller's ShouldContinue question; $true to go ahead.

    .DESCRIPTION
    When the session cannot prompt (pwsh -NonInteractive, a runbook), the caller gets one
    error record, ConfirmationUnavailable, that says to pass -Force, and $false.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory)]
        [System.Management.Automation.PSCmdlet] $Cmdlet,

        [Parameter(Mandatory)]
        [string] $Query,

        [object] $Target
    )

    $answer = [AzMl.AzMlOperations]::ShouldContinue($Cmdlet, $Query, $Target)
    if ($answer.Succeeded) { return [bool]$answer.Value }
    $Cmdlet.WriteError($answer.Error)
    $false
}
