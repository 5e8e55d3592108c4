using AuthorBot.BotFramework.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace AuthorBot.BotFramework.Hosting;

/// <summary>Registers the credentials of the bot's outbound Connector calls.</summary>
public static class OutboundCredentialsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="IOutboundCredentialProvider"/> for the bound <see cref="BotFrameworkAuthenticationOptions"/>:
    /// none (anonymous development mode) without <c>MicrosoftAppId</c>; otherwise MSAL tokens by client secret or
    /// certificate (MultiTenant, SingleTenant) or user-assigned managed identity (UserAssignedMSI), with settings that
    /// could never yield a token failing the host at start. An <see cref="IMsalHttpClientFactory"/> registered in the
    /// container carries MSAL's HTTP requests (a proxy, or a test's local token endpoint). A provider registered
    /// before this call is kept.
    /// </summary>
    public static IServiceCollection AddBotFrameworkOutboundCredentials(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<BotFrameworkAuthenticationOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotFrameworkAuthenticationOptions>, OutboundCredentialSettingsValidation>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IOutboundCredentialProvider>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<BotFrameworkAuthenticationOptions>>().Value;
            if (options.IsAnonymous)
            {
                return new AnonymousCredentialProvider();
            }

            var source = MsalTokenSources.Create(options, provider.GetService<IMsalHttpClientFactory>());
            return new MsalCredentialProvider(source, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<MsalCredentialProvider>>());
        });
        return services;
    }
}
