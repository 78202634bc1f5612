// What the batch job cmdlets call: one web service's Batch Execution Service over the
// azml_batch_* calls of the C ABI. Each step returns an Outcome (see Outcome.cs). A job comes
// back as an AzMl.BatchJob object whose Results hold one AzMl.BatchJobOutput per output: its
// full Uri (BaseLocation + RelativeLocation + SasBlobToken, ready to download) and the parts.
//
// Keys stay out of the objects handed to the pipeline: the key used for an API location is
// remembered for the session, so Get- and Stop-AzMlBatchJob need it only when nothing in this
// session used that service before.
using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Specialized;
using System.Management.Automation;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace AzMl
{
    /// <summary>One service's BES, open for the length of a command.</summary>
    public sealed class AzMlBatchEndpoint : IDisposable
    {
        internal AzMlBatchEndpoint(string apiLocation, AzMlBatchHandle handle)
        {
            ApiLocation = apiLocation;
            Handle = handle;
        }

        public string ApiLocation { get; }
        internal AzMlBatchHandle Handle { get; }
        public void Dispose() => Handle.Dispose();
    }

    /// <summary>A batch job call that needs the service's key and has none (ErrorId ApiKeyRequired).</summary>
    public sealed class AzMlApiKeyRequiredException : InvalidOperationException
    {
        public AzMlApiKeyRequiredException(string apiLocation)
            : base($"No API key is known for '{apiLocation}' in this session. Give -ApiKey (the web service's primary or " +
                   "secondary key, from Get-AzMlWebServiceKey), or -WebService.")
        {
        }
    }

    public static class AzMlBatchJobs
    {
        public const string JobTypeName = "AzMl.BatchJob";
        public const string OutputTypeName = "AzMl.BatchJobOutput";

        // BatchScoreStatusCode names that end a job (contract: Failed, Cancelled, Finished).
        private static readonly string[] EndedStatuses = { "Finished", "Failed", "Cancelled" };

        // ".../workspaces|subscriptions/{ws}/services/{id}", whatever follows (/jobs..., /execute...).
        private static readonly Regex LocationPattern = new Regex(
            @"^(?<location>https?://[^/?#]+(/[^?#]*?)?/(workspaces|subscriptions)/[^/?#]+/services/[^/?#]+)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

        private static readonly ConcurrentDictionary<string, string> KeysByLocation =
            new ConcurrentDictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public static bool IsEnded(string? statusCode) =>
            statusCode != null && Array.Exists(EndedStatuses, s => string.Equals(s, statusCode, StringComparison.OrdinalIgnoreCase));

        /// <summary>
        /// Opens a service's BES: named by a web service object (its swaggerLocation gives the API
        /// location; its primary key is read through the connection unless apiKey is given) or by an
        /// API location (a submit URL "…/jobs?api-version=2.0" or an RRS URL is cut back to it).
        /// </summary>
        public static Outcome Open(AzMlClient? client, object? webService, string? apiLocation, string? apiKey, object? target)
        {
            var opened = OpenOrThrow(client, webService, apiLocation, apiKey, target);
            return opened.Error?.Exception is AzMlApiKeyRequiredException missing
                ? Outcome.Failure(AzMlErrorRecords.Create(missing, "ApiKeyRequired", ErrorCategory.InvalidArgument, target))
                : opened;
        }

        private static Outcome OpenOrThrow(AzMlClient? client, object? webService, string? apiLocation, string? apiKey,
                                           object? target) =>
            Outcome.Capture(() =>
            {
                string location;
                string? key = string.IsNullOrEmpty(apiKey) ? null : apiKey;
                if (webService != null)
                {
                    location = LocationOfWebService(webService);
                    key ??= PrimaryKeyOfWebService(client, webService);
                }
                else
                {
                    location = NormalizeApiLocation(apiLocation);
                }
                if (key == null && !KeysByLocation.TryGetValue(location, out key)) throw new AzMlApiKeyRequiredException(location);
                var endpoint = Create(location, key, client?.CertificateAuthorityFile);
                KeysByLocation[location] = key;
                return endpoint;
            }, target);

        /// <summary>The API location a URL names; AzMlException(Invalid) when it names no service.</summary>
        public static string NormalizeApiLocation(string? url)
        {
            var match = LocationPattern.Match((url ?? string.Empty).Trim());
            if (!match.Success)
                throw new AzMlException(AzMlErrorCode.Invalid,
                    $"'{url}' is not a web service's API location; expected https://<host>/workspaces/<workspace>/services/<service id> " +
                    "(or the submit URL ending in /jobs?api-version=2.0).", target: "ApiLocation");
            return match.Groups["location"].Value;
        }

        /// <summary>
        /// The BES request body from the cmdlets' parameters. An input or output given as a string
        /// "container/blob" is a blob of connectionString (by default the connected host's storage
        /// account); one given as a hashtable or object is sent as it is (ConnectionString,
        /// RelativeLocation, BaseLocation, SasBlobToken).
        /// </summary>
        public static Outcome BuildRequest(AzMlClient? client, IDictionary? inputs, IDictionary? outputs,
                                           IDictionary? globalParameters, string? connectionString, object? target) =>
            Outcome.Capture(() =>
            {
                string? storage = connectionString;
                string Storage()
                {
                    if (!string.IsNullOrEmpty(storage)) return storage!;
                    var found = AzMlBlobOperations.GetStorageConnectionString(client, null, target);
                    if (!found.Succeeded) throw found.Error!.Exception;
                    storage = (string)found.Value!;
                    return storage;
                }
                OrderedDictionary References(IDictionary given)
                {
                    var result = new OrderedDictionary();
                    foreach (DictionaryEntry entry in given)
                    {
                        var value = entry.Value is PSObject wrapped && wrapped.BaseObject is string s ? s : entry.Value;
                        result[entry.Key.ToString()!] = value is string location
                            ? new OrderedDictionary { ["ConnectionString"] = Storage(), ["RelativeLocation"] = location }
                            : value;
                    }
                    return result;
                }
                var body = new OrderedDictionary();
                if (inputs != null) body["Inputs"] = References(inputs);
                if (outputs != null) body["Outputs"] = References(outputs);
                var parameters = new OrderedDictionary();
                if (globalParameters != null)
                {
                    foreach (DictionaryEntry entry in globalParameters)
                        parameters[entry.Key.ToString()!] = Convert.ToString(entry.Value is PSObject p ? p.BaseObject : entry.Value,
                                                                             System.Globalization.CultureInfo.InvariantCulture);
                }
                body["GlobalParameters"] = parameters;
                return JsonObjectConverter.ToJson(body);
            }, target);

        /// <summary>Checks that text is a JSON object (a -JobConfigString or -JobConfigFile).</summary>
        public static Outcome CheckRequestJson(string json, object? target) =>
            Outcome.Capture(() =>
            {
                JsonObjectConverter.FromJsonObject(json, null);
                return json;
            }, target, "InvalidJobConfiguration");

        public static Outcome Submit(AzMlBatchEndpoint endpoint, string requestJson, object? target) =>
            Capture(() => NativeCall.ReturningText("azml_batch_job_submit",
                (ref NativeBuf output) => BatchNativeMethods.JobSubmit(ref output, endpoint.Handle, requestJson)), target);

        public static Outcome Start(AzMlBatchEndpoint endpoint, string jobId, object? target) =>
            Capture(() =>
            {
                NativeCall.Check(BatchNativeMethods.JobStart(endpoint.Handle, jobId), "azml_batch_job_start");
                return null;
            }, target);

        /// <summary>The job as an AzMl.BatchJob object.</summary>
        public static Outcome GetJob(AzMlBatchEndpoint endpoint, string jobId, object? target) =>
            Capture(() =>
            {
                var json = NativeCall.ReturningText("azml_batch_job_get",
                    (ref NativeBuf output) => BatchNativeMethods.JobGet(ref output, endpoint.Handle, jobId));
                return ToJobObject(JsonObjectConverter.FromJsonObject(json, null), endpoint.ApiLocation, jobId);
            }, target);

        /// <summary>The service's recent jobs, oldest first, as AzMl.BatchJob objects.</summary>
        public static Outcome ListJobs(AzMlBatchEndpoint endpoint, object? target) =>
            Capture(() =>
            {
                var json = NativeCall.ReturningText("azml_batch_job_list",
                    (ref NativeBuf output) => BatchNativeMethods.JobList(ref output, endpoint.Handle));
                var items = JsonObjectConverter.FromJsonArray(json, null);
                var jobs = new PSObject[items.Length];
                for (var i = 0; i < items.Length; i++)
                    jobs[i] = ToJobObject(items[i], endpoint.ApiLocation, items[i].Properties["Id"]?.Value as string ?? "");
                return jobs;
            }, target);

        public static Outcome Cancel(AzMlBatchEndpoint endpoint, string jobId, object? target) =>
            Capture(() =>
            {
                NativeCall.Check(BatchNativeMethods.JobCancel(endpoint.Handle, jobId), "azml_batch_job_cancel");
                return null;
            }, target);

        /// <summary>The ErrorRecord for a job that ended Failed or Cancelled (ErrorId BatchJobFailed, BatchJobCancelled).</summary>
        public static ErrorRecord EndedError(PSObject job)
        {
            var status = job.Properties["StatusCode"]?.Value as string ?? "";
            var details = job.Properties["Details"]?.Value as string;
            var id = job.Properties["JobId"]?.Value as string ?? "";
            var failed = string.Equals(status, "Failed", StringComparison.OrdinalIgnoreCase);
            var message = failed
                ? $"The batch job '{id}' failed: {details ?? "the service gave no reason"}"
                : $"The batch job '{id}' was cancelled{(string.IsNullOrEmpty(details) ? "." : ": " + details)}";
            var record = new ErrorRecord(new InvalidOperationException(message), failed ? "BatchJobFailed" : "BatchJobCancelled",
                                         failed ? ErrorCategory.InvalidResult : ErrorCategory.OperationStopped, job);
            if (failed) record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Fix what Details names and submit a new job." };
            return record;
        }

        /// <summary>The ErrorRecord for a job that did not end within -TimeoutSeconds (it was cancelled).</summary>
        public static ErrorRecord TimeoutError(PSObject job, int seconds) =>
            new ErrorRecord(new TimeoutException(
                                $"The batch job '{job.Properties["JobId"]?.Value}' did not end within {seconds} seconds and was cancelled."),
                            "BatchJobTimedOut", ErrorCategory.OperationTimeout, job);

        private static AzMlBatchEndpoint Create(string location, string key, string? caFile)
        {
            var options = new NativeBatchOptions();
            NativeCall.Check(BatchNativeMethods.BatchOptionsInit(ref options, BatchNativeMethods.BatchOptionsVersion),
                             "azml_batch_options_init");
            using var strings = new ServiceApiOptionStrings(location, key, caFile);
            options.ApiLocation = strings.Location;
            options.ApiKey = strings.Key;
            options.CaFile = strings.CaFile;
            options.UserAgent = strings.UserAgent;
            var status = BatchNativeMethods.BatchNew(out var handle, ref options);
            if (status < 0)
            {
                handle.Dispose();
                throw AzMlException.FromLastError(status, "azml_batch_new");
            }
            return new AzMlBatchEndpoint(location, handle);
        }

        /// <summary>A web service object's primary key, read through the connection (listKeys).</summary>
        internal static string? PrimaryKeyOfWebService(AzMlClient? client, object webService)
        {
            var id = ResourceId.OfWebService(webService);
            if (client == null || client.IsDisposed) throw new AzMlNotConnectedException();
            var keys = JsonObjectConverter.FromJsonObject(client.ListWebServiceKeys(id.ResourceGroupName, id.Name), null);
            return keys.Properties["primary"]?.Value as string;
        }

        /// <summary>A web service object's API location, from its properties.swaggerLocation.</summary>
        internal static string LocationOfWebService(object webService)
        {
            var swagger = FindString(webService, "properties", "swaggerLocation");
            if (string.IsNullOrEmpty(swagger))
                throw new AzMlException(AzMlErrorCode.Invalid,
                    "The web service object has no properties.swaggerLocation to find its API location by; " +
                    "get it with Get-AzMlWebService, or give -ApiLocation.", target: "WebService");
            return NormalizeApiLocation(swagger);
        }

        internal static string? FindString(object container, params string[] path)
        {
            object? current = container;
            foreach (var name in path)
            {
                current = current switch
                {
                    PSObject ps => ps.Properties[name]?.Value,
                    IDictionary dictionary => FindKey(dictionary, name),
                    _ => null,
                };
                if (current == null) return null;
            }
            return current is PSObject wrapped ? wrapped.BaseObject as string : current as string;
        }

        private static object? FindKey(IDictionary dictionary, string name)
        {
            foreach (DictionaryEntry entry in dictionary)
                if (string.Equals(entry.Key?.ToString(), name, StringComparison.OrdinalIgnoreCase)) return entry.Value;
            return null;
        }

        // The wire status as an AzMl.BatchJob: JobId and ApiLocation first, the BES fields, and
        // Results as one AzMl.BatchJobOutput per output (Name, Uri, BaseLocation, RelativeLocation,
        // SasBlobToken).
        private static PSObject ToJobObject(PSObject status, string apiLocation, string jobId)
        {
            var job = new PSObject();
            job.TypeNames.Insert(0, JobTypeName);
            job.Properties.Add(new PSNoteProperty("JobId", jobId));
            job.Properties.Add(new PSNoteProperty("ApiLocation", apiLocation));
            foreach (var name in new[] { "StatusCode", "Details", "CreatedAt", "StartTime", "EndTime" })
                job.Properties.Add(new PSNoteProperty(name, status.Properties[name]?.Value));
            var results = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
            if (status.Properties["Results"]?.Value is PSObject given)
            {
                foreach (var property in given.Properties)
                {
                    if (property.Value is not PSObject location) continue;
                    var baseLocation = location.Properties["BaseLocation"]?.Value as string ?? "";
                    var relativeLocation = location.Properties["RelativeLocation"]?.Value as string ?? "";
                    var sas = location.Properties["SasBlobToken"]?.Value as string ?? "";
                    var output = new PSObject();
                    output.TypeNames.Insert(0, OutputTypeName);
                    output.Properties.Add(new PSNoteProperty("Name", property.Name));
                    output.Properties.Add(new PSNoteProperty("Uri", baseLocation + relativeLocation + sas));
                    output.Properties.Add(new PSNoteProperty("BaseLocation", baseLocation));
                    output.Properties.Add(new PSNoteProperty("RelativeLocation", relativeLocation));
                    output.Properties.Add(new PSNoteProperty("SasBlobToken", sas));
                    results[property.Name] = output;
                }
            }
            job.Properties.Add(new PSNoteProperty("Results", results));
            return job;
        }

        // A failure's ErrorId is the service's own code (JobNotFound, BadArgument, ...) when it sent one.
        private static Outcome Capture(Func<object?> step, object? target) => Outcome.CaptureServiceCode(step, target);
    }
}
