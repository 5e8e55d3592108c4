using AuthorBot.BotFramework.Auth;
using AuthorBot.BotFramework.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuthorBot.BotFramework.Tests.Auth;

public sealed class OutboundSettingsTests : IAsyncLifetime
{
    private OutboundTestContext _context = null!;

    public async Task InitializeAsync() => _context = await OutboundTestContext.StartAsync();

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Theory]
    [InlineData("SingleTenant", null, "MicrosoftAppTenantId is empty")]
    [InlineData("MultiTenant", "password-removed", "neither MicrosoftAppPassword nor MicrosoftAppCertificatePath")]
    [InlineData("Organization", null, "MicrosoftAppType 'Organization' is not one of")]
    [InlineData("MultiTenant", "http-login", "ToChannelFromBotLoginUrl 'http://127.0.0.1:1/botframework.com' must be an absolute https URL")]
    [InlineData("MultiTenant", "both", "Both MicrosoftAppPassword and MicrosoftAppCertificatePath are set")]
    [InlineData("MultiTenant", "missing-certificate", "MicrosoftAppCertificatePath 'no-such-file.pfx' does not exist")]
    public void Settings_that_could_never_yield_a_token_fail_at_start_naming_the_setting(string appType, string? variant, string expected)
    {
        (string, string?)[] settings = variant switch
        {
            "password-removed" => [("MicrosoftAppType", appType), ("MicrosoftAppPassword", null)],
            "http-login" => [("MicrosoftAppType", appType), ("ToChannelFromBotLoginUrl", "http://127.0.0.1:1/botframework.com")],
            "both" => [("MicrosoftAppType", appType), ("MicrosoftAppCertificatePath", "bot.pfx")],
            "missing-certificate" => [("MicrosoftAppType", appType), ("MicrosoftAppPassword", null), ("MicrosoftAppCertificatePath", "no-such-file.pfx")],
            _ => [("MicrosoftAppType", appType)],
        };
        var services = _context.Services(settings);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BotFrameworkAuthenticationOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_app_id_no_token_is_asked_for_or_sent()
    {
        var services = _context.Services(("MicrosoftAppId", null), ("MicrosoftAppPassword", null));

        await _context.ClientFrom(services).SendToConversationAsync("a:1", OutboundTestContext.Message("hi"), default);

        Assert.IsType<AnonymousCredentialProvider>(services.GetRequiredService<IOutboundCredentialProvider>());
        Assert.Null(Assert.Single(_context.Channel.Requests).Authorization);
        Assert.Empty(_context.Endpoint.Requests);
    }

    [Fact]
    public void With_an_app_id_the_msal_provider_is_registered_and_a_provider_registered_first_is_kept()
    {
        Assert.IsType<MsalCredentialProvider>(_context.Services().GetRequiredService<IOutboundCredentialProvider>());

        var own = new AnonymousCredentialProvider();
        var services = new ServiceCollection().AddSingleton<IOutboundCredentialProvider>(own).AddBotFrameworkOutboundCredentials().BuildServiceProvider();
        Assert.Same(own, services.GetRequiredService<IOutboundCredentialProvider>());
    }
}
