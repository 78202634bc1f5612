// What the classic endpoint cmdlets call: a workspace's classic web services and their endpoints
// over the azml_classic_webservice_* and azml_endpoint_* calls of the C ABI. Each step returns an
// Outcome (see Outcome.cs) whose failure carries the service's code as its ErrorId
// (DefaultEndpointNotUpdatable, EndpointNotFound, BlobLocationExpired, ...), so a runbook can tell
// the troubleshooting page's mistakes apart. Endpoints come back as AzMl.WebServiceEndpoint
// objects, web services as AzMl.ClassicWebService objects, with the classic API's PascalCase names.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Runtime.InteropServices;
using System.Security;
using System.Text.RegularExpressions;

namespace AzMl
{
    /// <summary>
    /// The client a classic command works through: the session's connection, or, with an
    /// authorization token or endpoint key of its own, a client for the same host made for the
    /// length of the command.
    /// </summary>
    public sealed class AzMlClassicConnection : IDisposable
    {
        private readonly bool ownsClient;

        internal AzMlClassicConnection(AzMlClient client, bool ownsClient, string? workspaceId)
        {
            Client = client;
            this.ownsClient = ownsClient;
            WorkspaceId = workspaceId;
        }

        internal AzMlClient Client { get; }
        public string Endpoint => Client.Endpoint;
        /// <summary>The workspace the calls name; null: the connection's subscription.</summary>
        public string? WorkspaceId { get; }

        public void Dispose()
        {
            if (ownsClient) Client.Dispose();
        }
    }

    /// <summary>A classic web service named by its id, and the workspace it is in (null: the connection's).</summary>
    public sealed class AzMlClassicWebServiceReference
    {
        public AzMlClassicWebServiceReference(string webServiceId, string? workspaceId)
        {
            WebServiceId = webServiceId;
            WorkspaceId = workspaceId;
        }

        public string WebServiceId { get; }
        public string? WorkspaceId { get; }
    }

    /// <summary>What a refresh did: the endpoint afterwards, and whether it changed (false: HTTP 304).</summary>
    public sealed class AzMlEndpointRefresh
    {
        internal AzMlEndpointRefresh(PSObject endpoint, bool refreshed)
        {
            Endpoint = endpoint;
            Refreshed = refreshed;
        }

        public PSObject Endpoint { get; }
        public bool Refreshed { get; }
    }

    public static class AzMlEndpoints
    {
        public const string ClassicWebServiceTypeName = "AzMl.ClassicWebService";
        public const string EndpointTypeName = "AzMl.WebServiceEndpoint";

