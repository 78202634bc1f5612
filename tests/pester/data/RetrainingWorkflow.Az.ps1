# The retraining workflow of the documentation, as written (Az names), against the embedded
# host. Run by RetrainingWorkflow.Tests.ps1 in its own pwsh, whose standard input answers the
# question Update-AzMlWebService asks. The one line that is not the documentation's is the
# edit, which the documentation leaves to the reader's editor: a plain text replacement of the
# trained model's URI (AZML_TEST_OLD_URI -> AZML_TEST_NEW_URI) in the exported file.
$ErrorActionPreference = 'Stop'

Import-Module AzMl
Start-AzMlHost            # embedded default: a local azml-host on a free loopback port, connected
$wsd = Get-AzMlWebService -Name 'RetrainSamplePre' -ResourceGroupName 'Default-MachineLearning-SouthCentralUS'
Export-AzMlWebService -WebService $wsd -OutputFile ./mlservice_export.json
# edit the "[trained model]" asset's locationInfo.uri in the file
(Get-Content -Raw ./mlservice_export.json).Replace($env:AZML_TEST_OLD_URI, $env:AZML_TEST_NEW_URI) | Set-Content -NoNewline ./mlservice_export.json
$wsd = Import-AzMlWebService -InputFile ./mlservice_export.json
Update-AzMlWebService -Name 'RetrainSamplePre' -ResourceGroupName 'Default-MachineLearning-SouthCentralUS' -ServiceUpdates $wsd
