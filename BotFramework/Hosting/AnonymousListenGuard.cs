using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace AuthorBot.BotFramework.Hosting;

/// <summary>
/// Without an app id nothing is authenticated, so anyone who can reach <c>/api/messages</c> can act as any user. That
/// is fine on the developer's own machine and nowhere else: a host without an app id may listen on loopback only,
/// unless <c>BotFramework:AllowAnonymous=true</c> says otherwise (for a bot behind something else that authenticates).
/// </summary>
public static class AnonymousListenGuard
{
    /// <summary>
    /// The start-up error for listening on <paramref name="configuration"/>'s addresses without an app id, or null when
    /// every address is loopback (or an app id is set, or anonymous mode is explicitly allowed).
    /// </summary>
    public static string? Check(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]) || configuration.GetValue("BotFramework:AllowAnonymous", false))
        {
            return null;
        }

        var exposed = ListenUrls(configuration).Where(url => !IsLoopback(url)).ToList();
        return exposed.Count == 0
            ? null
            : $"The bot would listen on {string.Join(", ", exposed)} with no MicrosoftAppId, so anyone who can reach it could act as any reader. "
              + "Set MicrosoftAppId (with MicrosoftAppPassword, or MicrosoftAppType=UserAssignedMSI) to authenticate channel requests, "
              + "listen on localhost only, or set BotFramework:AllowAnonymous=true if something in front of the bot authenticates requests.";
    }

    /// <summary>True when anonymous mode was allowed on a non-loopback address, which the host should log loudly.</summary>
    public static bool IsExplicitlyExposed(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"])
            && configuration.GetValue("BotFramework:AllowAnonymous", false)
            && ListenUrls(configuration).Any(url => !IsLoopback(url));
    }

    // Kestrel listens where `urls` (ASPNETCORE_URLS, --urls, UseUrls) says, plus any Kestrel:Endpoints; with neither it
    // falls back to the HTTP(S)_PORTS variables, which bind every interface.
    private static IEnumerable<string> ListenUrls(IConfiguration configuration)
    {
        var urls = configuration[WebHostDefaults.ServerUrlsKey];
        var found = false;
        foreach (var url in (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            found = true;
            yield return url;
        }

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
            {
                found = true;
                yield return url;
            }
        }

        if (!found)
        {
            foreach (var key in new[] { "HTTP_PORTS", "HTTPS_PORTS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS" })
            {
                if (configuration[key] is { Length: > 0 } ports)
                {
                    yield return $"http://*:{ports}";
                }
            }
        }
    }

    private static bool IsLoopback(string url)
    {
        // Kestrel's wildcards (*, +) are not valid URI hosts; they mean every interface.
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var rest = schemeEnd < 0 ? url : url[(schemeEnd + 3)..];
        if (rest.StartsWith('*') || rest.StartsWith('+'))
        {
            return false;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback;
    }
}
