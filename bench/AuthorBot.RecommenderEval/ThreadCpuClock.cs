using System.Runtime.InteropServices;

namespace AuthorBot.RecommenderEval;

/// <summary>
/// The calling thread's CPU time (Linux CLOCK_THREAD_CPUTIME_ID): on a shared, oversubscribed machine the wall time of a
/// call includes the time other processes held the core, its CPU time does not.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ThreadCpuTimeClock = 3;

    public static bool IsAvailable { get; } = OperatingSystem.IsLinux();

    /// <summary>Milliseconds of CPU time this thread has used (NaN where the clock is not available).</summary>
    public static double Milliseconds()
    {
        if (!IsAvailable || ClockGetTime(ThreadCpuTimeClock, out var time) != 0)
        {
            return double.NaN;
        }

        return (time.Seconds * 1e3) + (time.Nanoseconds / 1e6);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need AllowUnsafeBlocks for one benchmark clock.
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);
#pragma warning restore SYSLIB1054
}
