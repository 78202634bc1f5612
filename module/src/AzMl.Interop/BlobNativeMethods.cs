// The P/Invoke declarations of libazml's blob calls (the "blob storage" section of azml.h), one
// to one. The calls that may go without a client take its raw pointer (IntPtr.Zero for none);
// AzMlBlobOperations holds a reference on the handle while they run.
using System;
using System.Runtime.InteropServices;

namespace AzMl
{
    internal static class BlobNativeMethods
    {
        [DllImport(NativeMethods.Library, EntryPoint = "azml_storage_connection_string")]
        internal static extern int StorageConnectionString(ref NativeBuf output, AzMlClientHandle client,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string? accountName);

        [DllImport(NativeMethods.Library, EntryPoint = "azml_blob_upload")]
        internal static extern int BlobUpload(IntPtr client,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string? connectionString,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string container,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string blob,
            byte[] data, UIntPtr size,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string? contentType);

        [DllImport(NativeMethods.Library, EntryPoint = "azml_blob_download")]
        internal static extern int BlobDownload(ref NativeBuf output, IntPtr client,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string? connectionString,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string container,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string blob);

        [DllImport(NativeMethods.Library, EntryPoint = "azml_blob_sas")]
        internal static extern int BlobSas(ref NativeBuf output, IntPtr client,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string? connectionString,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string container,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string blob,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string permissions,
            uint validSeconds);

        [DllImport(NativeMethods.Library, EntryPoint = "azml_blob_list")]
        internal static extern int BlobList(ref NativeBuf output, IntPtr client,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string? connectionString,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string container,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string? prefix);
    }
}
