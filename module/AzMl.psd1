@{
    RootModule           = 'AzMl.psm1'
    ModuleVersion        = '0.2.0'
    CompatiblePSEditions = @('Core')
    GUID                 = '5b0c6f64-2f0e-4d53-9a53-3f6c2f1b7a01'
    Author               = 'The azml authors'
    CompanyName          = 'azml'
    Copyright            = '(c) The azml authors. All rights reserved.'
    Description          = 'Manage Azure Machine Learning Studio (classic) compatible web services on a self-hosted azml-host: get, create, update, remove, export and import web service definitions, with the parameters and AzureRM-era names of Az.MachineLearning, so that the documented retraining workflow runs as written.'
    PowerShellVersion    = '7.6'

    # The P/Invoke layer over libazml (built for .NET 10, hence PowerShell 7.6); libazml itself
    # (and azml-host) are found beside it.
    RequiredAssemblies   = @('bin/AzMl.Interop.dll')
    FormatsToProcess     = @('AzMl.Format.ps1xml')

    FunctionsToExport    = @(
        'Add-AzMlWebServiceEndpoint'
        'Connect-AzMlAccount'
        'Export-AzMlWebService'
        'Get-AzMlBatchJob'
        'Get-AzMlBlobContent'
        'Get-AzMlContext'
        'Get-AzMlWebService'
        'Get-AzMlStorageConnectionString'
        'Get-AzMlWebServiceEndpoint'
        'Get-AzMlWebServiceKey'
        'Import-AzMlWebService'
        'Invoke-AzMlBatchJob'
        'Invoke-AzMlWebService'
        'New-AzMlWebService'
        'Remove-AzMlWebService'
        'Remove-AzMlWebServiceEndpoint'
        'Set-AzMlBlobContent'
        'Start-AzMlBatchJob'
        'Start-AzMlHost'
        'Stop-AzMlBatchJob'
        'Stop-AzMlHost'
        'Sync-AzMlWebServiceEndpoint'
        'Update-AzMlWebService'
        'Update-AzMlWebServiceEndpoint'
    )
    CmdletsToExport      = @()
    VariablesToExport    = @()
    AliasesToExport      = @(
        'Add-AmlWebServiceEndpoint'
        'Export-AzureRmMlWebService'
        'Get-AmlWebServiceEndpoint'
        'Get-AzMlWebServiceKeys'
        'Get-AzureRmMlWebService'
        'Get-AzureRmMlWebServiceKeys'
        'Import-AzureRmMlWebService'
        'Invoke-AmlWebServiceRRSEndpoint'
        'New-AzureRmMlWebService'
        'Patch-AmlWebServiceEndpoint'
        'Refresh-AmlWebServiceEndpoint'
        'Remove-AmlWebServiceEndpoint'
        'Remove-AzureRmMlWebService'
        'Update-AzureRmMlWebService'
    )

    PrivateData          = @{
        PSData = @{
            Tags         = @('AzureML', 'MachineLearning', 'AzureMachineLearning', 'WebService', 'Retraining', 'ARM', 'SelfHosted', 'Linux')
            ReleaseNotes = 'First release: web service commands of Az.MachineLearning over libazml, the embedded azml-host, AzureRM aliases.'
        }
    }
}
