using AuthorBot.BotFramework.Builder;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AuthorBot.BotFramework.Hosting;

/// <summary>Maps the bot's messaging endpoint.</summary>
public static class BotEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <paramref name="pattern"/> (all methods, so that non-POST requests get 405 from the adapter) to
    /// <see cref="IBotFrameworkHttpAdapter.ProcessAsync"/> with the <see cref="IBot"/> resolved per request.
    /// </summary>
    public static IEndpointConventionBuilder MapBotEndpoint(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        return endpoints.Map(pattern, (RequestDelegate)(static httpContext =>
        {
            var services = httpContext.RequestServices;
            var adapter = services.GetRequiredService<IBotFrameworkHttpAdapter>();
            var bot = services.GetRequiredService<IBot>();
            return adapter.ProcessAsync(httpContext.Request, httpContext.Response, bot, httpContext.RequestAborted);
        }));
    }
}
