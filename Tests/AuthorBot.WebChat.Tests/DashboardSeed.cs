using AuthorBot.Dialogs.HandOff;
using AuthorBot.Dialogs.Intents;
using AuthorBot.Dialogs.Profile;
using Microsoft.Extensions.DependencyInjection;

namespace AuthorBot.WebChat.Tests;

/// <summary>Missed messages and hand-off messages, stored through the same interfaces the bot's flows write them with.</summary>
internal static class DashboardSeed
{
    /// <summary>Three readers asked about signed ebooks in the same words, one about audiobooks; the bot guessed.</summary>
    public static async Task MissesAsync(BotHost host)
    {
        await ReadyAsync(host);
        var log = host.Services.GetRequiredService<IMissLog>();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 3; i++)
        {
            await log.RecordAsync(new MissedMessage("Do you sign ebooks?", "webchat", now.AddMinutes(-10 + i), "faq:signed-copies", 0.41f, "events", 0.2f), CancellationToken.None);
        }

        await log.RecordAsync(new MissedMessage("is there an audio version", "msteams", now.AddMinutes(-30), "formats", 0.33f, null, 0), CancellationToken.None);
    }

    /// <summary>A message from Ada, who agreed to share her email address for the reply.</summary>
    public static async Task InboxAsync(BotHost host)
    {
        await ReadyAsync(host);
        var inbox = host.Services.GetRequiredService<IAuthorInbox>();
        await inbox.AddAsync(
            new AuthorInboxMessage(new ReaderKey("webchat", "dl_ada"), "Ada", "Could you visit our book club in Leith?", "ada@example.com", "May Maren reply to ada@example.com?", DateTimeOffset.UtcNow.AddHours(-2), "asked", 0.4),
            CancellationToken.None);
    }

    // Readiness touches the proactive database, which creates its tables.
    private static async Task ReadyAsync(BotHost host)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        (await http.GetAsync(new Uri("/healthz/ready", UriKind.Relative))).EnsureSuccessStatusCode();
    }
}
