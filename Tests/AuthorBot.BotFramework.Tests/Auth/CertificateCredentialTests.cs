using AuthorBot.BotFramework.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuthorBot.BotFramework.Tests.Auth;

public sealed class CertificateCredentialTests : IAsyncLifetime, IDisposable
{
    private readonly TestCertificate _certificate = TestCertificate.Create();
    private readonly string _folder = Directory.CreateTempSubdirectory("authorbot-cert-").FullName;
    private OutboundTestContext _context = null!;

    public async Task InitializeAsync() => _context = await OutboundTestContext.StartAsync(new FakeTokenEndpoint
    {
        ClientSecret = null,
        AssertionCheck = assertion => _certificate.Check(assertion, OutboundTestContext.AppId, OutboundTestContext.MultiTenantTokenUrl),
    });

    public async Task DisposeAsync() => await _context.DisposeAsync();

    public void Dispose()
    {
        _certificate.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("pfx", "pfx-password")]
    [InlineData("pfx", null)]
    [InlineData("pem", null)]
    public async Task The_certificate_signs_a_client_assertion_that_the_token_endpoint_accepts(string format, string? password)
    {
        var path = Path.Combine(_folder, "bot." + format);
        if (format == "pem")
        {
            _certificate.WritePem(path);
        }
        else
        {
            _certificate.WritePfx(path, password);
        }

        var client = _context.ClientFrom(_context.Services(
            ("MicrosoftAppPassword", null),
            ("MicrosoftAppCertificatePath", path),
            ("MicrosoftAppCertificatePassword", password)));

        await client.SendToConversationAsync("a:1", OutboundTestContext.Message("hello"), default);

        var token = Assert.Single(_context.Endpoint.TokenRequests);
        Assert.Equal(OutboundTestContext.AppId, token.Fields["client_id"]);
        Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", token.Fields["client_assertion_type"]);
        Assert.Null(_certificate.Check(token.Fields["client_assertion"], OutboundTestContext.AppId, OutboundTestContext.MultiTenantTokenUrl));
        Assert.False(token.Fields.ContainsKey("client_secret"));
        Assert.Equal("https://api.botframework.com/.default", token.Fields["scope"]);
        Assert.Equal("Bearer token-1", Assert.Single(_context.Channel.Requests).Authorization);
    }

    [Fact]
    public async Task A_certificate_the_app_registration_does_not_know_fails_the_send_with_AADSTS700027()
    {
        using var other = TestCertificate.Create();
        var path = Path.Combine(_folder, "other.pfx");
        other.WritePfx(path, null);
        var client = _context.ClientFrom(_context.Services(("MicrosoftAppPassword", null), ("MicrosoftAppCertificatePath", path)));

        var error = await Assert.ThrowsAsync<BotFramework.Connector.ConnectorException>(() => client.SendToConversationAsync("a:1", OutboundTestContext.Message("hello"), default));

        Assert.Equal("AADSTS700027", error.ErrorCode);
        Assert.Contains("upload MicrosoftAppCertificatePath's public certificate", error.Message, StringComparison.Ordinal);
        Assert.Empty(_context.Channel.Requests);
    }

    [Fact]
    public void A_pem_without_its_private_key_fails_at_start_naming_the_file()
    {
        var path = Path.Combine(_folder, "public-only.pem");
        File.WriteAllText(path, _certificate.Certificate.ExportCertificatePem());
        var services = _context.Services(("MicrosoftAppPassword", null), ("MicrosoftAppCertificatePath", path));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BotFrameworkAuthenticationOptions>>().Value);

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pfx_with_the_wrong_password_fails_at_start_naming_the_password_setting()
    {
        var path = Path.Combine(_folder, "locked.pfx");
        _certificate.WritePfx(path, "right");
        var services = _context.Services(("MicrosoftAppPassword", null), ("MicrosoftAppCertificatePath", path), ("MicrosoftAppCertificatePassword", "wrong"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BotFrameworkAuthenticationOptions>>().Value);

        Assert.Contains("MicrosoftAppCertificatePassword", error.Message, StringComparison.Ordinal);
    }
}
