using AuthorBot.BotFramework.Auth;
using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AuthorBot.BotFramework.Hosting;

/// <summary>Registers the Bot Framework protocol services: adapter, Connector client factory, auth seam.</summary>
public static class BotFrameworkServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="CloudAdapter"/> (also as <see cref="BotAdapter"/> and <see cref="IBotFrameworkHttpAdapter"/>),
    /// <see cref="IConnectorClientFactory"/> on a named HTTP client, and the anonymous auth seam. Reads
    /// <c>MicrosoftAppId</c> from the configuration root and <c>BotFramework:MaxRequestBodyBytes</c>,
    /// <c>BotFramework:Connector:*</c> from their sections. The host fails at start-up when <c>MicrosoftAppId</c> is
    /// set, because only anonymous mode exists so far. Register your <see cref="IBot"/> separately.
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
            .Validate(options => AnonymousModeGuard.IsAllowed(options.MicrosoftAppId), AnonymousModeGuard.AppIdConfiguredMessage)
            .Validate(options => options.MaxRequestBodyBytes > 0, "BotFramework:MaxRequestBodyBytes must be positive.")
            .ValidateOnStart();

        services.AddOptions<BotFrameworkAuthenticationOptions>()
            .Configure(options =>
            {
                configuration.Bind(options);
                options.AllowAnonymous = configuration.GetValue("BotFramework:AllowAnonymous", false);
            });

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
            })
            .Validate(options => options.MaxRetries is >= 0 and <= 10, "BotFramework:Connector:MaxRetries must be between 0 and 10.")
            .Validate(
                options => options.PerConversationBurst == 0
                    || (options.PerConversationBurst > 0 && options.PerConversationPerPeriod > 0 && options.PerTenantPerPeriod > 0
                        && options.RateLimitPeriod > TimeSpan.Zero && options.MaxQueuedSends >= 0),
                "BotFramework:Connector rate limits must be positive (PerConversationBurst 0 turns them off).")
            .ValidateOnStart();

        services.AddHttpClient(ConnectorClientFactory.HttpClientName)
            .ConfigureHttpClient((provider, client) =>
            {
                var options = provider.GetRequiredService<IOptions<ConnectorClientOptions>>().Value;
                client.Timeout = options.Timeout;
                client.MaxResponseContentBufferSize = options.MaxResponseBytes;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("AuthorBot.BotFramework/1.0");
            });

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IBotAuthenticator>(provider =>
            new AnonymousBotAuthenticator(provider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.MicrosoftAppId));
        services.AddBotFrameworkOutboundCredentials();
        services.TryAddSingleton<IConnectorClientFactory, ConnectorClientFactory>();
        services.TryAddSingleton<CloudAdapter>();
        services.TryAddSingleton<BotAdapter>(provider => provider.GetRequiredService<CloudAdapter>());
        services.TryAddSingleton<IBotFrameworkHttpAdapter>(provider => provider.GetRequiredService<CloudAdapter>());
        return services;
    }
}
