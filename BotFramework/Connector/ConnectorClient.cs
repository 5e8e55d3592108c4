using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AuthorBot.BotFramework.Auth;
using AuthorBot.BotFramework.Diagnostics;
using AuthorBot.BotFramework.Schema;
using Polly;

namespace AuthorBot.BotFramework.Connector;

/// <summary>
/// Calls the Bot Connector REST API at one service URL. Paths keep the service URL's own path
/// (<c>https://smba.trafficmanager.net/amer/</c> → <c>…/amer/v3/conversations/…</c>), ids are escaped
/// (Teams ids hold <c>:</c> <c>;</c> <c>@</c>, Emulator ids hold <c>|</c>), transient answers are retried, and
/// other errors are thrown as <see cref="ConnectorException"/>.
/// </summary>
public sealed class ConnectorClient : IConnectorClient
{
    private const int MaxErrorBodyChars = 4096;
    private static readonly MediaTypeHeaderValue _jsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _httpClient;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly IOutboundCredentialProvider _credentials;
    private readonly string _baseUrl;
    private readonly ConnectorRateLimiter? _rateLimiter;
    private readonly ServiceUrlTrust? _trust;
    private readonly OutboundRefusalLog? _refusals;

    /// <summary>
    /// Creates a client without outbound rate limiting; prefer <see cref="IConnectorClientFactory"/>, which shares the
    /// HTTP handler, retry pipeline and rate limits.
    /// </summary>
    public ConnectorClient(string serviceUrl, HttpClient httpClient, ResiliencePipeline<HttpResponseMessage> pipeline, IOutboundCredentialProvider credentials)
        : this(serviceUrl, httpClient, pipeline, credentials, null, null, null)
    {
    }

    internal ConnectorClient(string serviceUrl, HttpClient httpClient, ResiliencePipeline<HttpResponseMessage> pipeline, IOutboundCredentialProvider credentials, ConnectorRateLimiter? rateLimiter, ServiceUrlTrust? trust, OutboundRefusalLog? refusals)
    {
        _rateLimiter = rateLimiter;
        _trust = trust;
        _refusals = refusals;
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(credentials);
        ServiceUrl = serviceUrl;
        _baseUrl = NormalizeBaseUrl(serviceUrl);
        _httpClient = httpClient;
        _pipeline = pipeline;
        _credentials = credentials;
    }

    /// <inheritdoc/>
    public string ServiceUrl { get; }

    /// <summary>
    /// Checks that <paramref name="serviceUrl"/> is an absolute http(s) URL and returns it with exactly one
    /// trailing slash, so relative <c>v3/…</c> paths append to its path instead of replacing the last segment.
    /// </summary>
    /// <exception cref="ArgumentException">Not an absolute http or https URL.</exception>
    public static string NormalizeBaseUrl(string? serviceUrl)
    {
        if (!IsValidServiceUrl(serviceUrl))
        {
            throw new ArgumentException($"'{serviceUrl}' is not an absolute http or https service URL.", nameof(serviceUrl));
        }

        var withoutQuery = serviceUrl!;
        var cut = withoutQuery.IndexOfAny(['?', '#']);
        if (cut >= 0)
        {
            withoutQuery = withoutQuery[..cut];
        }

        return withoutQuery.TrimEnd('/') + "/";
    }

    /// <summary>True when <paramref name="serviceUrl"/> is an absolute http or https URL.</summary>
    public static bool IsValidServiceUrl(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <inheritdoc/>
    public Task<ConversationResourceResponse?> CreateConversationAsync(ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var body = JsonSerializer.SerializeToUtf8Bytes(parameters, BotJsonContext.Default.ConversationParameters);
        var limit = new SendLimit(parameters.Members is { Count: > 0 } members ? "new:" + members[0].Id : "new", parameters.TenantId);
        return SendAsync(HttpMethod.Post, "v3/conversations", body, BotJsonContext.Default.ConversationResourceResponse, cancellationToken, limit);
    }

    /// <inheritdoc/>
    public Task<ResourceResponse?> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        return SendAsync(HttpMethod.Post, ActivitiesPath(conversationId), BotJson.SerializeToUtf8Bytes(activity), BotJsonContext.Default.ResourceResponse, cancellationToken, new SendLimit(conversationId, activity.Conversation?.TenantId));
    }

