namespace AuthorBot.BotFramework.Auth;

/// <summary>
/// Channel authentication settings, read from the configuration root under the names Bot Builder's
/// <c>ConfigurationBotFrameworkAuthentication</c> uses, so an appsettings.json or App Service configuration written
/// for a Bot Builder bot works unchanged. Empty <see cref="MicrosoftAppId"/> means anonymous development mode.
/// </summary>
public sealed class BotFrameworkAuthenticationOptions
{
    /// <summary>Public-cloud channel metadata (issuer <c>https://api.botframework.com</c>).</summary>
    public const string PublicChannelOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Azure AD v2 metadata the SDKs use for Emulator (and skill) tokens.</summary>
    public const string PublicEmulatorOpenIdMetadataUrl = "https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration";

    /// <summary>Authority for bot-to-channel tokens of a multi-tenant bot.</summary>
    public const string PublicToChannelFromBotLoginUrl = "https://login.microsoftonline.com/botframework.com";

    /// <summary>Scope of bot-to-channel tokens (<c>/.default</c> is appended when asking MSAL).</summary>
    public const string PublicToChannelFromBotOAuthScope = "https://api.botframework.com";

    /// <summary><c>MultiTenant</c> (default), <c>SingleTenant</c> or <c>UserAssignedMSI</c>.</summary>
    public string? MicrosoftAppType { get; set; }

    /// <summary>The bot's app (client) id; for <c>UserAssignedMSI</c> the managed identity's client id.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>Client secret of the app registration (MultiTenant or SingleTenant).</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>Tenant of a SingleTenant or UserAssignedMSI bot.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>
    /// A certificate (PFX/PKCS#12, or PEM with its private key) used instead of <see cref="MicrosoftAppPassword"/>
    /// to sign MSAL's client assertion. Not a Bot Builder configuration key (the SDK takes certificates in code).
    /// </summary>
    public string? MicrosoftAppCertificatePath { get; set; }

    /// <summary>Password of the PFX at <see cref="MicrosoftAppCertificatePath"/>, if any.</summary>
    public string? MicrosoftAppCertificatePassword { get; set; }

    /// <summary>OpenID metadata of channel tokens; the public cloud's when empty.</summary>
    public string? ToBotFromChannelOpenIdMetadataUrl { get; set; }

    /// <summary>OpenID metadata of Emulator (Azure AD) tokens; the public cloud's when empty.</summary>
    public string? ToBotFromEmulatorOpenIdMetadataUrl { get; set; }

    /// <summary>Authority of outbound tokens; <c>https://login.microsoftonline.com/{tenant}</c> when empty.</summary>
    public string? ToChannelFromBotLoginUrl { get; set; }

    /// <summary>Resource (scope without <c>/.default</c>) of outbound tokens; <c>https://api.botframework.com</c> when empty.</summary>
    public string? ToChannelFromBotOAuthScope { get; set; }

    /// <summary>Whether MSAL validates the authority (Bot Builder's <c>ValidateAuthority</c>; true by default).</summary>
    public bool ValidateAuthority { get; set; } = true;

    /// <summary>
    /// <c>BotFramework:AllowAnonymous</c>: lets a host without an app id listen on a non-loopback address. Anyone who
    /// can reach it can then act as any reader, so the host logs it loudly at start-up.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>
    /// <c>BotFramework:OpenIdMetadataRefreshInterval</c>: how often the signing keys are re-read in the background
    /// (Microsoft.IdentityModel's default, 12 h; at least 5 min). Channels publish new keys well before using them.
    /// </summary>
    public TimeSpan OpenIdMetadataRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// <c>BotFramework:OpenIdMetadataMinimumRefreshInterval</c>: the least time between two re-reads caused by tokens
    /// naming an unknown key id (5 min; at least 1 s), so made-up key ids cannot flood the identity provider.
    /// </summary>
    public TimeSpan OpenIdMetadataMinimumRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>True when no app id is configured: no token is checked or sent.</summary>
    public bool IsAnonymous => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The app type, normalized (MultiTenant when empty).</summary>
    public BotAppType AppType =>
        string.IsNullOrWhiteSpace(MicrosoftAppType) ? BotAppType.MultiTenant
        : Enum.TryParse<BotAppType>(MicrosoftAppType.Trim(), ignoreCase: true, out var type) && Enum.IsDefined(type) ? type
        : throw new InvalidOperationException(
            $"MicrosoftAppType '{MicrosoftAppType}' is not one of MultiTenant, SingleTenant, UserAssignedMSI.");
}