        // ".../workspaces|subscriptions/{ws}/services/{id}..." as swaggerLocation and ApiLocation have it.
        private static readonly Regex ServicePattern = new Regex(
            @"/(workspaces|subscriptions)/(?<workspace>[^/?#]+)/services/(?<service>[^/?#]+)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

        // ------------------------------------------------------------------ connecting

        /// <summary>
        /// The connection a command uses. Without authorizationToken it is the session's client;
        /// with one, a client for the same host carrying that token (an admin token, or an
        /// endpoint's primary or secondary key, which only the endpoint's own GET, PATCH and
        /// refresh accept). Finding the subscription needs the admin token, so with a token the
        /// workspace must be known: given, or the connection's subscription.
        /// </summary>
        public static Outcome Connect(AzMlClient? connection, string? connectedSubscriptionId, string? workspaceId,
                                      string? authorizationToken, object? target) =>
            Outcome.Capture(() =>
            {
                if (connection == null || connection.IsDisposed) throw new AzMlNotConnectedException();
                var workspace = string.IsNullOrEmpty(workspaceId) ? null : workspaceId;
                if (string.IsNullOrEmpty(authorizationToken)) return new AzMlClassicConnection(connection, false, workspace);

                workspace ??= string.IsNullOrEmpty(connectedSubscriptionId) ? null : connectedSubscriptionId;
                if (workspace == null)
                    throw new PSArgumentException("With -AuthorizationToken, give -WorkspaceId too (the workspace id is the host's subscription id).",
                                                  "WorkspaceId");
                using var token = new SecureString();
                foreach (var character in authorizationToken!) token.AppendChar(character);
                token.MakeReadOnly();
                var client = AzMlClient.Create(connection.Endpoint, token, workspace, connection.CertificateAuthorityFile,
                                               AzMlOperations.UserAgent);
                return new AzMlClassicConnection(client, true, workspace);
            }, target);

        /// <summary>
        /// The classic web service of an ARM web service object (from Get-AzMlWebService): its id
        /// and workspace are those of its API location, which properties.swaggerLocation holds.
        /// </summary>
        public static Outcome ReferenceOfWebService(object webService) =>
            Outcome.Capture(() =>
            {
                var location = AzMlBatchJobs.LocationOfWebService(webService);
                var match = ServicePattern.Match(location);
                return new AzMlClassicWebServiceReference(match.Groups["service"].Value, match.Groups["workspace"].Value);
            }, webService);

        // ------------------------------------------------------------------ web services

        /// <summary>The workspace's web services, as AzMl.ClassicWebService objects.</summary>
        public static Outcome ListWebServices(AzMlClassicConnection connection, object? target) =>
            Outcome.CaptureServiceCode(() => JsonObjectConverter.FromJsonArray(
                NativeCall.ReturningText("azml_classic_webservice_list",
                    (ref NativeBuf output) => EndpointNativeMethods.WebServiceList(ref output, connection.Client.Handle,
                                                                                   connection.WorkspaceId)),
                ClassicWebServiceTypeName), target);

        public static Outcome GetWebService(AzMlClassicConnection connection, string webServiceId, object? target) =>
            Outcome.CaptureServiceCode(() => JsonObjectConverter.FromJsonObject(
                NativeCall.ReturningText("azml_classic_webservice_get",
                    (ref NativeBuf output) => EndpointNativeMethods.WebServiceGet(ref output, connection.Client.Handle,
                                                                                  connection.WorkspaceId, webServiceId)),
                ClassicWebServiceTypeName), target);

        /// <summary>Deletes a web service with its endpoints (and its ARM resource).</summary>
        public static Outcome RemoveWebService(AzMlClassicConnection connection, string webServiceId, object? target) =>
            Outcome.CaptureServiceCode(() =>
            {
                NativeCall.Check(EndpointNativeMethods.WebServiceRemove(connection.Client.Handle, connection.WorkspaceId, webServiceId),
                                 "azml_classic_webservice_remove");
                return null;
            }, target);

        // ------------------------------------------------------------------ endpoints

        /// <summary>A web service's endpoints, the default one first, as AzMl.WebServiceEndpoint objects.</summary>
        public static Outcome ListEndpoints(AzMlClassicConnection connection, string webServiceId, object? target) =>
            Outcome.CaptureServiceCode(() => JsonObjectConverter.FromJsonArray(
                NativeCall.ReturningText("azml_endpoint_list",
                    (ref NativeBuf output) => EndpointNativeMethods.EndpointList(ref output, connection.Client.Handle,
                                                                                 connection.WorkspaceId, webServiceId)),
                EndpointTypeName), target);

        public static Outcome GetEndpoint(AzMlClassicConnection connection, string webServiceId, string endpointName, object? target) =>
            Outcome.CaptureServiceCode(() => Endpoint(
                NativeCall.ReturningText("azml_endpoint_get",
                    (ref NativeBuf output) => EndpointNativeMethods.EndpointGet(ref output, connection.Client.Handle,
                                                                                connection.WorkspaceId, webServiceId, endpointName))),
                target);

        /// <summary>
        /// Adds an endpoint, or changes the settings of one that exists. Null or 0 leaves a setting
        /// to the host's default (High, 20 calls; Low is always 4 calls).
        /// </summary>
        public static Outcome AddEndpoint(AzMlClassicConnection connection, string webServiceId, string endpointName,
                                          string? description, string? throttleLevel, int maxConcurrentCalls, bool preventUpdate,
                                          object? target) =>
            Outcome.CaptureServiceCode(() =>
            {
                var options = new NativeEndpointOptions();
                NativeCall.Check(EndpointNativeMethods.EndpointOptionsInit(ref options, EndpointNativeMethods.EndpointOptionsVersion),
                                 "azml_endpoint_options_init");
                var descriptionText = IntPtr.Zero;
                var throttleText = IntPtr.Zero;
                try
                {
                    descriptionText = description == null ? IntPtr.Zero : Marshal.StringToCoTaskMemUTF8(description);
                    throttleText = string.IsNullOrEmpty(throttleLevel) ? IntPtr.Zero : Marshal.StringToCoTaskMemUTF8(throttleLevel);
                    options.Description = descriptionText;
                    options.ThrottleLevel = throttleText;
                    options.MaxConcurrentCalls = maxConcurrentCalls;
                    options.PreventUpdate = preventUpdate ? 1 : 0;
                    return Endpoint(NativeCall.ReturningText("azml_endpoint_add",
                        (ref NativeBuf output) => EndpointNativeMethods.EndpointAdd(ref output, connection.Client.Handle,
                                                                                    connection.WorkspaceId, webServiceId,
                                                                                    endpointName, ref options)));
                }
                finally
                {
                    Marshal.FreeCoTaskMem(descriptionText);
                    Marshal.FreeCoTaskMem(throttleText);
                }
            }, target);

        /// <summary>
        /// Points one resource of an endpoint at BaseLocation + RelativeLocation (+ SasBlobToken)
        /// and swaps the reloaded model in; returns the endpoint afterwards.
        /// </summary>
        public static Outcome UpdateResource(AzMlClassicConnection connection, string webServiceId, string endpointName,
                                             string resourceName, string baseLocation, string relativeLocation,
                                             string? sasBlobToken, object? target) =>
            Outcome.CaptureServiceCode(() => Endpoint(
                NativeCall.ReturningText("azml_endpoint_update_resource",
                    (ref NativeBuf output) => EndpointNativeMethods.EndpointUpdateResource(ref output, connection.Client.Handle,
                        connection.WorkspaceId, webServiceId, endpointName, resourceName, baseLocation, relativeLocation,
                        string.IsNullOrEmpty(sasBlobToken) ? null : sasBlobToken))),
                target);

        /// <summary>Moves an endpoint to its web service's current definition (an AzMlEndpointRefresh).</summary>
        public static Outcome Refresh(AzMlClassicConnection connection, string webServiceId, string endpointName,
                                      bool overwriteResources, object? target) =>
            Outcome.CaptureServiceCode(() =>
            {
                var refreshed = 0;
                var json = NativeCall.ReturningText("azml_endpoint_refresh",
                    (ref NativeBuf output) => EndpointNativeMethods.EndpointRefresh(ref output, out refreshed, connection.Client.Handle,
                        connection.WorkspaceId, webServiceId, endpointName, overwriteResources ? 1 : 0));
                return new AzMlEndpointRefresh(Endpoint(json), refreshed != 0);
            }, target);

        public static Outcome RemoveEndpoint(AzMlClassicConnection connection, string webServiceId, string endpointName,
                                             object? target) =>
            Outcome.CaptureServiceCode(() =>
            {
                NativeCall.Check(EndpointNativeMethods.EndpointRemove(connection.Client.Handle, connection.WorkspaceId, webServiceId,
                                                                      endpointName),
                                 "azml_endpoint_remove");
                return null;
            }, target);

        // ------------------------------------------------------------------ choosing what to patch

        /// <summary>
        /// The resource to patch: resourceName when given (the host matches it), else the
        /// endpoint's only updatable resource. ErrorIds NoUpdatableResources (none: a training
        /// service's endpoint) and AmbiguousResourceName (several: say which).
        /// </summary>
        public static Outcome ChooseResourceName(PSObject endpoint, string? resourceName, object? target)
        {
            if (!string.IsNullOrEmpty(resourceName)) return Outcome.Success(resourceName);
            var names = ResourceNames(endpoint);
            var endpointName = endpoint.Properties["Name"]?.Value as string ?? "";
            var webServiceId = endpoint.Properties["WebServiceId"]?.Value as string ?? "";
            if (names.Count == 1) return Outcome.Success(names[0]);
            if (names.Count == 0)
                return Outcome.Failure(AzMlErrorRecords.Create(new InvalidOperationException(
                        $"Endpoint '{endpointName}' of web service '{webServiceId}' has no updatable resources: it serves no trained " +
                        "model (is it an endpoint of a training web service?). Patch an endpoint of the predictive web service instead."),
                    "NoUpdatableResources", ErrorCategory.InvalidOperation, target));
            return Outcome.Failure(AzMlErrorRecords.Create(new PSArgumentException(
                    $"Endpoint '{endpointName}' has several updatable resources: {Quoted(names)}. Say which with -ResourceName.",
                    "ResourceName"),
                "AmbiguousResourceName", ErrorCategory.InvalidArgument, target));
        }

        /// <summary>
        /// The output of a finished batch job (an AzMl.BatchJob) that holds the new model:
        /// outputName when given, else the one output whose RelativeLocation ends in .ilearner.
        /// ErrorIds BatchJobNotFinished, BatchJobOutputNotFound and AmbiguousBatchJobOutput.
        /// </summary>
        public static Outcome ModelOutputOfJob(PSObject job, string? outputName, object? target)
        {
            var jobId = job.Properties["JobId"]?.Value as string ?? "";
            var status = job.Properties["StatusCode"]?.Value as string ?? "";
            if (!string.Equals(status, "Finished", StringComparison.OrdinalIgnoreCase))
                return Outcome.Failure(AzMlErrorRecords.Create(new InvalidOperationException(
                        $"The batch job '{jobId}' is {(status.Length == 0 ? "of unknown status" : status)}, not Finished: only a finished " +
                        "job's outputs hold a model. Wait for it (Invoke-AzMlBatchJob waits; Get-AzMlBatchJob reads it again)."),
                    "BatchJobNotFinished", ErrorCategory.InvalidOperation, target));

            var outputs = Outputs(job);
            if (!string.IsNullOrEmpty(outputName))
            {
                foreach (var (name, output) in outputs)
                    if (string.Equals(name, outputName, StringComparison.OrdinalIgnoreCase)) return Outcome.Success(output);
                return Outcome.Failure(AzMlErrorRecords.Create(new ItemNotFoundException(
                        $"The batch job '{jobId}' has no output '{outputName}'; its outputs: {Quoted(outputs.Select(o => o.Name))}."),
                    "BatchJobOutputNotFound", ErrorCategory.ObjectNotFound, target));
            }

            var models = outputs.Where(o => (StringOf(o.Output, "RelativeLocation") ?? "")
                                            .EndsWith(".ilearner", StringComparison.OrdinalIgnoreCase)).ToList();
            if (models.Count == 1) return Outcome.Success(models[0].Output);
            if (models.Count == 0)
                return Outcome.Failure(AzMlErrorRecords.Create(new ItemNotFoundException(
                        $"None of the outputs of batch job '{jobId}' ({Quoted(outputs.Select(o => o.Name))}) is a trained model " +
                        "(.ilearner). Was the job run on the training web service? Name the output with -OutputName."),
                    "BatchJobOutputNotFound", ErrorCategory.ObjectNotFound, target));
            return Outcome.Failure(AzMlErrorRecords.Create(new PSArgumentException(
                    $"The batch job '{jobId}' has several trained models ({Quoted(models.Select(o => o.Name))}). Say which with -OutputName.",
                    "OutputName"),
                "AmbiguousBatchJobOutput", ErrorCategory.InvalidArgument, target));
        }

        /// <summary>A string member of an output or endpoint object (PSObject or dictionary), or null.</summary>
        public static string? StringOf(object? item, string name) =>
            item == null ? null : AzMlBatchJobs.FindString(item, name);

        // ------------------------------------------------------------------ helpers

        private static PSObject Endpoint(string json) => JsonObjectConverter.FromJsonObject(json, EndpointTypeName);

        private static List<string> ResourceNames(PSObject endpoint)
        {
            var names = new List<string>();
            if (endpoint.Properties["Resources"]?.Value is IEnumerable resources && resources is not string)
            {
                foreach (var resource in resources)
                {
                    var name = StringOf(resource, "Name");
                    if (!string.IsNullOrEmpty(name)) names.Add(name!);
                }
            }
            return names;
        }

        // A job's Results: an ordered dictionary as AzMlBatchJobs builds it, or (after a remoting
        // or Export-Clixml round trip) an object with one property per output.
        private static List<(string Name, object Output)> Outputs(PSObject job)
        {
            var outputs = new List<(string, object)>();
            var results = job.Properties["Results"]?.Value;
            if (results is PSObject wrapped && wrapped.BaseObject is IDictionary) results = wrapped.BaseObject;
            switch (results)
            {
                case IDictionary dictionary:
                    foreach (DictionaryEntry entry in dictionary)
                        if (entry.Value != null) outputs.Add((entry.Key.ToString() ?? "", entry.Value));
                    break;
                case PSObject properties:
                    foreach (var property in properties.Properties)
                        if (property.Value != null) outputs.Add((property.Name, property.Value));
                    break;
            }
            return outputs;
        }

        private static string Quoted(IEnumerable<string> names)
        {
            var list = names.Select(n => "'" + n + "'").ToList();
            return list.Count == 0 ? "none" : string.Join(", ", list);
        }
    }
}