    /// <inheritdoc/>
    public Task<ResourceResponse?> ReplyToActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        return SendAsync(HttpMethod.Post, ActivityPath(conversationId, activityId), BotJson.SerializeToUtf8Bytes(activity), BotJsonContext.Default.ResourceResponse, cancellationToken, new SendLimit(conversationId, activity.Conversation?.TenantId));
    }

    /// <inheritdoc/>
    public Task<ResourceResponse?> UpdateActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        return SendAsync(HttpMethod.Put, ActivityPath(conversationId, activityId), BotJson.SerializeToUtf8Bytes(activity), BotJsonContext.Default.ResourceResponse, cancellationToken, new SendLimit(conversationId, activity.Conversation?.TenantId));
    }

    /// <inheritdoc/>
    public Task DeleteActivityAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        return SendAsync(HttpMethod.Delete, ActivityPath(conversationId, activityId), null, BotJsonContext.Default.JsonElement, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IList<ChannelAccount>> GetConversationMembersAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var members = await SendAsync(HttpMethod.Get, ConversationPath(conversationId) + "/members", null, BotJsonContext.Default.ChannelAccountArray, cancellationToken).ConfigureAwait(false);
        return members ?? [];
    }

    /// <inheritdoc/>
    public Task<ChannelAccount?> GetConversationMemberAsync(string conversationId, string memberId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        return SendAsync(HttpMethod.Get, ConversationPath(conversationId) + "/members/" + Uri.EscapeDataString(memberId), null, BotJsonContext.Default.ChannelAccount, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<PagedMembersResult?> GetConversationPagedMembersAsync(string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var path = new StringBuilder(ConversationPath(conversationId)).Append("/pagedmembers");
        var separator = '?';
        if (pageSize is { } size)
        {
            path.Append(separator).Append("pageSize=").Append(size.ToString(CultureInfo.InvariantCulture));
            separator = '&';
        }

        if (!string.IsNullOrEmpty(continuationToken))
        {
            path.Append(separator).Append("continuationToken=").Append(Uri.EscapeDataString(continuationToken));
        }

        return SendAsync(HttpMethod.Get, path.ToString(), null, BotJsonContext.Default.PagedMembersResult, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IList<ChannelAccount>> GetActivityMembersAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        var members = await SendAsync(HttpMethod.Get, ActivityPath(conversationId, activityId) + "/members", null, BotJsonContext.Default.ChannelAccountArray, cancellationToken).ConfigureAwait(false);
        return members ?? [];
    }

    /// <inheritdoc/>
    public Task DeleteConversationMemberAsync(string conversationId, string memberId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        return SendAsync(HttpMethod.Delete, ConversationPath(conversationId) + "/members/" + Uri.EscapeDataString(memberId), null, BotJsonContext.Default.JsonElement, cancellationToken);
    }

    private static string ConversationPath(string conversationId) => "v3/conversations/" + Uri.EscapeDataString(conversationId);

    private static string ActivitiesPath(string conversationId) => ConversationPath(conversationId) + "/activities";

    private static string ActivityPath(string conversationId, string activityId) => ActivitiesPath(conversationId) + "/" + Uri.EscapeDataString(activityId);

    private async Task<T?> SendAsync<T>(HttpMethod method, string relativePath, byte[]? body, JsonTypeInfo<T> responseType, CancellationToken cancellationToken, SendLimit? limit = null)
    {
        if (_trust is not null && !await _trust.IsTrustedAsync(_baseUrl, cancellationToken).ConfigureAwait(false))
        {
            _refusals?.Refused(_baseUrl, _trust.RefusalReason);
            throw new ServiceUrlNotTrustedException($"Refusing to call {_baseUrl}: {_trust.RefusalReason}.");
        }

        // Sends wait for a token once per logical call; the retries after a 429 already back off on their own.
        using var lease = _rateLimiter is not null && limit is { } l
            ? await _rateLimiter.AcquireAsync(l.ConversationKey, l.Tenant ?? _baseUrl, cancellationToken).ConfigureAwait(false)
            : null;
        var uri = new Uri(_baseUrl + relativePath, UriKind.Absolute);
        using var telemetry = ConnectorCallTelemetry.Start(method, relativePath, uri);
        var call = new Call(this, method, uri, body, telemetry);
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                static (state, ct) => state.Client.SendOnceAsync(state, ct),
                call,
                cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (RefusalIn(ex) is { } refused)
        {
            // The connect step refused the address (see OutboundConnectGuard): permanent, and nothing was sent.
            throw new ServiceUrlRefusedException($"Connector {method} {uri.AbsolutePath}: {refused.Message}", ex);
        }
        catch (HttpRequestException ex)
        {
            telemetry.Failed("unreachable");
            throw new ConnectorException($"Connector {method} {uri.AbsolutePath} could not reach the channel: {ex.Message}", null, null, null, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            telemetry.Failed("timeout");
            throw new ConnectorException($"Connector {method} {uri.AbsolutePath} timed out.", null, null, null, ex);
        }

        telemetry.Completed(response.StatusCode);
        using (response)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw CreateError(method, uri, response.StatusCode, bytes);
            }

            if (bytes.Length == 0)
            {
                return default;
            }

            try
            {
                return BotJson.Deserialize(bytes, responseType);
            }
            catch (JsonException)
            {
                // The call succeeded; a body we cannot read (e.g. plain "OK") carries nothing we need.
                return default;
            }
        }
    }

    private async ValueTask<HttpResponseMessage> SendOnceAsync(Call call, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(call.Method, call.Uri);
        request.Headers.Accept.ParseAdd("application/json");
        if (call.Body is not null)
        {
            request.Content = new ByteArrayContent(call.Body);
            request.Content.Headers.ContentType = _jsonContentType;
        }

        await _credentials.ApplyAsync(request, cancellationToken).ConfigureAwait(false);
        var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        call.Telemetry.Attempted(response.StatusCode);
        return response;
    }

    private static ServiceUrlRefusedException? RefusalIn(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is ServiceUrlRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }

    private static ConnectorException CreateError(HttpMethod method, Uri uri, HttpStatusCode status, byte[] body)
    {
        string? code = null;
        string? message = null;
        try
        {
            var error = body.Length == 0 ? null : BotJson.Deserialize(body, BotJsonContext.Default.ErrorResponse)?.Error;
            code = error?.Code;
            message = error?.Message;
        }
        catch (JsonException)
        {
            // Not an ErrorResponse (an HTML error page, for instance); the raw body is kept below.
        }

        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, MaxErrorBodyChars));
        var detail = code is null ? string.Empty : $": {code}{(message is null ? string.Empty : " - " + message)}";
        return new ConnectorException(
            $"Connector {method} {uri.AbsolutePath} failed with {(int)status} {status}{detail}",
            status,
            code,
            text);
    }

    private sealed record Call(ConnectorClient Client, HttpMethod Method, Uri Uri, byte[]? Body, ConnectorCallTelemetry Telemetry);

    private readonly record struct SendLimit(string ConversationKey, string? Tenant);
}
