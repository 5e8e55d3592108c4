namespace AuthorBot.BotFramework.Tests.Auth;

/// <summary>
/// UserAssignedMSI through MSAL's HttpClientFactory seam. With no App Service/Arc/Cloud Shell variables in the
/// environment MSAL uses IMDS (http://169.254.169.254/metadata/identity/oauth2/token), which the fake answers.
/// </summary>
public sealed class ManagedIdentityCredentialTests : IAsyncLifetime
{
    private OutboundTestContext _context = null!;

    public async Task InitializeAsync() => _context = await OutboundTestContext.StartAsync();

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task A_user_assigned_identity_gets_a_botframework_token_from_imds_once_for_many_sends()
    {
        Assert.True(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("IDENTITY_ENDPOINT")), "IDENTITY_ENDPOINT is set: MSAL would use App Service instead of IMDS.");
        var client = _context.ClientFrom(_context.Services(("MicrosoftAppType", "UserAssignedMSI"), ("MicrosoftAppTenantId", "3e8c2a71-5b94-4c0f-a6d2-8f1e7b9c0d35"), ("MicrosoftAppPassword", null)));

        for (var i = 0; i < 5; i++)
        {
            await client.SendToConversationAsync("a:1", OutboundTestContext.Message("hello " + i), default);
        }

        var token = Assert.Single(_context.Endpoint.TokenRequests);
        Assert.Equal("GET", token.Method);
        Assert.Equal("169.254.169.254", token.Uri.Host);
        Assert.Equal(FakeTokenEndpoint.ImdsTokenPath, token.Uri.AbsolutePath);
        Assert.Equal(OutboundTestContext.AppId, token.Fields["client_id"]);
        Assert.Equal("https://api.botframework.com", token.Fields["resource"]);
        Assert.Equal("true", token.MetadataHeader);
        Assert.Equal(5, _context.Channel.Requests.Count);
        Assert.All(_context.Channel.Requests, r => Assert.Equal("Bearer token-1", r.Authorization));
    }
}
