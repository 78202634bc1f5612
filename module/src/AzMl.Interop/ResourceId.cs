// ARM resource ids of Microsoft.MachineLearning resources, parsed as Az.MachineLearning parses
// them (CmdletHelpers.TryParseMlResourceMetadataFromResourceId), so the object parameter sets
// accept exactly the objects Az accepted.
using System;
using System.Collections;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace AzMl
{
    public sealed class ResourceId
    {
        private static readonly Regex Pattern = new Regex(
            @"^\/subscriptions\/(?<subscriptionId>[^\/]+)\/resourceGroups\/(?<resourceGroupName>[^\/]+)\/providers\/Microsoft.MachineLearning\/(?<resourceTypeName>[^\/]+)\/(?<resourceName>[^\/]+)$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

        private ResourceId(string subscriptionId, string resourceGroupName, string resourceType, string name)
        {
            SubscriptionId = subscriptionId;
            ResourceGroupName = resourceGroupName;
            ResourceType = resourceType;
            Name = name;
        }

        public string SubscriptionId { get; }
        public string ResourceGroupName { get; }
        public string ResourceType { get; }
        public string Name { get; }

        /// <summary>
        /// The resource id of a web service object: a PSCustomObject or a hashtable with an "id"
        /// (any case). Throws AzMlInvalidResourceIdException when there is none or it does not parse.
        /// </summary>
        public static ResourceId OfWebService(object? webService)
        {
            var id = IdOf(webService);
            return TryParse(id) ?? throw new AzMlInvalidResourceIdException(id);
        }

        private static string? IdOf(object? webService)
        {
            switch (webService is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : webService)
            {
                case PSObject psObject:
                    return psObject.Properties["id"]?.Value?.ToString();
                case IDictionary dictionary:
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        if (string.Equals(entry.Key?.ToString(), "id", StringComparison.OrdinalIgnoreCase))
                            return entry.Value?.ToString();
                    }
                    return null;
                default:
                    return null;
            }
        }

        /// <summary>The parsed id, or null when text is not a Microsoft.MachineLearning resource id.</summary>
        public static ResourceId? TryParse(string? text)
        {
            if (string.IsNullOrEmpty(text)) return null;
            var match = Pattern.Match(text);
            if (!match.Success) return null;
            return new ResourceId(match.Groups["subscriptionId"].Value, match.Groups["resourceGroupName"].Value,
                                  match.Groups["resourceTypeName"].Value, match.Groups["resourceName"].Value);
        }
    }
}
