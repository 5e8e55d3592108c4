using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace AuthorBot.BotFramework.Auth;

/// <summary>Builds the one MSAL application of the configured app id.</summary>
internal static class MsalTokenSources
{
    /// <summary>
    /// Builds it. <paramref name="httpClientFactory"/> replaces MSAL's HTTP stack when given (proxies; tests that send
    /// login.microsoftonline.com to a local endpoint). MSAL's own retry-once on 5xx is turned off either way: the
    /// credential provider retries with backoff, and two nested policies would multiply the attempts.
    /// </summary>
    /// <exception cref="InvalidOperationException">The settings are not usable (see <see cref="OutboundTokenSettings.Validate"/>).</exception>
    public static IAccessTokenSource Create(BotFrameworkAuthenticationOptions options, IMsalHttpClientFactory? httpClientFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (OutboundTokenSettings.Validate(options) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        var appId = options.MicrosoftAppId!.Trim();
        if (options.AppType == BotAppType.UserAssignedMSI)
        {
            var identity = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(appId))
                .WithHttpClientFactory(httpClientFactory, retryOnceOn5xx: false)
                .Build();
            var resource = OutboundTokenSettings.Resource(options);
            return new ManagedIdentityTokenSource(identity, resource, $"user-assigned managed identity {appId} for {resource}");
        }

        var authority = OutboundTokenSettings.Authority(options);
        var builder = ConfidentialClientApplicationBuilder.Create(appId)
            .WithAuthority(authority, options.ValidateAuthority)
            .WithHttpClientFactory(httpClientFactory, retryOnceOn5xx: false);
        if (!options.ValidateAuthority)
        {
            // An authority the operator vouches for (a sovereign or private cloud): MSAL must not ask the public
            // cloud's discovery endpoint about it.
            builder = builder.WithInstanceDiscovery(false);
        }

        string credential;
        if (!string.IsNullOrWhiteSpace(options.MicrosoftAppCertificatePath))
        {
            var certificate = AppCertificateLoader.Load(options.MicrosoftAppCertificatePath.Trim(), options.MicrosoftAppCertificatePassword);
            builder = builder.WithCertificate(certificate);
            credential = $"certificate {certificate.Thumbprint}";
        }
        else
        {
            builder = builder.WithClientSecret(options.MicrosoftAppPassword);
            credential = "client secret";
        }

        var scope = OutboundTokenSettings.Scope(options);
        return new ConfidentialClientTokenSource(builder.Build(), scope, $"app {appId} ({options.AppType}, {credential}) at {authority} for {scope}");
    }
}
