using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace AuthorBot.Teams.Tests;

/// <summary>
/// Runs Tests/Harness/teams/run-teams.mjs, which starts a private Microsoft 365 Agents Playground (Microsoft's local
/// Teams emulator) against a bot on loopback and plays a JSON scenario through it. Installs the harness's pinned npm
/// packages first when they are missing or older than the lock file (what .ci/run does too).
/// </summary>
public sealed partial class PlaygroundHarness : IAsyncLifetime
{
    private static readonly TimeSpan _npmTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The harness folder (Tests/Harness/teams), found above the test binaries.</summary>
    public string Folder { get; } = FindFolder();

    public async Task InitializeAsync()
    {
        var lockFile = Path.Combine(Folder, "package-lock.json");
        var stamp = Path.Combine(Folder, "node_modules", ".package-lock.json");
        if (File.Exists(stamp) && File.GetLastWriteTimeUtc(stamp) >= File.GetLastWriteTimeUtc(lockFile))
        {
            return;
        }

        var (exit, output) = await RunAsync("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], new Dictionary<string, string>(), _npmTimeout);
        Assert.True(exit == 0, $"npm ci in {Folder} failed ({exit}):\n{output}");
        File.SetLastWriteTimeUtc(stamp, DateTime.UtcNow);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Plays <paramref name="scenario"/> (relative to the harness folder) against <paramref name="botEndpoint"/>.</summary>
    /// <param name="scenario">The scenario file, e.g. scenarios/authorbot.json.</param>
    /// <param name="botEndpoint">The bot's messaging endpoint on 127.0.0.1.</param>
    /// <param name="conversation">personal, group or channel.</param>
    /// <param name="outDir">Where the harness writes report.json, wire.jsonl and screenshots.</param>
    /// <param name="mode">api (default) or ui.</param>
    /// <param name="timeout">Bound for the whole run.</param>
    /// <returns>The run's outcome.</returns>
    public async Task<PlaygroundRun> PlayAsync(string scenario, string botEndpoint, string conversation, string outDir, string mode = "api", TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromMinutes(3);
        var environment = new Dictionary<string, string>
        {
            ["BOT_ENDPOINT"] = botEndpoint,
            ["CONVERSATION"] = conversation,
            ["MODE"] = mode,
            ["OUT_DIR"] = outDir,
            ["TOTAL_TIMEOUT_MS"] = ((int)(limit - TimeSpan.FromSeconds(10)).TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var (exit, output) = await RunAsync("node", ["run-teams.mjs", scenario], environment, limit);
        var summary = SummaryLine().Match(output);
        return new PlaygroundRun(
            exit,
            summary.Success ? int.Parse(summary.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
            summary.Success ? int.Parse(summary.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
            output,
            outDir);
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments, Dictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {program}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopped by its own id (and its children: the playground), never by name.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            Append(output, $"[test] {program} killed after {timeout.TotalSeconds:F0} s");
            return (-1, Snapshot(output));
        }

        // WaitForExit without a timeout drains the redirected streams.
        process.WaitForExit();
        return (process.ExitCode, Snapshot(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "Tests", "Harness", "teams");
            if (File.Exists(Path.Combine(candidate, "run-teams.mjs")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Tests/Harness/teams/run-teams.mjs was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"run-teams: (\d+) passed, (\d+) failed, (\d+) skipped")]
    private static partial Regex SummaryLine();
}

/// <summary>What one harness run did.</summary>
/// <param name="ExitCode">0 only when every step passed.</param>
/// <param name="Passed">Steps passed.</param>
/// <param name="Failed">Steps failed.</param>
/// <param name="Output">Everything the harness printed.</param>
/// <param name="OutDir">Its report folder.</param>
public sealed record PlaygroundRun(int ExitCode, int Passed, int Failed, string Output, string OutDir);

/// <summary>The playground runs share one harness install and run one after another (two cores, a playground each).</summary>
[CollectionDefinition(Name)]
public sealed class PlaygroundRuns : ICollectionFixture<PlaygroundHarness>
{
    public const string Name = "playground";
}
