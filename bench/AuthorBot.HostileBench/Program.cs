using System.Globalization;
using AuthorBot.HostileBench;

// Usage:
//   dotnet run -c Release --project bench/AuthorBot.HostileBench -- fuzz [--requests 10000] [--seed 1] [--concurrency 8]
//           [--bot-dir <another build's Bot/bin/Release/net10.0>]
//       Seeded hostile requests against the bot (its own process, fresh data folder) over /api/messages, Direct Line
//       (tokens, conversations, activities, uploads, the stream, attachments), the page's token endpoint and the
//       announcements API; then a new reader signs up over /api/messages and over Direct Line. Exit code 1 when any
//       answer was 500-599 (other than the documented 501 to an unhandled invoke), a connection was dropped, or the
//       signup failed.
//   dotnet run -c Release --project bench/AuthorBot.HostileBench -- uploads [--count 500] [--size 1048576] [--conversations 20]
//       The bot's resident set before, at the peak of and after that many Web Chat uploads.
//   --bot-dir runs another build of the bot (e.g. main's, for a before figure) instead of the one beside this program.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var command = args.Length > 0 ? args[0] : "fuzz";
string? botDirectory = null;
var options = new Dictionary<string, int>(StringComparer.Ordinal)
{
    ["--requests"] = 10_000,
    ["--seed"] = 1,
    ["--concurrency"] = 8,
    ["--count"] = 500,
    ["--size"] = 1024 * 1024,
    ["--conversations"] = 20,
};
for (var i = 1; i < args.Length; i++)
{
    if (args[i] == "--bot-dir" && i + 1 < args.Length && File.Exists(Path.Combine(args[i + 1], "AuthorBot.Bot.dll")))
    {
        botDirectory = Path.GetFullPath(args[++i]);
    }
    else if (options.ContainsKey(args[i]) && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0)
    {
        options[args[i++]] = value;
    }
    else
    {
        Console.Error.WriteLine($"unknown or invalid argument: {args[i]}");
        return 2;
    }
}

var folder = Path.Combine(Path.GetTempPath(), "authorbot-hostile-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
try
{
    switch (command)
    {
        case "fuzz":
            {
                await using var sink = await ConnectorSink.StartAsync().ConfigureAwait(false);

                // The rate limit would answer most of a single-address flood with 429 before it reached anything worth testing.
                using var bot = await BotChild.StartAsync(folder, ["--DirectLine:RateLimitPerSecond=5000", "--DirectLine:RateLimitBurst=5000"], botDirectory, cancel.Token).ConfigureAwait(false);
                var state = new FuzzState(BotChild.Secret, BotChild.ApiKey, sink.ServiceUrl);
                var report = await new FuzzRunner(bot.BaseAddress, state).RunAsync(options["--seed"], 0, options["--requests"], options["--concurrency"], cancel.Token).ConfigureAwait(false);
                Console.WriteLine(report.Describe());
                Console.WriteLine(FormattableString.Invariant($"documented 501 answers to unhandled invokes: {report.InvokeNotImplemented}; posts the bot made to the loopback sink: {sink.Posts}"));
                var alive = !bot.HasExited;
                var signup = alive ? await SignupCheck.RunAsync(bot.BaseAddress, cancel.Token).ConfigureAwait(false) : "the bot process exited";
                Console.WriteLine(signup is null ? "signup after the fuzz: completed over /api/messages and over Direct Line" : "signup after the fuzz FAILED: " + signup);
                if (!alive || report.ServerErrors.Count > 0 || report.Dropped.Count > 0)
                {
                    Console.WriteLine(bot.RecentOutput);
                }

                if (bot.DirectLineWarnings.Length > 0)
                {
                    Console.WriteLine("the bot's Direct Line warnings:");
                    Console.WriteLine(bot.DirectLineWarnings);
                }

                return report.ServerErrors.Count == 0 && report.Dropped.Count == 0 && signup is null ? 0 : 1;
            }

        case "uploads":
            {
                using var bot = await BotChild.StartAsync(folder, ["--DirectLine:RateLimitPerSecond=5000", "--DirectLine:RateLimitBurst=5000"], botDirectory, cancel.Token).ConfigureAwait(false);
                Console.WriteLine(await UploadMemoryRun.RunAsync(bot, folder, options["--count"], options["--size"], options["--conversations"], cancel.Token).ConfigureAwait(false));
                return 0;
            }

        default:
            Console.Error.WriteLine("commands: fuzz, uploads");
            return 2;
    }
}
finally
{
    try
    {
        Directory.Delete(folder, recursive: true);
    }
    catch (IOException)
    {
        // A file still held by the stopping bot; the temp folder is cleaned by the OS eventually.
    }
}
