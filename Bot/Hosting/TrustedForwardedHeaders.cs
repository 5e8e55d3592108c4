using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace AuthorBot.Bot.Hosting;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto, honoured only from proxies the operator names
/// (<c>ForwardedHeaders:KnownProxies</c>, <c>ForwardedHeaders:KnownNetworks</c>) plus one on this machine, and only the
/// last hop (the address the nearest proxy saw). Without it a reverse proxy on this machine made every caller look like
/// loopback, opening the loopback-only token endpoint to the internet; with ASP.NET Core's own switch
/// (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>) every caller could spoof its address. That switch still turns the
/// middleware on, but the trusted proxies are these.
/// </summary>
internal static class TrustedForwardedHeaders
{
    /// <summary>Configures <see cref="ForwardedHeadersOptions"/> from configuration; a malformed entry stops the host at start.</summary>
    public static IServiceCollection AddTrustedForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Values(configuration, "ForwardedHeaders:KnownProxies")
            .Select(value => IPAddress.TryParse(value, out var address)
                ? address
                : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies holds '{value}', which is not an IP address."))
            .ToList();
        var networks = Values(configuration, "ForwardedHeaders:KnownNetworks")
            .Select(value => System.Net.IPNetwork.TryParse(value, out var network)
                ? network
                : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks holds '{value}', which is not a network like 10.0.0.0/8."))
            .ToList();

        // PostConfigure: runs after ASP.NET Core's own setup, which clears both lists when its switch is on.
        services.PostConfigure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Add(IPAddress.IPv6Loopback);
            options.KnownIPNetworks.Add(new System.Net.IPNetwork(IPAddress.Loopback, 8));
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }

    /// <summary>Adds the middleware unless ASP.NET Core's switch already did (it must run once: each run consumes a hop).</summary>
    public static void UseTrustedForwardedHeaders(this WebApplication app)
    {
        if (!string.Equals(app.Configuration["ForwardedHeaders_Enabled"], "true", StringComparison.OrdinalIgnoreCase))
        {
            app.UseForwardedHeaders();
        }
    }

    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        return section.GetChildren().Select(c => c.Value).Append(section.Value)
            .SelectMany(v => (v ?? string.Empty).Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
