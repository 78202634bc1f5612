// The one exception type of the module: a libazml failure with everything azml_error_last()
// knew about it (code, HTTP status, the service's error code and message, request id, target,
// details). Its Message reads like Az.MachineLearning's "Resource Provider Error" text so that
// scripts and people that parse or read those messages keep working.
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace AzMl
{
    /// <summary>One entry of an error's details (ARM error body "details").</summary>
    public sealed class AzMlErrorDetail
    {
        public AzMlErrorDetail(string code, string message, string target)
        {
            Code = code;
            Message = message;
            Target = target;
        }

        public string Code { get; }
        public string Message { get; }
        public string Target { get; }

        public override string ToString() =>
            Target.Length == 0 ? $"[Code={Code}, Message={Message}]" : $"[Code={Code}, Message={Message}, Target={Target}]";
    }

    public sealed class AzMlException : Exception
    {
        public AzMlException(AzMlErrorCode code, string message, int httpStatus = 0, string serviceCode = "",
                             string requestId = "", string target = "", IReadOnlyList<AzMlErrorDetail>? details = null,
                             int rawCode = 0, Exception? innerException = null)
            : base(Format(message, httpStatus, serviceCode, requestId, target, details ?? Array.Empty<AzMlErrorDetail>()),
                   innerException)
        {
            Code = code;
            RawCode = rawCode == 0 ? (int)code : rawCode;
            HttpStatus = httpStatus;
            ServiceCode = serviceCode;
            ServiceMessage = message;
            RequestId = requestId;
            Target = target;
            Details = details ?? Array.Empty<AzMlErrorDetail>();
        }

        /// <summary>The azml status; codes this version does not know are reported as Error (SQLite's rule).</summary>
        public AzMlErrorCode Code { get; }
        /// <summary>The status exactly as the library returned it.</summary>
        public int RawCode { get; }
        /// <summary>0 when no HTTP exchange was involved.</summary>
        public int HttpStatus { get; }
        /// <summary>The service's error code, e.g. "NotFound".</summary>
        public string ServiceCode { get; }
        /// <summary>The library's or service's message, without the Az-style decoration of Message.</summary>
        public string ServiceMessage { get; }
        /// <summary>x-ms-request-id of the failed exchange.</summary>
        public string RequestId { get; }
        /// <summary>The JSON path or parameter the error is about.</summary>
        public string Target { get; }
        public IReadOnlyList<AzMlErrorDetail> Details { get; }

        /// <summary>True when a service answered (as opposed to a local or transport failure).</summary>
        public bool IsServiceError => HttpStatus != 0;

        /// <summary>
        /// Builds the exception for a failed call from the calling thread's azml_error_last().
        /// Must run on the thread that made the call, right after it.
        /// </summary>
        internal static AzMlException FromLastError(int status, string operation)
        {
            var code = Enum.IsDefined(typeof(AzMlErrorCode), status) ? (AzMlErrorCode)status : AzMlErrorCode.Error;
            var pointer = NativeMethods.ErrorLast();
            if (pointer == IntPtr.Zero)
            {
                return new AzMlException(code, $"{operation} failed with status {status} and no error details.",
                                         rawCode: status);
            }
            var error = Marshal.PtrToStructure<NativeError>(pointer);
            var message = Utf8(error.Message);
            if (message.Length == 0) message = $"{operation} failed with status {status}.";
            return new AzMlException(code, message, error.HttpStatus, Utf8(error.ServiceCode), Utf8(error.RequestId),
                                     Utf8(error.Target), ParseDetails(Utf8(error.DetailsJson)), status);
        }

        internal static string Utf8(IntPtr text) => text == IntPtr.Zero ? string.Empty : Marshal.PtrToStringUTF8(text) ?? string.Empty;

        /// <summary>Parses details_json ([{code,message,target}]); a malformed list is kept as one raw entry.</summary>
        internal static IReadOnlyList<AzMlErrorDetail> ParseDetails(string detailsJson)
        {
            if (string.IsNullOrWhiteSpace(detailsJson)) return Array.Empty<AzMlErrorDetail>();
            try
            {
                using var document = JsonDocument.Parse(detailsJson);
                if (document.RootElement.ValueKind != JsonValueKind.Array) return Array.Empty<AzMlErrorDetail>();
                var details = new List<AzMlErrorDetail>();
                foreach (var item in document.RootElement.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object) continue;
                    details.Add(new AzMlErrorDetail(StringMember(item, "code"), StringMember(item, "message"),
                                                    StringMember(item, "target")));
                }
                return details;
            }
            catch (JsonException)
            {
                return new[] { new AzMlErrorDetail(string.Empty, detailsJson, string.Empty) };
            }
        }

        private static string StringMember(JsonElement item, string name)
        {
            foreach (var property in item.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                    return property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() ?? "" : property.Value.GetRawText();
            }
            return string.Empty;
        }

        // Service errors get Az.MachineLearning's layout (WebServicesCmdletBase); local errors read
        // as one sentence, with the JSON path they are about when the message does not say it.
        private static string Format(string message, int httpStatus, string serviceCode, string requestId, string target,
                                     IReadOnlyList<AzMlErrorDetail> details)
        {
            if (httpStatus == 0)
            {
                var text = new StringBuilder(message);
                if (target.Length > 0 && !message.Contains(target, StringComparison.Ordinal))
                    text.Append(" (at ").Append(target).Append(')');
                if (details.Count > 1)
                {
                    text.Append(Environment.NewLine).Append("Error Details:");
                    foreach (var detail in details) text.Append(Environment.NewLine).Append('\t').Append(detail);
                }
                return text.ToString();
            }

            var lines = new StringBuilder();
            lines.Append("Request Id: ").Append(requestId).Append(Environment.NewLine);
            lines.Append("Error Code: ").Append(serviceCode).Append(Environment.NewLine);
            lines.Append("Error Message: ").Append(message).Append(Environment.NewLine);
            lines.Append("Error Target: ").Append(target).Append(Environment.NewLine);
            lines.Append("Error Details:");
            foreach (var detail in details) lines.Append(Environment.NewLine).Append('\t').Append(detail);
            return lines.ToString();
        }
    }
}
