using System.Collections.Concurrent;
using System.Diagnostics;

namespace AuthorBot.FanOutBench;

/// <summary>
/// A child process (the bot or the channel) whose output is drained (the bot logs at Information, as in production)
/// and whose CPU time the driver reads. With a CPU it is started under <c>taskset</c>, which execs in place, so the
/// process id and CPU time are the program's own.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _recent = new();
    private readonly TaskCompletionSource<string> _marker = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string? _markerPrefix;

    private ChildProcess(Process process, string? markerPrefix)
    {
        _process = process;
        _markerPrefix = markerPrefix;
    }

    public int Id => _process.Id;

    /// <summary>The last lines the process wrote, for error messages.</summary>
    public string RecentOutput => string.Join('\n', _recent);

    /// <summary>CPU time (user + system) the process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts <paramref name="fileName"/>; <paramref name="markerPrefix"/> names a line to wait for with <see cref="WaitForMarkerAsync"/>.</summary>
    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory, int? cpu, IReadOnlyDictionary<string, string> environment, string? markerPrefix = null)
    {
        var start = new ProcessStartInfo(cpu is null ? fileName : "taskset")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (cpu is { } core)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(core.ToString(System.Globalization.CultureInfo.InvariantCulture));
            start.ArgumentList.Add(fileName);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var child = new ChildProcess(process, markerPrefix);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The rest of the first line that starts with the marker prefix.</summary>
    public async Task<string> WaitForMarkerAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var finished = await Task.WhenAny(_marker.Task, Task.Delay(timeout, cancellationToken)).ConfigureAwait(false);
        return finished == _marker.Task
            ? await _marker.Task.ConfigureAwait(false)
            : throw new TimeoutException($"No '{_markerPrefix}' line within {timeout.TotalSeconds} s:\n{RecentOutput}");
    }

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL: no shutdown hooks and no flushing, exactly like a crash.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
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

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (_markerPrefix is not null && line.StartsWith(_markerPrefix, StringComparison.Ordinal))
        {
            _marker.TrySetResult(line[_markerPrefix.Length..].Trim());
        }

        _recent.Enqueue(line);
        while (_recent.Count > 40 && _recent.TryDequeue(out _))
        {
        }
    }
}
