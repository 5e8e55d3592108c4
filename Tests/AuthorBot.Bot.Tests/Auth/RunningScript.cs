using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace AuthorBot.Bot.Tests.Auth;

/// <summary>A harness server started by <see cref="NodeScript.StartAsync"/>; disposing kills its process tree.</summary>
internal sealed class RunningScript : IDisposable
{
    private readonly Process _process;
    private readonly string _script;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private event Action<string>? LineWritten;

    public RunningScript(Process process, string script)
    {
        _process = process;
        _script = script;
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => _exited.TrySetResult();
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; set; }

    /// <summary>The last lines it wrote (stdout and stderr), for failure messages.</summary>
    public string RecentOutput => string.Join('\n', _output.TakeLast(60));

    /// <summary>Waits for the "WORD PORT" line the harness servers print once they listen.</summary>
    public async Task<int> WaitForPortAsync(string readyWord, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(string line)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && parts[0] == readyWord && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                found.TrySetResult(port);
            }
        }

        LineWritten += Check;
        foreach (var line in _output)
        {
            Check(line);
        }

        var winner = await Task.WhenAny(found.Task, _exited.Task, Task.Delay(timeout));
        LineWritten -= Check;
        if (winner == found.Task)
        {
            return await found.Task;
        }

        throw new InvalidOperationException(winner == _exited.Task
            ? $"node {_script} exited ({_process.ExitCode}) before printing {readyWord}:\n{RecentOutput}"
            : $"node {_script} printed no {readyWord} line within {timeout}:\n{RecentOutput}");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 500 && _output.TryDequeue(out _))
        {
        }

        LineWritten?.Invoke(line);
    }
}
