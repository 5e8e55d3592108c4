namespace AuthorBot.BotFramework.Auth;

/// <summary>Where outbound tokens come from and what they are for, resolved from the settings as Bot Builder does.</summary>
internal static class OutboundTokenSettings
{
    private const string DefaultScopeSuffix = "/.default";

    /// <summary>
    /// <c>ToChannelFromBotLoginUrl</c> when set; otherwise the botframework.com tenant for a multi-tenant bot and the
    /// bot's own tenant for a single-tenant one.
    /// </summary>
    public static string Authority(BotFrameworkAuthenticationOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ToChannelFromBotLoginUrl))
        {
            return options.ToChannelFromBotLoginUrl.Trim();
        }

        return options.AppType == BotAppType.SingleTenant
            ? "https://login.microsoftonline.com/" + options.MicrosoftAppTenantId?.Trim()
            : BotFrameworkAuthenticationOptions.PublicToChannelFromBotLoginUrl;
    }

    /// <summary>The resource tokens are for (<c>ToChannelFromBotOAuthScope</c> without <c>/.default</c>).</summary>
    public static string Resource(BotFrameworkAuthenticationOptions options)
    {
        var scope = string.IsNullOrWhiteSpace(options.ToChannelFromBotOAuthScope)
            ? BotFrameworkAuthenticationOptions.PublicToChannelFromBotOAuthScope
            : options.ToChannelFromBotOAuthScope.Trim();
        return scope.EndsWith(DefaultScopeSuffix, StringComparison.OrdinalIgnoreCase) ? scope[..^DefaultScopeSuffix.Length] : scope;
    }

    /// <summary>The client-credentials scope: the resource with <c>/.default</c>, never twice.</summary>
    public static string Scope(BotFrameworkAuthenticationOptions options) => Resource(options) + DefaultScopeSuffix;

    /// <summary>Checks the settings outbound tokens need; null when they are usable, else what to fix.</summary>
    public static string? Validate(BotFrameworkAuthenticationOptions options)
    {
        if (options.IsAnonymous)
        {
            return null;
        }

        BotAppType type;
        try
        {
            type = options.AppType;
        }
        catch (InvalidOperationException ex)
        {
            return ex.Message;
        }

        if (type == BotAppType.UserAssignedMSI)
        {
            return null;
        }

        if (type == BotAppType.SingleTenant && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
        {
            return "MicrosoftAppType is SingleTenant but MicrosoftAppTenantId is empty: set it to the tenant (directory) id of the bot's app registration.";
        }

        if (!string.IsNullOrWhiteSpace(options.ToChannelFromBotLoginUrl)
            && !(Uri.TryCreate(options.ToChannelFromBotLoginUrl.Trim(), UriKind.Absolute, out var login) && login.Scheme == Uri.UriSchemeHttps))
        {
            return $"ToChannelFromBotLoginUrl '{options.ToChannelFromBotLoginUrl}' must be an absolute https URL (e.g. https://login.microsoftonline.com/botframework.com).";
        }

        var hasPassword = !string.IsNullOrEmpty(options.MicrosoftAppPassword);
        var hasCertificate = !string.IsNullOrWhiteSpace(options.MicrosoftAppCertificatePath);
        if (hasPassword && hasCertificate)
        {
            return "Both MicrosoftAppPassword and MicrosoftAppCertificatePath are set: keep the one the app registration uses.";
        }

        if (!hasPassword && !hasCertificate)
        {
            return $"MicrosoftAppId is set ({type}) but neither MicrosoftAppPassword nor MicrosoftAppCertificatePath is: the bot needs one to get tokens for its replies.";
        }

        if (hasCertificate)
        {
            try
            {
                AppCertificateLoader.Load(options.MicrosoftAppCertificatePath!.Trim(), options.MicrosoftAppCertificatePassword).Dispose();
            }
            catch (InvalidOperationException ex)
            {
                return ex.Message;
            }
        }

        return null;
    }
}
