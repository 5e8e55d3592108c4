using System.Runtime.InteropServices;

namespace AuthorBot.Bot.Hosting;

/// <summary>
/// On a machine (or container, or CPU affinity) with one CPU, the runtime waits ten times longer (1 s instead of
/// 100 ms) after any new code is compiled before it starts optimizing hot methods. A bot under steady load keeps
/// compiling a little new code, so the wait keeps restarting and the hot path stays on unoptimized code for a minute
/// or more: measured at three times the CPU per turn. The wait is a runtime setting that only the environment can
/// change, so on Linux the host re-executes itself once, in place (same process id), with the wait set to zero.
/// </summary>
internal static partial class SingleCpuTiering
{
    private const string DelaySetting = "DOTNET_TC_CallCountingDelayMs";
    private const string OptOutSetting = "AUTHORBOT_KEEP_RUNTIME_DEFAULTS";

    /// <summary>Re-executes the process with the tiering delay at zero when that helps; returns when it does not apply or fails.</summary>
    public static void ReexecuteIfNeeded()
    {
        if (!OperatingSystem.IsLinux()
            || Environment.ProcessorCount != 1
            || Environment.GetEnvironmentVariable(DelaySetting) is not null
            || Environment.GetEnvironmentVariable(OptOutSetting) is not null)
        {
            return;
        }

        string[] argv;
        try
        {
            // The exact original command line (host, dll, arguments), so `dotnet App.dll` and the apphost both come back as they were.
            argv = File.ReadAllText("/proc/self/cmdline").Split('\0', StringSplitOptions.None)[..^1];
        }
        catch (IOException)
        {
            return;
        }
        catch (UnauthorizedAccessException)
        {
            return;
        }

        if (argv.Length == 0)
        {
            return;
        }

        var environment = Environment.GetEnvironmentVariables()
            .Cast<System.Collections.DictionaryEntry>()
            .Select(e => $"{e.Key}={e.Value}")
            .Append($"{DelaySetting}=0")
            .ToArray();
        var argvPointers = ToNativeStrings(argv);
        var environmentPointers = ToNativeStrings(environment);
        try
        {
            // Only returns on failure; the process then simply carries on with the runtime's defaults.
            _ = Execve("/proc/self/exe", argvPointers, environmentPointers);
        }
        finally
        {
            FreeNativeStrings(argvPointers);
            FreeNativeStrings(environmentPointers);
        }
    }

    private static IntPtr[] ToNativeStrings(string[] values)
    {
        var pointers = new IntPtr[values.Length + 1];
        for (var i = 0; i < values.Length; i++)
        {
            pointers[i] = Marshal.StringToCoTaskMemUTF8(values[i]);
        }

        return pointers;
    }

    private static void FreeNativeStrings(IntPtr[] pointers)
    {
        foreach (var pointer in pointers)
        {
            Marshal.FreeCoTaskMem(pointer);
        }
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need AllowUnsafeBlocks for one call made once at start-up.
    [DllImport("libc", EntryPoint = "execve", SetLastError = true, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Execve([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr[] argv, IntPtr[] envp);
#pragma warning restore SYSLIB1054
}
