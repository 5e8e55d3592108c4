using System.CommandLine;
using System.Globalization;
using AuthorBot.Bot.Announcements;
using Spectre.Console;

namespace AuthorBot.Bot.Understanding;

/// <summary>
/// The author's command line for what readers said: <c>dotnet run --project Bot -- author misses</c> lists messages the
/// bot did not understand, <c>author label ID INTENT</c> teaches it what one meant (from the next start on),
/// <c>author intents</c> lists the labels, <c>author inbox</c> shows messages readers asked to pass on and
/// <c>author read ID</c> marks one read. The key comes from <c>--key</c> or <c>AUTHORBOT_API_KEY</c>, as for <c>announce</c>.
/// </summary>
internal static class AuthorCommand
{
    public const string Verb = "author";

    /// <summary>Runs the command; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, HttpMessageHandler? handler, CancellationToken cancellationToken)
    {
        var url = new Option<string>("--url") { Description = "The bot's address.", DefaultValueFactory = _ => "http://localhost:3978", Recursive = true };
        var key = new Option<string?>("--key") { Description = $"The API key (Announcements:ApiKey); default: ${BotApiCommand.KeyVariable}.", Recursive = true };
        var all = new Option<bool>("--all") { Description = "Include labelled misses / read messages." };
        var id = new Argument<long>("id") { Description = "The miss's or message's number." };
        var intent = new Argument<string>("intent") { Description = "The intent the message meant (see: author intents)." };

        var root = new RootCommand("Review what readers said to a running AuthorBot.");
        root.Options.Add(url);
        root.Options.Add(key);

        var misses = new Command("misses", "Messages the bot did not understand, newest first.") { all };
        misses.SetAction((result, ct) => WithClientAsync(result, async client =>
        {
            var list = await client.MissesAsync(result.GetValue(all), ct).ConfigureAwait(false);
            var table = new Table().AddColumns("#", "When", "Message", "Best guesses", "Label");
            foreach (var m in list)
            {
                var guesses = m.Guess is null ? "(no known word)" : $"{m.Guess} {m.GuessScore:F2}" + (m.SecondGuess is null ? string.Empty : $", {m.SecondGuess} {m.SecondScore:F2}");
                table.AddRow(Cell(m.Id.ToString(CultureInfo.InvariantCulture)), Cell(m.MissedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)), Cell(m.Text), Cell(guesses), Cell(m.Label ?? "-"));
            }

            console.Write(table);
            console.MarkupLineInterpolated($"{list.Count} message(s). Label one with: author label ID INTENT");
        }));
        root.Subcommands.Add(misses);

        var label = new Command("label", "Say what a missed message meant; it trains the bot from its next start.") { id, intent };
        label.SetAction((result, ct) => WithClientAsync(result, async client =>
        {
            var labelled = await client.LabelAsync(result.GetValue(id), result.GetValue(intent)!, ct).ConfigureAwait(false);
            console.MarkupLineInterpolated($"Labelled {labelled.Id} \"{labelled.Text}\" as [bold]{labelled.Label}[/]. It joins the training data when the bot next starts.");
        }));
        root.Subcommands.Add(label);

        var intents = new Command("intents", "The intents a message can be labelled with.");
        intents.SetAction((result, ct) => WithClientAsync(result, async client =>
        {
            foreach (var name in (await client.IntentsAsync(ct).ConfigureAwait(false)).Intents)
            {
                console.WriteLine(name);
            }
        }));
        root.Subcommands.Add(intents);

        var inbox = new Command("inbox", "Messages readers asked the bot to pass on to you, newest first.") { all };
        inbox.SetAction((result, ct) => WithClientAsync(result, async client =>
        {
            var list = await client.InboxAsync(result.GetValue(all), ct).ConfigureAwait(false);
            var table = new Table().AddColumns("#", "When", "From", "Message", "Reply to", "Mood");
            foreach (var m in list)
            {
                table.AddRow(
                    Cell(m.Id.ToString(CultureInfo.InvariantCulture)),
                    Cell(m.ReceivedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
                    Cell($"{m.ReaderName ?? "a reader"} ({m.ChannelId})"),
                    Cell(m.Message),
                    Cell(m.Contact ?? "no reply wanted"),
                    Cell($"{m.Reason} {m.Sentiment:+0.00;-0.00;0.00}"));
            }

            console.Write(table);
            console.MarkupLineInterpolated($"{list.Count} message(s). Mark one read with: author read ID");
        }));
        root.Subcommands.Add(inbox);

        var read = new Command("read", "Mark an inbox message read.") { id };
        read.SetAction((result, ct) => WithClientAsync(result, async client =>
        {
            var message = await client.MarkReadAsync(result.GetValue(id), ct).ConfigureAwait(false);
            console.MarkupLineInterpolated($"Message {message.Id} marked read.");
        }));
        root.Subcommands.Add(read);

        return await root.Parse(args).InvokeAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

        Task<int> WithClientAsync(ParseResult result, Func<AuthorApiClient, Task> action) =>
            BotApiCommand.RunAsync(console, result.GetValue(key), result.GetValue(url), handler, (http, apiKey) => action(new AuthorApiClient(http, apiKey)));
    }

    private static Markup Cell(string text) => new(Markup.Escape(text));
}
