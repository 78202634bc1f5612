// The one table that maps azml status codes to PowerShell's ErrorId and ErrorCategory
// (LibGit2Sharp's Ensure), and the factory the cmdlets use to turn any caught exception into an
// ErrorRecord with the target object.
using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace AzMl
{
    /// <summary>How one kind of failure is reported: ErrorId, category, and what to do about it.</summary>
    public sealed class AzMlErrorClass
    {
        internal AzMlErrorClass(string errorId, ErrorCategory category, string recommendedAction)
        {
            ErrorId = errorId;
            Category = category;
            RecommendedAction = recommendedAction;
        }

        public string ErrorId { get; }
        public ErrorCategory Category { get; }
        public string RecommendedAction { get; }
    }

    public static class AzMlErrorRecords
    {
        private static readonly Dictionary<AzMlErrorCode, AzMlErrorClass> ByCode = new Dictionary<AzMlErrorCode, AzMlErrorClass>
        {
            [AzMlErrorCode.Error] = new AzMlErrorClass("AzMlError", ErrorCategory.NotSpecified, ""),
            [AzMlErrorCode.NotFound] = new AzMlErrorClass("ResourceNotFound", ErrorCategory.ObjectNotFound,
                "Check the resource group and web service names; Get-AzMlWebService -ResourceGroupName <name> lists what exists."),
            [AzMlErrorCode.Auth] = new AzMlErrorClass("Unauthorized", ErrorCategory.AuthenticationError,
                "Connect with the endpoint's admin token: Connect-AzMlAccount -Endpoint <uri> -Token <token>, or Start-AzMlHost for a local host."),
            [AzMlErrorCode.Conflict] = new AzMlErrorClass("ResourceConflict", ErrorCategory.InvalidOperation,
                "The resource's current state does not allow this; the message says why and what to do."),
            [AzMlErrorCode.Invalid] = new AzMlErrorClass("InvalidArgument", ErrorCategory.InvalidArgument, ""),
            [AzMlErrorCode.Timeout] = new AzMlErrorClass("OperationTimeout", ErrorCategory.OperationTimeout,
                "Check that the endpoint is reachable and try again."),
            [AzMlErrorCode.Cancelled] = new AzMlErrorClass("OperationCancelled", ErrorCategory.OperationStopped, ""),
            [AzMlErrorCode.Http] = new AzMlErrorClass("ResourceProviderError", ErrorCategory.ProtocolError, ""),
            [AzMlErrorCode.Transport] = new AzMlErrorClass("ConnectionFailed", ErrorCategory.ConnectionError,
                "Check the endpoint URL and that the host is running (Get-AzMlContext shows the endpoint in use)."),
            [AzMlErrorCode.Throttled] = new AzMlErrorClass("Throttled", ErrorCategory.LimitsExceeded,
                "The service is throttling requests; wait and try again."),
            [AzMlErrorCode.Failed] = new AzMlErrorClass("OperationFailed", ErrorCategory.InvalidResult, ""),
        };

        /// <summary>The ErrorId and category for a status code; unknown codes are treated as Error.</summary>
        public static AzMlErrorClass Classify(AzMlErrorCode code) =>
            ByCode.TryGetValue(code, out var found) ? found : ByCode[AzMlErrorCode.Error];

        /// <summary>
        /// The ErrorRecord for an exception caught in a cmdlet (the MethodInvocationException that
        /// PowerShell wraps around .NET exceptions is looked through). errorId, when given, replaces
        /// the table's, for failures a cmdlet knows more about (an invalid definition file, say).
        /// </summary>
        public static ErrorRecord FromException(Exception exception, object? target, string? errorId = null)
        {
            var cause = Unwrap(exception);
            if (cause is AzMlException azml)
            {
                var known = Classify(azml.Code);
                var record = new ErrorRecord(azml, errorId ?? known.ErrorId, known.Category, target);
                if (known.RecommendedAction.Length > 0)
                    record.ErrorDetails = new ErrorDetails(azml.Message) { RecommendedAction = known.RecommendedAction };
                return record;
            }
            var (id, category) = ClassifyOther(cause);
            return new ErrorRecord(cause, errorId ?? id, category, target);
        }

        /// <summary>A new ErrorRecord for a failure the module detects itself.</summary>
        public static ErrorRecord Create(Exception exception, string errorId, ErrorCategory category, object? target) =>
            new ErrorRecord(exception, errorId, category, target);

        internal static Exception Unwrap(Exception exception)
        {
            var current = exception;
            while ((current is MethodInvocationException || current is TargetInvocationException ||
                    current is TypeInitializationException) && current.InnerException != null)
            {
                current = current.InnerException;
            }
            return current;
        }

        private static (string, ErrorCategory) ClassifyOther(Exception exception) => exception switch
        {
            AzMlNotConnectedException => ("NotConnected", ErrorCategory.ConnectionError),
            AzMlInvalidResourceIdException => ("InvalidWebServiceIdOnObject", ErrorCategory.InvalidArgument),
            AzMlMissingDefinitionFileException => ("MissingDefinitionFile", ErrorCategory.ObjectNotFound),
            AzMlMissingResourceGroupException => ("MissingResourceGroupName", ErrorCategory.InvalidArgument),
            AzMlInvalidDefinitionException => ("InvalidWebServiceDefinition", ErrorCategory.InvalidData),
            FileNotFoundException => ("FileNotFound", ErrorCategory.ObjectNotFound),
            DirectoryNotFoundException => ("DirectoryNotFound", ErrorCategory.ObjectNotFound),
            UnauthorizedAccessException => ("AccessDenied", ErrorCategory.PermissionDenied),
            IOException => ("FileError", ErrorCategory.ResourceUnavailable),
            TimeoutException => ("OperationTimeout", ErrorCategory.OperationTimeout),
            DllNotFoundException => ("NativeLibraryNotFound", ErrorCategory.NotInstalled),
            EntryPointNotFoundException => ("NativeFunctionNotFound", ErrorCategory.NotImplemented),
            PSArgumentException or ArgumentException => ("InvalidArgument", ErrorCategory.InvalidArgument),
            ValidationMetadataException => ("InvalidArgument", ErrorCategory.InvalidArgument),
            _ => ("UnexpectedError", ErrorCategory.NotSpecified),
        };
    }
}
