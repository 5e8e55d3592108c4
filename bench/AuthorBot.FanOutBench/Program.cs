using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using AuthorBot.FanOutBench;

// Usage: dotnet run -c Release --project bench/AuthorBot.FanOutBench -- [--readers 10000] [--rates 250,500,1000,2000]
//            [--warmup 500] [--audience all|subscribers] [--concurrency N] [--pin] [--bot-setting Key=Value ...]
//   --readers      readers in the measured announcement (each its own one-to-one conversation)
//   --rates        configured Announcements:MaxPerSecond values; each gets a fresh bot process and data folder
//   --warmup       readers of an unmeasured announcement first (0 to measure a cold process)
//   --audience     all: no profile reads needed; subscribers: every reader has a subscribed profile in user state
//   --concurrency  Announcements:MaxConcurrentSends (default: the bot's)
//   --pin          bot on CPU 0, channel on CPU 1 (taskset); the driver mostly sleeps
//   --bot-setting  any further bot configuration, e.g. Logging:LogLevel:Default=Warning (repeatable)
// The channel process is this program again: `AuthorBot.FanOutBench channel`.
//
//        dotnet run -c Release --project bench/AuthorBot.FanOutBench -- crash [--kills 10] [--readers 2000]
//            [--directline-readers 100] [--rate 400] [--seed 13] [--baseline-dir <another build's bin/Release/net10.0>]
//   copies per SIGKILL: each run kills the bot part-way through an announcement, restarts it on the same files and
//   counts the readers who got a second copy (Emulator channel and the bot's own Direct Line log).
//
//        dotnet run -c Release --project bench/AuthorBot.FanOutBench -- cluster-crash [--instances 3] [--readers 10000]
//            [--rate 1000] [--kills 1] [--lease-seconds 15] [--seed 13]
//   fan-out across instances: starts a real PostgreSQL (initdb into a temp folder, a free loopback port), the bots on
//   it, one announcement, SIGKILL to one instance mid-run; readers reached, copies beyond one, time.
// Exit code 1 when any reader was missed, or messaged twice (cluster-crash: outside the killed instance's window).
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

if (args is ["channel"])
{
    return await EmulatorChannel.RunAsync(cancel.Token).ConfigureAwait(false);
}

if (args is ["cluster-crash", .. var clusterArgs])
{
    return await ClusterCrashCommand.RunAsync(clusterArgs, cancel.Token).ConfigureAwait(false);
}

if (args is ["crash", .. var crashArgs])
{
    return await CrashCommand.RunAsync(crashArgs, cancel.Token).ConfigureAwait(false);
}

var readers = 10_000;
List<int> rates = [250, 500, 1000, 2000];
var warmup = 500;
var audience = "all";
var pin = false;
int? concurrency = null;
var botSettings = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--readers" when i + 1 < args.Length:
            readers = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--rates" when i + 1 < args.Length:
            rates = [.. args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => int.Parse(r, CultureInfo.InvariantCulture))];
            break;
        case "--warmup" when i + 1 < args.Length:
            warmup = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--audience" when i + 1 < args.Length && args[i + 1] is "all" or "subscribers":
            audience = args[++i];
            break;
        case "--concurrency" when i + 1 < args.Length:
            concurrency = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--bot-setting" when i + 1 < args.Length:
            botSettings.Add("--" + args[++i]);
            break;
        case "--pin":
            pin = true;
            break;
        default:
            Console.Error.WriteLine($"unknown argument: {args[i]}");
            return 2;
    }
}

if (readers < 2 || rates.Count == 0 || rates.Any(r => r <= 0))
{
    Console.Error.WriteLine("--readers must be at least 2 and every rate positive");
    return 2;
}

if (typeof(AuthorBot.Bot.AuthorBotApp).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true)
{
    Console.WriteLine("WARNING: the bot is a Debug build; run with -c Release for figures worth comparing.");
}

var settings = new FanOutSettings(readers, rates, warmup, audience, pin, concurrency, botSettings);
var (channelFile, channelArguments) = Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) != "dotnet"
    ? (self, new List<string> { "channel" })
    : ("dotnet", [typeof(FanOutRun).Assembly.Location, "channel"]);
using var channel = ChildProcess.Start(channelFile, channelArguments, AppContext.BaseDirectory, pin ? 1 : null, new Dictionary<string, string>(), "CHANNEL_LISTENING");
var channelUrl = new Uri(await channel.WaitForMarkerAsync(TimeSpan.FromSeconds(30), cancel.Token).ConfigureAwait(false));
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };
var run = new FanOutRun(settings, channel, channelUrl, http);

Console.WriteLine(FormattableString.Invariant(
    $"{readers} readers, audience '{audience}', warm-up {warmup}, {Environment.ProcessorCount} CPUs{(pin ? ", bot on CPU 0 and channel on CPU 1" : string.Empty)}"));
var results = new List<FanOutResult>();
foreach (var rate in rates)
{
    var result = await run.RunAsync(rate, cancel.Token).ConfigureAwait(false);
    results.Add(result);
    Console.WriteLine(FormattableString.Invariant(
        $"{rate}/s: ideal {result.Ideal.TotalSeconds:F2} s; first to last {result.FirstToLast.TotalSeconds:F2} s ({result.FirstToLastOverheadPercent:+0.0;-0.0;0.0} %); POST ({result.PostResponse.TotalSeconds:F2} s) to last {result.PostToLast.TotalSeconds:F2} s ({result.PostToLastOverheadPercent:+0.0;-0.0;0.0} %); bot CPU {result.BotCpuMsPerDelivery:F3} ms/delivery; sent {result.Sent}, duplicates {result.Duplicates}, missing {result.Missing}; load {result.LoadAverage}"));
}

Console.WriteLine();
Console.WriteLine("| rate /s | ideal s | first→last s | overhead | POST s | POST→last s | overhead | bot CPU ms/delivery | channel CPU ms/delivery | duplicates | missing | load |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var r in results)
{
    Console.WriteLine(FormattableString.Invariant(
        $"| {r.Rate} | {r.Ideal.TotalSeconds:F2} | {r.FirstToLast.TotalSeconds:F2} | {r.FirstToLastOverheadPercent:F1} % | {r.PostResponse.TotalSeconds:F2} | {r.PostToLast.TotalSeconds:F2} | {r.PostToLastOverheadPercent:F1} % | {r.BotCpuMsPerDelivery:F3} | {r.ChannelCpuMsPerDelivery:F3} | {r.Duplicates} | {r.Missing} | {r.LoadAverage} |"));
}

return results.All(r => r.Correct) ? 0 : 1;
