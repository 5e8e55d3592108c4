using Microsoft.Identity.Client;

namespace AuthorBot.BotFramework.Tests.Auth;

/// <summary>MSAL's HTTP seam, handing it a client on <see cref="FakeTokenEndpoint"/>.</summary>
internal sealed class FakeMsalHttpClientFactory(HttpMessageHandler handler) : IMsalHttpClientFactory, IDisposable
{
    private readonly HttpClient _client = new(handler, disposeHandler: false);

    public HttpClient GetHttpClient() => _client;

    public void Dispose() => _client.Dispose();
}
