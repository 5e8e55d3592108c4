using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace AuthorBot.Bot.Announcements;

/// <summary>
/// The marketers' command line: <c>dotnet run --project Bot -- announce --text "..." [options]</c> creates an
/// announcement on a running bot and shows a live progress bar until it is done; <c>announce watch|cancel|results ID</c>
/// follow up on one. The API key comes from <c>--key</c> or the <c>AUTHORBOT_API_KEY</c> environment variable.
/// </summary>
internal static class AnnounceCommand
{
    public const string Verb = "announce";

    /// <summary>Beyond this, <c>watch</c> says when a scheduled announcement starts instead of showing an idle bar.</summary>
    private static readonly TimeSpan _scheduledWatchHorizon = TimeSpan.FromMinutes(1);

    /// <summary>Runs the command; returns the process exit code.</summary>
    public static Task<int> RunAsync(string[] args, IAnsiConsole console, HttpMessageHandler? handler, CancellationToken cancellationToken) =>
        RunAsync(args, console, handler, TimeProvider.System, cancellationToken);

    /// <summary>Runs the command with a given clock and time zone (tests pin both); returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, HttpMessageHandler? handler, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var url = new Option<string>("--url") { Description = "The bot's address.", DefaultValueFactory = _ => "http://localhost:3978", Recursive = true };
        var key = new Option<string?>("--key") { Description = $"The API key (Announcements:ApiKey); default: ${BotApiCommand.KeyVariable}.", Recursive = true };
        var interval = new Option<double>("--interval") { Description = "Seconds between progress polls.", DefaultValueFactory = _ => 0.5, Recursive = true };

        var text = new Option<string?>("--text") { Description = "The message; {name}, {firstName}, {interests} are filled from each reader's profile." };
        var name = new Option<string?>("--name") { Description = "A label for the announcement." };
        var variants = new Option<string[]>("--variant") { Description = "An A/B variant as ID=TEXT (repeat); replaces --text.", AllowMultipleArgumentsPerToken = false };
        var audience = new Option<string>("--audience") { Description = "all, subscribers, interests or event.", DefaultValueFactory = _ => AudienceKinds.All };
        var interests = new Option<string[]>("--interest") { Description = "For --audience interests (repeat)." };
        var eventId = new Option<string?>("--event") { Description = "For --audience event." };
        var channel = new Option<string?>("--channel") { Description = "Only readers on this channel (msteams, directline, ...)." };
        // Times are read by AnnouncementTimeParser rather than System.CommandLine, so "tomorrow at 9am" works and a
        // time it cannot read gets one line naming the format, not the whole help and a .NET type name.
        var at = new Option<string?>("--at") { Description = "Send at this time instead of now: ISO 8601 or words (\"tomorrow at 9am\")." };
        var windowStart = new Option<string?>("--window-start") { Description = "Send at each reader's best hour from this time..." };
        var windowEnd = new Option<string?>("--window-end") { Description = "...until this time." };
        var noWait = new Option<bool>("--no-wait") { Description = "Create it and exit without watching." };

        var root = new RootCommand("Send announcements through a running AuthorBot.");
        foreach (var option in new Option[] { url, key, interval, text, name, variants, audience, interests, eventId, channel, at, windowStart, windowEnd, noWait })
        {
            root.Options.Add(option);
        }

        root.SetAction(async (result, ct) =>
        {
            if (!TryReadTime(result, at, out var atTime) || !TryReadTime(result, windowStart, out var startTime) || !TryReadTime(result, windowEnd, out var endTime))
            {
                return 2;
            }

            var request = new AnnouncementRequest
            {
                Name = result.GetValue(name),
                Text = result.GetValue(text),
                Audience = new AudienceRequest
                {
                    Kind = result.GetValue(audience),
                    Interests = [.. result.GetValue(interests) ?? []],
                    EventId = result.GetValue(eventId),
                    Channel = result.GetValue(channel),
                },
                Schedule = startTime is { } start
                    ? new ScheduleRequest { Kind = ScheduleKinds.BestHour, WindowStart = start, WindowEnd = endTime }
                    : atTime is { } when ? new ScheduleRequest { Kind = ScheduleKinds.At, At = when } : new ScheduleRequest { Kind = ScheduleKinds.Now },
            };
            if (result.GetValue(variants) is { Length: > 0 } given)
            {
                request.Variants = [.. given.Select(ParseVariant)];
            }

            return await WithClientAsync(result, async client =>
            {
                var created = await client.CreateAsync(request, ct).ConfigureAwait(false);
                console.MarkupLineInterpolated($"Created [bold]{created.Id}[/] for {created.Targeted} reader(s).");
                return result.GetValue(noWait) ? created : await WatchAsync(client, created, result.GetValue(interval), ct).ConfigureAwait(false);
            }).ConfigureAwait(false);
        });

