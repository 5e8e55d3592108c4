using Microsoft.Extensions.Options;

namespace AuthorBot.BotFramework.Auth;

/// <summary>
/// Refuses, at start-up and with the setting's name, an inbound configuration that would fail on the first request: an
/// unknown app type, a managed identity without its tenant, or signing keys fetched over plain http from anywhere but
/// loopback. The outbound settings (secret, certificate, authority) have their own validation.
/// </summary>
internal sealed class BotFrameworkAuthenticationOptionsValidator : IValidateOptions<BotFrameworkAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsAnonymous)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        BotAppType type;
        try
        {
            type = options.AppType;
        }
        catch (InvalidOperationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }

        // A managed identity lives in one tenant, and Emulator tokens are accepted from that tenant only (as the SDK's
        // configuration requires it too). Secrets, certificates and SingleTenant are checked with the outbound settings.
        if (type == BotAppType.UserAssignedMSI && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
        {
            errors.Add("MicrosoftAppTenantId is required when MicrosoftAppType is UserAssignedMSI: set it to the managed identity's tenant id.");
        }

        AddUrlError(errors, nameof(options.ToBotFromChannelOpenIdMetadataUrl), options.ToBotFromChannelOpenIdMetadataUrl);
        AddUrlError(errors, nameof(options.ToBotFromEmulatorOpenIdMetadataUrl), options.ToBotFromEmulatorOpenIdMetadataUrl);
        if (options.OpenIdMetadataRefreshInterval < TimeSpan.FromMinutes(5))
        {
            errors.Add("BotFramework:OpenIdMetadataRefreshInterval must be at least 00:05:00.");
        }

        if (options.OpenIdMetadataMinimumRefreshInterval < TimeSpan.FromSeconds(1))
        {
            errors.Add("BotFramework:OpenIdMetadataMinimumRefreshInterval must be at least 00:00:01.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void AddUrlError(List<string> errors, string setting, string? url)
    {
        if (!string.IsNullOrWhiteSpace(url) && MetadataUrls.Check(setting, url) is { } error)
        {
            errors.Add(error);
        }
    }
}
