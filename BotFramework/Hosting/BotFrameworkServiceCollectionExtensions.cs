using AuthorBot.BotFramework.Auth;
using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthorBot.BotFramework.Hosting;

/// <summary>Registers the Bot Framework protocol services: adapter, Connector client factory, auth seam.</summary>
public static class BotFrameworkServiceCollectionExtensions
{
    /// <summary>The HTTP client that reads the channels' OpenID metadata and signing keys.</summary>
    public const string OpenIdMetadataHttpClientName = "AuthorBot.BotFramework.OpenIdMetadata";

    /// <summary>
    /// Adds <see cref="CloudAdapter"/> (also as <see cref="BotAdapter"/> and <see cref="IBotFrameworkHttpAdapter"/>),
    /// <see cref="IConnectorClientFactory"/> on a named HTTP client, and channel authentication. Reads the Bot Builder
    /// settings (<c>MicrosoftAppId</c>, <c>MicrosoftAppType</c>, ... see <see cref="BotFrameworkAuthenticationOptions"/>)
    /// from the configuration root and <c>BotFramework:*</c>, <c>BotFramework:Connector:*</c> from their sections. With
    /// no app id, requests are not authenticated and replies carry no token (anonymous development mode). Register your
    /// <see cref="IBot"/> separately.
    /// </summary>
    public static IServiceCollection AddBotFramework(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<BotFrameworkOptions>()
            .Configure(options =>
            {
                options.MicrosoftAppId = configuration["MicrosoftAppId"];
                var section = configuration.GetSection("BotFramework");
                options.MaxRequestBodyBytes = section.GetValue("MaxRequestBodyBytes", options.MaxRequestBodyBytes);
            })
            .Validate(options => options.MaxRequestBodyBytes > 0, "BotFramework:MaxRequestBodyBytes must be positive.")
            .ValidateOnStart();

        services.AddOptions<BotFrameworkAuthenticationOptions>()
            .Configure(options =>
            {
                configuration.Bind(options);
                var section = configuration.GetSection("BotFramework");
                options.AllowAnonymous = section.GetValue("AllowAnonymous", false);
                options.OpenIdMetadataRefreshInterval = section.GetValue("OpenIdMetadataRefreshInterval", options.OpenIdMetadataRefreshInterval);
                options.OpenIdMetadataMinimumRefreshInterval = section.GetValue("OpenIdMetadataMinimumRefreshInterval", options.OpenIdMetadataMinimumRefreshInterval);
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotFrameworkAuthenticationOptions>, BotFrameworkAuthenticationOptionsValidator>());
        services.AddHttpClient(OpenIdMetadataHttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));

        services.AddOptions<ConnectorClientOptions>()
            .Configure(options =>
            {
                var section = configuration.GetSection("BotFramework:Connector");
                options.MaxRetries = section.GetValue("MaxRetries", options.MaxRetries);
                options.BaseDelay = section.GetValue("BaseDelay", options.BaseDelay);
                options.MaxDelay = section.GetValue("MaxDelay", options.MaxDelay);
                options.Timeout = section.GetValue("Timeout", options.Timeout);
                options.MaxResponseBytes = section.GetValue("MaxResponseBytes", options.MaxResponseBytes);
                options.PerConversationBurst = section.GetValue("PerConversationBurst", options.PerConversationBurst);
                options.PerConversationPerPeriod = section.GetValue("PerConversationPerPeriod", options.PerConversationPerPeriod);
                options.PerTenantPerPeriod = section.GetValue("PerTenantPerPeriod", options.PerTenantPerPeriod);
                options.RateLimitPeriod = section.GetValue("RateLimitPeriod", options.RateLimitPeriod);
                options.MaxQueuedSends = section.GetValue("MaxQueuedSends", options.MaxQueuedSends);
                var allowed = section.GetSection("AllowedServiceUrls");
                foreach (var url in allowed.GetChildren().Select(c => c.Value).Append(allowed.Value))
                {
                    foreach (var entry in (url ?? string.Empty).Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        options.AllowedServiceUrls.Add(entry);
                    }
                }
            })
            .Validate(
                options => options.AllowedServiceUrls.All(ConnectorClient.IsValidServiceUrl),
                "BotFramework:Connector:AllowedServiceUrls must hold absolute http or https URLs.")
            .Validate(options => options.MaxRetries is >= 0 and <= 10, "BotFramework:Connector:MaxRetries must be between 0 and 10.")
            .Validate(
                options => options.PerConversationBurst == 0
                    || (options.PerConversationBurst > 0 && options.PerConversationPerPeriod > 0 && options.PerTenantPerPeriod > 0
                        && options.RateLimitPeriod > TimeSpan.Zero && options.MaxQueuedSends >= 0),
                "BotFramework:Connector rate limits must be positive (PerConversationBurst 0 turns them off).")
            .ValidateOnStart();

        // One policy for every Connector call (replies, proactive messages, announcements, reminders): redirects are
        // never followed (a 3xx is an error answer, so a POST is never re-sent elsewhere), and the connect step refuses
        // non-public addresses after DNS (OutboundConnectGuard). No proxy: the guard must see the channel's own address.
        services.AddHttpClient(ConnectorClientFactory.HttpClientName)
            .ConfigureHttpClient((provider, client) =>
            {
                var options = provider.GetRequiredService<IOptions<ConnectorClientOptions>>().Value;
                client.Timeout = options.Timeout;
                client.MaxResponseContentBufferSize = options.MaxResponseBytes;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("AuthorBot.BotFramework/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectCallback = new OutboundConnectGuard(
                    provider.GetRequiredService<IOptions<BotFrameworkAuthenticationOptions>>().Value.IsAnonymous,
                    provider.GetRequiredService<ServiceUrlAllowList>(),
                    provider.GetRequiredService<OutboundRefusalLog>()).ConnectAsync,
            });

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new ServiceUrlAllowList(provider.GetRequiredService<IOptions<ConnectorClientOptions>>().Value.AllowedServiceUrls));
        services.TryAddSingleton<OutboundRefusalLog>();
        services.TryAddSingleton(provider => new ServiceUrlTrust(
            !provider.GetRequiredService<IOptions<BotFrameworkAuthenticationOptions>>().Value.IsAnonymous,
            provider.GetService<IServiceUrlTrustStore>(),
            provider.GetRequiredService<ServiceUrlAllowList>()));
        services.TryAddSingleton(CreateAuthenticator);
        services.AddBotFrameworkOutboundCredentials();
        services.TryAddSingleton<IConnectorClientFactory>(provider => new ConnectorClientFactory(
            provider.GetRequiredService<IHttpClientFactory>(),
            provider.GetRequiredService<IOutboundCredentialProvider>(),
            provider.GetRequiredService<IOptions<ConnectorClientOptions>>(),
            provider.GetService<TimeProvider>(),
            provider.GetService<ServiceUrlTrust>(),
            provider.GetRequiredService<OutboundRefusalLog>()));
        services.TryAddSingleton<CloudAdapter>();
        services.TryAddSingleton<BotAdapter>(provider => provider.GetRequiredService<CloudAdapter>());
        services.TryAddSingleton<IBotFrameworkHttpAdapter>(provider => provider.GetRequiredService<CloudAdapter>());
        return services;
    }

    private static IBotAuthenticator CreateAuthenticator(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<BotFrameworkAuthenticationOptions>>().Value;
        if (options.IsAnonymous)
        {
            return new AnonymousBotAuthenticator();
        }

        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(OpenIdMetadataHttpClientName);
        OpenIdKeySource Keys(string? configured, string publicCloud) => new(
            string.IsNullOrWhiteSpace(configured) ? publicCloud : configured.Trim(),
            http,
            options.OpenIdMetadataRefreshInterval,
            options.OpenIdMetadataMinimumRefreshInterval);

        return new JwtBotAuthenticator(
            options,
            Keys(options.ToBotFromChannelOpenIdMetadataUrl, BotFrameworkAuthenticationOptions.PublicChannelOpenIdMetadataUrl),
            Keys(options.ToBotFromEmulatorOpenIdMetadataUrl, BotFrameworkAuthenticationOptions.PublicEmulatorOpenIdMetadataUrl),
            provider.GetRequiredService<ServiceUrlTrust>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<JwtBotAuthenticator>>());
    }
}
