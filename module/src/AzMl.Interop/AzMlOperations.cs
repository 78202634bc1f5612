// What the cmdlets call: each method is one command step over the C ABI (or the host files),
// returning an Outcome instead of throwing (see Outcome.cs for why). The cmdlets keep parameter
// binding, ShouldProcess/ShouldContinue, -Verbose and writing objects or errors.
using System;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace AzMl
{
    /// <summary>A client and the subscription it works in, as a connection needs them.</summary>
    public sealed class ConnectedClient
    {
        internal ConnectedClient(AzMlClient client, string subscriptionId)
        {
            Client = client;
            SubscriptionId = subscriptionId;
        }

        public AzMlClient Client { get; }
        public string SubscriptionId { get; }
    }

    public static class AzMlOperations
    {
        private static AzMlClient Require(AzMlClient? client) =>
            client == null || client.IsDisposed ? throw new AzMlNotConnectedException() : client;

        private static PSObject WebService(string json) =>
            JsonObjectConverter.FromJsonObject(json, JsonObjectConverter.WebServiceTypeName);

        // ------------------------------------------------------------------ prompts

        /// <summary>
        /// cmdlet.ShouldContinue(query), as Az's ConfirmAction asks it. In a session that cannot
        /// prompt (pwsh -NonInteractive, a runbook), the Failure says to pass -Force.
        /// </summary>
        public static Outcome ShouldContinue(PSCmdlet cmdlet, string query, object? target)
        {
            try
            {
                return Outcome.Success(cmdlet.ShouldContinue(query, string.Empty));
            }
            catch (Exception error) when (error is PSInvalidOperationException || error is HostException ||
                                          error is NotImplementedException)
            {
                var unanswerable = new InvalidOperationException(
                    $"The question \"{query}\" cannot be asked in this session ({error.Message.TrimEnd('.')}). " +
                    "Pass -Force to go ahead without it.", error);
                return Outcome.Failure(AzMlErrorRecords.Create(unanswerable, "ConfirmationUnavailable",
                                                               ErrorCategory.InvalidOperation, target));
            }
        }

        // ------------------------------------------------------------------ files

        /// <summary>A path made absolute against the current PowerShell location ('~' and drives expanded).</summary>
        public static Outcome ResolvePath(SessionState sessionState, string path, object? target) =>
            Outcome.Capture(() => sessionState.Path.GetUnresolvedProviderPathFromPSPath(path), target);

        /// <summary>Writes text as UTF-8 without a byte order mark.</summary>
        public static Outcome WriteTextFile(string fullPath, string text, object? target) =>
            Outcome.Capture(() => System.IO.File.WriteAllText(fullPath, text), target);

        // ------------------------------------------------------------------ web services

        public static Outcome GetWebService(AzMlClient? client, string resourceGroup, string name, string? region, object? target) =>
            Outcome.Capture(() => WebService(Require(client).GetWebService(resourceGroup, name, region)), target);

        /// <summary>Every web service of a resource group (or of the subscription when resourceGroup is null), as PSObject[].</summary>
        public static Outcome ListWebServices(AzMlClient? client, string? resourceGroup, object? target) =>
            Outcome.Capture(() => JsonObjectConverter.FromJsonArray(Require(client).ListWebServices(resourceGroup),
                                                                      JsonObjectConverter.WebServiceTypeName), target);

        /// <summary>
        /// PUT from a definition file: imported as Import-AzMlWebService does, with the location
        /// replaced by the given one (Az: "The name and location in command line parameters
        /// overwrite the content from Web Service Definition json file"; the name is read-only
        /// and only the URL carries it).
        /// </summary>
        public static Outcome NewWebServiceFromFile(AzMlClient? client, string resourceGroup, string name, string location,
                                                    string definitionFullPath, object? target) =>
            Outcome.Capture(() =>
            {
                var connected = Require(client);
                var definition = WebService(WebServiceDefinition.ImportFile(definitionFullPath));
                var existing = definition.Properties["location"];
                if (existing != null) existing.Value = location;
                else definition.Properties.Add(new PSNoteProperty("location", location));
                var body = WebServiceDefinition.ToRequestBody(definition);
                return WebService(connected.CreateOrUpdateWebService(resourceGroup, name, body));
            }, target);

        /// <summary>PUT from an object, sent as it is (without read-only fields and nulls).</summary>
        public static Outcome NewWebService(AzMlClient? client, string resourceGroup, string name, object definition, object? target) =>
            Outcome.Capture(() =>
            {
                var connected = Require(client);
                var body = WebServiceDefinition.ToRequestBody(definition);
                return WebService(connected.CreateOrUpdateWebService(resourceGroup, name, body));
            }, target);

        /// <summary>PATCH with an object or dictionary (without read-only fields and nulls).</summary>
        public static Outcome UpdateWebService(AzMlClient? client, string resourceGroup, string name, object update, object? target) =>
            Outcome.Capture(() =>
            {
                var connected = Require(client);
                var body = WebServiceDefinition.ToRequestBody(update);
                return WebService(connected.PatchWebService(resourceGroup, name, body));
            }, target);

        public static Outcome RemoveWebService(AzMlClient? client, string resourceGroup, string name, object? target) =>
            Outcome.Capture(() => Require(client).RemoveWebService(resourceGroup, name), target);

        public static Outcome GetWebServiceKeys(AzMlClient? client, string resourceGroup, string name, object? target) =>
            Outcome.Capture(() => JsonObjectConverter.FromJsonObject(Require(client).ListWebServiceKeys(resourceGroup, name),
                                                                       JsonObjectConverter.WebServiceKeysTypeName), target);

        /// <summary>The ARM resource id of a web service object (ErrorId InvalidWebServiceIdOnObject when it has none).</summary>
        public static Outcome ParseWebServiceId(object webService) =>
            Outcome.Capture(() => ResourceId.OfWebService(webService), webService);

        // ------------------------------------------------------------------ definitions (offline)

        /// <summary>The export document (stable, indented JSON without read-only fields and nulls).</summary>
        public static Outcome ExportWebService(object webService) =>
            Outcome.Capture(() => WebServiceDefinition.Export(JsonObjectConverter.ToJson(webService)), webService);

        public static Outcome ImportWebServiceFile(string definitionFullPath, object? target) =>
            Outcome.Capture(() => WebService(WebServiceDefinition.ImportFile(definitionFullPath)), target);

        public static Outcome ImportWebServiceString(string definitionJson, object? target) =>
            Outcome.Capture(() => WebService(WebServiceDefinition.ImportString(definitionJson)), target);

        // ------------------------------------------------------------------ connections and hosts

        /// <summary>
        /// A client for endpoint. Without subscriptionId the endpoint is asked for its first
        /// subscription, which also proves the endpoint and token work; on failure nothing leaks.
        /// </summary>
        public static Outcome Connect(string endpoint, SecureString? token, string? subscriptionId,
                                      string? certificateAuthorityFile, object? target) =>
            Outcome.Capture(() =>
            {
                var client = AzMlClient.Create(endpoint, token, subscriptionId, certificateAuthorityFile, UserAgent);
                try
                {
                    var subscription = string.IsNullOrEmpty(subscriptionId) ? client.SubscriptionId() : subscriptionId;
                    return new ConnectedClient(client, subscription);
                }
                catch
                {
                    client.Dispose();
                    throw;
                }
            }, target);

        /// <summary>A client for the host whose host.json is ready, with its admin token.</summary>
        public static Outcome ConnectToHost(string dataDirectory, HostReadyInfo ready, object? target) =>
            Outcome.Capture(() =>
            {
                var token = HostDataDirectory.ReadAdminToken(dataDirectory);
                var subscription = string.IsNullOrEmpty(ready.SubscriptionId) ? null : ready.SubscriptionId;
                var client = AzMlClient.Create(ready.Endpoint, token, subscription, null, UserAgent);
                try
                {
                    return new ConnectedClient(client, subscription ?? client.SubscriptionId());
                }
                catch
                {
                    client.Dispose();
                    throw;
                }
            }, target);

        /// <summary>host.json of a data directory, or a Success with a null Value when there is none yet.</summary>
        public static Outcome ReadHostReadyFile(string dataDirectory, object? target) =>
            Outcome.Capture(() => HostDataDirectory.TryReadReadyFile(dataDirectory), target);

        public static Outcome StartHost(string executable, string dataDirectory, string[] arguments, object? target) =>
            Outcome.Capture(() => HostProcess.Start(executable, dataDirectory, arguments), target);

        /// <summary>
        /// SIGTERM to a host and wait for it to exit: through its HostProcess when this process
        /// started it, else by polling its process id. A Failure (OperationTimeout) when it is
        /// still running after timeout.
        /// </summary>
        public static Outcome StopHost(HostProcess? launched, int processId, TimeSpan timeout, object? target) =>
            Outcome.Capture(() =>
            {
                if (launched != null)
                {
                    if (!launched.Stop(timeout))
                        throw new TimeoutException($"azml-host (process {launched.ProcessId}) did not exit within {timeout.TotalSeconds} s.");
                    return;
                }
                if (!UnixSignals.Terminate(processId)) return;
                var deadline = DateTime.UtcNow + timeout;
                while (UnixSignals.IsAlive(processId))
                {
                    if (DateTime.UtcNow >= deadline)
                        throw new TimeoutException($"azml-host (process {processId}) did not exit within {timeout.TotalSeconds} s.");
                    System.Threading.Thread.Sleep(50);
                }
            }, target);

        /// <summary>Sent after azml's own User-Agent, so a host's log tells PowerShell callers apart.</summary>
        public static string UserAgent { get; } = "AzMl-PowerShell/" +
            (typeof(AzMlOperations).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
    }
}
