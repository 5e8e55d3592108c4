using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AuthorBot.Bot.Hosting;

/// <summary>
/// Once the bot listens, tells a first-time user where to go: the chat page and the Emulator endpoint, at the
/// address actually bound (PORT, --urls or the default).
/// </summary>
internal static class StartupBanner
{
    public static void LogWhereToChat(WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            if (addresses is null || addresses.Count == 0)
            {
                return;
            }

            var first = Browsable(addresses.First());
            app.Logger.LogInformation(
                "AuthorBot is ready. Chat with it in a browser at {ChatPage} ; in Bot Framework Emulator, open {Endpoint}",
                first + "/",
                first + "/api/messages");
        });
    }

    // Wildcard listen addresses are not something a browser can open; the same port on localhost is.
    private static string Browsable(string address) =>
        address.Replace("://+:", "://localhost:", StringComparison.Ordinal)
            .Replace("://*:", "://localhost:", StringComparison.Ordinal)
            .Replace("://0.0.0.0:", "://localhost:", StringComparison.Ordinal)
            .Replace("://[::]:", "://localhost:", StringComparison.Ordinal)
            .TrimEnd('/');
}
