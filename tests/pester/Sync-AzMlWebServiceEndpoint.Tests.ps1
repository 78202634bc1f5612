BeforeAll {
    . (Join-Path $PSScriptRoot 'AzMlTestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'AzMlEndpointTestHelpers.ps1')
    $script:context = Start-AzMlTestHost
    $script:resourceGroup = New-AzMlTestName -Prefix 'rg'
    $script:v1 = Get-AzMlTestModelLocation -Version v1
    $script:v2 = Get-AzMlTestModelLocation -Version v2

    function New-ScoringService {
        New-AzMlTestPredictiveService -ResourceGroupName $resourceGroup
    }

    function Update-ServiceDescription {
        # A new serving revision of the web service (same model).
        param($WebService, [string] $Description = ('revision ' + [guid]::NewGuid().ToString('N').Substring(0, 6)))
        Update-AzMlWebService -ResourceGroupName $resourceGroup -Name $WebService.name -Description $Description -Force -ErrorAction Stop | Out-Null
    }

    function Update-ServiceModel {
        # Points the web service itself at another test model.
        param($WebService, [string] $Uri)
        $assets = @{}
        foreach ($asset in $WebService.properties.assets.PSObject.Properties) { $assets[$asset.Name] = $asset.Value }
        $assets['asset3'].locationInfo.uri = $Uri
        Update-AzMlWebService -ResourceGroupName $resourceGroup -Name $WebService.name -Assets $assets -Force -ErrorAction Stop | Out-Null
    }

    function Invoke-SyncCapturingInformation {
        # Sync-AzMlWebServiceEndpoint's output and its information messages.
        param([Parameter(ValueFromPipeline)] $Endpoint, [switch] $OverwriteResources)
        process {
            $all = Sync-AzMlWebServiceEndpoint -Endpoint $Endpoint -OverwriteResources:$OverwriteResources -ErrorAction Stop 6>&1
            [pscustomobject]@{
                Endpoint    = $all | Where-Object { $_ -isnot [System.Management.Automation.InformationRecord] }
                Information = @($all | Where-Object { $_ -is [System.Management.Automation.InformationRecord] } | ForEach-Object { [string] $_.MessageData })
            }
        }
    }
}

AfterAll {
    Stop-AzMlTestHost -Context $script:context
}

Describe 'Sync-AzMlWebServiceEndpoint' {
    It 'changes nothing when the endpoint already serves the web service''s revision, and says so' {
        $scoring = New-ScoringService
        $endpoint = Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'fresh' -ErrorAction Stop
        $synced = $endpoint | Invoke-SyncCapturingInformation
        $synced.Endpoint.PSTypeNames[0] | Should -Be 'AzMl.WebServiceEndpoint'
        $synced.Endpoint.Version | Should -Be '1'
        $synced.Information | Should -Be @("Endpoint 'fresh' is already up to date (no change detected).")
    }

    It 'says the default endpoint is always up to date' {
        $scoring = New-ScoringService
        $synced = Get-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'default' | Invoke-SyncCapturingInformation
        $synced.Information | Should -Be @("Endpoint 'default' is already up to date (no change detected).")
    }

    It 'moves the endpoint to the web service''s new revision, keeping its updated model' {
        $scoring = New-ScoringService
        $endpoint = Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'retrained' -ErrorAction Stop |
            Update-AzMlWebServiceEndpoint -BaseLocation $v2.BaseLocation -RelativeLocation $v2.RelativeLocation -ErrorAction Stop
        $scoresV2 = Get-AzMlTestScores $endpoint
        Update-ServiceDescription $scoring 'Moved on'
        $synced = $endpoint | Invoke-SyncCapturingInformation
        $synced.Information | Should -BeNullOrEmpty
        $synced.Endpoint.Version | Should -Be '3'
        $synced.Endpoint.Resources[0].Location.RelativeLocation | Should -Be $v2.RelativeLocation
        Get-AzMlTestScores $synced.Endpoint | Should -Be $scoresV2
    }

    It 'replaces the updated model by the web service''s with -OverwriteResources' {
        $scoring = New-ScoringService
        $scoresV1 = Get-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'default' | Get-AzMlTestScores
        $endpoint = Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'overwrite' -ErrorAction Stop |
            Update-AzMlWebServiceEndpoint -BaseLocation $v2.BaseLocation -RelativeLocation $v2.RelativeLocation -ErrorAction Stop
        Get-AzMlTestScores $endpoint | Should -Not -Be $scoresV1
        $synced = $endpoint | Invoke-SyncCapturingInformation -OverwriteResources
        $synced.Endpoint.Resources[0].Location.RelativeLocation | Should -Be $v1.RelativeLocation
        Get-AzMlTestScores $synced.Endpoint | Should -Be $scoresV1
    }

    It 'follows the web service''s own model change only when refreshed' {
        $scoring = New-ScoringService
        $endpoint = Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'follower' -ErrorAction Stop
        $before = Get-AzMlTestScores $endpoint
        Update-ServiceModel $scoring $script:AzMlTestModelUris['v2']
        Get-AzMlTestScores $endpoint | Should -Be $before
        $synced = Sync-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'follower'
        Get-AzMlTestScores $synced | Should -Be (Get-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'default' | Get-AzMlTestScores)
        Get-AzMlTestScores $synced | Should -Not -Be $before
    }

    It 'is Refresh-AmlWebServiceEndpoint with -WebServiceId, and finds the web service by -Name too' {
        $scoring = New-ScoringService
        Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'azuremlps' -ErrorAction Stop | Out-Null
        Update-ServiceDescription $scoring
        (Refresh-AmlWebServiceEndpoint -WebServiceId (Get-AzMlTestClassicId $scoring) -EndpointName 'azuremlps').Version | Should -Be '2'
        Update-ServiceDescription $scoring
        (Sync-AzMlWebServiceEndpoint -ResourceGroupName $resourceGroup -Name $scoring.name -EndpointName 'azuremlps').Version | Should -Be '3'
    }

    It 'says which call it makes with -Verbose' {
        $scoring = New-ScoringService
        $endpoint = Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'verbose' -ErrorAction Stop
        $verbose = $endpoint | Sync-AzMlWebServiceEndpoint -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match "POST workspaces/.+/webservices/$(Get-AzMlTestClassicId $scoring)/endpoints/verbose/refresh"
    }
}

Describe 'Sync-AzMlWebServiceEndpoint refusals change nothing' {
    It 'writes EndpointUpdatePrevented for an endpoint added with -PreventUpdate' {
        $scoring = New-ScoringService
        $endpoint = Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'pinned' -PreventUpdate -ErrorAction Stop
        Update-ServiceDescription $scoring
        $endpoint | Sync-AzMlWebServiceEndpoint -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'EndpointUpdatePrevented,Sync-AzMlWebServiceEndpoint'
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        (Get-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'pinned').Version | Should -Be '1'
    }

    It 'writes EndpointNotFound for an endpoint that does not exist' {
        $scoring = New-ScoringService
        Sync-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'nothere' -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'EndpointNotFound,Sync-AzMlWebServiceEndpoint'
    }

    It 'refreshes nothing with -WhatIf' {
        $scoring = New-ScoringService
        $endpoint = Add-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'whatif' -ErrorAction Stop
        Update-ServiceDescription $scoring
        $endpoint | Sync-AzMlWebServiceEndpoint -WhatIf | Should -BeNullOrEmpty
        (Get-AzMlWebServiceEndpoint -WebService $scoring -EndpointName 'whatif').Version | Should -Be '1'
    }
}
