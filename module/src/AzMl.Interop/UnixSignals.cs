// Signals through libc's kill(2). Stop-AzMlHost must send SIGTERM so the host shuts down
// cleanly (closes SQLite, removes host.json); Stop-Process would send SIGKILL.
using System;
using System.Runtime.InteropServices;

namespace AzMl
{
    public static class UnixSignals
    {
        private const int SignalTerminate = 15;  // SIGTERM on Linux and macOS
        private const int NoSuchProcess = 3;     // ESRCH

        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        private static extern int Kill(int pid, int signal);

        /// <summary>Sends SIGTERM. False when the process no longer exists.</summary>
        public static bool Terminate(int processId)
        {
            RequireUnix();
            if (processId <= 0) throw new ArgumentOutOfRangeException(nameof(processId), "A process id is positive.");
            if (Kill(processId, SignalTerminate) == 0) return true;
            var error = Marshal.GetLastPInvokeError();
            if (error == NoSuchProcess) return false;
            throw new InvalidOperationException($"kill({processId}, SIGTERM) failed with errno {error}.");
        }

        /// <summary>True while a process with this id exists (signal 0 checks without signalling).</summary>
        public static bool IsAlive(int processId)
        {
            RequireUnix();
            if (processId <= 0) return false;
            if (Kill(processId, 0) == 0) return true;
            // EPERM: it exists but belongs to someone else.
            return Marshal.GetLastPInvokeError() != NoSuchProcess;
        }

        private static void RequireUnix()
        {
            if (OperatingSystem.IsWindows())
                throw new PlatformNotSupportedException("azml-host runs on Linux and macOS; signals are not available on Windows.");
        }
    }
}
