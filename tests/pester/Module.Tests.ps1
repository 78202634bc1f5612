# The module as a whole: manifest, exports, help on every command, the error table and the
# JSON converter's promises (which every command relies on).

BeforeDiscovery {
    $script:commandFiles = Get-ChildItem -Path (Join-Path $PSScriptRoot '../../cmdlets') -Filter '*.ps1'
    $script:commandNames = $commandFiles | ForEach-Object { $_.BaseName }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'AzMlTestHelpers.ps1')
    Import-Module AzMl -Force
    $script:module = Get-Module AzMl
    $script:stagedManifest = Join-Path $module.ModuleBase 'AzMl.psd1'
}

Describe 'The AzMl manifest' {
    It 'is a valid module manifest' {
        { Test-ModuleManifest -Path $stagedManifest -ErrorAction Stop } | Should -Not -Throw
    }

    It 'lists its exports explicitly, without wildcards' {
        $manifest = Import-PowerShellDataFile -Path $stagedManifest
        foreach ($key in 'FunctionsToExport', 'CmdletsToExport', 'AliasesToExport', 'VariablesToExport') {
            $manifest.ContainsKey($key) | Should -BeTrue -Because "$key must be explicit"
            @($manifest[$key]) -join ',' | Should -Not -Match '\*'
        }
    }

    It 'has a version, a description and tags' {
        $manifest = Import-PowerShellDataFile -Path $stagedManifest
        [version]$manifest.ModuleVersion | Should -BeGreaterThan ([version]'0.0.0')
        $manifest.Description | Should -Not -BeNullOrEmpty
        $manifest.PrivateData.PSData.Tags | Should -Contain 'AzureML'
    }

    It 'exports exactly one function per file of cmdlets/' {
        $exported = $module.ExportedFunctions.Keys | Sort-Object
        $exported | Should -Be ($commandNames | Sort-Object)
    }

    It 'exports the Az and AzureRM aliases' {
        $aliases = $module.ExportedAliases
        $aliases['Get-AzMlWebServiceKeys'].ResolvedCommandName | Should -Be 'Get-AzMlWebServiceKey'
        foreach ($verb in 'Get', 'New', 'Update', 'Remove', 'Export', 'Import') {
            $aliases["$verb-AzureRmMlWebService"].ResolvedCommandName | Should -Be "$verb-AzMlWebService"
        }
        $aliases['Get-AzureRmMlWebServiceKeys'].ResolvedCommandName | Should -Be 'Get-AzMlWebServiceKey'
    }

    It 'exports the azuremlps names of the classic endpoint commands as aliases' {
        $aliases = $module.ExportedAliases
        $aliases['Get-AmlWebServiceEndpoint'].ResolvedCommandName | Should -Be 'Get-AzMlWebServiceEndpoint'
        $aliases['Add-AmlWebServiceEndpoint'].ResolvedCommandName | Should -Be 'Add-AzMlWebServiceEndpoint'
        $aliases['Remove-AmlWebServiceEndpoint'].ResolvedCommandName | Should -Be 'Remove-AzMlWebServiceEndpoint'
        $aliases['Patch-AmlWebServiceEndpoint'].ResolvedCommandName | Should -Be 'Update-AzMlWebServiceEndpoint'
        $aliases['Refresh-AmlWebServiceEndpoint'].ResolvedCommandName | Should -Be 'Sync-AzMlWebServiceEndpoint'
        $aliases['Invoke-AmlWebServiceRRSEndpoint'].ResolvedCommandName | Should -Be 'Invoke-AzMlWebService'
    }

    It 'exports every alias its manifest lists, and no other' {
        $manifest = Import-PowerShellDataFile -Path $stagedManifest
        ($module.ExportedAliases.Keys | Sort-Object) -join ',' | Should -Be (($manifest.AliasesToExport | Sort-Object) -join ',')
        ($module.ExportedFunctions.Keys | Sort-Object) -join ',' | Should -Be (($manifest.FunctionsToExport | Sort-Object) -join ',')
    }

    It 'finds libazml beside its assembly and reports its version' {
        $assemblyDirectory = Split-Path -Parent ([AzMl.AzMlClient].Assembly.Location)
        $assemblyDirectory | Should -Be (Join-Path $module.ModuleBase 'bin')
        Test-Path (Join-Path $assemblyDirectory 'libazml.so.0') | Should -BeTrue
        Test-Path (Join-Path $assemblyDirectory 'azml-host') | Should -BeTrue
    }

    It 'has an about_AzMl help topic' {
        Test-Path (Join-Path $module.ModuleBase 'en-US/about_AzMl.help.txt') | Should -BeTrue
        (Get-Help about_AzMl | Out-String) | Should -Match 'retraining workflow'
    }
}

