using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading.RateLimiting;
using AuthorBot.Bot.Proactive;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;

namespace AuthorBot.Bot.Newsletter;

/// <summary>
/// Works through the newsletter outbox: confirmation emails at most <see cref="EmailOptions.MaxPerMinute"/>, webhook
/// calls as they come. A failure the server may get over (unreachable, 4xx, timeout) is retried with doubling waits;
/// a 5xx refusal of the recipient or message is final and recorded on the subscriber.
/// </summary>
internal sealed partial class NewsletterOutbox : BackgroundService
{
    private static readonly TimeSpan _poll = TimeSpan.FromSeconds(1);

    private readonly NewsletterStore _store;
    private readonly ConfirmationEmailComposer _composer;
    private readonly SmtpEmailSender _smtp;
    private readonly NewsletterWebhookSender _webhook;
    private readonly EmailOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<NewsletterOutbox> _logger;
    private readonly TokenBucketRateLimiter _pace;
    private readonly DueWorkLoop _loop;

    public NewsletterOutbox(NewsletterStore store, ConfirmationEmailComposer composer, SmtpEmailSender smtp, NewsletterWebhookSender webhook, IOptions<EmailOptions> options, TimeProvider time, ILogger<NewsletterOutbox> logger)
    {
        _store = store;
        _composer = composer;
        _smtp = smtp;
        _webhook = webhook;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _loop = new DueWorkLoop(_poll, time);
        var perMinute = _options.MaxPerMinute;

        // Steady pace with a small burst, rather than a minute's allowance at once.
        _pace = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, perMinute / 10),
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
            QueueLimit = 1,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    /// <summary>Looks at the queue now rather than at the next poll.</summary>
    public void Wake() => _loop.Wake();

    public override void Dispose()
    {
        _pace.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _store.RequeueInterruptedAsync(stoppingToken).ConfigureAwait(false);
                break;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(ex);
                await Task.Delay(_poll, _time, stoppingToken).ConfigureAwait(false);
            }
        }

        await _loop.RunAsync(
            async ct =>
            {
                var due = await _store.TakeDueAsync(_time.GetUtcNow(), 50, ct).ConfigureAwait(false);
                foreach (var item in due)
                {
                    await SendAsync(item, ct).ConfigureAwait(false);
                }

                return due.Count;
            },
            LogFailed,
            stoppingToken).ConfigureAwait(false);
    }

    private async Task SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        string? failure;
        var permanent = false;
        if (item.Kind == NewsletterStore.ConfirmationKind)
        {
            if (item.Subscriber.Status != NewsletterStore.Pending)
            {
                await _store.RecordAsync(item, "cancelled", $"The subscriber is {item.Subscriber.Status}.", _time.GetUtcNow(), null, null, CancellationToken.None).ConfigureAwait(false);
                return;
            }

            using var lease = await _pace.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
            (failure, permanent) = await SendEmailAsync(item, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            failure = await CallWebhookAsync(item, cancellationToken).ConfigureAwait(false);
        }

        var now = _time.GetUtcNow();
        if (failure is null)
        {
            await _store.RecordAsync(item, "sent", null, now, null, null, CancellationToken.None).ConfigureAwait(false);
        }
        else if (!permanent && item.Attempt < _options.MaxAttempts)
        {
            LogRetry(item.Kind, item.Id, item.Attempt, failure);
            await _store.RecordAsync(item, NewsletterStore.Pending, failure, now, now + _options.Backoff(item.Attempt), null, CancellationToken.None).ConfigureAwait(false);
        }
        else
        {
            LogGaveUp(item.Kind, item.Id, item.Attempt, failure);
            await _store.RecordAsync(item, "failed", failure, now, null, item.Kind == NewsletterStore.ConfirmationKind ? failure : null, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<(string? Failure, bool Permanent)> SendEmailAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        try
        {
            var message = await _composer.ComposeAsync(item, cancellationToken).ConfigureAwait(false);
            await _smtp.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return (null, false);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500 && ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
        {
            return ($"The mail server refused the message to {item.Subscriber.Email}: {(int)ex.StatusCode} {ex.Message}", true);
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException
            or AuthenticationException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return ($"{ex.GetType().Name}: {ex.Message}", false);
        }
    }

    private async Task<string?> CallWebhookAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        try
        {
            return await _webhook.SendAsync(item, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The newsletter outbox failed; trying again shortly")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Newsletter {Kind} {Id} failed on attempt {Attempt}, will retry: {Reason}")]
    private partial void LogRetry(string kind, long id, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Newsletter {Kind} {Id} failed for good after attempt {Attempt}: {Reason}")]
    private partial void LogGaveUp(string kind, long id, int attempt, string reason);
}
