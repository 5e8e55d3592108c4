using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AuthorBot.BotFramework.Diagnostics;

/// <summary>
/// The protocol library's spans and metrics, on <see cref="System.Diagnostics"/> only: a host collects them by
/// <see cref="SourceName"/> and <see cref="MeterName"/> (OpenTelemetry, dotnet-counters, an ActivityListener) and this
/// library never learns which. Nothing recorded here carries a message's text, a name or an email; ids are hashed
/// with <see cref="TelemetryIdHasher"/>.
/// </summary>
/// <remarks>
/// The source and meter are static, as .NET's guidance for libraries has it: they hold no state of their own (the
/// listeners a host attaches do the aggregating), and one per process keeps every adapter, store and client of the
/// library reporting under one name without each constructor taking them.
/// </remarks>
public static class BotTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> name of turns, Connector calls, storage operations and token requests.</summary>
    public const string SourceName = "AuthorBot.BotFramework";

    /// <summary>The <see cref="Meter"/> name of the protocol library's metrics.</summary>
    public const string MeterName = "AuthorBot.BotFramework";

    internal static readonly ActivitySource Source = new(SourceName, "1.0.0");

    internal static readonly Meter Meter = new(MeterName, "1.0.0");

    internal static readonly Counter<long> Turns = Meter.CreateCounter<long>(
        "authorbot.turns", "{turn}", "Turns handled, by channel, activity type and outcome (ok, error, cancelled).");

    internal static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>(
        "authorbot.turn.duration", "s", "How long a turn took from the first middleware to the last reply, by channel, activity type and outcome.");

    internal static readonly Counter<long> DialogStarts = Meter.CreateCounter<long>(
        "authorbot.dialog.starts", "{dialog}", "Flows (component dialogs) started, by dialog.");

    internal static readonly Counter<long> DialogCompletions = Meter.CreateCounter<long>(
        "authorbot.dialog.completions", "{dialog}", "Flows (component dialogs) that ran to their end, by dialog.");

    internal static readonly Counter<long> DialogAbandonments = Meter.CreateCounter<long>(
        "authorbot.dialog.abandonments", "{dialog}", "Flows (component dialogs) cancelled before their end (cancel, start over, another flow), by dialog.");

    internal static readonly Counter<long> PromptRetries = Meter.CreateCounter<long>(
        "authorbot.prompt.retries", "{retry}", "Answers a prompt could not use and asked again for, by prompt.");

    internal static readonly Counter<long> PromptsExhausted = Meter.CreateCounter<long>(
        "authorbot.prompt.exhausted", "{prompt}", "Prompts that gave up after their last attempt, by prompt.");

    internal static readonly Counter<long> ConnectorCalls = Meter.CreateCounter<long>(
        "authorbot.connector.calls", "{call}", "Bot Connector API calls, by operation and final HTTP status (or error).");

    internal static readonly Histogram<double> ConnectorDuration = Meter.CreateHistogram<double>(
        "authorbot.connector.duration", "s", "Bot Connector API call time including retries and rate-limit waits, by operation and status.");

    internal static readonly Counter<long> ConnectorThrottled = Meter.CreateCounter<long>(
        "authorbot.connector.throttled", "{response}", "429 Too Many Requests answers from the Bot Connector, by operation.");

    internal static readonly Counter<long> TokenRequests = Meter.CreateCounter<long>(
        "authorbot.auth.token.requests", "{request}", "Outbound token requests to the identity service, by outcome and failure code (AADSTS…).");

    internal static readonly Counter<long> InboundTokenValidations = Meter.CreateCounter<long>(
        "authorbot.auth.inbound.validations", "{request}", "Inbound channel token checks, by outcome and rejection reason category.");

    internal static readonly UpDownCounter<long> DirectLineSocketsOpen = Meter.CreateUpDownCounter<long>(
        "authorbot.directline.sockets", "{socket}", "Direct Line stream sockets open now.");

    internal static readonly Histogram<double> StorageDuration = Meter.CreateHistogram<double>(
        "authorbot.storage.duration", "s", "Bot state storage operations, by operation, provider and outcome.");
}
