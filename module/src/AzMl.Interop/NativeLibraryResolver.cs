// Finds libazml beside this assembly, so the module works from wherever it is installed or
// staged without LD_LIBRARY_PATH, and never picks up a different libazml from the system paths.
using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AzMl
{
    internal static class NativeLibraryResolver
    {
        // A module initializer runs when pwsh loads the assembly, before any P/Invoke can happen;
        // that is the point of CA2255's warning, and exactly what a P/Invoke library needs.
#pragma warning disable CA2255
        [ModuleInitializer]
#pragma warning restore CA2255
        internal static void Register()
        {
            NativeLibrary.SetDllImportResolver(typeof(NativeLibraryResolver).Assembly, Resolve);
        }

        /// <summary>The file names libazml may have beside the assembly, most specific first.</summary>
        internal static IReadOnlyList<string> CandidateFileNames()
        {
            if (OperatingSystem.IsWindows()) return new[] { "azml.dll" };
            if (OperatingSystem.IsMacOS()) return new[] { "libazml.0.dylib", "libazml.dylib" };
            return new[] { "libazml.so.0", "libazml.so" };
        }

        internal static string AssemblyDirectory =>
            Path.GetDirectoryName(typeof(NativeLibraryResolver).Assembly.Location) ?? AppContext.BaseDirectory;

        private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
        {
            if (libraryName != NativeMethods.Library) return IntPtr.Zero;  // libc and friends: default probing

            var tried = new List<string>();
            foreach (var fileName in CandidateFileNames())
            {
                var path = Path.Combine(AssemblyDirectory, fileName);
                tried.Add(path);
                if (File.Exists(path)) return NativeLibrary.Load(path);
            }
            throw new DllNotFoundException(
                "The AzMl module could not find its native library libazml beside it (looked for " +
                string.Join(", ", tried) + "). Reinstall the module, or rebuild it with cmake so that " +
                "the library is staged next to AzMl.Interop.dll.");
        }
    }
}
