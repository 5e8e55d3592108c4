using Microsoft.Identity.Client;

namespace AuthorBot.Bot.Tests.Auth;

/// <summary>
/// MSAL's HTTP seam pointed at the harness's token-endpoint.js: MSAL keeps the production authority
/// (https://login.microsoftonline.com/…), and this sends those requests to http://127.0.0.1:PORT instead. MSAL refuses
/// an http authority outright, so this is how a test reaches a plain-http mock (harness README, finding 2).
/// </summary>
internal sealed class LoginRedirectMsalHttpClientFactory(Uri tokenEndpoint) : IMsalHttpClientFactory, IDisposable
{
    private readonly HttpClient _client = new(new Redirect(tokenEndpoint) { InnerHandler = new HttpClientHandler() }) { Timeout = TimeSpan.FromSeconds(30) };

    public HttpClient GetHttpClient() => _client;

    public void Dispose() => _client.Dispose();

    private sealed class Redirect(Uri tokenEndpoint) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is { Host: "login.microsoftonline.com" } uri)
            {
                request.RequestUri = new UriBuilder(uri) { Scheme = tokenEndpoint.Scheme, Host = tokenEndpoint.Host, Port = tokenEndpoint.Port }.Uri;
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
