// The P/Invoke declarations of libazml's batch job calls (the "batch jobs (BES)" section of
// azml.h), one to one, and the handle that owns an azml_batch.
using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace AzMl
{
    /// <summary>azml_batch_options (version 1). Strings are UTF-8 pointers owned by the caller.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct NativeBatchOptions
    {
        public uint Version;
        public IntPtr ApiLocation;
        public IntPtr ApiKey;
        public uint TimeoutMs;
        public uint MaxRetries;
        public uint RetryDelayMs;
        public IntPtr CaFile;
        public IntPtr UserAgent;
    }

    /// <summary>Owns one azml_batch: freed exactly once, never while a call on it is in flight.</summary>
    public sealed class AzMlBatchHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        public AzMlBatchHandle() : base(ownsHandle: true) { }

        protected override bool ReleaseHandle()
        {
            BatchNativeMethods.BatchFree(handle);
            return true;
        }
    }

    internal static class BatchNativeMethods
    {
        internal const uint BatchOptionsVersion = 1;

        [DllImport(NativeMethods.Library, EntryPoint = "azml_batch_options_init")]
        internal static extern int BatchOptionsInit(ref NativeBatchOptions options, uint version);

        [DllImport(NativeMethods.Library, EntryPoint = "azml_batch_new")]
        internal static extern int BatchNew(out AzMlBatchHandle batch, ref NativeBatchOptions options);

        [DllImport(NativeMethods.Library, EntryPoint = "azml_batch_free")]
        internal static extern void BatchFree(IntPtr batch);

        [DllImport(NativeMethods.Library, EntryPoint = "azml_batch_job_submit")]
        internal static extern int JobSubmit(ref NativeBuf jobId, AzMlBatchHandle batch,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string requestJson);

        [DllImport(NativeMethods.Library, EntryPoint = "azml_batch_job_start")]
        internal static extern int JobStart(AzMlBatchHandle batch, [MarshalAs(UnmanagedType.LPUTF8Str)] string jobId);

        [DllImport(NativeMethods.Library, EntryPoint = "azml_batch_job_get")]
        internal static extern int JobGet(ref NativeBuf output, AzMlBatchHandle batch,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string jobId);

        [DllImport(NativeMethods.Library, EntryPoint = "azml_batch_job_cancel")]
        internal static extern int JobCancel(AzMlBatchHandle batch, [MarshalAs(UnmanagedType.LPUTF8Str)] string jobId);

        [DllImport(NativeMethods.Library, EntryPoint = "azml_batch_job_list")]
        internal static extern int JobList(ref NativeBuf output, AzMlBatchHandle batch);
    }
}
