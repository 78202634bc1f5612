// What the blob cmdlets call: each method one command step over the blob calls of the C ABI,
// returning an Outcome (see Outcome.cs). A blob failure's ErrorId is the storage service's own
// code (BlobNotFound, ContainerNotFound, AuthenticationFailed, ...) when it sent one, so that a
// runbook can tell a missing blob from a wrong key.
using System;
using System.Management.Automation;
using System.Runtime.InteropServices;

namespace AzMl
{
    public static class AzMlBlobOperations
    {
        public const string BlobTypeName = "AzMl.Blob";

        private delegate int ClientCall(IntPtr client);

        /// <summary>The connection string of the connected host's storage account.</summary>
        public static Outcome GetStorageConnectionString(AzMlClient? client, string? accountName, object? target) =>
            Capture(() =>
            {
                var connected = RequireClient(client);
                return NativeCall.ReturningText("azml_storage_connection_string",
                    (ref NativeBuf output) => BlobNativeMethods.StorageConnectionString(ref output, connected.Handle,
                        string.IsNullOrEmpty(accountName) ? null : accountName));
            }, target);

        /// <summary>Uploads bytes as a block blob and returns the blob as an AzMl.Blob object.</summary>
        public static Outcome SetBlobContent(AzMlClient? client, string? connectionString, string container, string blob,
                                             byte[] data, string? contentType, object? target) =>
            Capture(() =>
            {
                connectionString = NullIfEmpty(connectionString);
                WithClient(client, connectionString, pointer =>
                {
                    NativeCall.Check(BlobNativeMethods.BlobUpload(pointer, connectionString, container, blob, data,
                                                                  new UIntPtr((ulong)data.LongLength), contentType),
                                     "azml_blob_upload");
                    return 0;
                });
                return DescribeBlob(client, connectionString, container, blob);
            }, target);

        /// <summary>A blob's bytes.</summary>
        public static Outcome GetBlobContent(AzMlClient? client, string? connectionString, string container, string blob,
                                             object? target) =>
            Capture(() =>
            {
                connectionString = NullIfEmpty(connectionString);
                byte[] bytes = Array.Empty<byte>();
                WithClient(client, connectionString, pointer =>
                {
                    var buffer = new NativeBuf();
                    try
                    {
                        NativeCall.Check(BlobNativeMethods.BlobDownload(ref buffer, pointer, connectionString, container, blob),
                                         "azml_blob_download");
                        bytes = new byte[checked((int)buffer.Size.ToUInt64())];
                        if (bytes.Length > 0) Marshal.Copy(buffer.Ptr, bytes, 0, bytes.Length);
                    }
                    finally
                    {
                        NativeMethods.BufDispose(ref buffer);
                    }
                    return 0;
                });
                return bytes;
            }, target);

        /// <summary>A shared access signature ("?sv=...&amp;sig=...") for one blob, valid for validSeconds.</summary>
        public static Outcome GetBlobSas(AzMlClient? client, string? connectionString, string container, string blob,
                                         string permissions, uint validSeconds, object? target) =>
            Capture(() =>
            {
                connectionString = NullIfEmpty(connectionString);
                var token = string.Empty;
                WithClient(client, connectionString, pointer =>
                {
                    token = NativeCall.ReturningText("azml_blob_sas",
                        (ref NativeBuf output) => BlobNativeMethods.BlobSas(ref output, pointer, connectionString, container,
                                                                            blob, permissions, validSeconds));
                    return 0;
                });
                return token;
            }, target);

        public static Outcome ReadFileBytes(string fullPath, object? target) =>
            Outcome.Capture(() => System.IO.File.ReadAllBytes(fullPath), target);

        /// <summary>Writes bytes to a file and returns its FileInfo.</summary>
        public static Outcome WriteFileBytes(string fullPath, byte[] bytes, object? target) =>
            Outcome.Capture(() =>
            {
                System.IO.File.WriteAllBytes(fullPath, bytes);
                return new System.IO.FileInfo(fullPath);
            }, target);

        // PowerShell binds an unused [string] parameter as "", which means "none" here.
        private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

        private static AzMlClient RequireClient(AzMlClient? client) =>
            client == null || client.IsDisposed ? throw new AzMlNotConnectedException() : client;

        // Runs call with the client's native pointer (zero without a client), holding a reference
        // on the handle so that a disconnect cannot free it mid-call. Without a connection string
        // the call needs the client: it finds the host's account through it.
        private static int WithClient(AzMlClient? client, string? connectionString, ClientCall call)
        {
            if (client == null || client.IsDisposed)
            {
                if (string.IsNullOrEmpty(connectionString)) throw new AzMlNotConnectedException();
                return call(IntPtr.Zero);
            }
            var added = false;
            try
            {
                client.Handle.DangerousAddRef(ref added);
                return call(client.Handle.DangerousGetHandle());
            }
            finally
            {
                if (added) client.Handle.DangerousRelease();
            }
        }

        // The uploaded blob as the listing reports it: name, size, type, ETag and time.
        private static PSObject DescribeBlob(AzMlClient? client, string? connectionString, string container, string blob)
        {
            var json = string.Empty;
            WithClient(client, connectionString, pointer =>
            {
                json = NativeCall.ReturningText("azml_blob_list",
                    (ref NativeBuf output) => BlobNativeMethods.BlobList(ref output, pointer, connectionString, container, blob));
                return 0;
            });
            foreach (var item in JsonObjectConverter.FromJsonArray(json, BlobTypeName))
            {
                if (item.Properties["name"]?.Value as string != blob) continue;
                item.Properties.Add(new PSNoteProperty("container", container));
                return item;
            }
            throw new AzMlException(AzMlErrorCode.NotFound, $"The blob '{container}/{blob}' was uploaded but is not listed.");
        }

        private static Outcome Capture(Func<object?> step, object? target) => Outcome.CaptureServiceCode(step, target);
    }
}
