using System.Security.Claims;
using System.Text.Json;
using AuthorBot.BotFramework.Auth;
using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Connector;
using AuthorBot.BotFramework.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthorBot.BotFramework.Hosting;

/// <summary>
/// The Bot Framework HTTP adapter: receives activities POSTed by channels, runs the turn, and sends replies
/// through the Connector API at the activity's service URL (or returns them in the HTTP answer for
/// <c>expectReplies</c>, and the invoke response for <c>invoke</c>).
/// </summary>
/// <remarks>
/// Status codes: 405 for methods other than POST, 413 over <see cref="BotFrameworkOptions.MaxRequestBodyBytes"/>,
/// 400 for a body that is not an Activity or lacks what a turn needs (<see cref="ActivityValidator"/>), 401 when authentication fails, 200 (empty) for other activities,
/// 200 with <c>{"activities":[…]}</c> for expectReplies, the invoke response's status and body for invoke (501
/// when the bot set none). An exception in the turn goes to <see cref="BotAdapter.OnTurnError"/>; the default
/// handler logs it and apologises to the user, and the request then completes normally (200), because the
/// channel has nothing useful to do with a 500 and some channels retry on it. Only if the error handler itself
/// fails is the answer 500.
/// </remarks>
public class CloudAdapter : BotAdapter, IBotFrameworkHttpAdapter
{
    /// <summary>TurnState key of the caller's <see cref="ClaimsIdentity"/> (Bot Builder's key).</summary>
    public const string BotIdentityKey = "BotIdentity";

    /// <summary>The message the default turn-error handler sends to the user.</summary>
    public const string DefaultErrorMessage = "Sorry, something went wrong on my side. Please try that again in a moment.";

    private readonly IConnectorClientFactory _connectorClientFactory;
    private readonly IBotAuthenticator _authenticator;
    private readonly ILogger _logger;
    private readonly int _maxRequestBodyBytes;

    /// <summary>Creates the adapter with the default turn-error handler.</summary>
    public CloudAdapter(IConnectorClientFactory connectorClientFactory, IBotAuthenticator authenticator, IOptions<BotFrameworkOptions> options, ILogger<CloudAdapter> logger)
    {
        ArgumentNullException.ThrowIfNull(connectorClientFactory);
        ArgumentNullException.ThrowIfNull(authenticator);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _connectorClientFactory = connectorClientFactory;
        _authenticator = authenticator;
        _logger = logger;
        _maxRequestBodyBytes = options.Value.MaxRequestBodyBytes;
        OnTurnError = DefaultOnTurnErrorAsync;
    }

