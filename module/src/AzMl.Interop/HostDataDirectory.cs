// The files an azml-host keeps in its data directory that a client reads: host.json (written
// atomically once the host serves) and admin-token (the management bearer token, mode 0600).
using System;
using System.IO;
using System.Security;
using System.Text.Json;

namespace AzMl
{
    /// <summary>What host.json says: where the host listens, its process id and subscription.</summary>
    public sealed class HostReadyInfo
    {
        internal HostReadyInfo(string endpoint, int processId, string subscriptionId)
        {
            Endpoint = endpoint;
            ProcessId = processId;
            SubscriptionId = subscriptionId;
        }

        public string Endpoint { get; }
        public int ProcessId { get; }
        public string SubscriptionId { get; }
    }

    public static class HostDataDirectory
    {
        public const string ReadyFileName = "host.json";
        public const string AdminTokenFileName = "admin-token";

        public static string ReadyFilePath(string dataDirectory) => Path.Combine(dataDirectory, ReadyFileName);
        public static string AdminTokenPath(string dataDirectory) => Path.Combine(dataDirectory, AdminTokenFileName);

        /// <summary>
        /// host.json's content, or null while it does not exist or is not (yet) a complete ready
        /// file. The host writes it with a rename, so a partial file means another writer.
        /// </summary>
        public static HostReadyInfo? TryReadReadyFile(string dataDirectory)
        {
            string text;
            try
            {
                text = File.ReadAllText(ReadyFilePath(dataDirectory));
            }
            catch (Exception error) when (error is FileNotFoundException || error is DirectoryNotFoundException)
            {
                return null;
            }

            try
            {
                using var document = JsonDocument.Parse(text);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object) return null;
                if (!root.TryGetProperty("endpoint", out var endpoint) || endpoint.ValueKind != JsonValueKind.String) return null;
                if (!root.TryGetProperty("pid", out var pid) || !pid.TryGetInt32(out var processId)) return null;
                var subscriptionId = root.TryGetProperty("subscriptionId", out var subscription) &&
                                     subscription.ValueKind == JsonValueKind.String
                                         ? subscription.GetString() ?? string.Empty
                                         : string.Empty;
                return new HostReadyInfo(endpoint.GetString() ?? string.Empty, processId, subscriptionId);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        /// <summary>The admin token, read-only, as a SecureString; a clear error when it is missing or empty.</summary>
        public static SecureString ReadAdminToken(string dataDirectory)
        {
            var path = AdminTokenPath(dataDirectory);
            string text;
            try
            {
                text = File.ReadAllText(path).Trim();
            }
            catch (Exception error) when (error is FileNotFoundException || error is DirectoryNotFoundException)
            {
                throw new AzMlException(AzMlErrorCode.Auth,
                    $"The host's admin token file {path} does not exist; is {dataDirectory} an azml-host data directory?",
                    target: path, innerException: error);
            }
            if (text.Length == 0)
                throw new AzMlException(AzMlErrorCode.Auth, $"The host's admin token file {path} is empty.", target: path);

            var token = new SecureString();
            foreach (var c in text) token.AppendChar(c);
            token.MakeReadOnly();
            return token;
        }
    }
}
