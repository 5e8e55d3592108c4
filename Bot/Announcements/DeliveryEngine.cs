using System.Collections.Concurrent;
using System.Threading.Channels;
using AuthorBot.Bot.Proactive;
using AuthorBot.Bot.Telemetry;
using AuthorBot.BotFramework.Connector;
using AuthorBot.Dialogs.Profile;
using AuthorBot.Dialogs.Quiz;
using Microsoft.Extensions.Options;

namespace AuthorBot.Bot.Announcements;

/// <summary>
/// The hosted service that sends announcements. All of its state is in the delivery records, so it can be killed at any
/// moment and started again.
/// </summary>
/// <remarks>
/// <para>Three loops: a producer takes due pending records in batches, applies the reader's preferences (unsubscribed,
/// weekly cap, quiet hours: deferred while the schedule allows, otherwise skipped), renders each message and marks the
/// batch <c>sending</c> in one transaction; a dispatcher paces those through the token buckets and sends them with
/// bounded concurrency; a writer records the outcomes (<c>sent</c>, retry later, <c>failed</c>) in batched transactions.
/// The producer works a batch ahead so preparing the next batch never stalls the send rate.</para>
/// <para>Crash semantics (at-least-once with an idempotency key): a record is <c>sending</c> before its message leaves
/// and <c>sent</c> only after the channel accepted it. After a crash, records still <c>sending</c> are sent again with
/// the same idempotency key (the activity's <c>channelData.authorBot.idempotencyKey</c>). A reader can therefore see a
/// second copy only if the process died between the channel accepting a message and the outcome being committed
/// (milliseconds per message: outcomes are committed as sends finish, and ahead of marking the next batch, in
/// transactions of at most a hundred deliveries); a channel or client that drops repeated keys makes that exactly-once,
/// as the bot's own Direct Line log does (it drops a bot activity whose id it already holds). The alternative,
/// at-most-once (treat <c>sending</c> as failed), would instead silently drop those readers; for an announcement a rare
/// duplicate that can be de-duplicated is the better failure.</para>
/// </remarks>
internal sealed partial class DeliveryEngine : BackgroundService
{
    // Deliveries marked "sending" per transaction; small enough that finished sends' marks never wait long behind it.
    private const int MarkChunk = 100;

    private static readonly TimeSpan _capWindow = TimeSpan.FromDays(7);
    private static readonly int _defaultWeeklyCap = new ReaderPreferences().MaxAnnouncementsPerWeek;

    private readonly AnnouncementStore _store;
    private readonly ConversationReferenceStore _references;
    private readonly ReaderProfileReader _profiles;
    private readonly QuizBank? _quiz;
    private readonly DeliverySender _sender;
    private readonly AnnouncementOptions _options;
    private readonly ConnectorClientOptions _connector;
    private readonly TimeProvider _time;
    private readonly ILogger<DeliveryEngine> _logger;
    private readonly int _batchSize;
    private readonly int _firstBatchSize;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Channel<PreparedDelivery> _ready;
    private readonly Channel<(DeliveryOutcome Outcome, DueDelivery Delivery)> _outcomes = Channel.CreateUnbounded<(DeliveryOutcome, DueDelivery)>();
    private readonly ConcurrentDictionary<string, AnnouncementRequest> _definitions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _cancelled = new(StringComparer.Ordinal);

    public DeliveryEngine(
        AnnouncementStore store,
        ConversationReferenceStore references,
        ReaderProfileReader profiles,
        DeliverySender sender,
        IOptions<AnnouncementOptions> options,
        IOptions<ConnectorClientOptions> connector,
        TimeProvider time,
        ILogger<DeliveryEngine> logger,
        QuizBank? quiz = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(connector);
        _connector = connector.Value;
        _store = store;
        _references = references;
        _profiles = profiles;
        _quiz = quiz;
        _sender = sender;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _batchSize = Math.Clamp((int)(_options.MaxPerSecond / 2), 50, 1000);
        _firstBatchSize = Math.Clamp((int)(_options.MaxPerSecond / 20), 10, _batchSize);
        _ready = Channel.CreateBounded<PreparedDelivery>(new BoundedChannelOptions(_batchSize) { SingleReader = true, SingleWriter = true });
    }