    /// <inheritdoc/>
    public async Task ProcessAsync(HttpRequest httpRequest, HttpResponse httpResponse, IBot bot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(httpRequest);
        ArgumentNullException.ThrowIfNull(httpResponse);
        ArgumentNullException.ThrowIfNull(bot);

        if (!HttpMethods.IsPost(httpRequest.Method))
        {
            httpResponse.StatusCode = StatusCodes.Status405MethodNotAllowed;
            httpResponse.Headers.Allow = "POST";
            return;
        }

        int status;
        Activity? activity;
        string? error;
        try
        {
            (status, activity, error) = await ActivityRequestReader.ReadAsync(
                httpRequest.BodyReader, httpRequest.ContentLength, _maxRequestBodyBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            // Malformed framing or a body cut short: the client's fault, never a 500.
            (status, activity, error) = (ex.StatusCode, null, ex.Message);
        }
        catch (IOException)
        {
            // The client went away while sending; there is nobody to answer.
            return;
        }

        if (activity is null)
        {
            await WriteErrorAsync(httpResponse, status, error, cancellationToken).ConfigureAwait(false);
            return;
        }

        CopyTeamsTenantId(activity);
        ClaimsIdentity identity;
        try
        {
            identity = await _authenticator.AuthenticateRequestAsync(activity, httpRequest.Headers.Authorization.ToString(), cancellationToken).ConfigureAwait(false);
        }
        catch (UnauthorizedAccessException ex)
        {
            _logger.LogInformation("Rejected an unauthenticated {ActivityType} activity: {Reason}", activity.Type, ex.Message);
            httpResponse.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (ActivityRequestReader.Check(activity) is { } malformed)
        {
            await WriteErrorAsync(httpResponse, StatusCodes.Status400BadRequest, malformed, cancellationToken).ConfigureAwait(false);
            return;
        }

        // When replies travel through the Connector, a channel that hangs up (its own timeout) must not cut the turn
        // short: the user may already have seen a reply, and a turn stopped before its state is saved would leave the
        // conversation behind what the user saw. Answers that travel in the HTTP response die with the request.
        var answerInResponse = string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.Ordinal)
            || string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.Ordinal);
        var turnCancellation = answerInResponse ? cancellationToken : CancellationToken.None;

        TurnOutcome outcome;
        try
        {
            outcome = await RunTurnAsync(identity, activity, bot.OnTurnAsync, turnCancellation).ConfigureAwait(false);
        }
        catch (Exception ex) when (!turnCancellation.IsCancellationRequested)
        {
            // Last resort: the turn-error handler is missing or failed itself.
            _logger.LogError(ex, "Turn failed and was not handled for {ActivityType} on {ChannelId}", activity.Type, activity.ChannelId);
            if (!httpResponse.HasStarted)
            {
                httpResponse.StatusCode = StatusCodes.Status500InternalServerError;
            }

            return;
        }

        await WriteOutcomeAsync(httpResponse, outcome, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a turn for an already-parsed activity (e.g. from an in-process channel) and returns what the HTTP answer
    /// would carry: the invoke response, or for expectReplies a 200 whose body is <see cref="ExpectedReplies"/>;
    /// null for an ordinary activity.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">Authentication failed.</exception>
    /// <exception cref="ArgumentException">The activity lacks what a turn needs (see <see cref="ActivityValidator"/>).</exception>
    public async Task<InvokeResponse?> ProcessActivityAsync(string? authorizationHeader, Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(callback);
        if (ActivityValidator.Validate(activity) is { } invalid)
        {
            throw new ArgumentException(invalid, nameof(activity));
        }
        var identity = await _authenticator.AuthenticateRequestAsync(activity, authorizationHeader, cancellationToken).ConfigureAwait(false);
        var outcome = await RunTurnAsync(identity, activity, callback, cancellationToken).ConfigureAwait(false);
        if (outcome.Replies is not null)
        {
            var replies = new ExpectedReplies(outcome.Replies);
            return new InvokeResponse(StatusCodes.Status200OK, JsonSerializer.SerializeToElement(replies, BotJsonContext.Default.ExpectedReplies));
        }

        return outcome.Invoke;
    }

    /// <summary>
    /// Runs a proactive turn in the conversation of <paramref name="reference"/>; what <paramref name="callback"/>
    /// sends goes to <c>reference.ServiceUrl</c> (SendToConversation).
    /// </summary>
    public override async Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(callback);
        var context = new TurnContext(this, reference.GetContinuationActivity());
        context.TurnState.Set(BotIdentityKey, new ClaimsIdentity(AnonymousBotAuthenticator.AuthenticationType));
        if (reference.ServiceUrl is not null)
        {
            context.TurnState.Set<IConnectorClient>(new LazyConnectorClient(_connectorClientFactory, reference.ServiceUrl));
        }

        await RunPipelineAsync(context, callback, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Creates a conversation on the channel (POST v3/conversations) and runs <paramref name="callback"/> in it, with a
    /// <c>CreateConversation</c> event addressed to the new conversation (and to the single member, when there is one).
    /// The event has no id, so what the callback sends is appended to the conversation (SendToConversation).
    /// </summary>
    /// <exception cref="ConnectorException">The channel refused (e.g. 403 BotNotInConversationRoster).</exception>
    public virtual async Task CreateConversationAsync(string channelId, string serviceUrl, ConversationParameters conversationParameters, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentNullException.ThrowIfNull(conversationParameters);
        ArgumentNullException.ThrowIfNull(callback);
        var client = _connectorClientFactory.Create(serviceUrl);
        var created = await client.CreateConversationAsync(conversationParameters, cancellationToken).ConfigureAwait(false)
            ?? throw new ConnectorException("CreateConversation returned no conversation.");

        var members = conversationParameters.Members;
        var activity = new Activity(ActivityTypes.Event)
        {
            Name = ActivityEventNames.CreateConversation,
            ChannelId = channelId,
            ServiceUrl = created.ServiceUrl ?? serviceUrl,
            Conversation = new ConversationAccount(conversationParameters.IsGroup, id: created.Id, tenantId: conversationParameters.TenantId),
            ChannelData = conversationParameters.ChannelData,
            Recipient = conversationParameters.Bot,
            From = members is { Count: 1 } ? members[0] : null,
        };

        var context = new TurnContext(this, activity);
        context.TurnState.Set(BotIdentityKey, new ClaimsIdentity(AnonymousBotAuthenticator.AuthenticationType));
        if (created.ServiceUrl is null || string.Equals(created.ServiceUrl, serviceUrl, StringComparison.Ordinal))
        {
            context.TurnState.Set(client);
        }

        await RunPipelineAsync(context, callback, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            ResourceResponse? response = null;
            if (string.Equals(activity.Type, ActivityTypes.Delay, StringComparison.Ordinal))
            {
                var delayMs = activity.Value is { ValueKind: JsonValueKind.Number } v && v.TryGetInt32(out var ms) ? ms : 1000;
                await Task.Delay(Math.Clamp(delayMs, 0, 60_000), cancellationToken).ConfigureAwait(false);
            }
            else if (string.Equals(activity.Type, ActivityTypes.Trace, StringComparison.Ordinal)
                     && !string.Equals(activity.ChannelId, Channels.Emulator, StringComparison.Ordinal))
            {
                // Traces are debugging aids only the Emulator shows; other channels would display or reject them.
            }
            else
            {
                var conversationId = activity.Conversation?.Id
                    ?? throw new InvalidOperationException("Cannot send an activity without conversation.id.");
                var client = GetConnectorClient(turnContext, activity.ServiceUrl);
                activity.Id = null;
                response = string.IsNullOrEmpty(activity.ReplyToId)
                    ? await client.SendToConversationAsync(conversationId, activity, cancellationToken).ConfigureAwait(false)
                    : await client.ReplyToActivityAsync(conversationId, activity.ReplyToId, activity, cancellationToken).ConfigureAwait(false);
            }

            responses[i] = response ?? new ResourceResponse();
        }

        return responses;
    }

    /// <inheritdoc/>
    public override Task<ResourceResponse?> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = activity.Conversation?.Id ?? throw new InvalidOperationException("Cannot update an activity without conversation.id.");
        var activityId = activity.Id ?? throw new InvalidOperationException("Cannot update an activity without its id.");
        return GetConnectorClient(turnContext, activity.ServiceUrl).UpdateActivityAsync(conversationId, activityId, activity, cancellationToken);
    }

    /// <inheritdoc/>
    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(reference);
        var conversationId = reference.Conversation?.Id ?? throw new InvalidOperationException("Cannot delete an activity without conversation.id.");
        var activityId = reference.ActivityId ?? throw new InvalidOperationException("Cannot delete an activity without its id.");
        return GetConnectorClient(turnContext, reference.ServiceUrl).DeleteActivityAsync(conversationId, activityId, cancellationToken);
    }

    /// <summary>The Connector client of the turn's service URL (created once per turn, kept in TurnState).</summary>
    protected IConnectorClient GetConnectorClient(ITurnContext turnContext, string? serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var url = serviceUrl ?? turnContext.Activity.ServiceUrl
            ?? throw new InvalidOperationException("The activity has no serviceUrl to send to.");
        var client = turnContext.TurnState.Get<IConnectorClient>();
        if (client is null || !string.Equals(client.ServiceUrl, url, StringComparison.Ordinal))
        {
            client = _connectorClientFactory.Create(url);
            turnContext.TurnState.Set(client);
        }

        return client;
    }

    private async Task<TurnOutcome> RunTurnAsync(ClaimsIdentity identity, Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        var context = new TurnContext(this, activity);
        context.TurnState.Set(BotIdentityKey, identity);
        if (activity.ServiceUrl is not null)
        {
            // Bots read it from TurnState for members and other Connector calls, as with Bot Builder.
            context.TurnState.Set<IConnectorClient>(new LazyConnectorClient(_connectorClientFactory, activity.ServiceUrl));
        }

        await RunPipelineAsync(context, callback, cancellationToken).ConfigureAwait(false);

        if (string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.Ordinal))
        {
            return new TurnOutcome(StatusCodes.Status200OK, context.BufferedReplyActivities, null);
        }

        if (string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.Ordinal))
        {
            var invoke = context.TurnState.Get<InvokeResponse>(InvokeResponseKey);
            return new TurnOutcome(invoke?.Status ?? StatusCodes.Status501NotImplemented, null, invoke ?? new InvokeResponse(StatusCodes.Status501NotImplemented));
        }