        var id = new Argument<string>("id") { Description = "The announcement id (ann_...)." };
        root.Subcommands.Add(Follow("watch", "Show the progress of an announcement until it is done.", (client, announcement, result, ct) => WatchAsync(client, null, result.GetValue(interval), ct, announcement)));
        root.Subcommands.Add(Follow("cancel", "Cancel what has not been sent yet.", (client, announcement, _, ct) => client.CancelAsync(announcement, ct)));
        var results = new Command("results", "Per-variant clicks, replies, RSVPs and the A/B test.") { id };
        results.SetAction(async (result, ct) => await WithClientAsync(result, async client =>
        {
            var report = await client.GetResultsAsync(result.GetValue(id)!, ct).ConfigureAwait(false);
            // Count and rate share a cell so the table fits an 80-column terminal without wrapping its headers.
            var table = new Table().AddColumns("Variant", "Sent", "Clicked", "Replied", "RSVPed");
            foreach (var v in report.Variants)
            {
                table.AddRow(v.Variant, Num(v.Sent), $"{Num(v.Clicked)} ({Percent(v.ClickRate)})", $"{Num(v.Replied)} ({Percent(v.ReplyRate)})", $"{Num(v.Rsvped)} ({Percent(v.RsvpRate)})");
            }

            console.Write(table);
            foreach (var c in report.Comparisons)
            {
                console.MarkupLineInterpolated($"{c.Variant} vs {c.Against} {c.Metric}: z = {c.Z?.ToString("F2", CultureInfo.InvariantCulture) ?? "n/a"}, p = {c.PValue?.ToString("F4", CultureInfo.InvariantCulture) ?? "n/a"}{(c.SignificantAt95 ? " (significant at 95 %)" : string.Empty)}");
            }

            return null;
        }).ConfigureAwait(false));
        root.Subcommands.Add(results);

        return await root.Parse(args).InvokeAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

        Command Follow(string verb, string description, Func<AnnouncementClient, string, System.CommandLine.ParseResult, CancellationToken, Task<AnnouncementProgress>> run)
        {
            var command = new Command(verb, description) { id };
            command.SetAction(async (result, ct) => await WithClientAsync(result, client => run(client, result.GetValue(id)!, result, ct)!).ConfigureAwait(false));
            return command;
        }

        Task<int> WithClientAsync(System.CommandLine.ParseResult result, Func<AnnouncementClient, Task<AnnouncementProgress?>> action) =>
            BotApiCommand.RunAsync(console, result.GetValue(key), result.GetValue(url), handler, async (http, apiKey) =>
            {
                if (await action(new AnnouncementClient(http, apiKey)).ConfigureAwait(false) is { } final)
                {
                    Summarize(final);
                }
            });

        async Task<AnnouncementProgress> WatchAsync(AnnouncementClient client, AnnouncementProgress? first, double seconds, CancellationToken ct, string? announcementId = null)
        {
            var progress = first ?? await client.GetProgressAsync(announcementId!, ct).ConfigureAwait(false);
            if (progress.Status == "scheduled" && progress.NextSendAt is { } due && due > timeProvider.GetUtcNow() + _scheduledWatchHorizon)
            {
                // A bar at 0 % until tomorrow tells the marketer nothing; the time it starts does.
                console.WriteLine(AnnouncementProgressLine.Scheduled(progress, due, timeProvider.GetUtcNow(), timeProvider.LocalTimeZone));
                return progress;
            }

            var delay = TimeSpan.FromSeconds(Math.Clamp(seconds, 0.05, 60));
            await console.Progress().AutoClear(false).StartAsync(async context =>
            {
                var bar = context.AddTask("Sending " + progress.Id, maxValue: Math.Max(1, progress.Targeted));
                while (true)
                {
                    bar.Value = Done(progress);
                    bar.Description = Markup.Escape(AnnouncementProgressLine.Describe(progress, timeProvider.GetUtcNow(), timeProvider.LocalTimeZone));
                    if (progress.Pending + progress.Sending == 0)
                    {
                        bar.StopTask();
                        return;
                    }

                    await Task.Delay(delay, ct).ConfigureAwait(false);
                    progress = await client.GetProgressAsync(progress.Id, ct).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
            return progress;
        }

        string Clock(DateTimeOffset time) => AnnouncementProgressLine.Clock(time, timeProvider.LocalTimeZone);

        bool TryReadTime(System.CommandLine.ParseResult result, Option<string?> option, out DateTimeOffset? value)
        {
            value = null;
            if (result.GetValue(option) is not { } typed)
            {
                return true;
            }

            value = AnnouncementTimeParser.Parse(typed, timeProvider.GetUtcNow(), timeProvider.LocalTimeZone);
            if (value is null)
            {
                console.MarkupLineInterpolated($"[red]{option.Name}: cannot read \"{typed}\" as a time.[/] Use {AnnouncementTimeParser.ExpectedFormat}.");
                return false;
            }

            if (value <= timeProvider.GetUtcNow())
            {
                console.MarkupLineInterpolated($"[red]{option.Name}: {Clock(value.Value)} has passed.[/] Give a time in the future, or leave {option.Name} out to send now.");
                return false;
            }

            console.MarkupLineInterpolated($"{option.Name}: {Clock(value.Value)}");
            return true;
        }

        void Summarize(AnnouncementProgress p) =>
            console.MarkupLineInterpolated(
                $"[bold]{p.Id}[/] {p.Status}: targeted {p.Targeted}, sent {p.Sent}, failed {p.Failed} ({p.Unreachable} unreachable), skipped {Skipped(p)} (quiet hours {p.Skipped.QuietHours}, cap {p.Skipped.Cap}, unsubscribed {p.Skipped.Unsubscribed}), pending {p.Pending + p.Sending}, cancelled {p.Cancelled}.");
    }

    private static VariantRequest ParseVariant(string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        return equals > 0
            ? new VariantRequest { Id = value[..equals].Trim(), Text = value[(equals + 1)..] }
            : new VariantRequest { Text = value };
    }

    private static int Skipped(AnnouncementProgress p) => p.Skipped.QuietHours + p.Skipped.Cap + p.Skipped.Unsubscribed;

    private static double Done(AnnouncementProgress p) => p.Sent + p.Failed + Skipped(p) + p.Cancelled;

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double rate) => rate.ToString("P1", CultureInfo.InvariantCulture);
}