Describe 'Command <_>' -ForEach $commandNames {
    BeforeAll {
        $script:command = Get-Command -Name $_ -Module AzMl
        $script:help = Get-Help -Name $_ -Full
    }

    It 'uses an approved verb and the AzMl noun prefix' {
        (Get-Verb).Verb | Should -Contain $command.Verb
        $command.Noun | Should -BeLike 'AzMl*'
    }

    It 'has a synopsis, a description and at least one example' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike "$_*"   # not the generated syntax line
        ($help.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty
        @($help.Examples.Example).Count | Should -BeGreaterThan 0
    }

    It 'documents every parameter' {
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters +
            [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        # get_Keys(): Update-AzMlWebService has a -Keys parameter, which .Keys would index.
        foreach ($parameter in $command.Parameters.get_Keys() | Where-Object { $_ -notin $common }) {
            $parameterHelp = $help.Parameters.Parameter | Where-Object Name -EQ $parameter
            ($parameterHelp.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$parameter needs help"
        }
    }

    It 'supports -WhatIf and -Confirm when it changes state' {
        # Invoke-AzMlBatchJob submits and runs a job; Add- and Sync-AzMlWebServiceEndpoint add and
        # refresh endpoints; Invoke-AzMlWebService supports -WhatIf too (ConfirmImpact Low).
        $changesState = $command.Verb -in 'New', 'Update', 'Remove', 'Start', 'Stop', 'Export', 'Set', 'Invoke', 'Add', 'Sync'
        $command.Parameters.ContainsKey('WhatIf') | Should -Be $changesState
    }
}

Describe 'Web service commands' {
    It '<_> accepts -DefaultProfile with the Az aliases' -ForEach @(
        'Get-AzMlWebService', 'New-AzMlWebService', 'Update-AzMlWebService', 'Remove-AzMlWebService',
        'Export-AzMlWebService', 'Import-AzMlWebService', 'Get-AzMlWebServiceKey') {
        $parameter = (Get-Command $_).Parameters['DefaultProfile']
        $parameter | Should -Not -BeNullOrEmpty
        $parameter.Aliases | Should -Be @('AzContext', 'AzureRmContext', 'AzureCredential')
    }

    It '<_> has ConfirmImpact High' -ForEach 'Remove-AzMlWebService', 'Remove-AzMlWebServiceEndpoint' {
        $attribute = (Get-Command $_).ScriptBlock.Attributes |
            Where-Object { $_ -is [System.Management.Automation.CmdletBindingAttribute] }
        $attribute.ConfirmImpact | Should -Be 'High'
    }

    It '<Command> has the parameter sets <Sets>' -ForEach @(
        @{ Command = 'Get-AzMlWebServiceKey'; Sets = 'GetByInstance,GetByNameAndResourceGroup' }
        @{ Command = 'New-AzMlWebService'; Sets = 'CreateFromFile,CreateFromInstance' }
        @{ Command = 'Update-AzMlWebService'; Sets = 'UpdateFromObject,UpdateFromParameters' }
        @{ Command = 'Remove-AzMlWebService'; Sets = 'RemoveByNameAndResourceGroup,RemoveByObject' }
        @{ Command = 'Export-AzMlWebService'; Sets = 'ExportToFile,ExportToJSON' }
        @{ Command = 'Import-AzMlWebService'; Sets = 'ImportFromJSONFile,ImportFromJSONString.' }
        @{ Command = 'Get-AzMlWebServiceEndpoint'; Sets = 'Name,WebService,WebServiceId' }
        @{ Command = 'Add-AzMlWebServiceEndpoint'; Sets = 'Name,WebService,WebServiceId' }
        @{ Command = 'Remove-AzMlWebServiceEndpoint'; Sets = 'Endpoint,Name,WebService,WebServiceId' }
        @{ Command = 'Update-AzMlWebServiceEndpoint'; Sets = 'Endpoint,Name,WebService,WebServiceId' }
        @{ Command = 'Sync-AzMlWebServiceEndpoint'; Sets = 'Endpoint,Name,WebService,WebServiceId' }
        @{ Command = 'Invoke-AzMlWebService'; Sets = 'ApiLocation,Endpoint,Name,WebService' }
    ) {
        ((Get-Command $Command).ParameterSets.Name | Sort-Object) -join ',' | Should -Be $Sets
    }
}

Describe 'The error table' {
    It 'maps <Code> to ErrorId <ErrorId> and category <Category>' -ForEach @(
        @{ Code = 'Error'; ErrorId = 'AzMlError'; Category = 'NotSpecified' }
        @{ Code = 'NotFound'; ErrorId = 'ResourceNotFound'; Category = 'ObjectNotFound' }
        @{ Code = 'Auth'; ErrorId = 'Unauthorized'; Category = 'AuthenticationError' }
        @{ Code = 'Conflict'; ErrorId = 'ResourceConflict'; Category = 'InvalidOperation' }
        @{ Code = 'Invalid'; ErrorId = 'InvalidArgument'; Category = 'InvalidArgument' }
        @{ Code = 'Timeout'; ErrorId = 'OperationTimeout'; Category = 'OperationTimeout' }
        @{ Code = 'Cancelled'; ErrorId = 'OperationCancelled'; Category = 'OperationStopped' }
        @{ Code = 'Http'; ErrorId = 'ResourceProviderError'; Category = 'ProtocolError' }
        @{ Code = 'Transport'; ErrorId = 'ConnectionFailed'; Category = 'ConnectionError' }
        @{ Code = 'Throttled'; ErrorId = 'Throttled'; Category = 'LimitsExceeded' }
        @{ Code = 'Failed'; ErrorId = 'OperationFailed'; Category = 'InvalidResult' }
    ) {
        $class = [AzMl.AzMlErrorRecords]::Classify([AzMl.AzMlErrorCode]$Code)
        $class.ErrorId | Should -Be $ErrorId
        $class.Category | Should -Be $Category
    }

    It 'treats an unknown status as a generic error' {
        ([AzMl.AzMlErrorRecords]::Classify([AzMl.AzMlErrorCode]-99)).ErrorId | Should -Be 'AzMlError'
    }

    It 'formats service errors as Az.MachineLearning did' {
        $details = [System.Collections.Generic.List[AzMl.AzMlErrorDetail]]::new()
        $details.Add([AzMl.AzMlErrorDetail]::new('WebServiceNotFound', 'No Web Service could be found with the provided name: x.', ''))
        $exception = [AzMl.AzMlException]::new('NotFound', 'The specified resource was not found.', 404, 'NotFound', 'req-1', '', $details, 0, $null)
        $exception.Message | Should -Be (@(
                'Request Id: req-1'
                'Error Code: NotFound'
                'Error Message: The specified resource was not found.'
                'Error Target: '
                'Error Details:'
                "`t[Code=WebServiceNotFound, Message=No Web Service could be found with the provided name: x.]"
            ) -join [Environment]::NewLine)
    }
}

Describe 'The JSON converter' {
    BeforeAll {
        $script:sample = '{"text":"2017-04-26T17:08:46.4482096Z","one":1.0,"fraction":0.6,"integer":4,"big":12345678901234567890123,' +
            '"single":["only"],"nothing":null,"flag":false,"nested":{"Uri":"aml://x"},"empty":{},"none":[]}'
        $script:converted = [AzMl.JsonObjectConverter]::FromJsonObject($sample, 'AzMl.WebService')
    }

    It 'keeps strings that look like dates as strings' {
        $converted.text | Should -BeOfType [string]
        $converted.text | Should -Be '2017-04-26T17:08:46.4482096Z'
    }

    It 'keeps integers integral and non-integers with their digits' {
        $converted.integer | Should -BeOfType [long]
        $converted.big | Should -BeOfType [System.Numerics.BigInteger]
        $converted.one | Should -BeOfType [decimal]
        $converted.one.ToString([cultureinfo]::InvariantCulture) | Should -Be '1.0'
        $converted.fraction.ToString([cultureinfo]::InvariantCulture) | Should -Be '0.6'
    }

    It 'keeps one-element arrays as arrays, and nulls as nulls' {
        , $converted.single | Should -BeOfType [object[]]
        $converted.single.Count | Should -Be 1
        $converted.PSObject.Properties['nothing'] | Should -Not -BeNullOrEmpty
        $converted.nothing | Should -BeNullOrEmpty
    }

    It 'gives property access by any case, and the type name asked for' {
        $converted.NESTED.uri | Should -Be 'aml://x'
        $converted.PSTypeNames[0] | Should -Be 'AzMl.WebService'
    }

    It 'writes back exactly what it read' {
        [AzMl.JsonObjectConverter]::ToJson($converted) | Should -BeExactly $sample
    }

    It 'writes hashtables, ordered dictionaries and PowerShell numbers' {
        $json = [AzMl.JsonObjectConverter]::ToJson([ordered]@{ a = 1; b = [ordered]@{ c = @('x') }; d = 2.5; e = $null; f = $true })
        $json | Should -BeExactly '{"a":1,"b":{"c":["x"]},"d":2.5,"e":null,"f":true}'
    }

    It 'refuses values it cannot write, naming where they are' {
        $failure = [AzMl.AzMlOperations]::ExportWebService([ordered]@{ properties = [ordered]@{ when = [System.IO.FileInfo]'/tmp' } })
        $failure.Succeeded | Should -BeFalse
        $failure.Error.Exception.Message | Should -Match 'properties\.when'
    }

    It 'refuses JSON objects with the same property twice in different case' {
        { [AzMl.JsonObjectConverter]::FromJsonObject('{"title":"a","Title":"b"}', $null) } | Should -Throw '*more than once*'
    }
}

Describe 'The shipped examples' {
    BeforeAll {
        $script:examples = Join-Path $module.ModuleBase 'Examples'
        $script:runbook = Join-Path $examples 'Invoke-AzMlRetrainingRunbook.ps1'
    }

    It 'has the runbook, its README and the data it reads' {
        foreach ($file in 'Invoke-AzMlRetrainingRunbook.ps1', 'README.md', 'data/breast_cancer.csv', 'data/diabetes.csv', 'data/README.md') {
            Test-Path -LiteralPath (Join-Path $examples $file) | Should -BeTrue -Because "Examples/$file is shipped"
        }
    }

    It '<_> is a definition Import-AzMlWebService reads, with its trained-model asset or outputs' -ForEach @(
        'breast-cancer/training-service.json', 'breast-cancer/predictive-service.json',
        'diabetes/training-service.json', 'diabetes/predictive-service.json') {
        $definition = Import-AzMlWebService -InputFile (Join-Path $examples $_) -ErrorAction Stop
        $definition.properties.packageType | Should -Be 'Graph'
        $resources = @($definition.properties.assets.PSObject.Properties.Value | Where-Object type -EQ 'Resource')
        if ($_ -like '*predictive*') {
            $resources.Count | Should -Be 1
            $resources[0].name | Should -BeLike '*`[trained model`]'
        } else {
            $resources.Count | Should -Be 0
            $definition.properties.output.properties.PSObject.Properties.Name | Should -Be @('output1', 'output2')
        }
    }

    It 'documents the runbook: synopsis, every parameter, examples' {
        $help = Get-Help $runbook -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        ($help.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty
        @($help.Examples.Example).Count | Should -BeGreaterThan 1
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters
        foreach ($parameter in (Get-Command $runbook).Parameters.get_Keys() | Where-Object { $_ -notin $common }) {
            $parameterHelp = $help.Parameters.Parameter | Where-Object Name -EQ $parameter
            ($parameterHelp.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$parameter needs help"
        }
    }

    It 'uses public commands only: no Invoke-RestMethod, no private helper' {
        $tokens = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($runbook, [ref] $tokens, [ref] $null)
        $called = $ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true) |
            ForEach-Object { $_.GetCommandName() } | Where-Object { $_ -like '*-AzMl*' -or $_ -like '*-Rest*' -or $_ -like '*-WebRequest' } |
            Sort-Object -Unique
        $public = $module.ExportedFunctions.Keys
        foreach ($name in $called) { $name | Should -BeIn $public -Because 'the runbook is written as a user writes one' }
        $called | Should -Contain 'Update-AzMlWebServiceEndpoint'
        $called | Should -Contain 'Update-AzMlWebService'
    }
}
