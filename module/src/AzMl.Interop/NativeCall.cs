// The calling convention of azml.h in one place: check the status, turn a failure into an
// AzMlException from the same thread's last error, copy an azml_buf out and always dispose it.
using System;
using System.Runtime.InteropServices;

namespace AzMl
{
    internal static class NativeCall
    {
        internal delegate int BufferCall(ref NativeBuf output);

        /// <summary>Runs a call that fills an azml_buf and returns its text.</summary>
        internal static string ReturningText(string operation, BufferCall call)
        {
            var buffer = new NativeBuf();
            try
            {
                var status = call(ref buffer);
                Check(status, operation);
                if (buffer.Ptr == IntPtr.Zero) return string.Empty;
                return Marshal.PtrToStringUTF8(buffer.Ptr, checked((int)buffer.Size.ToUInt64()));
            }
            finally
            {
                NativeMethods.BufDispose(ref buffer);
            }
        }

        /// <summary>Throws the AzMlException for a negative status.</summary>
        internal static void Check(int status, string operation)
        {
            if (status < 0) throw AzMlException.FromLastError(status, operation);
        }
    }
}
