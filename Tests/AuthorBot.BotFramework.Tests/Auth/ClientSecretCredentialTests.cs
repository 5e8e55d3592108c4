namespace AuthorBot.BotFramework.Tests.Auth;

public sealed class ClientSecretCredentialTests : IAsyncLifetime
{
    private OutboundTestContext _context = null!;

    public async Task InitializeAsync() => _context = await OutboundTestContext.StartAsync();

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task A_multi_tenant_bot_sends_its_secret_to_the_botframework_tenant_and_the_token_to_the_connector()
    {
        var client = _context.ClientFrom(_context.Services());

        await client.SendToConversationAsync("a:1", OutboundTestContext.Message("hello"), default);

        var token = Assert.Single(_context.Endpoint.TokenRequests);
        Assert.Equal("POST", token.Method);
        Assert.Equal(OutboundTestContext.MultiTenantTokenUrl, token.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal("client_credentials", token.Fields["grant_type"]);
        Assert.Equal(OutboundTestContext.AppId, token.Fields["client_id"]);
        Assert.Equal(OutboundTestContext.Secret, token.Fields["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", token.Fields["scope"]);
        Assert.False(token.Fields.ContainsKey("client_assertion"));
        var sent = Assert.Single(_context.Channel.Requests);
        Assert.Equal("/amer/v3/conversations/a%3A1/activities", sent.RawTarget);
        Assert.Equal("Bearer token-1", sent.Authorization);
    }

    [Fact]
    public async Task A_single_tenant_bot_asks_its_own_tenant()
    {
        const string tenant = "3e8c2a71-5b94-4c0f-a6d2-8f1e7b9c0d35";
        var client = _context.ClientFrom(_context.Services(("MicrosoftAppType", "SingleTenant"), ("MicrosoftAppTenantId", tenant)));

        await client.SendToConversationAsync("a:1", OutboundTestContext.Message("hello"), default);

        var token = Assert.Single(_context.Endpoint.TokenRequests);
        Assert.Equal($"https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token", token.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal("Bearer token-1", Assert.Single(_context.Channel.Requests).Authorization);
    }

    [Theory]
    [InlineData("https://api.botframework.us", "https://api.botframework.us/.default")]
    [InlineData("https://api.botframework.us/.default", "https://api.botframework.us/.default")]
    [InlineData("api://bot-connector/.DEFAULT", "api://bot-connector/.default")]
    public async Task The_oauth_scope_setting_gets_one_default_suffix(string setting, string expectedScope)
    {
        var client = _context.ClientFrom(_context.Services(("ToChannelFromBotOAuthScope", setting)));

        await client.SendToConversationAsync("a:1", OutboundTestContext.Message("hello"), default);

        Assert.Equal(expectedScope, Assert.Single(_context.Endpoint.TokenRequests).Fields["scope"]);
    }

    [Fact]
    public async Task The_login_url_setting_is_the_authority()
    {
        var client = _context.ClientFrom(_context.Services(("ToChannelFromBotLoginUrl", "https://login.microsoftonline.com/contoso.onmicrosoft.com")));

        await client.SendToConversationAsync("a:1", OutboundTestContext.Message("hello"), default);

        Assert.Equal(
            "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token",
            Assert.Single(_context.Endpoint.TokenRequests).Uri.GetLeftPart(UriPartial.Path));
    }

    [Fact]
    public async Task Without_authority_validation_msal_asks_no_instance_discovery()
    {
        var client = _context.ClientFrom(_context.Services(("ValidateAuthority", "false")));

        await client.SendToConversationAsync("a:1", OutboundTestContext.Message("hello"), default);

        Assert.Single(_context.Endpoint.TokenRequests);
        Assert.DoesNotContain(_context.Endpoint.Requests, r => r.Uri.AbsolutePath.Contains("discovery", StringComparison.Ordinal));
        Assert.Equal("Bearer token-1", Assert.Single(_context.Channel.Requests).Authorization);
    }
}
