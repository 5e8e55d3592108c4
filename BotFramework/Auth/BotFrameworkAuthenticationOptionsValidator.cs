using Microsoft.Extensions.Options;

namespace AuthorBot.BotFramework.Auth;

/// <summary>
/// Refuses, at start-up and with the setting's name, a configuration that would fail on the first request: an unknown
/// app type, a single-tenant bot without its tenant, an app registration without a secret or certificate, or signing
/// keys fetched over plain http from anywhere but loopback.
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

        if (type is BotAppType.SingleTenant or BotAppType.UserAssignedMSI && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
        {
            errors.Add($"MicrosoftAppTenantId is required when MicrosoftAppType is {type}.");
        }

        if (type is not BotAppType.UserAssignedMSI
            && string.IsNullOrEmpty(options.MicrosoftAppPassword)
            && string.IsNullOrWhiteSpace(options.MicrosoftAppCertificatePath))
        {
            errors.Add($"MicrosoftAppPassword (or MicrosoftAppCertificatePath) is required when MicrosoftAppId is set and MicrosoftAppType is {type}; for a managed identity set MicrosoftAppType=UserAssignedMSI.");
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
