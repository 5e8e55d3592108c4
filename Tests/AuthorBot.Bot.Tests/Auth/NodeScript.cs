using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace AuthorBot.Bot.Tests.Auth;

/// <summary>
/// Runs the auth harness's node scripts (Tests/Harness/auth) from the source tree: long-running servers that print
/// a LISTENING line with their port, and one-shot checks whose exit code and output the tests read. Every process
/// is stopped by its id (with its children: run-matrix starts a peer bot).
/// </summary>
internal static class NodeScript
{
    /// <summary>The harness folder, found by walking up from the test binaries to the repository.</summary>
    public static string HarnessDirectory { get; } = FindHarness();

    /// <summary>Fails with the command to run when node or the harness's packages are missing.</summary>
    public static void EnsureAvailable()
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
            probe.WaitForExit(10_000);
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException("node was not found on PATH: install Node.js 20 or later (Debian: apt-get install -y nodejs npm).", ex);
        }

        foreach (var package in new[] { "jose", "botbuilder", "restify" })
        {
            if (!Directory.Exists(Path.Combine(HarnessDirectory, "node_modules", package)))
            {
                throw new InvalidOperationException(
                    $"The auth harness's node packages are not installed ({package} is missing): run `cd {HarnessDirectory} && npm ci --ignore-scripts --no-audit --no-fund` (.ci/run does this).");
            }
        }
    }

    /// <summary>Starts <paramref name="script"/> and waits for its "<paramref name="readyWord"/> PORT" line.</summary>
    public static async Task<RunningScript> StartAsync(string script, IEnumerable<string> arguments, string readyWord, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var process = Start(script, arguments, environment);
        var running = new RunningScript(process, script);
        try
        {
            running.Port = await running.WaitForPortAsync(readyWord, timeout ?? TimeSpan.FromSeconds(30));
            return running;
        }
        catch
        {
            running.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="script"/> to its end (killed after <paramref name="timeout"/>) and returns what it printed.</summary>
    public static async Task<ScriptResult> RunAsync(string script, IEnumerable<string> arguments, TimeSpan timeout, IDictionary<string, string>? environment = null)
    {
        using var process = Start(script, arguments, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"node {script} did not finish within {timeout}:\n{await stdout}\n{await stderr}");
        }

        return new ScriptResult(process.ExitCode, await stdout, await stderr);
    }

    private static Process Start(string script, IEnumerable<string> arguments, IDictionary<string, string>? environment)
    {
        EnsureAvailable();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = HarnessDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("--no-deprecation");
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start node {script}.");
    }

    private static string FindHarness()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "Tests", "Harness", "auth");
            if (File.Exists(Path.Combine(candidate, "idp.js")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"Tests/Harness/auth was not found above {AppContext.BaseDirectory}.");
    }
}

/// <summary>What a one-shot script printed and how it ended.</summary>
public sealed record ScriptResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
