using Microsoft.Extensions.Options;

namespace AuthorBot.BotFramework.Auth;

/// <summary>Fails the host at start when an app id is set but outbound tokens could never be had (see <see cref="OutboundTokenSettings.Validate"/>).</summary>
internal sealed class OutboundCredentialSettingsValidation : IValidateOptions<BotFrameworkAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkAuthenticationOptions options) =>
        OutboundTokenSettings.Validate(options) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
