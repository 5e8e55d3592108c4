using System.Diagnostics;
using System.Net.Http.Headers;
using AuthorBot.BotFramework.Connector;
using AuthorBot.BotFramework.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Client;
using Polly;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace AuthorBot.BotFramework.Auth;

/// <summary>
/// Outbound credentials of a bot with an app id: a bearer token from its one MSAL application on every Connector call.
/// A valid token is kept until shortly before it expires, so a send then awaits nothing; when it is stale, one token
/// request runs for all concurrent sends, transient failures are retried with backoff, and a failure is logged once
/// with its AADSTS code and what to check, then fails the sends as <see cref="ConnectorException"/>s for a short
/// cool-down instead of asking Azure AD again on every reply.
/// </summary>
internal sealed partial class MsalCredentialProvider : IOutboundCredentialProvider, IDisposable
{
    /// <summary>How long a failed token request fails the sends after it without a new request.</summary>
    public static readonly TimeSpan FailureCooldown = TimeSpan.FromSeconds(10);

    private readonly IAccessTokenSource _source;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private AccessToken? _token;
    private Task<TokenOutcome>? _pending;
    private (TokenFailure Failure, DateTimeOffset Until)? _failure;
    private string? _loggedFailureCode;

    public MsalCredentialProvider(IAccessTokenSource source, TimeProvider time, ILogger<MsalCredentialProvider> logger, OutboundTokenRetry? retry = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _source = source;
        _time = time;
        _logger = logger;
        _pipeline = (retry ?? new OutboundTokenRetry()).CreatePipeline(time, (failure, attempt, delay) => LogRetry(failure.Code, failure.Detail, attempt, delay.TotalSeconds));
    }

    /// <inheritdoc/>
    /// <exception cref="ConnectorException">No token could be had, or the URL is plain http to another host; nothing was sent.</exception>
    public ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!BearerTokenTransport.IsAllowed(request.RequestUri))
        {
            throw NotSent(request, "insecure_service_url", $"the bot's token goes only over https (or plain http to this machine), and {request.RequestUri?.GetLeftPart(UriPartial.Authority)} is neither.");
        }

        if (Volatile.Read(ref _token) is { } token && _time.GetUtcNow() < token.UseUntil)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
            return ValueTask.CompletedTask;
        }

        return new ValueTask(ApplyNewTokenAsync(request, cancellationToken));
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task ApplyNewTokenAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var outcome = await CurrentOutcome().WaitAsync(cancellationToken).ConfigureAwait(false);
        if (outcome.Token is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
            return;
        }

        throw NotSent(request, outcome.Failure!.Code, $"no token for {_source.Description}: {outcome.Failure}");
    }

    private Task<TokenOutcome> CurrentOutcome()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_token is { } token && now < token.UseUntil)
            {
                return Task.FromResult(new TokenOutcome(token, null));
            }

            if (_failure is { } failure && now < failure.Until)
            {
                return Task.FromResult(new TokenOutcome(null, failure.Failure));
            }

            // Started outside the caller's cancellation: other sends share this request, and one reply being cancelled
            // must not fail theirs. Task.Run keeps MSAL's synchronous start out of the lock.
            return _pending ??= Task.Run(AcquireAsync);
        }
    }

    private async Task<TokenOutcome> AcquireAsync()
    {
        using var span = BotTelemetry.Source.StartActivity("auth token request", ActivityKind.Client);
        TokenOutcome outcome;
        try
        {
            var token = await _pipeline.ExecuteAsync(static (source, ct) => new ValueTask<AccessToken>(source.AcquireAsync(ct)), _source, _stopping.Token).ConfigureAwait(false);
            outcome = new TokenOutcome(token, null);
        }
        catch (Exception ex) when (!_stopping.IsCancellationRequested)
        {
            outcome = new TokenOutcome(null, TokenFailure.From(ex));
            Report(outcome.Failure!, ex);
        }
        catch (OperationCanceledException)
        {
            outcome = new TokenOutcome(null, new TokenFailure("stopping", "The host is stopping.", string.Empty, false));
        }

        Record(span, outcome.Failure);
        lock (_gate)
        {
            if (outcome.Token is { } token)
            {
                Volatile.Write(ref _token, token);
                _failure = null;
                if (_loggedFailureCode is not null)
                {
                    _loggedFailureCode = null;
                    LogRecovered(_source.Description);
                }
            }
            else
            {
                _failure = (outcome.Failure!, _time.GetUtcNow() + FailureCooldown);
            }

            _pending = null;
        }

        return outcome;
    }

    // The failure's code (AADSTS…, MSAL's code or the kind of failure) says what to fix; its detail stays in the log.
    private static void Record(Activity? span, TokenFailure? failure)
    {
        var outcome = failure is null ? "acquired" : "failed";
        var tags = new TagList { { TelemetryAttributes.AuthOutcome, outcome } };
        if (failure is not null)
        {
            tags.Add(TelemetryAttributes.AuthReason, failure.Code);
            span?.SetStatus(ActivityStatusCode.Error);
        }

        BotTelemetry.TokenRequests.Add(1, tags);
        span?.SetTag(TelemetryAttributes.AuthOutcome, outcome);
        span?.SetTag(TelemetryAttributes.AuthReason, failure?.Code);
    }

    // One error line per distinct failure: a wrong secret must not write a line per reply.
    private void Report(TokenFailure failure, Exception exception)
    {
        bool first;
        lock (_gate)
        {
            first = _loggedFailureCode != failure.Code;
            _loggedFailureCode = failure.Code;
        }

        if (first)
        {
            // Azure AD's answer says it all; a stack trace only helps with failures nobody expected.
            LogFailed(exception is MsalServiceException ? null : exception, _source.Description, failure.Code, failure.Detail, failure.Advice);
        }
        else
        {
            LogFailedAgain(failure.Code, _source.Description);
        }
    }

    private static ConnectorException NotSent(HttpRequestMessage request, string code, string reason) =>
        new($"Connector {request.Method} {request.RequestUri?.AbsolutePath} was not sent: {reason}", null, code, null);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not get a Connector token for {Source}: {Code} {Detail} {Advice} Replies fail until this is fixed.")]
    private partial void LogFailed(Exception? exception, string source, string code, string detail, string advice);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Connector token request failed again with {Code} for {Source}")]
    private partial void LogFailedAgain(string code, string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connector token request failed with {Code} ({Detail}); retry {Attempt} in {Seconds:F1} s")]
    private partial void LogRetry(string code, string detail, int attempt, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connector tokens for {Source} work again")]
    private partial void LogRecovered(string source);

    private sealed record TokenOutcome(AccessToken? Token, TokenFailure? Failure);
}
