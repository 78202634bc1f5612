using System;
using System.Runtime.InteropServices;

namespace AzMl
{
    /// <summary>
    /// The unmanaged UTF-8 strings of a service API's options (azml_batch_options, azml_rrs_options):
    /// location, key, CA file and user agent, held while the handle is created. The library copies
    /// them; disposing frees them, and wipes the key first so it does not linger in unmanaged memory.
    /// </summary>
    internal sealed class ServiceApiOptionStrings : IDisposable
    {
        public ServiceApiOptionStrings(string location, string key, string? caFile)
        {
            try
            {
                Location = Marshal.StringToCoTaskMemUTF8(location);
                Key = Marshal.StringToCoTaskMemUTF8(key);
                CaFile = string.IsNullOrEmpty(caFile) ? IntPtr.Zero : Marshal.StringToCoTaskMemUTF8(caFile);
                UserAgent = Marshal.StringToCoTaskMemUTF8(AzMlOperations.UserAgent);
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        public IntPtr Location { get; private set; }
        public IntPtr Key { get; private set; }
        public IntPtr CaFile { get; private set; }
        public IntPtr UserAgent { get; private set; }

        public void Dispose()
        {
            AzMlClient.FreeSecret(Key);
            Marshal.FreeCoTaskMem(Location);
            Marshal.FreeCoTaskMem(CaFile);
            Marshal.FreeCoTaskMem(UserAgent);
            Key = Location = CaFile = UserAgent = IntPtr.Zero;
        }
    }
}
