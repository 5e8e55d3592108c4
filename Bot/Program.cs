using AuthorBot.Bot;
using AuthorBot.Bot.Announcements;
using AuthorBot.Bot.Deployment;
using AuthorBot.Bot.Hosting;
using AuthorBot.Bot.Newsletter;
using AuthorBot.Bot.Understanding;

// `announce ...` is the marketers' client for a running bot, `author ...` the author's (misses to label, the inbox),
// `newsletter-export` downloads its confirmed subscribers,
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

if (args is [AuthorCommand.Verb, .. var authorArgs])
{
    return await AuthorCommand.RunAsync(authorArgs, Spectre.Console.AnsiConsole.Console, null, CancellationToken.None).ConfigureAwait(false);
}

SingleCpuTiering.ReexecuteIfNeeded();
var app = AuthorBotApp.Create(args);
if (PortInUse.Check((app.Configuration[Microsoft.AspNetCore.Hosting.WebHostDefaults.ServerUrlsKey] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) is { } busy)
{
    await Console.Error.WriteLineAsync(busy).ConfigureAwait(false);
    return 1;
}

try
{
    await app.RunAsync().ConfigureAwait(false);
}
catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    // A busy port is the most common first-run problem: one line that says which port and what to change.
    await Console.Error.WriteLineAsync(PortInUse.Explain(ex.Message)).ConfigureAwait(false);
    return 1;
}

return 0;
