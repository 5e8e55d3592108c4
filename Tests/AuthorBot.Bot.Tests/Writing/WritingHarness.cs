using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace AuthorBot.Bot.Tests.Writing;

/// <summary>
/// The writing harness (Tests/Harness/writing): node runs text-readability 1.1.1 and retext-passive 5.0.0 over the
/// passages in Writing/Passages and prints their figures as JSON. One short-lived process per call, killed by its id
/// if it overruns.
/// </summary>
internal static class WritingHarness
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public static string Root { get; } = FindRepository();

    public static string HarnessDirectory => Path.Combine(Root, "Tests", "Harness", "writing");

    public static string PassagesDirectory => Path.Combine(Root, "Tests", "AuthorBot.Bot.Tests", "Writing", "Passages");

    /// <summary>The packages' figures per passage file name.</summary>
    public static async Task<Dictionary<string, ReferenceFigures>> ReferenceAsync()
    {
        if (!Directory.Exists(Path.Combine(HarnessDirectory, "node_modules", "text-readability")))
        {
            throw new InvalidOperationException(
                $"The writing harness's node packages are not installed: run `cd {HarnessDirectory} && npm ci --ignore-scripts --no-audit --no-fund` (.ci/run and the test build do this).");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = HarnessDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("reference.mjs");
        start.ArgumentList.Add(PassagesDirectory);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException("node was not found on PATH: install Node.js 20 or later (Debian: apt-get install -y nodejs npm).", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                throw new TimeoutException("node reference.mjs did not finish within a minute: " + await stderr);
            }

            Assert.True(process.ExitCode == 0, $"node reference.mjs exited {process.ExitCode}: {await stderr}");
            return JsonSerializer.Deserialize<Dictionary<string, ReferenceFigures>>(await stdout, _json)!;
        }
    }

    private static string FindRepository()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Tests", "Harness", "writing", "reference.mjs")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"Tests/Harness/writing was not found above {AppContext.BaseDirectory}.");
    }
}

/// <summary>What text-readability and retext-passive report for one passage.</summary>
internal sealed record ReferenceFigures(
    double FleschReadingEase,
    double FleschKincaidGrade,
    double GunningFog,
    double SmogIndex,
    double ColemanLiauIndex,
    List<ReferenceSentence> Sentences);

/// <summary>One sentence as retext-english splits it, and whether retext-passive flags it.</summary>
internal sealed record ReferenceSentence(string Text, bool Passive);
