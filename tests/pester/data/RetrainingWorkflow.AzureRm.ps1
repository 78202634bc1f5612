# The 2016 version of the retraining workflow, with the AzureRM names, against the embedded
# host (Start-AzMlHost takes the place of Add-AzureRmAccount). Run by
# RetrainingWorkflow.Tests.ps1 in its own pwsh, whose standard input answers the question
# Update-AzureRmMlWebService asks. The edit, left to the reader's editor in the documentation,
# is a plain text replacement of the trained model's URI in the exported file.
$ErrorActionPreference = 'Stop'

Import-Module AzMl
Start-AzMlHost
$wsd = Get-AzureRmMlWebService -Name 'RetrainSamplePre' -ResourceGroupName 'Default-MachineLearning-SouthCentralUS'
Export-AzureRmMlWebService -WebService $wsd -OutputFile ./mlservice_export.json
# edit the "[trained model]" asset's locationInfo.uri in the file
(Get-Content -Raw ./mlservice_export.json).Replace($env:AZML_TEST_OLD_URI, $env:AZML_TEST_NEW_URI) | Set-Content -NoNewline ./mlservice_export.json
$wsd = Import-AzureRmMlWebService -InputFile ./mlservice_export.json
Update-AzureRmMlWebService -Name 'RetrainSamplePre' -ResourceGroupName 'Default-MachineLearning-SouthCentralUS' -ServiceUpdates $wsd