    /// <summary>Tells the engine new deliveries exist (so it does not wait for its next poll).</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Tells the engine an announcement was cancelled, so messages already prepared are not sent.</summary>
    public void Cancelled(string announcementId) => _cancelled[announcementId] = true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        WarnWhenTheConnectorLimitIsLower();
        var requeued = await _store.RequeueInterruptedAsync(_time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
        if (requeued > 0)
        {
            LogRequeued(requeued);
        }

        using var pacer = new DeliveryPacer(_options.MaxPerSecond, _options.PerConversationPerSecond);
        var writer = Task.Run(WriteOutcomesAsync, CancellationToken.None);
        var dispatcher = Task.Run(() => DispatchAsync(pacer, stoppingToken), CancellationToken.None);
        try
        {
            await ProduceAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: records not sent yet stay pending or sending and are picked up after the restart.
        }
        finally
        {
            _ready.Writer.TryComplete();
            await dispatcher.ConfigureAwait(false);
            _outcomes.Writer.TryComplete();
            await writer.ConfigureAwait(false);
        }
    }

    private async Task ProduceAsync(CancellationToken cancellationToken)
    {
        // The first batch after a quiet spell is small (a twentieth of a second's sends) and each next one twice as
        // large up to the full half second: the first message then leaves after preparing a few readers rather than
        // a thousand, and later batches are prepared while earlier ones are sent.
        var batch = _firstBatchSize;
        while (!cancellationToken.IsCancellationRequested)
        {
            List<PreparedDelivery> prepared;
            try
            {
                var due = await _store.ListDueAsync(_time.GetUtcNow(), batch, cancellationToken).ConfigureAwait(false);
                if (due.Count == 0)
                {
                    batch = _firstBatchSize;
                    await WaitForWorkAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                batch = Math.Min(batch * 2, _batchSize);
                prepared = await PrepareAsync(due, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogProduceFailed(ex);
                await Task.Delay(_options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            foreach (var delivery in prepared)
            {
                await _ready.Writer.WriteAsync(delivery, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WaitForWorkAsync(CancellationToken cancellationToken)
    {
        var wait = _options.PollInterval;
        if (await _store.NextDueAsync(cancellationToken).ConfigureAwait(false) is { } next)
        {
            var untilDue = next - _time.GetUtcNow();
            wait = untilDue < wait ? untilDue : wait;
        }

        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait);
        try
        {
            await _wake.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Timed out: look again.
        }
    }

    private async Task<List<PreparedDelivery>> PrepareAsync(List<DueDelivery> due, CancellationToken cancellationToken)
    {
        using var span = DeliveryTelemetry.StartBatch(due.Count);
        var now = _time.GetUtcNow();
        var readers = due.Select(d => d.Reader).Distinct().ToList();
        var profiles = await _profiles.ReadAsync(readers, cancellationToken).ConfigureAwait(false);
        var sentThisWeek = await _store.SentSinceAsync(readers, now - _capWindow, cancellationToken).ConfigureAwait(false);
        var targets = await _references.GetAsync([.. due.Select(d => (d.Reader.ChannelId, d.Reader.UserId, d.ConversationId)).Distinct()], cancellationToken).ConfigureAwait(false);
        var decided = new List<DeliveryOutcome>();
        var candidates = new List<PreparedDelivery>();
        var links = new List<LinkToken>();
        var plannedNow = new Dictionary<ReaderKey, int>();
        foreach (var delivery in due)
        {
            var definition = await DefinitionAsync(delivery.AnnouncementId, cancellationToken).ConfigureAwait(false);
            var profile = profiles.GetValueOrDefault(delivery.Reader);
            var preferences = profile?.Preferences;
            var sent = sentThisWeek.GetValueOrDefault(delivery.Reader) + plannedNow.GetValueOrDefault(delivery.Reader);
            if (definition is null)
            {
                decided.Add(new DeliveryOutcome(delivery.Id, DeliveryStates.Failed, now, "The announcement's definition is missing."));
            }
            else if (preferences?.AnnouncementsOptOut == true)
            {
                decided.Add(new DeliveryOutcome(delivery.Id, DeliveryStates.SkippedUnsubscribed, now, "The reader said stop."));
            }
            else if (sent >= (preferences?.MaxAnnouncementsPerWeek ?? _defaultWeeklyCap))
            {
                decided.Add(new DeliveryOutcome(delivery.Id, DeliveryStates.SkippedCap, now, $"Already {sent} announcement(s) in the past 7 days."));
            }
            else if (ReaderClock.InQuietHours(profile, now))
            {
                var resume = ReaderClock.EndOfQuietHours(profile, now);
                decided.Add(resume <= SendTimePlanner.Deadline(definition.Schedule!, delivery.DueAt)
                    ? new DeliveryOutcome(delivery.Id, DeliveryStates.Pending, now, "Held until the reader's quiet hours end.", RetryAt: resume)
                    : new DeliveryOutcome(delivery.Id, DeliveryStates.SkippedQuietHours, now, "The reader's quiet hours cover the schedule."));
            }
            else if (!targets.TryGetValue((delivery.Reader.ChannelId, delivery.Reader.UserId, delivery.ConversationId), out var target))
            {
                decided.Add(new DeliveryOutcome(delivery.Id, DeliveryStates.Failed, now, DeliveryStates.UnreachableReason));
            }
            else
            {
                var (activity, deliveryLinks) = AnnouncementRenderer.Render(definition, delivery, profile, _quiz);
                candidates.Add(new PreparedDelivery(delivery, target, activity));
                links.AddRange(deliveryLinks);
                plannedNow[delivery.Reader] = plannedNow.GetValueOrDefault(delivery.Reader) + 1;
            }
        }

        // Marked in transactions of at most MarkChunk deliveries, each first committing the outcomes of sends that have
        // finished meanwhile: one long transaction for a thousand deliveries held those "sent" marks back behind it, and
        // a crash then re-sent every message whose mark was still waiting (the at-least-once window).
        var marked = new HashSet<long>();
        List<PreparedDelivery[]> chunks = candidates.Count == 0 ? [[]] : [.. candidates.Chunk(MarkChunk)];
        for (var i = 0; i < chunks.Count; i++)
        {
            var ids = chunks[i].Select(c => c.Delivery.Id).ToHashSet();
            var finished = DrainFinished();
            try
            {
                marked.UnionWith(await _store.BeginSendingAsync(
                    [.. finished.Select(f => f.Outcome)],
                    i == 0 ? decided : [],
                    [.. ids],
                    [.. links.Where(l => ids.Contains(l.DeliveryId))],
                    cancellationToken).ConfigureAwait(false));
            }
            catch
            {
                // The writer records them instead; the batch is prepared again on the next pass.
                foreach (var item in finished)
                {
                    _outcomes.Writer.TryWrite(item);
                }

                throw;
            }

            DeliveryTelemetry.Count(finished.Select(f => f.Outcome));
            await MarkUnreachableAsync(finished).ConfigureAwait(false);
        }

        DeliveryTelemetry.Prepared(span, decided, marked.Count);

        return [.. candidates.Where(c => marked.Contains(c.Delivery.Id))];
    }

    private List<(DeliveryOutcome Outcome, DueDelivery Delivery)> DrainFinished()
    {
        var finished = new List<(DeliveryOutcome Outcome, DueDelivery Delivery)>();
        while (finished.Count < 2000 && _outcomes.Reader.TryRead(out var item))
        {
            finished.Add(item);
        }

        return finished;
    }

    private async Task MarkUnreachableAsync(IEnumerable<(DeliveryOutcome Outcome, DueDelivery Delivery)> outcomes)
    {
        foreach (var (outcome, delivery) in outcomes.Where(b => b.Outcome.Reason == DeliveryStates.UnreachableReason))
        {
            await _references.MarkUnreachableAsync(delivery.Reader, delivery.ConversationId, "The channel refused the announcement (403/404).", outcome.At, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<AnnouncementRequest?> DefinitionAsync(string announcementId, CancellationToken cancellationToken)
    {
        if (_definitions.TryGetValue(announcementId, out var cached))
        {
            return cached;
        }

        var definition = await _store.GetDefinitionAsync(announcementId, cancellationToken).ConfigureAwait(false);
        if (definition is not null)
        {
            _definitions[announcementId] = definition;
        }

        return definition;
    }

    private async Task DispatchAsync(DeliveryPacer pacer, CancellationToken cancellationToken)
    {
        var maxInFlight = Math.Max(1, _options.MaxConcurrentSends);
        using var inFlight = new SemaphoreSlim(maxInFlight, maxInFlight);
        try
        {
            await foreach (var prepared in _ready.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await pacer.WaitOverallAsync(cancellationToken).ConfigureAwait(false);
                await inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
                _ = SendOneAsync(prepared, pacer, inFlight, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        // Let the sends in flight finish (they stop at the cancellation) before the outcome writer closes.
        for (var i = 0; i < maxInFlight; i++)
        {
            await inFlight.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task SendOneAsync(PreparedDelivery prepared, DeliveryPacer pacer, SemaphoreSlim inFlight, CancellationToken cancellationToken)
    {
        try
        {
            DeliveryOutcome outcome;
            if (_cancelled.ContainsKey(prepared.Delivery.AnnouncementId))
            {
                outcome = new DeliveryOutcome(prepared.Delivery.Id, DeliveryStates.Cancelled, _time.GetUtcNow(), "Cancelled before it was sent.");
            }
            else
            {
                await pacer.WaitConversationAsync(prepared.Target.ConversationId, cancellationToken).ConfigureAwait(false);
                outcome = await _sender.SendAsync(prepared, _options.MaxAttempts, _options.RetryBaseDelay, cancellationToken).ConfigureAwait(false);
            }

            _outcomes.Writer.TryWrite((outcome, prepared.Delivery));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Left in "sending": sent again after the restart.
        }
        catch (Exception ex)
        {
            LogSendCrashed(ex, prepared.Delivery.Id);
        }
        finally
        {
            inFlight.Release();
        }
    }

    private async Task WriteOutcomesAsync()
    {
        var reader = _outcomes.Reader;
        var batch = new List<(DeliveryOutcome Outcome, DueDelivery Delivery)>();
        while (await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < 2000 && reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await _store.RecordOutcomesAsync([.. batch.Select(b => b.Outcome)], CancellationToken.None).ConfigureAwait(false);
                    DeliveryTelemetry.Count(batch.Select(b => b.Outcome));
                    await MarkUnreachableAsync(batch).ConfigureAwait(false);
                    break;
                }
                catch (Exception ex)
                {
                    // The records stay "sending" if this never succeeds, which means a resend after the next restart.
                    LogOutcomeWriteFailed(ex, batch.Count, attempt);
                    if (attempt >= 5)
                    {
                        break;
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), _time, CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
    }

    // The Connector's own per-tenant bucket (Teams' app limit, 25/s by default) applies to Bot Framework channels too;
    // set below the configured rate, it silently stretches every announcement to its pace.
    private void WarnWhenTheConnectorLimitIsLower()
    {
        if (_connector.RateLimitsSends && _connector.PerTenantPerSecond < _options.MaxPerSecond)
        {
            LogConnectorLimitLower(_options.MaxPerSecond, _connector.PerTenantPerSecond);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Announcements:MaxPerSecond is {Configured}/s but BotFramework:Connector:PerTenantPerPeriod allows {TenantPerSecond:F0}/s per tenant; Bot Framework channels get announcements at the lower rate")]
    private partial void LogConnectorLimitLower(double configured, double tenantPerSecond);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} deliveries were interrupted while sending; they are sent again with their idempotency keys")]
    private partial void LogRequeued(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Preparing due deliveries failed; trying again shortly")]
    private partial void LogProduceFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending delivery {DeliveryId} failed unexpectedly; it stays 'sending' until the next restart")]
    private partial void LogSendCrashed(Exception exception, long deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} delivery outcomes failed (attempt {Attempt})")]
    private partial void LogOutcomeWriteFailed(Exception exception, int count, int attempt);
}
