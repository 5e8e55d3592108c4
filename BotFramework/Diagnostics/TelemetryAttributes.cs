namespace AuthorBot.BotFramework.Diagnostics;

/// <summary>
/// The attribute (tag) names on AuthorBot's spans and metrics. None of them ever holds a reader's text, name or email;
/// the conversation and reader attributes hold keyed hashes.
/// </summary>
public static class TelemetryAttributes
{
    /// <summary>The activity's type (message, conversationUpdate, invoke, …; "other" for unknown types).</summary>
    public const string ActivityType = "authorbot.activity.type";

    /// <summary>The channel id (msteams, webchat, directline, emulator, …; "other" for unknown channels).</summary>
    public const string Channel = "authorbot.channel";

    /// <summary>How the turn ended: ok, error or cancelled.</summary>
    public const string TurnOutcome = "authorbot.turn.outcome";

    /// <summary>Keyed hash of the conversation id.</summary>
    public const string ConversationHash = "authorbot.conversation.hash";

    /// <summary>Keyed hash of the reader's (sender's) channel account id.</summary>
    public const string ReaderHash = "authorbot.reader.hash";

    /// <summary>The flow (component dialog) the turn ran in, e.g. NewsletterSignupDialog.</summary>
    public const string Dialog = "authorbot.dialog";

    /// <summary>The waterfall whose step ran last in that flow.</summary>
    public const string Waterfall = "authorbot.dialog.waterfall";

    /// <summary>The zero-based index of that step.</summary>
    public const string Step = "authorbot.dialog.step";

    /// <summary>The prompt (dialog id) that asked the reader something this turn.</summary>
    public const string Prompt = "authorbot.prompt";

    /// <summary>The intent a recognizer found in the message (see <see cref="RecognizedIntent"/>).</summary>
    public const string Intent = "authorbot.intent";

    /// <summary>The recognizer's confidence in that intent, 0 to 1.</summary>
    public const string IntentScore = "authorbot.intent.score";

    /// <summary>Connector operation as a path template, e.g. "POST v3/conversations/{id}/activities".</summary>
    public const string ConnectorOperation = "authorbot.connector.operation";

    /// <summary>HTTP attempts a Connector call made (1 when not retried).</summary>
    public const string ConnectorAttempts = "authorbot.connector.attempts";

    /// <summary>How many of those attempts the channel answered 429.</summary>
    public const string ConnectorThrottled = "authorbot.connector.throttled";

    /// <summary>The final HTTP status of a call (OpenTelemetry's name).</summary>
    public const string HttpStatusCode = "http.response.status_code";

    /// <summary>What kind of error ended a call (OpenTelemetry's name).</summary>
    public const string ErrorType = "error.type";

    /// <summary>The channel's Connector host (OpenTelemetry's name).</summary>
    public const string ServerAddress = "server.address";

    /// <summary>read, write or delete.</summary>
    public const string StorageOperation = "authorbot.storage.operation";

    /// <summary>The storage provider: sqlite, memory or the type's name.</summary>
    public const string StorageProvider = "authorbot.storage.provider";

    /// <summary>How many keys the operation touched.</summary>
    public const string StorageKeys = "authorbot.storage.keys";

    /// <summary>ok, conflict (ETag mismatch) or error.</summary>
    public const string StorageOutcome = "authorbot.storage.outcome";

    /// <summary>accepted/rejected (inbound) or acquired/failed (outbound token requests).</summary>
    public const string AuthOutcome = "authorbot.auth.outcome";

    /// <summary>Why: a rejection's category, or the identity service's failure code (AADSTS…).</summary>
    public const string AuthReason = "authorbot.auth.reason";
}
