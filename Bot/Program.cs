using AuthorBot.Bot;
using AuthorBot.Bot.Announcements;
using AuthorBot.Bot.Hosting;

// `announce ...` is the marketers' client for a running bot; anything else starts the bot.
if (args is [AnnounceCommand.Verb, .. var announceArgs])
{
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancel.Cancel();
    };
    return await AnnounceCommand.RunAsync(announceArgs, Spectre.Console.AnsiConsole.Console, null, cancel.Token).ConfigureAwait(false);
}

SingleCpuTiering.ReexecuteIfNeeded();
var app = AuthorBotApp.Create(args);
await app.RunAsync().ConfigureAwait(false);
return 0;
