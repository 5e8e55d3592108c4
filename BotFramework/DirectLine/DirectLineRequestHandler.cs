using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Diagnostics;
using AuthorBot.BotFramework.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace AuthorBot.BotFramework.DirectLine;

/// <summary>The Direct Line 3.0 routes. Every handler answers in the protocol's shapes and never lets an exception become a bare 500.</summary>
internal sealed partial class DirectLineRequestHandler(
    DirectLineSecret secret,
    DirectLineTokenService tokens,
    DirectLineConversations conversations,
    DirectLineAdapter adapter,
    DirectLineAttachmentStore attachments,
    DirectLineRateLimiter limiter,
    DirectLineCors cors,
    DirectLineOptions options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<DirectLineRequestHandler> logger)
{
    private const int MaxUserIdLength = 256;
    private const string ReservedUserIdPrefix = "dl_";

    private static readonly TimeSpan _slowTurn = TimeSpan.FromSeconds(5);

    private CancellationToken Stopping => lifetime.ApplicationStopping;

    public Task<IResult> GenerateTokenAsync(HttpContext context) => GuardAsync(context, async () =>
    {
        if (Admit(context, fromQuery: false, out var caller) is { } refused)
        {
            return refused;
        }

        if (!caller.IsSecret)
        {
            return DirectLineErrors.SecretRequired();
        }

        var (parameters, bad) = await ReadJsonAsync(context, DirectLineJsonContext.Default.TokenParameters).ConfigureAwait(false);
        if (bad is not null)
        {
            return bad;
        }

        var userId = parameters?.User?.Id;
        if (userId is not null && CheckUserId(userId) is { } invalid)
        {
            return DirectLineErrors.BadArgument(invalid);
        }

        var conversationId = DirectLineConversations.NewConversationId();
        return Results.Json(Describe(conversationId, tokens.Issue(conversationId, userId), streamUrl: null), DirectLineJsonContext.Default.ConversationResponse);
    });

    public Task<IResult> RefreshTokenAsync(HttpContext context) => GuardAsync(context, () =>
    {
        if (Admit(context, fromQuery: false, out var caller) is { } refused)
        {
            return Task.FromResult(refused);
        }

        if (caller.Token is not { } token)
        {
            return Task.FromResult(DirectLineErrors.TokenRequired());
        }

        var fresh = tokens.Issue(token.ConversationId, token.UserId);
        return Task.FromResult(Results.Json(Describe(token.ConversationId, fresh, streamUrl: null), DirectLineJsonContext.Default.ConversationResponse));
    });

    public Task<IResult> StartConversationAsync(HttpContext context, string routePrefix) => GuardAsync(context, async () =>
    {
        if (Admit(context, fromQuery: false, out var caller) is { } refused)
        {
            return refused;
        }

        var (parameters, bad) = await ReadJsonAsync(context, DirectLineJsonContext.Default.TokenParameters).ConfigureAwait(false);
        if (bad is not null)
        {
            return bad;
        }

        var claimedUser = string.IsNullOrEmpty(parameters?.User?.Id) ? null : parameters.User.Id;
        if (claimedUser is not null && (CheckUserId(claimedUser) ?? CheckNotReserved(claimedUser, caller)) is { } invalid)
        {
            return DirectLineErrors.BadArgument(invalid);
        }

        var conversationId = caller.Token?.ConversationId ?? DirectLineConversations.NewConversationId();
        var conversation = await conversations.GetOrCreateAsync(conversationId, Stopping).ConfigureAwait(false);
        var firstStart = await conversations.ChangeAsync(conversation, c => c.MarkStarted(caller.UserId ?? claimedUser), Stopping).ConfigureAwait(false);
        if (firstStart)
        {
            // The welcome must be in the log before the client opens its socket or polls.
            await RunTurnsAsync(context, conversation, inbound: null, Vouches(caller)).ConfigureAwait(false);
        }

        await conversations.PersistAsync(conversation, Stopping).ConfigureAwait(false);

        var token = tokens.Issue(conversationId, caller.UserId);
        var body = Describe(conversationId, token, StreamUrl(context, routePrefix, conversationId, token, watermark: null));
        return Results.Json(body, DirectLineJsonContext.Default.ConversationResponse, statusCode: firstStart ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    });

    public Task<IResult> ReconnectAsync(HttpContext context, string routePrefix, string conversationId) => GuardAsync(context, async () =>
    {
        var (conversation, caller, refused) = await AdmitToConversationAsync(context, conversationId, fromQuery: false).ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        var token = tokens.Issue(conversation!.Id, caller.UserId);
        var watermark = context.Request.Query["watermark"].ToString();
        var body = Describe(conversation.Id, token, StreamUrl(context, routePrefix, conversation.Id, token, watermark));
        return Results.Json(body, DirectLineJsonContext.Default.ConversationResponse);
    });

    public async Task<IResult> GetActivitiesAsync(HttpContext context, string conversationId)
    {
        var requested = ParseWatermark(context.Request.Query["watermark"]);
        try
        {
            var (conversation, _, refused) = await AdmitToConversationAsync(context, conversationId, fromQuery: false).ConfigureAwait(false);
            return refused ?? Results.Bytes(conversation!.ReadAfter(requested), "application/json; charset=utf-8");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Any error status here silently stops a polling client for good, so a storage hiccup
            // answers "nothing new" and the client simply asks again.
            LogRequestFailed(logger, exception, context.Request.Path);
            var watermark = requested?.ToString(CultureInfo.InvariantCulture);
            return Results.Bytes(Encoding.UTF8.GetBytes(watermark is null ? """{"activities":[]}""" : $$"""{"activities":[],"watermark":"{{watermark}}"}"""), "application/json; charset=utf-8");
        }
    }

    public Task<IResult> PostActivityAsync(HttpContext context, string conversationId) => GuardAsync(context, async () =>
    {
        var (conversation, caller, refused) = await AdmitToConversationAsync(context, conversationId, fromQuery: false).ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        var (activity, bad) = await ReadJsonAsync(context, DirectLineJsonContext.Default.JsonObject).ConfigureAwait(false);
        if (bad is not null)
        {
            return bad;
        }

        return activity is null
            ? DirectLineErrors.BadArgument("The body must be an activity (a JSON object).")
            : await AcceptAsync(context, conversation!, caller, activity, userIdOverride: null).ConfigureAwait(false);
    });

    public Task<IResult> UploadAsync(HttpContext context, string routePrefix, string conversationId) => GuardAsync(context, async () =>
    {
        var (conversation, caller, refused) = await AdmitToConversationAsync(context, conversationId, fromQuery: false).ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        var userId = context.Request.Query["userId"].ToString();
        if (userId.Length == 0)
        {
            return DirectLineErrors.BadArgument("The userId query parameter is required.");
        }

        var upload = await DirectLineUpload.ReadAsync(context, conversation!.Id, options, attachments, BaseUrl(context) + routePrefix + "/attachments", Stopping).ConfigureAwait(false);
        if (upload.Error is not null)
        {
            return upload.Error;
        }

        var result = await AcceptAsync(context, conversation, caller, upload.Activity!, userId).ConfigureAwait(false);
        if (result is IStatusCodeHttpResult { StatusCode: >= 400 })
        {
            // The message was refused, so its files would be referenced by nothing.
            attachments.Delete(upload.Files);
        }

        return result;
    });

    /// <summary>
    /// <c>GET .../attachments/{id}</c>: an uploaded file, for a token of the conversation it was uploaded to (in the
    /// Authorization header, or as <c>?t=</c> for an <c>img</c> element, like the stream URL).
    /// </summary>
    public async Task GetAttachmentAsync(HttpContext context, string attachmentId)
    {
        StoredAttachment? attachment;
        IResult? refused;
        try
        {
            refused = Admit(context, fromQuery: true, out var caller);
            attachment = refused is null ? await attachments.FindAsync(attachmentId, Stopping).ConfigureAwait(false) : null;
            if (refused is null && (attachment is null || !caller.MayAccess(attachment.ConversationId)))
            {
                // The same answer whether the id is unknown or belongs to another conversation.
                refused = DirectLineErrors.Error(StatusCodes.Status404NotFound, "NotFound", "No such attachment in this conversation.");
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogRequestFailed(logger, exception, context.Request.Path);
            refused = DirectLineErrors.Error(StatusCodes.Status404NotFound, "NotFound", "No such attachment in this conversation.");
            attachment = null;
        }

        if (refused is not null)
        {
            await refused.ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        var inline = attachment!.ContentType is "image/png" or "image/jpeg" or "image/gif" or "image/webp";
        response.ContentType = attachment.ContentType;
        response.ContentLength = attachment.Length;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        response.Headers.CacheControl = "private, max-age=3600";
        response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue(inline ? "inline" : "attachment")
        {
            FileNameStar = attachment.Name ?? attachment.Id,
        }.ToString();
        var file = attachments.OpenRead(attachment);
        await using (file.ConfigureAwait(false))
        {
            await file.CopyToAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    public async Task StreamAsync(HttpContext context, string conversationId)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await DirectLineErrors.BadArgument("This URL is a WebSocket stream.").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var (conversation, _, refused) = await AdmitToConversationAsync(context, conversationId, fromQuery: true).ConfigureAwait(false);
        if (refused is not null)
        {
            await refused.ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { KeepAliveInterval = options.KeepAliveInterval }).ConfigureAwait(false);
        var connection = new DirectLineSocketConnection(socket);
        var evicted = conversation!.Subscribe(connection, ParseWatermark(context.Request.Query["watermark"]), options.MaxSocketsPerConversation);
        evicted?.Close("collision");
        BotTelemetry.DirectLineSocketsOpen.Add(1);
        try
        {
            // Shutdown closes sockets through the background service, so only the client's
            // disconnect needs watching here (one token source per idle socket, not two).
            await connection.RunAsync(context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            BotTelemetry.DirectLineSocketsOpen.Add(-1);
            conversation.Unsubscribe(connection);
        }
    }

    public IResult Preflight(HttpContext context) => cors.Preflight(context);

    private async Task<IResult> AcceptAsync(HttpContext context, DirectLineConversation conversation, DirectLineCaller caller, JsonObject activity, string? userIdOverride)
    {
        if (activity["type"] is not JsonValue typeValue || !typeValue.TryGetValue<string>(out var type) || type.Length == 0)
        {
            return DirectLineErrors.BadArgument("The activity needs a 'type'.");
        }

        var from = activity["from"] as JsonObject ?? [];
        var fromId = caller.UserId ?? userIdOverride ?? (from["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var claimed) && claimed.Length > 0 ? claimed : conversation.UserId);
        if (fromId is null)
        {
            return DirectLineErrors.BadArgument("The activity needs 'from.id'.");
        }

        if ((CheckUserId(fromId) ?? (caller.UserId is null ? CheckNotReserved(fromId, caller) : null)) is { } invalid)
        {
            return DirectLineErrors.BadArgument(invalid);
        }

        from["id"] = fromId;
        from["role"] ??= RoleTypes.User;
        activity["from"] = from;
        activity["channelId"] = Channels.Directline;
        activity["conversation"] = new JsonObject { ["id"] = conversation.Id };
        activity["recipient"] = new JsonObject { ["id"] = options.BotId, ["name"] = options.BotName, ["role"] = RoleTypes.Bot };
        activity["serviceUrl"] = BaseUrl(context);

        // Check the activity reads as a Bot Framework Activity before anything is stored or echoed,
        // so a malformed field is a 400 and never a half-accepted message.
        Activity? inbound;
        try
        {
            inbound = BotJson.Deserialize(JsonSerializer.SerializeToUtf8Bytes(activity, DirectLineJsonContext.Default.JsonObject), BotJsonContext.Default.Activity);
        }
        catch (JsonException exception)
        {
            return DirectLineErrors.BadArgument("The activity is not valid: " + StrictJson.Describe(exception));
        }

        if (inbound is null)
        {
            return DirectLineErrors.BadArgument("The body must be an activity (a JSON object).");
        }

        if (ActivityValidator.Validate(inbound) is { } malformed)
        {
            return DirectLineErrors.BadArgument(malformed);
        }

        if (type == ActivityTypes.Typing)
        {
            if (conversation.UserId is null)
            {
                await conversations.ChangeAsync(conversation, c => c.AdoptUser(fromId), Stopping).ConfigureAwait(false);
            }

            inbound.Id = conversation.Broadcast(activity, time.GetUtcNow());
        }
        else
        {
            var entry = await conversations.ChangeAsync(
                conversation,
                c =>
                {
                    c.AdoptUser(fromId);
                    return c.Append(activity, time.GetUtcNow(), conversations.Retention);
                },
                Stopping).ConfigureAwait(false);
            (inbound.Id, inbound.Timestamp) = (entry.Id, entry.Timestamp);
        }

        // The echo is already on its way to the sockets. The bot runs next and the log is saved once
        // after its turn (echo and replies in one write), before the client gets its {id}.
        var botFailed = !await RunTurnsAsync(context, conversation, inbound, Vouches(caller)).ConfigureAwait(false);
        await conversations.PersistAsync(conversation, Stopping).ConfigureAwait(false);
        return botFailed
            ? DirectLineErrors.BotError()
            : Results.Json(new ResourceIdResponse { Id = inbound.Id }, DirectLineJsonContext.Default.ResourceIdResponse);
    }

    /// <summary>
    /// Runs, one turn at a time per conversation, the user's conversationUpdate (once, as soon as the
    /// user id is known) and then <paramref name="inbound"/>. False when the bot threw.
    /// </summary>
    private async Task<bool> RunTurnsAsync(HttpContext context, DirectLineConversation conversation, Activity? inbound, bool userVouched)
    {
        var bot = context.RequestServices.GetService<IBot>();
        if (bot is null)
        {
            LogNoBot(logger);
            return false;
        }

        var waitStarted = time.GetTimestamp();
        await conversation.TurnGate.WaitAsync(Stopping).ConfigureAwait(false);
        var held = time.GetTimestamp();
        if (time.GetElapsedTime(waitStarted, held) is var waited && waited > _slowTurn)
        {
            LogSlowGate(logger, conversation.Id, inbound?.Type, waited.TotalSeconds);
        }

        try
        {
            if (await conversations.ChangeAsync(conversation, c => c.TryClaimUserAnnouncement(), Stopping).ConfigureAwait(false))
            {
                await adapter.ProcessActivityAsync(MembersAdded(context, conversation), bot.OnTurnAsync, userVouched, Stopping).ConfigureAwait(false);
            }

            if (inbound is not null)
            {
                await adapter.ProcessActivityAsync(inbound, bot.OnTurnAsync, userVouched, Stopping).ConfigureAwait(false);
            }

            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogBotFailed(logger, exception, conversation.Id);
            return false;
        }
        finally
        {
            conversation.TurnGate.Release();

            // One turn at a time per conversation: a slow turn makes every later post in the conversation wait,
            // and a client gives up after a minute, so say which turn held the conversation.
            if (time.GetElapsedTime(held) is var holding && holding > _slowTurn)
            {
                LogSlowTurn(logger, conversation.Id, inbound?.Type, inbound?.Text?.Length ?? 0, inbound?.Attachments?.Count ?? 0, holding.TotalSeconds);
            }
        }
    }

    private Activity MembersAdded(HttpContext context, DirectLineConversation conversation)
    {
        var user = new ChannelAccount(conversation.UserId, role: RoleTypes.User);
        var bot = adapter.BotAccount;
        return new Activity(ActivityTypes.ConversationUpdate)
        {
            Id = conversation.Id + "|membersAdded",
            Timestamp = time.GetUtcNow(),
            ChannelId = Channels.Directline,
            ServiceUrl = BaseUrl(context),
            Conversation = new ConversationAccount(id: conversation.Id),
            From = user,
            Recipient = bot,
            MembersAdded = [user, bot],
        };
    }

    /// <summary>Checks credential, rate limit and CORS; null when the request may go on.</summary>
    private IResult? Admit(HttpContext context, bool fromQuery, out DirectLineCaller caller)
    {
        cors.Apply(context);
        caller = new DirectLineCaller(false, null);
        var credential = fromQuery ? context.Request.Query["t"].ToString() : null;
        if (string.IsNullOrEmpty(credential))
        {
            var header = context.Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return DirectLineErrors.MissingAuthorization();
            }

            credential = header["Bearer ".Length..].Trim();
        }

        if (secret.Matches(credential))
        {
            caller = new DirectLineCaller(true, null);
        }
        else
        {
            var check = tokens.Validate(credential);
            switch (check.Status)
            {
                case DirectLineTokenStatus.Expired:
                    return DirectLineErrors.ExpiredToken();
                case DirectLineTokenStatus.Invalid:
                    return DirectLineErrors.InvalidToken();
                default:
                    caller = new DirectLineCaller(false, check.Token);
                    break;
            }
        }

        if (limiter.TryAcquire(caller.Partition(context.Connection.RemoteIpAddress?.ToString())) is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = DirectLineRateLimiter.FormatRetryAfter(retryAfter);
            return DirectLineErrors.TooManyRequests();
        }

        return null;
    }

    private async Task<(DirectLineConversation? Conversation, DirectLineCaller Caller, IResult? Refused)> AdmitToConversationAsync(HttpContext context, string conversationId, bool fromQuery)
    {
        if (Admit(context, fromQuery, out var caller) is { } refused)
        {
            return (null, caller, refused);
        }

        if (!caller.MayAccess(conversationId))
        {
            return (null, caller, DirectLineErrors.ForeignConversation());
        }

        var conversation = await conversations.FindAsync(conversationId, Stopping).ConfigureAwait(false);
        return conversation is { Started: true } ? (conversation, caller, null) : (null, caller, DirectLineErrors.ConversationNotFound());
    }

    private async Task<IResult> GuardAsync(HttpContext context, Func<Task<IResult>> handler)
    {
        try
        {
            return await handler().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogRequestFailed(logger, exception, context.Request.Path);
            return DirectLineErrors.Error(StatusCodes.Status500InternalServerError, "ServiceError", "The request could not be completed; try again.");
        }
    }

    private async Task<(T? Value, IResult? Error)> ReadJsonAsync<T>(HttpContext context, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : class
    {
        var limit = options.MaxActivityBytes;
        if (context.Request.ContentLength > limit)
        {
            return (null, DirectLineErrors.TooLarge(limit));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, Stopping).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, DirectLineErrors.TooLarge(limit));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, null);
        }

        try
        {
            // Duplicate keys are refused before anything binds the body (JsonObject would throw ArgumentException).
            var element = StrictJson.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            return (element.Deserialize(typeInfo), null);
        }
        catch (JsonException exception)
        {
            return (null, DirectLineErrors.BadArgument("The body is not valid JSON: " + StrictJson.Describe(exception)));
        }
    }

    private ConversationResponse Describe(string conversationId, string token, string? streamUrl) => new()
    {
        ConversationId = conversationId,
        Token = token,
        ExpiresIn = tokens.LifetimeSeconds,
        StreamUrl = streamUrl,
    };

    private static string BaseUrl(HttpContext context) =>
        $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";

    private static string StreamUrl(HttpContext context, string routePrefix, string conversationId, string token, string? watermark)
    {
        var scheme = context.Request.IsHttps ? "wss" : "ws";
        var query = string.IsNullOrEmpty(watermark)
            ? $"?t={Uri.EscapeDataString(token)}"
            : $"?watermark={Uri.EscapeDataString(watermark)}&t={Uri.EscapeDataString(token)}";
        return $"{scheme}://{context.Request.Host}{context.Request.PathBase}{routePrefix}/conversations/{Uri.EscapeDataString(conversationId)}/stream{query}";
    }

    private static long? ParseWatermark(StringValues value) =>
        long.TryParse(value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var watermark) ? watermark : null;

    private static string? CheckUserId(string userId) =>
        userId.Length > MaxUserIdLength || userId.Any(char.IsControl) || userId.Length == 0
            ? $"A user id must be 1-{MaxUserIdLength} printable characters."
            : null;

    /// <summary>
    /// The secret holder vouches for any id it names, and a token for the id it carries (which then is the turn's);
    /// an id the client of a token without one named itself (in the start request, the post or the upload's query) is
    /// only claimed.
    /// </summary>
    private static bool Vouches(DirectLineCaller caller) => caller.IsSecret || caller.UserId is not null;

    private static string? CheckNotReserved(string userId, DirectLineCaller caller) =>
        !caller.IsSecret && userId.StartsWith(ReservedUserIdPrefix, StringComparison.Ordinal)
            ? "User ids starting with 'dl_' come only from a token made by tokens/generate."
            : null;

    [LoggerMessage(Level = LogLevel.Error, Message = "Direct Line request {Path} failed")]
    private static partial void LogRequestFailed(ILogger logger, Exception exception, PathString path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Direct Line: the bot failed a turn in conversation {ConversationId}")]
    private static partial void LogBotFailed(ILogger logger, Exception exception, string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Direct Line: a {Type} turn (text of {TextLength} characters, {Attachments} attachments) held conversation {ConversationId} for {Seconds:F1} s")]
    private static partial void LogSlowTurn(ILogger logger, string conversationId, string? type, int textLength, int attachments, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Direct Line: a {Type} activity waited {Seconds:F1} s for the turn before it in conversation {ConversationId}")]
    private static partial void LogSlowGate(ILogger logger, string conversationId, string? type, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Direct Line: no IBot is registered, so activities are stored but nobody answers")]
    private static partial void LogNoBot(ILogger logger);
}
