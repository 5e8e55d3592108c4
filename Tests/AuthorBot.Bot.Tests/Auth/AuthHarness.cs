using System.Net.Http.Json;
using System.Text.Json;

namespace AuthorBot.Bot.Tests.Auth;

/// <summary>
/// The auth harness (Tests/Harness/auth) as a test fixture: its identity provider (channel and Azure AD OpenID
/// metadata, keys), the mock Azure AD token endpoint and the mock Connector, each a node process on 127.0.0.1 with a
/// free port, stopped by process id when the tests are done; and the harness's checks (run-matrix, run-outbound) run
/// against a bot with a timeout.
/// </summary>
public sealed class AuthHarness : IAsyncLifetime
{
    /// <summary>The app id the harness's tokens are issued for (tokens.js DEFAULT_APP_ID).</summary>
    public const string AppId = "7c5c1c10-4a4e-4b8e-9d3c-5b2f0a9e1d42";

    /// <summary>The secret token-endpoint.js knows for <see cref="AppId"/>.</summary>
    public const string AppPassword = "bench-app-password";

    private readonly List<RunningScript> _servers = [];
    private RunningScript? _idp;
    private RunningScript? _tokenEndpoint;
    private RunningScript? _connector;

    /// <summary>http://127.0.0.1:PORT of idp.js.</summary>
    public Uri Idp => Base(_idp);

    /// <summary>Channel (Bot Connector service) OpenID metadata served by the IdP.</summary>
    public Uri ChannelOpenIdMetadataUrl => new(Idp, "/v1/.well-known/openidconfiguration");

    /// <summary>Azure AD v2 (Emulator) OpenID metadata served by the IdP.</summary>
    public Uri EmulatorOpenIdMetadataUrl => new(Idp, "/common/v2.0/.well-known/openid-configuration");

    /// <summary>http://127.0.0.1:PORT of token-endpoint.js (answers login.microsoftonline.com's token requests).</summary>
    public Uri TokenEndpoint => Base(_tokenEndpoint);

    /// <summary>connector.js; the Teams-style serviceUrl (with /amer/) is <see cref="ConnectorServiceUrl"/>.</summary>
    public Uri Connector => Base(_connector);

    public Uri ConnectorServiceUrl => new(Connector, "/amer/");

    public async Task InitializeAsync()
    {
        NodeScript.EnsureAvailable();
        _idp = await StartAsync("idp.js", ["--quiet"], "IDP_LISTENING");
        _tokenEndpoint = await StartAsync("token-endpoint.js", ["--quiet"], "TOKEN_ENDPOINT_LISTENING");
        _connector = await StartAsync("connector.js", ["--token-endpoint", TokenEndpoint.ToString().TrimEnd('/'), "--app-id", AppId, "--quiet"], "CONNECTOR_LISTENING");
    }

    public Task DisposeAsync()
    {
        foreach (var server in _servers)
        {
            server.Dispose();
        }

        _servers.Clear();
        return Task.CompletedTask;
    }

    /// <summary>Runs <c>node run-matrix.mjs</c> against <paramref name="target"/> with this IdP.</summary>
    public Task<ScriptResult> RunMatrixAsync(Uri target, IEnumerable<string> options, TimeSpan timeout) =>
        NodeScript.RunAsync("run-matrix.mjs", ["--idp", Idp.ToString().TrimEnd('/'), "--target", new Uri(target, "/api/messages").ToString(), .. options], timeout);

    /// <summary>Runs <c>node run-outbound.mjs</c>: <paramref name="target"/> must reply through <see cref="ConnectorServiceUrl"/>.</summary>
    public Task<ScriptResult> RunOutboundAsync(Uri target, IEnumerable<string> options, TimeSpan timeout) =>
        NodeScript.RunAsync(
            "run-outbound.mjs",
            [
                "--idp", Idp.ToString().TrimEnd('/'),
                "--token-endpoint", TokenEndpoint.ToString().TrimEnd('/'),
                "--connector", ConnectorServiceUrl.ToString(),
                "--target", new Uri(target, "/api/messages").ToString(),
                .. options,
            ],
            timeout);

    /// <summary>token-endpoint.js's counters (<c>tokenRequests</c>, <c>issued</c>, <c>rejectedBy</c>, …).</summary>
    public async Task<JsonElement> TokenEndpointStatsAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        return await client.GetFromJsonAsync<JsonElement>(new Uri(TokenEndpoint, "/_admin/stats"));
    }

    /// <summary>connector.js's counters (<c>calls</c>, <c>accepted</c>, <c>rejected</c>, …).</summary>
    public async Task<JsonElement> ConnectorStatsAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        return await client.GetFromJsonAsync<JsonElement>(new Uri(Connector, "/_admin/stats"));
    }

    /// <summary>The last lines a harness server wrote, for failure messages.</summary>
    public string ServerOutput => string.Join("\n", _servers.Select(s => s.RecentOutput));

    private async Task<RunningScript> StartAsync(string script, IEnumerable<string> arguments, string readyWord)
    {
        var server = await NodeScript.StartAsync(script, arguments, readyWord);
        _servers.Add(server);
        return server;
    }

    private static Uri Base(RunningScript? server) =>
        server is null ? throw new InvalidOperationException("The auth harness is not started.") : new Uri($"http://127.0.0.1:{server.Port}/");
}

/// <summary>The auth harness tests share one harness and run one after another (each starts node processes and a host).</summary>
[CollectionDefinition(Name)]
public sealed class AuthHarnessTests : ICollectionFixture<AuthHarness>
{
    public const string Name = "auth harness";
}
