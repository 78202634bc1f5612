// Failures the commands detect themselves, before any libazml call. Each has its own type so
// that AzMlErrorRecords gives it its own ErrorId; the messages are Az.MachineLearning's.
using System;
using System.IO;
using System.Management.Automation;

namespace AzMl
{
    /// <summary>A command that needs a connection ran before Start-AzMlHost or Connect-AzMlAccount.</summary>
    public sealed class AzMlNotConnectedException : InvalidOperationException
    {
        public AzMlNotConnectedException()
            : base("This session is not connected to an azml endpoint. Run Start-AzMlHost for a local host, " +
                   "or Connect-AzMlAccount -Endpoint <uri> -Token <token> for a running one.")
        {
        }
    }

    /// <summary>A web service object whose id is not an ARM resource id (Az: InvalidWebServiceIdOnObject).</summary>
    public sealed class AzMlInvalidResourceIdException : ValidationMetadataException
    {
        public AzMlInvalidResourceIdException(string? id)
            : base("The passed in machine learning web service object does not have a valid ARM resource id. ")
        {
            Id = id ?? string.Empty;
        }

        /// <summary>The id the object had ("" when it had none).</summary>
        public string Id { get; }
    }

    /// <summary>A definition file that does not exist (Az: MissingDefinitionFile).</summary>
    public sealed class AzMlMissingDefinitionFileException : FileNotFoundException
    {
        public AzMlMissingDefinitionFileException(string path)
            : base("The specified web service definition file path does not exist.", path)
        {
        }

        // FileNotFoundException appends the file name to Message; Az's text stands alone.
        public override string Message => "The specified web service definition file path does not exist.";
    }

    /// <summary>-Name without -ResourceGroupName (Az: MissingResourceGroupName).</summary>
    public sealed class AzMlMissingResourceGroupException : PSArgumentNullException
    {
        public AzMlMissingResourceGroupException()
            : base("ResourceGroupName", "The resource group name is missing.")
        {
        }

        public override string Message => "The resource group name is missing.";
    }
}

namespace AzMl
{
    /// <summary>
    /// A definition (file or string) that libazml's import rejected: malformed JSON (with line
    /// and column) or an invalid web service (with the JSON path). The library's error, with
    /// every detail, is the inner exception.
    /// </summary>
    public sealed class AzMlInvalidDefinitionException : FormatException
    {
        public AzMlInvalidDefinitionException(string source, AzMlException cause)
            : base($"The web service definition in {source} is not valid: {cause.Message}", cause)
        {
            Source = source;
            Target = cause.Target;
            Details = cause.Details;
        }

        /// <summary>Where the definition came from: the file's path, or "the JSON string".</summary>
        public new string Source { get; }
        /// <summary>The JSON path (or line) of the first problem.</summary>
        public string Target { get; }
        public System.Collections.Generic.IReadOnlyList<AzMlErrorDetail> Details { get; }
    }
}
