using System.Globalization;

namespace AuthorBot.FanOutBench;

/// <summary><c>crash</c>: copies per SIGKILL over several kills, with the per-kill figures and their mean.</summary>
internal static class CrashCommand
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var settings = new CrashSettings(Kills: 10, Readers: 2000, DirectLineReaders: 100, Rate: 400, Seed: 13);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--kills" when i + 1 < args.Length:
                    settings = settings with { Kills = int.Parse(args[++i], CultureInfo.InvariantCulture) };
                    break;
                case "--readers" when i + 1 < args.Length:
                    settings = settings with { Readers = int.Parse(args[++i], CultureInfo.InvariantCulture) };
                    break;
                case "--directline-readers" when i + 1 < args.Length:
                    settings = settings with { DirectLineReaders = int.Parse(args[++i], CultureInfo.InvariantCulture) };
                    break;
                case "--rate" when i + 1 < args.Length:
                    settings = settings with { Rate = int.Parse(args[++i], CultureInfo.InvariantCulture) };
                    break;
                case "--seed" when i + 1 < args.Length:
                    settings = settings with { Seed = int.Parse(args[++i], CultureInfo.InvariantCulture) };
                    break;
                case "--baseline-dir" when i + 1 < args.Length && File.Exists(Path.Combine(args[i + 1], "AuthorBot.Bot.dll")):
                    settings = settings with { BaselineDirectory = Path.GetFullPath(args[++i]) };
                    break;
                default:
                    Console.Error.WriteLine($"unknown argument: {args[i]}");
                    return 2;
            }
        }

        if (settings.Kills < 1 || settings.Readers < 10 || settings.DirectLineReaders < 0 || settings.Rate < 1)
        {
            Console.Error.WriteLine("--kills and --rate must be positive, --readers at least 10");
            return 2;
        }

        var (channelFile, channelArguments) = Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) != "dotnet"
            ? (self, new List<string> { "channel" })
            : ("dotnet", [typeof(CrashRun).Assembly.Location, "channel"]);
        using var channel = ChildProcess.Start(channelFile, channelArguments, AppContext.BaseDirectory, null, new Dictionary<string, string>(), "CHANNEL_LISTENING");
        var channelUrl = new Uri(await channel.WaitForMarkerAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false));
        // No cookie jar: each Direct Line reader is a browser of its own (the token endpoint binds one reader per browser).
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { Timeout = TimeSpan.FromSeconds(60) };
        var run = new CrashRun(settings, channel, channelUrl, http);
        var random = new Random(settings.Seed);
        Console.WriteLine(FormattableString.Invariant(
            $"{settings.Kills} kills; {settings.Readers} Emulator readers and {settings.DirectLineReaders} Direct Line readers per announcement at {settings.Rate}/s; seed {settings.Seed}"));
        // With a baseline, each kill point runs on both builds back to back, so both see the same machine load.
        var builds = settings.BaselineDirectory is { } baseline
            ? new List<(string Name, string Directory)> { ("baseline", baseline), ("this build", AppContext.BaseDirectory) }
            : [("this build", AppContext.BaseDirectory)];
        var results = builds.ToDictionary(b => b.Name, _ => new List<CrashResult>(), StringComparer.Ordinal);
        for (var kill = 1; kill <= settings.Kills; kill++)
        {
            var fraction = 0.2 + (0.5 * random.NextDouble());
            foreach (var (name, directory) in builds)
            {
                var result = await run.RunAsync(kill, fraction, directory, cancellationToken).ConfigureAwait(false);
                results[name].Add(result);
                Console.WriteLine(FormattableString.Invariant(
                    $"{name}, kill {kill}: {result.PostsAtKill} posts before SIGKILL; sent {result.Sent}; second copies: Emulator {result.ConnectorCopies}, Direct Line {result.DirectLineCopies}; missing: {result.ConnectorMissing} / {result.DirectLineMissing}; load {result.LoadAverage}"));
            }
        }

        Console.WriteLine();
        Console.WriteLine("| build | kills | Emulator copies per kill (mean) | max | Direct Line copies per kill (mean) | max | missing readers |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, list) in results)
        {
            Console.WriteLine(FormattableString.Invariant(
                $"| {name} | {list.Count} | {list.Average(r => r.ConnectorCopies):F1} | {list.Max(r => r.ConnectorCopies)} | {list.Average(r => r.DirectLineCopies):F1} | {list.Max(r => r.DirectLineCopies)} | {list.Sum(r => r.ConnectorMissing + r.DirectLineMissing)} |"));
        }

        return results.Values.SelectMany(r => r).All(r => r.ConnectorMissing == 0 && r.DirectLineMissing == 0) ? 0 : 1;
    }
}
