using AuthorBot.BotFramework.Builder;
using Microsoft.AspNetCore.Http;

namespace AuthorBot.BotFramework.Hosting;

/// <summary>Turns an HTTP request from a channel into a bot turn and writes the HTTP answer.</summary>
public interface IBotFrameworkHttpAdapter
{
    /// <summary>Processes a POST of an Activity to the bot endpoint.</summary>
    Task ProcessAsync(HttpRequest httpRequest, HttpResponse httpResponse, IBot bot, CancellationToken cancellationToken = default);
}
