// Owns one azml_client: freed exactly once, even when a PowerShell session drops it without
// disconnecting, and never while a call on it is in flight (SafeHandle's reference counting).
using System;
using Microsoft.Win32.SafeHandles;

namespace AzMl
{
    public sealed class AzMlClientHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        public AzMlClientHandle() : base(ownsHandle: true) { }

        protected override bool ReleaseHandle()
        {
            NativeMethods.ClientFree(handle);
            return true;
        }
    }
}
