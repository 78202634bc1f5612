// An azml-host process started by Start-AzMlHost.
//
// - It runs in a session of its own (through setsid(1) when available): Ctrl+C in the
//   PowerShell console signals the whole foreground process group, and must not stop the host.
// - Its stdout and stderr are drained into a small ring of recent lines, so a host that fails
//   to start can say why, and a full pipe can never block it.
// - It lives as long as the PowerShell process: hosts still running when the process exits are
//   sent SIGTERM, so an embedded host is not left behind.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace AzMl
{
    public sealed class HostProcess : IDisposable
    {
        private const int RecentLineCount = 40;
        private static readonly List<HostProcess> Running = new List<HostProcess>();
        private static bool exitHookInstalled;

        private readonly Process process;
        private readonly Queue<string> recentLines = new Queue<string>();

        private HostProcess(Process process, string executable, string dataDirectory)
        {
            this.process = process;
            Executable = executable;
            DataDirectory = dataDirectory;
        }

        public string Executable { get; }
        public string DataDirectory { get; }
        public int ProcessId => process.Id;

        public bool HasExited
        {
            get
            {
                try { return process.HasExited; }
                catch (InvalidOperationException) { return true; }
            }
        }

        public int? ExitCode => HasExited ? process.ExitCode : (int?)null;

        /// <summary>The last lines the host wrote to stdout and stderr.</summary>
        public string RecentOutput
        {
            get
            {
                lock (recentLines) return string.Join(Environment.NewLine, recentLines);
            }
        }

        /// <summary>Starts executable with arguments; the host's lifetime is then this object's.</summary>
        public static HostProcess Start(string executable, string dataDirectory, IEnumerable<string> arguments)
        {
            if (!File.Exists(executable))
                throw new FileNotFoundException($"The azml-host executable {executable} does not exist.", executable);

            var setsid = FindOnPath("setsid");
            var start = new ProcessStartInfo(setsid ?? executable)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                CreateNoWindow = true,
            };
            if (setsid != null) start.ArgumentList.Add(executable);
            foreach (var argument in arguments) start.ArgumentList.Add(argument);

            var process = new Process { StartInfo = start, EnableRaisingEvents = true };
            var host = new HostProcess(process, executable, dataDirectory);
            process.OutputDataReceived += (_, line) => host.Remember(line.Data);
            process.ErrorDataReceived += (_, line) => host.Remember(line.Data);
            if (!process.Start())
                throw new InvalidOperationException($"Could not start {executable}.");
            process.StandardInput.Close();  // the host reads nothing; EOF rather than a terminal
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            lock (Running)
            {
                Running.Add(host);
                if (!exitHookInstalled)
                {
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAllOnExit();
                    exitHookInstalled = true;
                }
            }
            return host;
        }

        /// <summary>
        /// Sends SIGTERM and waits for the host to exit. True when it exited in time (or had
        /// already); false when it is still running after the timeout.
        /// </summary>
        public bool Stop(TimeSpan timeout)
        {
            if (!HasExited) UnixSignals.Terminate(process.Id);
            var exited = process.WaitForExit((int)Math.Min(int.MaxValue, Math.Max(0, timeout.TotalMilliseconds)));
            if (exited)
            {
                process.WaitForExit();  // flushes the asynchronous output readers
                lock (Running) Running.Remove(this);
            }
            return exited;
        }

        /// <summary>The hosts this process started that are still running.</summary>
        public static HostProcess[] StartedHosts()
        {
            lock (Running) return Running.Where(host => !host.HasExited).ToArray();
        }

        public void Dispose() => process.Dispose();

        private void Remember(string? line)
        {
            if (line == null) return;
            lock (recentLines)
            {
                recentLines.Enqueue(line);
                while (recentLines.Count > RecentLineCount) recentLines.Dequeue();
            }
        }

        private static void StopAllOnExit()
        {
            HostProcess[] hosts;
            lock (Running) hosts = Running.ToArray();
            foreach (var host in hosts)
            {
                try { host.Stop(TimeSpan.FromSeconds(10)); }
                catch (Exception) { /* the process is exiting; nothing left to report to */ }
            }
        }

        private static string? FindOnPath(string program)
        {
            if (OperatingSystem.IsWindows()) return null;
            var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
            foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(directory, program);
                if (File.Exists(candidate)) return candidate;
            }
            return null;
        }
    }
}
