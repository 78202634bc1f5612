// The P/Invoke declarations of libazml's C ABI (native/include/azml/azml.h), one to one.
// Strings go in as UTF-8 (LPUTF8Str); strings come back in library-owned azml_buf buffers that
// NativeBuffer releases.
using System;
using System.Runtime.InteropServices;

namespace AzMl
{
    /// <summary>The azml_error_code values of azml.h.</summary>
    public enum AzMlErrorCode
    {
        Ok = 0,
        Error = -1,
        NotFound = -3,
        Auth = -4,
        Conflict = -5,
        Invalid = -6,
        Timeout = -7,
        Cancelled = -8,
        Http = -9,
        Transport = -10,
        Throttled = -11,
        Failed = -12,
    }

    /// <summary>azml_buf: a NUL-terminated UTF-8 string owned by the library.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct NativeBuf
    {
        public IntPtr Ptr;
        public UIntPtr Size;
    }

    /// <summary>azml_error, as azml_error_last() returns it. Every string is non-NULL.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct NativeError
    {
        public int Code;
        public int HttpStatus;
        public IntPtr ServiceCode;
        public IntPtr Message;
        public IntPtr RequestId;
        public IntPtr Target;
        public IntPtr DetailsJson;
    }

    /// <summary>azml_client_options (version 1). Strings are UTF-8 pointers owned by the caller.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct NativeClientOptions
    {
        public uint Version;
        public IntPtr Endpoint;
        public IntPtr Token;
        public IntPtr SubscriptionId;
        public IntPtr ApiVersion;
        public uint TimeoutMs;
        public uint MaxRetries;
        public uint RetryDelayMs;
        public uint LroTimeoutMs;
        public IntPtr CaFile;
        public IntPtr UserAgent;
    }

    internal static class NativeMethods
    {
        // The logical name; NativeLibraryResolver maps it to the file beside this assembly.
        internal const string Library = "azml";
        internal const uint ClientOptionsVersion = 1;

        [DllImport(Library, EntryPoint = "azml_error_last")]
        internal static extern IntPtr ErrorLast();

        [DllImport(Library, EntryPoint = "azml_error_clear")]
        internal static extern void ErrorClear();

        [DllImport(Library, EntryPoint = "azml_buf_dispose")]
        internal static extern void BufDispose(ref NativeBuf buf);

        [DllImport(Library, EntryPoint = "azml_version")]
        internal static extern int Version(out int major, out int minor, out int patch);

        [DllImport(Library, EntryPoint = "azml_client_options_init")]
        internal static extern int ClientOptionsInit(ref NativeClientOptions options, uint version);

        [DllImport(Library, EntryPoint = "azml_client_new")]
        internal static extern int ClientNew(out AzMlClientHandle client, ref NativeClientOptions options);

        [DllImport(Library, EntryPoint = "azml_client_free")]
        internal static extern void ClientFree(IntPtr client);

        [DllImport(Library, EntryPoint = "azml_client_subscription_id")]
        internal static extern int ClientSubscriptionId(out IntPtr subscriptionId, AzMlClientHandle client);

        [DllImport(Library, EntryPoint = "azml_webservice_get")]
        internal static extern int WebServiceGet(ref NativeBuf output, AzMlClientHandle client,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string resourceGroup,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string name,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string? region);

        [DllImport(Library, EntryPoint = "azml_webservice_create_or_update")]
        internal static extern int WebServiceCreateOrUpdate(ref NativeBuf output, AzMlClientHandle client,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string resourceGroup,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string name,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string webServiceJson);

        [DllImport(Library, EntryPoint = "azml_webservice_patch")]
        internal static extern int WebServicePatch(ref NativeBuf output, AzMlClientHandle client,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string resourceGroup,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string name,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string patchJson);

        [DllImport(Library, EntryPoint = "azml_webservice_remove")]
        internal static extern int WebServiceRemove(AzMlClientHandle client,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string resourceGroup,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string name);

        [DllImport(Library, EntryPoint = "azml_webservice_list_keys")]
        internal static extern int WebServiceListKeys(ref NativeBuf output, AzMlClientHandle client,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string resourceGroup,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string name);

        [DllImport(Library, EntryPoint = "azml_webservice_list")]
        internal static extern int WebServiceList(ref NativeBuf output, AzMlClientHandle client,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string? resourceGroup);

        [DllImport(Library, EntryPoint = "azml_definition_validate")]
        internal static extern int DefinitionValidate([MarshalAs(UnmanagedType.LPUTF8Str)] string webServiceJson);

        [DllImport(Library, EntryPoint = "azml_definition_export")]
        internal static extern int DefinitionExport(ref NativeBuf output,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string webServiceJson);

        [DllImport(Library, EntryPoint = "azml_definition_import")]
        internal static extern int DefinitionImport(ref NativeBuf output,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string definitionJson);
    }
}
