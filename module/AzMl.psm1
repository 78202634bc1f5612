# The AzMl root module.
#
# The commands are written one per file (the repository's cmdlets/ folder, helpers in
# module/Private/). The build (BuildRootModule.cmake) copies them, in that order, into the
# region below of the staged AzMl.psm1, so that Import-Module reads and parses one file: that
# is measurably faster than dot-sourcing a dozen. Everything the commands do goes through
# AzMl.Interop.dll, the P/Invoke layer over libazml, which the manifest loads first.

$script:AzMlModuleRoot = $PSScriptRoot

# The session's connection: the libazml client and the context Get-AzMlContext shows.
$script:AzMlClient = $null
$script:AzMlContext = $null

# The build sets this to the commands' names (the file names of cmdlets/).
$AzMlPublicCommands = @()

#region Commands
#endregion

Export-ModuleMember -Function $AzMlPublicCommands -Alias '*'

# Removing the module frees the native client; a host it started keeps running until
# Stop-AzMlHost or the end of the PowerShell process.
$ExecutionContext.SessionState.Module.OnRemove = {
    if ($null -ne $script:AzMlClient) { $script:AzMlClient.Dispose() }
}
