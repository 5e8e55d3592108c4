using System.Globalization;

namespace AuthorBot.FanOutBench;

/// <summary>
/// <c>cluster-crash</c>: fan-out across bot instances on one real PostgreSQL, one instance SIGKILLed mid-run; readers
/// reached, copies beyond one per reader and time, per run.
/// </summary>
internal static class ClusterCrashCommand
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var settings = new ClusterCrashSettings(Instances: 3, Readers: 10_000, Rate: 1000, Kills: 1, Lease: TimeSpan.FromSeconds(15), Seed: 13);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--instances" when i + 1 < args.Length:
                    settings = settings with { Instances = int.Parse(args[++i], CultureInfo.InvariantCulture) };
                    break;
                case "--readers" when i + 1 < args.Length:
                    settings = settings with { Readers = int.Parse(args[++i], CultureInfo.InvariantCulture) };
                    break;
                case "--rate" when i + 1 < args.Length:
                    settings = settings with { Rate = int.Parse(args[++i], CultureInfo.InvariantCulture) };
                    break;
                case "--kills" when i + 1 < args.Length:
                    settings = settings with { Kills = int.Parse(args[++i], CultureInfo.InvariantCulture) };
                    break;
                case "--lease-seconds" when i + 1 < args.Length:
                    settings = settings with { Lease = TimeSpan.FromSeconds(int.Parse(args[++i], CultureInfo.InvariantCulture)) };
                    break;
                case "--seed" when i + 1 < args.Length:
                    settings = settings with { Seed = int.Parse(args[++i], CultureInfo.InvariantCulture) };
                    break;
                default:
                    Console.Error.WriteLine($"unknown argument: {args[i]}");
                    return 2;
            }
        }

        if (settings.Instances < 2 || settings.Readers < 10 || settings.Rate < 1 || settings.Kills < 1 || settings.Lease <= TimeSpan.Zero)
        {
            Console.Error.WriteLine("--instances must be at least 2, --readers at least 10, --rate, --kills and --lease-seconds positive");
            return 2;
        }

        await using var postgres = await PostgresCluster.StartAsync(cancellationToken).ConfigureAwait(false);
        var (channelFile, channelArguments) = Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) != "dotnet"
            ? (self, new List<string> { "channel" })
            : ("dotnet", [typeof(ClusterCrashRun).Assembly.Location, "channel"]);
        using var channel = ChildProcess.Start(channelFile, channelArguments, AppContext.BaseDirectory, null, new Dictionary<string, string>(), "CHANNEL_LISTENING");
        var channelUrl = new Uri(await channel.WaitForMarkerAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var run = new ClusterCrashRun(settings, postgres, channel, channelUrl, http);
        var random = new Random(settings.Seed);
        Console.WriteLine(FormattableString.Invariant(
            $"{settings.Instances} instances on PostgreSQL (127.0.0.1:{postgres.Port}); {settings.Readers} readers; {settings.Rate}/s per instance; lease {settings.Lease.TotalSeconds:F0} s; {settings.Kills} kill(s); seed {settings.Seed}; {Environment.ProcessorCount} CPUs"));
        var results = new List<ClusterCrashResult>();
        for (var kill = 1; kill <= settings.Kills; kill++)
        {
            var fraction = 0.2 + (0.5 * random.NextDouble());
            // Never the first instance, which took the POST, so the kill is of a pure sender; rotate over the rest.
            var victim = 1 + ((kill - 1) % (settings.Instances - 1));
            var r = await run.RunAsync(kill, fraction, victim, AppContext.BaseDirectory, cancellationToken).ConfigureAwait(false);
            results.Add(r);
            Console.WriteLine(FormattableString.Invariant(
                $"kill {kill}: instance {r.KilledInstance} SIGKILLed {r.PostToKill.TotalSeconds:F2} s after the POST at {r.PostsAtKill} posts; readers reached {r.ReadersReached}/{settings.Readers}; posts {r.Posts}; copies beyond one {r.Copies} (same idempotency key {r.SameKeyCopies}; window at the kill {r.Window}, copies outside it {Math.Max(0, r.Copies - r.Window)}); taken over after the lease {r.Resent}; sent per instance {string.Join(" / ", r.SentPerInstance)}; POST to last post {r.PostToLast.TotalSeconds:F2} s; load {r.LoadAverage}"));
        }

        Console.WriteLine();
        Console.WriteLine("| kill | killed | posts at kill | readers reached | copies beyond one | same key | window at kill | taken over | sent per instance | POST→kill s | POST→last s | load |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(FormattableString.Invariant(
                $"| {r.Kill} | {r.KilledInstance} | {r.PostsAtKill} | {r.ReadersReached} / {settings.Readers} | {r.Copies} | {r.SameKeyCopies} | {r.Window} | {r.Resent} | {string.Join(" / ", r.SentPerInstance)} | {r.PostToKill.TotalSeconds:F2} | {r.PostToLast.TotalSeconds:F2} | {r.LoadAverage} |"));
        }

        // Missed readers fail the run, and so do copies beyond the window: a reader messaged twice who was not in it.
        return results.All(r => r.ReadersReached == settings.Readers && r.Copies <= r.Window) ? 0 : 1;
    }
}
