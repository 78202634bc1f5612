// The P/Invoke declarations of libazml's request-response scoring calls (the "request-response
// scoring (RRS)" section of azml.h), one to one, and the handle that owns an azml_rrs.
using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace AzMl
{
    /// <summary>azml_rrs_options (version 1). Strings are UTF-8 pointers owned by the caller.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct NativeRrsOptions
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

    /// <summary>Owns one azml_rrs: freed exactly once, never while a call on it is in flight.</summary>
    public sealed class AzMlRrsHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        public AzMlRrsHandle() : base(ownsHandle: true) { }

        protected override bool ReleaseHandle()
        {
            RrsNativeMethods.RrsFree(handle);
            return true;
        }
    }

    internal static class RrsNativeMethods
    {
        internal const uint RrsOptionsVersion = 1;

        // Flags of azml_rrs_execute.
        internal const uint Details = 1;
        internal const uint Swagger = 2;

        [DllImport(NativeMethods.Library, EntryPoint = "azml_rrs_options_init")]
        internal static extern int RrsOptionsInit(ref NativeRrsOptions options, uint version);

        [DllImport(NativeMethods.Library, EntryPoint = "azml_rrs_new")]
        internal static extern int RrsNew(out AzMlRrsHandle rrs, ref NativeRrsOptions options);

        [DllImport(NativeMethods.Library, EntryPoint = "azml_rrs_free")]
        internal static extern void RrsFree(IntPtr rrs);

        [DllImport(NativeMethods.Library, EntryPoint = "azml_rrs_execute")]
        internal static extern int RrsExecute(ref NativeBuf output, AzMlRrsHandle rrs,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string requestJson, uint flags);
    }
}
