using System.Collections.Concurrent;
using System.Diagnostics;

namespace AuthorBot.Bot.Tests.FirstRun;

/// <summary>A command run as a newcomer would run it, its console output kept line by line; killed by process id.</summary>
internal sealed class ConsoleProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();

    private ConsoleProcess(Process process) => _process = process;

    public IReadOnlyList<string> Stdout => [.. _stdout];

    public IReadOnlyList<string> Stderr => [.. _stderr];

    public string All => string.Join('\n', _stdout.Concat(_stderr));

    /// <summary>The repository's root (the folder with AuthorBot.sln), found from the test binaries.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "AuthorBot.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException("AuthorBot.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The build configuration these tests were built in (the Bot project was built the same way).</summary>
    public static string Configuration =>
        Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!;

    public static ConsoleProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A developer's shell does not carry the test runner's URLs or environment.
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var run = new ConsoleProcess(process);
        process.OutputDataReceived += (_, e) => Keep(run._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(run._stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    /// <summary>Waits for a line of output that satisfies <paramref name="match"/>; fails the test on timeout or exit.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_stdout.Concat(_stderr).FirstOrDefault(match) is { } line)
            {
                return line;
            }

            Assert.False(_process.HasExited, "The process exited early:\n" + All);
            await Task.Delay(100);
        }

        Assert.Fail("No such line within " + timeout + ":\n" + All);
        return string.Empty;
    }

    /// <summary>Waits for the process to end by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);

        // The asynchronous readers may still hold the last lines; WaitForExit() without a timeout drains them.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private static void Keep(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null && lines.Count < 2000)
        {
            lines.Enqueue(line);
        }
    }
}
