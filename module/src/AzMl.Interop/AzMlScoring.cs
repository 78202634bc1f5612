// What Invoke-AzMlWebService calls: a web service's (or endpoint's) Request-Response Service
// over the azml_rrs_* calls of the C ABI. Each step returns an Outcome (see Outcome.cs); a
// failure's ErrorId is the service's code when it sent one.
//
// Rows go in as hashtables or objects and come back as one AzMl.ScoringResult per output row: a
// PSCustomObject with the output's columns (values as RRS gives them, strings in table format)
// and the output's name in OutputName, which the default view leaves out.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Management.Automation;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace AzMl
{
    /// <summary>One service's RRS, open for the length of a command.</summary>
    public sealed class AzMlScoringEndpoint : IDisposable
    {
        internal AzMlScoringEndpoint(string apiLocation, AzMlRrsHandle handle)
        {
            ApiLocation = apiLocation;
            Handle = handle;
        }

        public string ApiLocation { get; }
        internal AzMlRrsHandle Handle { get; }
        public void Dispose() => Handle.Dispose();
    }

    /// <summary>An RRS request body, and whether it is in swagger format (rows as objects).</summary>
    public sealed class AzMlScoringRequest
    {
        internal AzMlScoringRequest(string json, bool isSwagger)
        {
            Json = json;
            IsSwagger = isSwagger;
        }

        public string Json { get; }
        public bool IsSwagger { get; }
    }

    public static class AzMlScoring
    {
        public const string ResultTypeName = "AzMl.ScoringResult";
        public const string OutputNameProperty = "OutputName";

        /// <summary>
        /// Opens a service's RRS, named by a web service object (its swaggerLocation gives the
        /// API location, its primary key is read through the connection), by an endpoint object
        /// (AzMl.WebServiceEndpoint: its ApiLocation and PrimaryKey), or by an API location and
        /// key (an execute URL is cut back to the location). apiKey, when given, replaces the
        /// object's key. Failures get the ErrorIds of the management calls (ResourceNotFound, ...).
        /// </summary>
        public static Outcome Open(AzMlClient? client, object? webService, object? endpoint, string? apiLocation, string? apiKey,
                                   object? target) =>
            Outcome.Capture(() =>
            {
                string location;
                var key = string.IsNullOrEmpty(apiKey) ? null : apiKey;
                if (webService != null)
                {
                    location = AzMlBatchJobs.LocationOfWebService(webService);
                    key ??= AzMlBatchJobs.PrimaryKeyOfWebService(client, webService);
                }
                else if (endpoint != null)
                {
                    location = AzMlBatchJobs.NormalizeApiLocation(AzMlEndpoints.StringOf(endpoint, "ApiLocation") ??
                        throw new AzMlException(AzMlErrorCode.Invalid,
                            "The endpoint object has no ApiLocation; get it with Get-AzMlWebServiceEndpoint.", target: "Endpoint"));
                    key ??= AzMlEndpoints.StringOf(endpoint, "PrimaryKey");
                }
                else
                {
                    location = AzMlBatchJobs.NormalizeApiLocation(apiLocation);
                }
                if (string.IsNullOrEmpty(key))
                    throw new AzMlException(AzMlErrorCode.Invalid,
                        $"No API key for '{location}': give -ApiKey (the web service's or endpoint's primary or secondary key).",
                        target: "ApiKey");
                return Create(location, key!, client?.CertificateAuthorityFile);
            }, target);

        /// <summary>
        /// The request for rows (hashtables, ordered dictionaries or objects): in table format the
        /// columns are every name the rows have, in the order they first appear, a row without one
        /// sending null; in swagger format each row goes as an object. Global parameters are sent
        /// as strings, as RRS examples have them.
        /// </summary>
        public static Outcome BuildRequest(IList rows, string inputName, IDictionary? globalParameters, bool swagger, object? target) =>
            Outcome.Capture(() =>
            {
                var parsed = new List<OrderedDictionary>(rows.Count);
                foreach (var row in rows) parsed.Add(Columns(row));

                object input;
                if (swagger)
                {
                    input = parsed;
                }
                else
                {
                    var names = new List<string>();
                    var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var row in parsed)
                        foreach (DictionaryEntry column in row)
                            if (seen.Add((string)column.Key)) names.Add((string)column.Key);
                    var values = new List<object?[]>(parsed.Count);
                    foreach (var row in parsed)
                    {
                        var line = new object?[names.Count];
                        for (var i = 0; i < names.Count; i++) line[i] = row.Contains(names[i]) ? row[names[i]] : null;
                        values.Add(line);
                    }
                    input = new OrderedDictionary { ["ColumnNames"] = names, ["Values"] = values };
                }
                var body = new OrderedDictionary
                {
                    ["Inputs"] = new OrderedDictionary { [inputName] = input },
                    ["GlobalParameters"] = GlobalParameters(globalParameters),
                };
                return new AzMlScoringRequest(JsonObjectConverter.ToJson(body), swagger);
            }, target);

        /// <summary>
        /// A whole request given as JSON (-InputJsonText, -InputJsonFile), checked to be a JSON
        /// object. format "Table" or "Swagger" says which it is; null: swagger when its first
        /// input is an array of rows.
        /// </summary>
        public static Outcome CheckRequestJson(string json, string? format, object? target) =>
            Outcome.Capture(() =>
            {
                try
                {
                    using var document = JsonDocument.Parse(json);
                    if (document.RootElement.ValueKind != JsonValueKind.Object)
                        throw new AzMlException(AzMlErrorCode.Invalid,
                            "The request is not a JSON object; expected {\"Inputs\":{\"input1\":{\"ColumnNames\":[...],\"Values\":[[...]]}},\"GlobalParameters\":{}}.");
                    var swagger = false;
                    foreach (var member in document.RootElement.EnumerateObject())
                    {
                        if (!string.Equals(member.Name, "Inputs", StringComparison.OrdinalIgnoreCase) ||
                            member.Value.ValueKind != JsonValueKind.Object) continue;
                        foreach (var input in member.Value.EnumerateObject())
                        {
                            swagger = input.Value.ValueKind == JsonValueKind.Array;
                            break;
                        }
                    }
                    if (!string.IsNullOrEmpty(format)) swagger = string.Equals(format, "Swagger", StringComparison.OrdinalIgnoreCase);
                    return new AzMlScoringRequest(json, swagger);
                }
                catch (JsonException error)
                {
                    throw new AzMlException(AzMlErrorCode.Invalid,
                        $"The request is not valid JSON (line {error.LineNumber + 1}, position {error.BytePositionInLine + 1}).",
                        innerException: error);
                }
            }, target, "InvalidScoringRequest");

        /// <summary>POST .../execute?api-version=2.0&amp;details=true (&amp;format=swagger); the response text.</summary>
        public static Outcome Execute(AzMlScoringEndpoint endpoint, AzMlScoringRequest request, object? target) =>
            Outcome.CaptureServiceCode(() =>
            {
                var flags = RrsNativeMethods.Details | (request.IsSwagger ? RrsNativeMethods.Swagger : 0u);
                return NativeCall.ReturningText("azml_rrs_execute",
                    (ref NativeBuf output) => RrsNativeMethods.RrsExecute(ref output, endpoint.Handle, request.Json, flags));
            }, target);

        /// <summary>
        /// The rows of an RRS response as AzMl.ScoringResult objects, every output in order: a
        /// table output ({"type":"table","value":{"ColumnNames","Values"}}) or a swagger one (an
        /// array of row objects).
        /// </summary>
        public static Outcome ToResults(string responseJson, object? target) =>
            Outcome.Capture(() =>
            {
                var response = JsonObjectConverter.FromJsonObject(responseJson, null);
                var results = new List<PSObject>();
                if (response.Properties["Results"]?.Value is not PSObject outputs)
                    throw new AzMlException(AzMlErrorCode.Invalid, "The scoring response has no Results object.", target: "Results");
                foreach (var output in outputs.Properties)
                {
                    switch (output.Value)
                    {
                        case object[] rows:
                            foreach (var row in rows)
                                if (row is PSObject fields) results.Add(Result(output.Name, PairsOf(fields)));
                            break;
                        case PSObject table when (table.Properties["value"]?.Value ?? table) is PSObject value &&
                                                 value.Properties["Values"]?.Value is object[] values:
                            var names = value.Properties["ColumnNames"]?.Value as object[];
                            foreach (var line in values)
                            {
                                var cells = line as object[] ?? Array.Empty<object>();
                                var pairs = new List<(string, object?)>(cells.Length);
                                for (var i = 0; i < cells.Length; i++)
                                {
                                    var name = names != null && i < names.Length ? names[i]?.ToString() : null;
                                    pairs.Add((string.IsNullOrEmpty(name) ? $"Column{i + 1}" : name!, cells[i]));
                                }
                                results.Add(Result(output.Name, pairs));
                            }
                            break;
                        default:
                            results.Add(Result(output.Name, new List<(string, object?)> { ("Value", output.Value) }));
                            break;
                    }
                }
                return results.ToArray();
            }, target);

        /// <summary>Writes the raw response to a file, UTF-8 without a byte order mark.</summary>
        public static Outcome WriteResponseFile(string fullPath, string responseJson, object? target) =>
            Outcome.Capture(() => System.IO.File.WriteAllText(fullPath, responseJson), target);

        // ------------------------------------------------------------------ helpers

        private static AzMlScoringEndpoint Create(string location, string key, string? caFile)
        {
            var options = new NativeRrsOptions();
            NativeCall.Check(RrsNativeMethods.RrsOptionsInit(ref options, RrsNativeMethods.RrsOptionsVersion), "azml_rrs_options_init");
            using var strings = new ServiceApiOptionStrings(location, key, caFile);
            options.ApiLocation = strings.Location;
            options.ApiKey = strings.Key;
            options.CaFile = strings.CaFile;
            options.UserAgent = strings.UserAgent;
            var status = RrsNativeMethods.RrsNew(out var handle, ref options);
            if (status < 0)
            {
                handle.Dispose();
                throw AzMlException.FromLastError(status, "azml_rrs_new");
            }
            return new AzMlScoringEndpoint(location, handle);
        }

        // A row's columns by name, in order: a dictionary's entries, or an object's properties
        // (a PSCustomObject's notes, as Import-Csv makes them; any other object's readable properties).
        private static OrderedDictionary Columns(object? row)
        {
            var columns = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
            var value = row is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : row;
            switch (value)
            {
                case null:
                    throw new PSArgumentException("A row to score is null; give hashtables or objects with one property per column.",
                                                  "InputObject");
                case IDictionary dictionary:
                    foreach (DictionaryEntry entry in dictionary)
                        columns[KeyText(entry.Key)] = entry.Value;
                    break;
                case string or ValueType:
                    throw new PSArgumentException(
                        $"A row to score is a {value.GetType().Name} ('{value}'); give hashtables or objects with one property per column, " +
                        "e.g. @{ 'mean radius' = 17.99; 'mean texture' = 10.38 }.", "InputObject");
                default:
                    foreach (var property in PSObject.AsPSObject(value).Properties)
                    {
                        if (!property.IsGettable || (property.MemberType & PSMemberTypes.Properties) == 0) continue;
                        columns[property.Name] = property.Value;
                    }
                    break;
            }
            return columns;
        }

        private static string KeyText(object key) =>
            (key is PSObject wrapped ? wrapped.BaseObject : key)?.ToString() ?? string.Empty;

        private static OrderedDictionary GlobalParameters(IDictionary? given)
        {
            var parameters = new OrderedDictionary();
            if (given == null) return parameters;
            foreach (DictionaryEntry entry in given)
                parameters[KeyText(entry.Key)] = Convert.ToString(entry.Value is PSObject p ? p.BaseObject : entry.Value,
                                                                  CultureInfo.InvariantCulture);
            return parameters;
        }

        private static List<(string, object?)> PairsOf(PSObject fields)
        {
            var pairs = new List<(string, object?)>();
            foreach (var property in fields.Properties) pairs.Add((property.Name, property.Value));
            return pairs;
        }

        // One AzMl.ScoringResult: the columns, then OutputName, with a default display of the
        // columns alone. Column names PowerShell cannot hold twice (same name in another case)
        // get " (2)", " (3)", ...
        private static PSObject Result(string outputName, List<(string Name, object? Value)> columns)
        {
            var result = new PSObject();
            result.TypeNames.Insert(0, ResultTypeName);
            var shown = new List<string>(columns.Count);
            foreach (var (name, value) in columns)
            {
                var unique = name;
                for (var n = 2; result.Properties[unique] != null || string.Equals(unique, OutputNameProperty, StringComparison.OrdinalIgnoreCase); n++)
                    unique = $"{name} ({n})";
                result.Properties.Add(new PSNoteProperty(unique, value));
                shown.Add(unique);
            }
            result.Properties.Add(new PSNoteProperty(OutputNameProperty, outputName));
            result.Members.Add(new PSMemberSet("PSStandardMembers",
                new PSMemberInfo[] { new PSPropertySet("DefaultDisplayPropertySet", shown) }));
            return result;
        }
    }
}
