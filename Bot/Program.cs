using AuthorBot.Bot;
using AuthorBot.Bot.Announcements;
using AuthorBot.Bot.Deployment;
using AuthorBot.Bot.Hosting;
using AuthorBot.Bot.Newsletter;

// `announce ...` is the marketers' client for a running bot, `newsletter-export` downloads its confirmed subscribers,
// `teams-package ...` builds the Teams app package; anything else starts the bot.
if (args is [TeamsPackageCommand.Verb, .. var packageArgs])
{
    return await TeamsPackageCommand.RunAsync(packageArgs, Spectre.Console.AnsiConsole.Console, CancellationToken.None).ConfigureAwait(false);
}

if (args is [NewsletterExportCommand.Verb, .. var exportArgs])
{
    return await NewsletterExportCommand.RunAsync(exportArgs, Spectre.Console.AnsiConsole.Console, null, CancellationToken.None).ConfigureAwait(false);
}

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
