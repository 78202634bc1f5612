// The P/Invoke declarations of libazml's classic calls (the "classic web services and endpoints"
// section of azml.h), one to one. workspace_id NULL means the client's subscription.
using System;
using System.Runtime.InteropServices;

namespace AzMl
{
    /// <summary>azml_endpoint_options (version 1). Strings are UTF-8 pointers owned by the caller.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct NativeEndpointOptions
    {
        public uint Version;
        public IntPtr Description;
        public IntPtr ThrottleLevel;
        public int MaxConcurrentCalls;
        public int PreventUpdate;
    }

    internal static class EndpointNativeMethods
    {
        internal const uint EndpointOptionsVersion = 1;

        [DllImport(NativeMethods.Library, EntryPoint = "azml_classic_webservice_list")]
        internal static extern int WebServiceList(ref NativeBuf output, AzMlClientHandle client,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string? workspaceId);

        [DllImport(NativeMethods.Library, EntryPoint = "azml_classic_webservice_get")]
        internal static extern int WebServiceGet(ref NativeBuf output, AzMlClientHandle client,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string? workspaceId,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string webServiceId);

        [DllImport(NativeMethods.Library, EntryPoint = "azml_classic_webservice_remove")]
        internal static extern int WebServiceRemove(AzMlClientHandle client,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string? workspaceId,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string webServiceId);

        [DllImport(NativeMethods.Library, EntryPoint = "azml_endpoint_list")]
        internal static extern int EndpointList(ref NativeBuf output, AzMlClientHandle client,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string? workspaceId,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string webServiceId);

        [DllImport(NativeMethods.Library, EntryPoint = "azml_endpoint_get")]
        internal static extern int EndpointGet(ref NativeBuf output, AzMlClientHandle client,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string? workspaceId,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string webServiceId,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string endpointName);

        [DllImport(NativeMethods.Library, EntryPoint = "azml_endpoint_options_init")]
        internal static extern int EndpointOptionsInit(ref NativeEndpointOptions options, uint version);

        [DllImport(NativeMethods.Library, EntryPoint = "azml_endpoint_add")]
        internal static extern int EndpointAdd(ref NativeBuf output, AzMlClientHandle client,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string? workspaceId,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string webServiceId,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string endpointName,
            ref NativeEndpointOptions options);

        [DllImport(NativeMethods.Library, EntryPoint = "azml_endpoint_patch")]
        internal static extern int EndpointPatch(ref NativeBuf output, AzMlClientHandle client,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string? workspaceId,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string webServiceId,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string endpointName,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string patchJson);

        [DllImport(NativeMethods.Library, EntryPoint = "azml_endpoint_update_resource")]
        internal static extern int EndpointUpdateResource(ref NativeBuf output, AzMlClientHandle client,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string? workspaceId,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string webServiceId,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string endpointName,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string resourceName,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string baseLocation,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string relativeLocation,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string? sasBlobToken);

        [DllImport(NativeMethods.Library, EntryPoint = "azml_endpoint_refresh")]
        internal static extern int EndpointRefresh(ref NativeBuf output, out int refreshed, AzMlClientHandle client,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string? workspaceId,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string webServiceId,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string endpointName,
            int overwriteResources);

        [DllImport(NativeMethods.Library, EntryPoint = "azml_endpoint_remove")]
        internal static extern int EndpointRemove(AzMlClientHandle client,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string? workspaceId,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string webServiceId,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string endpointName);
    }
}