        return new TurnOutcome(StatusCodes.Status200OK, null, null);
    }

    private static Task WriteOutcomeAsync(HttpResponse httpResponse, TurnOutcome outcome, CancellationToken cancellationToken)
    {
        httpResponse.StatusCode = outcome.Status;
        byte[] body;
        if (outcome.Replies is not null)
        {
            body = JsonSerializer.SerializeToUtf8Bytes(new ExpectedReplies(outcome.Replies), BotJsonContext.Default.ExpectedReplies);
        }
        else if (outcome.Invoke?.Body is { } invokeBody)
        {
            body = JsonSerializer.SerializeToUtf8Bytes(invokeBody, BotJsonContext.Default.JsonElement);
        }
        else
        {
            httpResponse.ContentLength = 0;
            return Task.CompletedTask;
        }

        // One write with a Content-Length: a chunked body costs extra writes and round trips per turn.
        httpResponse.ContentType = "application/json; charset=utf-8";
        httpResponse.ContentLength = body.Length;
        return httpResponse.Body.WriteAsync(body, cancellationToken).AsTask();
    }

    // Older Teams payloads carry the tenant only in channelData.tenant.id; replies and stored references need it on
    // the conversation (as the SDKs do on receipt).
    private static void CopyTeamsTenantId(Activity activity)
    {
        if (activity.Conversation is { TenantId: null } conversation
            && string.Equals(activity.ChannelId, Channels.Msteams, StringComparison.Ordinal)
            && activity.ChannelData is { ValueKind: JsonValueKind.Object } channelData
            && channelData.TryGetProperty("tenant", out var tenant)
            && tenant.ValueKind == JsonValueKind.Object
            && tenant.TryGetProperty("id", out var tenantId)
            && tenantId.ValueKind == JsonValueKind.String)
        {
            conversation.TenantId = tenantId.GetString();
        }
    }

    private static async Task WriteErrorAsync(HttpResponse httpResponse, int status, string? message, CancellationToken cancellationToken)
    {
        httpResponse.StatusCode = status;
        httpResponse.ContentType = "text/plain; charset=utf-8";
        await httpResponse.WriteAsync(message ?? string.Empty, cancellationToken).ConfigureAwait(false);
    }

    private async Task DefaultOnTurnErrorAsync(ITurnContext turnContext, Exception exception)
    {
        if (exception is ServiceUrlNotTrustedException or ServiceUrlRefusedException)
        {
            // The refusal was logged once for that address; an apology would go to the same refused URL.
            _logger.LogDebug("A {ActivityType} turn on {ChannelId} could not answer: {Reason}", turnContext.Activity.Type, turnContext.Activity.ChannelId, exception.Message);
            return;
        }

        _logger.LogError(exception, "Unhandled error in a {ActivityType} turn on {ChannelId}", turnContext.Activity.Type, turnContext.Activity.ChannelId);

        // Apologise where a user is waiting for an answer; a failed typing or proactive event needs no reply.
        var type = turnContext.Activity.Type;
        var userIsWaiting = type is ActivityTypes.Message or ActivityTypes.Invoke or ActivityTypes.ConversationUpdate;
        if (!userIsWaiting)
        {
            return;
        }

        try
        {
            await turnContext.SendActivityAsync(DefaultErrorMessage).ConfigureAwait(false);
        }
        catch (Exception sendError) when (sendError is ConnectorException or InvalidOperationException or ArgumentException)
        {
            _logger.LogWarning(sendError, "Could not send the apology after a failed turn");
        }
    }
}
