using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using AuthorBot.BotFramework.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AuthorBot.BotFramework.Tests.Connector;

/// <summary>
/// A small Connector service on loopback: records every request (method, raw path, body, Authorization) and
/// answers like the Emulator, optionally failing the first requests with a scripted status and Retry-After.
/// </summary>
internal sealed class FakeChannel : IAsyncDisposable
{
    private readonly ConcurrentQueue<(int Status, string? RetryAfter, string? Body, string? Location)> _failures = new();
    private int _nextId;

    private FakeChannel(LoopbackHost host, string basePath)
    {
        Host = host;
        ServiceUrl = host.BaseUrl + basePath + (basePath.Length > 0 ? "/" : string.Empty);
    }

    public LoopbackHost Host { get; }

    /// <summary>The service URL bots should send to (Emulator style without a path, or Teams style with one and a trailing slash).</summary>
    public string ServiceUrl { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<FakeChannel> StartAsync(string basePath = "")
    {
        FakeChannel? channel = null;
        var host = await LoopbackHost.StartAsync(
            _ => { },
            app => app.Map(basePath + "/v3/{**rest}", (RequestDelegate)(ctx => channel!.HandleAsync(ctx))));
        channel = new FakeChannel(host, basePath);
        return channel;
    }

    /// <summary>Makes the next request fail with <paramref name="status"/> (and the given Retry-After header value).</summary>
    public void FailNext(int status, string? retryAfter = null, string? body = null) => _failures.Enqueue((status, retryAfter, body, null));

    /// <summary>Answers the next request with <paramref name="status"/> (a 3xx) pointing at <paramref name="location"/>.</summary>
    public void RedirectNext(int status, string location) => _failures.Enqueue((status, null, null, location));

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    /// <summary>Waits (bounded) for the first recorded request, for bots that answer after their HTTP request ended.</summary>
    public async Task<RecordedRequest?> WaitForRequestAsync(TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (Requests.TryPeek(out var request))
            {
                return request;
            }

            await Task.Delay(10);
        }

        return null;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        Requests.Enqueue(new RecordedRequest(
            context.Request.Method,
            rawTarget,
            body,
            context.Request.Headers.Authorization.Count > 0,
            context.Request.ContentType,
            context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString() : null));

        if (_failures.TryDequeue(out var failure))
        {
            context.Response.StatusCode = failure.Status;
            if (failure.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = failure.RetryAfter;
            }

            if (failure.Location is not null)
            {
                context.Response.Headers.Location = failure.Location;
            }

            if (failure.Body is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(failure.Body);
            }

            return;
        }

        var path = context.Request.Path.Value ?? string.Empty;
        context.Response.ContentType = "application/json";
        string answer;
        if (HttpMethods.IsGet(context.Request.Method) && path.EndsWith("/members", StringComparison.Ordinal))
        {
            answer = """[{"id":"bot-1","name":"Bot","role":"bot"},{"id":"user-1","name":"User","role":"user"}]""";
        }
        else if (HttpMethods.IsPost(context.Request.Method) && path.EndsWith("/v3/conversations", StringComparison.Ordinal))
        {
            answer = """{"id":"created-1|livechat","activityId":"act-0"}""";
        }
        else if (HttpMethods.IsDelete(context.Request.Method))
        {
            answer = "{}";
        }
        else
        {
            answer = "{\"id\":\"srv-" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture) + "\"}";
        }

        await context.Response.WriteAsync(answer);
    }
}

internal sealed record RecordedRequest(string Method, string RawTarget, string Body, bool HasAuthorization, string? ContentType, string? Authorization = null);
