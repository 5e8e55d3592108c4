using System.Collections.Frozen;
using System.Diagnostics;
using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Diagnostics;

/// <summary>
/// Records each turn: a span (activity type, channel, hashed conversation and reader, the flow and step the dialogs
/// ran, the recognized intent and its score, the outcome) and the turn count and latency by channel, activity type and
/// outcome. Add it first on every adapter so it times the whole pipeline and sees errors before the turn-error handler
/// turns them into an apology.
/// </summary>
public sealed class TurnTelemetryMiddleware : IMiddleware
{
    private const string Ok = "ok";
    private const string Error = "error";
    private const string Cancelled = "cancelled";
    private const string OtherType = "other";

    private static readonly HashSet<string> _knownTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.ContactRelationUpdate, ActivityTypes.Typing,
        ActivityTypes.EndOfConversation, ActivityTypes.Event, ActivityTypes.Invoke, ActivityTypes.DeleteUserData,
        ActivityTypes.MessageUpdate, ActivityTypes.MessageDelete, ActivityTypes.InstallationUpdate, ActivityTypes.MessageReaction,
        ActivityTypes.Suggestion, ActivityTypes.Trace, ActivityTypes.Handoff, ActivityTypes.Command, ActivityTypes.CommandResult,
    };

    private static readonly HashSet<string> _knownChannels = new(StringComparer.Ordinal)
    {
        Channels.Msteams, Channels.Emulator, Channels.Directline, Channels.DirectlineSpeech, Channels.Webchat, Channels.Test,
        Channels.Slack, Channels.Telegram, Channels.Facebook, Channels.Line, Channels.Skype, Channels.Email, Channels.Sms,
    };

    // Span names by activity type, made once rather than on every turn.
    private static readonly FrozenDictionary<string, string> _spanNames =
        _knownTypes.Append(OtherType).ToFrozenDictionary(type => type, type => "turn " + type, StringComparer.Ordinal);

    private readonly TelemetryIdHasher _hasher;

    /// <summary>Creates the middleware.</summary>
    /// <param name="hasher">Hashes conversation and reader ids.</param>
    public TurnTelemetryMiddleware(TelemetryIdHasher hasher)
    {
        _hasher = hasher ?? throw new ArgumentNullException(nameof(hasher));
    }

    /// <summary>The activity type as a metric or span value: a known type, or "other" (a client may send anything).</summary>
    /// <param name="type">The activity's type.</param>
    /// <returns>A value of a small, fixed set.</returns>
    public static string TypeOf(string? type) => type is not null && _knownTypes.Contains(type) ? type : OtherType;

    /// <summary>The channel as a metric or span value: a known channel id, or "other".</summary>
    /// <param name="channelId">The activity's channel id.</param>
    /// <returns>A value of a small, fixed set.</returns>
    public static string ChannelOf(string? channelId) => channelId is not null && _knownChannels.Contains(channelId) ? channelId : "other";

    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var recordsMetrics = BotTelemetry.Turns.Enabled || BotTelemetry.TurnDuration.Enabled;
        var activity = turnContext.Activity;
        var type = TypeOf(activity.Type);
        using var span = BotTelemetry.Source.StartActivity(_spanNames[type], ActivityKind.Internal);
        if (span is null && !recordsMetrics)
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var telemetry = span is null ? null : TurnTelemetry.AttachTo(turnContext);
        var outcome = Error;
        try
        {
            await next(cancellationToken).ConfigureAwait(false);
            outcome = Ok;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = Cancelled;
            throw;
        }
        catch (Exception ex) when (span is not null)
        {
            // The type only: an exception's message may quote what the reader wrote.
            span.SetStatus(ActivityStatusCode.Error);
            span.SetTag(TelemetryAttributes.ErrorType, ex.GetType().FullName);
            throw;
        }
        finally
        {
            var channel = ChannelOf(activity.ChannelId);
            if (recordsMetrics)
            {
                var tags = new TagList
                {
                    { TelemetryAttributes.Channel, channel },
                    { TelemetryAttributes.ActivityType, type },
                    { TelemetryAttributes.TurnOutcome, outcome },
                };
                BotTelemetry.Turns.Add(1, tags);
                BotTelemetry.TurnDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            }

            if (span is { IsAllDataRequested: true })
            {
                Describe(span, turnContext, telemetry!, channel, type, outcome);
            }
        }
    }

    private void Describe(System.Diagnostics.Activity span, ITurnContext turnContext, TurnTelemetry telemetry, string channel, string type, string outcome)
    {
        var activity = turnContext.Activity;
        span.SetTag(TelemetryAttributes.ActivityType, type);
        span.SetTag(TelemetryAttributes.Channel, channel);
        span.SetTag(TelemetryAttributes.TurnOutcome, outcome);
        span.SetTag(TelemetryAttributes.ConversationHash, _hasher.Hash(activity.Conversation?.Id));
        span.SetTag(TelemetryAttributes.ReaderHash, _hasher.Hash(activity.From?.Id));
        if (telemetry.Dialog is { } dialog)
        {
            span.SetTag(TelemetryAttributes.Dialog, dialog);
        }

        if (telemetry.Waterfall is { } waterfall)
        {
            span.SetTag(TelemetryAttributes.Waterfall, waterfall);
            span.SetTag(TelemetryAttributes.Step, telemetry.Step);
        }

        if (telemetry.Prompt is { } prompt)
        {
            span.SetTag(TelemetryAttributes.Prompt, prompt);
        }

        if (RecognizedIntent.Of(turnContext) is { } intent)
        {
            span.SetTag(TelemetryAttributes.Intent, intent.Name);
            span.SetTag(TelemetryAttributes.IntentScore, intent.Score);
        }
    }
}
