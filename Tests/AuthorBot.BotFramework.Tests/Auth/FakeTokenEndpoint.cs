using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Web;

namespace AuthorBot.BotFramework.Tests.Auth;

/// <summary>
/// Azure AD as MSAL sees it, behind MSAL's HttpClientFactory seam: instance discovery, the v2 client-credentials token
/// endpoint (secret or client assertion) and the IMDS managed-identity endpoint. Records every request with its form
/// fields, answers errors the way Azure AD does (AADSTS codes), and can fail the next token requests on purpose.
/// </summary>
internal sealed class FakeTokenEndpoint : HttpMessageHandler
{
    public const string LoginHost = "login.microsoftonline.com";
    public const string ImdsTokenPath = "/metadata/identity/oauth2/token";

    private readonly ConcurrentQueue<Func<HttpResponseMessage>> _scripted = new();
    private int _issued;

    /// <summary>The client id the endpoint knows.</summary>
    public string ClientId { get; init; } = "7c5c1c10-4a4e-4b8e-9d3c-5b2f0a9e1d42";

    /// <summary>Its secret; null when it only accepts a client assertion.</summary>
    public string? ClientSecret { get; init; } = "right-secret";

    /// <summary>Checks a client assertion (null = valid, else why not); the test that registers a certificate sets it.</summary>
    public Func<string, string?>? AssertionCheck { get; init; }

    /// <summary>The expires_in of issued tokens, in seconds.</summary>
    public int ExpiresInSeconds { get; set; } = 3600;

    public ConcurrentQueue<TokenEndpointRequest> Requests { get; } = new();

    public IEnumerable<TokenEndpointRequest> TokenRequests => Requests.Where(r => r.IsTokenRequest);

    public int Issued => Volatile.Read(ref _issued);

    /// <summary>Makes the next token request answer <paramref name="status"/> (with Retry-After seconds when given).</summary>
    public void FailNext(HttpStatusCode status, int? retryAfterSeconds = null) => _scripted.Enqueue(() =>
    {
        var response = Error(status, "temporarily_unavailable", 50196, "The server is temporarily unavailable.");
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        }

        return response;
    });

    /// <summary>Makes the next token request fail without an HTTP answer (connection refused).</summary>
    public void BreakNext() => _scripted.Enqueue(() => throw new HttpRequestException("Connection refused (login.microsoftonline.com:443)"));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var form = request.Method == HttpMethod.Post ? HttpUtility.ParseQueryString(body) : HttpUtility.ParseQueryString(uri.Query);
        var fields = form.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => form[k]!, StringComparer.Ordinal);
        var isToken = (request.Method == HttpMethod.Post && uri.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
            || uri.AbsolutePath == ImdsTokenPath;
        Requests.Enqueue(new TokenEndpointRequest(request.Method.Method, uri, fields, isToken, request.Headers.TryGetValues("Metadata", out var metadata) ? string.Join(",", metadata) : null));

        if (uri.Host == LoginHost && request.Method == HttpMethod.Get && uri.AbsolutePath == "/common/discovery/instance")
        {
            return Json(HttpStatusCode.OK, new
            {
                tenant_discovery_endpoint = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration",
                api_version = "1.1",
                metadata = new[] { new { preferred_network = LoginHost, preferred_cache = "login.windows.net", aliases = new[] { LoginHost, "login.windows.net" } } },
            });
        }

        if (!isToken)
        {
            return Json(HttpStatusCode.NotFound, new { error = "not_found" });
        }

        if (_scripted.TryDequeue(out var scripted))
        {
            return scripted();
        }

        return uri.AbsolutePath == ImdsTokenPath ? ManagedIdentityToken(fields) : ClientCredentialsToken(fields);
    }

    private HttpResponseMessage ClientCredentialsToken(Dictionary<string, string> form)
    {
        if (form.GetValueOrDefault("grant_type") != "client_credentials")
        {
            return Error(HttpStatusCode.BadRequest, "unsupported_grant_type", 70003, "The app requested an unsupported grant type.");
        }

        if (form.GetValueOrDefault("client_id") != ClientId)
        {
            return Error(HttpStatusCode.BadRequest, "unauthorized_client", 700016, $"Application with identifier '{form.GetValueOrDefault("client_id")}' was not found in the directory 'Bot Framework'.");
        }

        if (form.TryGetValue("client_assertion", out var assertion))
        {
            var problem = AssertionCheck is null ? "no certificate is registered for this client" : AssertionCheck(assertion);
            if (problem is not null)
            {
                return Error(HttpStatusCode.Unauthorized, "invalid_client", 700027, "Client assertion failed signature validation: " + problem);
            }
        }
        else if (form.TryGetValue("client_secret", out var secret))
        {
            if (secret != ClientSecret)
            {
                return Error(HttpStatusCode.Unauthorized, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.");
            }
        }
        else
        {
            return Error(HttpStatusCode.Unauthorized, "invalid_client", 7000216, "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.");
        }

        return Json(HttpStatusCode.OK, new { token_type = "Bearer", expires_in = ExpiresInSeconds, ext_expires_in = ExpiresInSeconds, access_token = NextToken() });
    }

    private HttpResponseMessage ManagedIdentityToken(Dictionary<string, string> query)
    {
        if (query.GetValueOrDefault("client_id") != ClientId)
        {
            return Json(HttpStatusCode.BadRequest, new { error = "invalid_request", error_description = "Identity not found" });
        }

        var expiresOn = DateTimeOffset.UtcNow.AddSeconds(ExpiresInSeconds).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return Json(HttpStatusCode.OK, new
        {
            access_token = NextToken(),
            client_id = ClientId,
            expires_in = ExpiresInSeconds.ToString(CultureInfo.InvariantCulture),
            expires_on = expiresOn,
            ext_expires_in = ExpiresInSeconds.ToString(CultureInfo.InvariantCulture),
            not_before = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            resource = query.GetValueOrDefault("resource"),
            token_type = "Bearer",
        });
    }

    private string NextToken() => "token-" + Interlocked.Increment(ref _issued).ToString(CultureInfo.InvariantCulture);

    private static HttpResponseMessage Error(HttpStatusCode status, string error, int code, string description) => Json(status, new
    {
        error,
        error_description = $"AADSTS{code}: {description} Trace ID: 0f4c8d1e-0000-0000-0000-000000000000 Correlation ID: 3a2b1c0d-0000-0000-0000-000000000000 Timestamp: 2026-01-01 00:00:00Z",
        error_codes = new[] { code },
        trace_id = "0f4c8d1e-0000-0000-0000-000000000000",
        correlation_id = "3a2b1c0d-0000-0000-0000-000000000000",
    });

    private static HttpResponseMessage Json(HttpStatusCode status, object body) => new(status)
    {
        Content = new StringContent(JsonSerializer.Serialize(body).Replace("\"api_version\"", "\"api-version\"", StringComparison.Ordinal), Encoding.UTF8, "application/json"),
    };
}

/// <summary>One request MSAL made: method, URL, form or query fields, and the IMDS Metadata header.</summary>
internal sealed record TokenEndpointRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Fields, bool IsTokenRequest, string? MetadataHeader);
