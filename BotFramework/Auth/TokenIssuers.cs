namespace AuthorBot.BotFramework.Auth;

/// <summary>The issuers the Bot Framework trusts, and how a token's unverified issuer picks its validation path.</summary>
internal static class TokenIssuers
{
    /// <summary>Issuer of tokens that Azure Bot Service channels send to bots.</summary>
    public const string Channel = "https://api.botframework.com";

    /// <summary>The Bot Framework's own tenant (botframework.com).</summary>
    public const string BotFrameworkTenant = "d6d49420-f39b-4df7-a1dc-d59a935871db";

    // Tenants whose Azure AD tokens the Emulator has historically carried (Bot Framework, Microsoft services, Microsoft).
    private static readonly string[] _emulatorTenants =
        [BotFrameworkTenant, "f8cdef31-a31e-4b4a-93e4-5f571e91255a", "72f988bf-86f1-41af-91ab-2d7cd011db47"];

    /// <summary>The Azure AD v1 issuer of <paramref name="tenantId"/>.</summary>
    public static string V1(string tenantId) => $"https://sts.windows.net/{tenantId}/";

    /// <summary>The Azure AD v2 issuer of <paramref name="tenantId"/>.</summary>
    public static string V2(string tenantId) => $"https://login.microsoftonline.com/{tenantId}/v2.0";

    /// <summary>
    /// The Azure AD issuers accepted for Emulator tokens. A single-tenant bot accepts its own tenant only. A multi-tenant
    /// bot accepts the well-known tenants and, like the SDKs, the token's own tenant: the token must still carry the
    /// bot's app id as <c>appid</c>/<c>azp</c>, which only a holder of the bot's credentials can obtain.
    /// </summary>
    public static IReadOnlyList<string> Emulator(string? singleTenantId, string? tokenTenantId)
    {
        if (!string.IsNullOrWhiteSpace(singleTenantId))
        {
            return [V1(singleTenantId), V2(singleTenantId)];
        }

        var issuers = new List<string>(8);
        foreach (var tenant in _emulatorTenants)
        {
            issuers.Add(V1(tenant));
            issuers.Add(V2(tenant));
        }

        if (!string.IsNullOrWhiteSpace(tokenTenantId) && Guid.TryParse(tokenTenantId, out _))
        {
            issuers.Add(V1(tokenTenantId));
            issuers.Add(V2(tokenTenantId));
        }

        return issuers;
    }
}
