using System.Globalization;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Builder.Testing;

/// <summary>
/// An in-memory channel for unit tests (channel id <c>test</c>): activities sent to the bot run through the
/// middleware and callback; the bot's replies are queued and read with <see cref="GetNextReply"/> or
/// <see cref="GetNextReplyAsync"/>.
/// </summary>
public class TestAdapter : BotAdapter
{
    private static readonly TimeSpan _pollInterval = TimeSpan.FromMilliseconds(5);
    private readonly bool _sendTraceActivity;
    private readonly Lock _gate = new();
    private readonly Queue<Activity> _replies = new();
    private int _nextId;

    /// <summary>Creates an adapter for a default test conversation on the given channel.</summary>
    public TestAdapter(string channelId = Channels.Test, bool sendTraceActivity = false)
        : this(CreateConversation(channelId), sendTraceActivity)
    {
    }

    /// <summary>Creates an adapter for the given conversation.</summary>
    public TestAdapter(ConversationReference conversation, bool sendTraceActivity = false)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        Conversation = conversation;
        _sendTraceActivity = sendTraceActivity;
    }

    /// <summary>The conversation (user, bot, channel) test activities are addressed to.</summary>
    public ConversationReference Conversation { get; }

    /// <summary>The locale put on activities sent to the bot.</summary>
    public string Locale { get; set; } = "en-US";

    /// <summary>Creates the default test conversation: user1 talking to bot in Convo1 on <paramref name="channelId"/>.</summary>
    public static ConversationReference CreateConversation(string channelId, string user = "user1", string bot = "bot") => new()
    {
        ChannelId = channelId,
        ServiceUrl = "https://test.com",
        User = new ChannelAccount(user.ToLowerInvariant(), user),
        Bot = new ChannelAccount(bot.ToLowerInvariant(), bot),
        Conversation = new ConversationAccount(isGroup: false, id: "convo1", name: "Conversation1"),
        Locale = "en-US",
    };

    /// <summary>Builds a message from the test user.</summary>
    public Activity MakeActivity(string? text = null) => new(ActivityTypes.Message)
    {
        From = Conversation.User,
        Recipient = Conversation.Bot,
        Conversation = Conversation.Conversation,
        ServiceUrl = Conversation.ServiceUrl,
        ChannelId = Conversation.ChannelId,
        Locale = Locale,
        Id = NextId(),
        Text = text,
    };

    /// <summary>Runs a turn for <paramref name="activity"/>, filling in the addressing the test channel would add.</summary>
    public virtual async Task ProcessActivityAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(callback);
        activity.Type ??= ActivityTypes.Message;
        activity.ChannelId ??= Conversation.ChannelId;
        activity.From ??= Conversation.User;
        activity.Recipient ??= Conversation.Bot;
        activity.Conversation ??= Conversation.Conversation;
        activity.ServiceUrl ??= Conversation.ServiceUrl;
        activity.Locale ??= Locale;
        activity.Id ??= NextId();
        activity.Timestamp ??= DateTimeOffset.UtcNow;
        activity.LocalTimestamp ??= DateTimeOffset.Now;

        var context = new TurnContext(this, activity);
        await RunPipelineAsync(context, callback, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a text message from the test user to the bot.</summary>
    public Task SendTextToBotAsync(string userSays, BotCallbackHandler callback, CancellationToken cancellationToken = default) =>
        ProcessActivityAsync(MakeActivity(userSays), callback, cancellationToken);

    /// <inheritdoc/>
    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            activity.Id ??= Guid.NewGuid().ToString("n");
            activity.Timestamp ??= DateTimeOffset.UtcNow;
            responses[i] = new ResourceResponse(activity.Id);

            if (string.Equals(activity.Type, ActivityTypes.Delay, StringComparison.Ordinal))
            {
                var delayMs = activity.Value is { ValueKind: System.Text.Json.JsonValueKind.Number } v && v.TryGetInt32(out var ms) ? ms : 0;
                await Task.Delay(Math.Clamp(delayMs, 0, 60_000), cancellationToken).ConfigureAwait(false);
            }
            else if (string.Equals(activity.Type, ActivityTypes.Trace, StringComparison.Ordinal) && !_sendTraceActivity)
            {
                continue;
            }
            else
            {
                Enqueue(activity);
            }
        }

        return responses;
    }

    /// <inheritdoc/>
    public override Task<ResourceResponse?> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        lock (_gate)
        {
            var items = _replies.ToArray();
            _replies.Clear();
            foreach (var item in items)
            {
                _replies.Enqueue(string.Equals(item.Id, activity.Id, StringComparison.Ordinal) ? activity : item);
            }
        }

        return Task.FromResult<ResourceResponse?>(new ResourceResponse(activity.Id));
    }

    /// <inheritdoc/>
    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        lock (_gate)
        {
            var items = _replies.ToArray();
            _replies.Clear();
            foreach (var item in items)
            {
                if (!string.Equals(item.Id, reference.ActivityId, StringComparison.Ordinal))
                {
                    _replies.Enqueue(item);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Takes the oldest queued reply, or null when there is none.</summary>
    public Activity? GetNextReply()
    {
        lock (_gate)
        {
            if (_replies.Count == 0)
            {
                return null;
            }

            return _replies.Dequeue();
        }
    }

    /// <summary>Waits (at most <paramref name="timeout"/>) for the next reply; null when none arrived.</summary>
    public async Task<Activity?> GetNextReplyAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        // Replies sent during a turn are queued before the turn's task completes; polling only matters for bots
        // that reply from background work, and the deadline bounds it.
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var reply = GetNextReply();
            if (reply is not null || DateTimeOffset.UtcNow >= deadline)
            {
                return reply;
            }

            await Task.Delay(_pollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Number of replies waiting to be read.</summary>
    public int ReplyCount
    {
        get
        {
            lock (_gate)
            {
                return _replies.Count;
            }
        }
    }

    private void Enqueue(Activity activity)
    {
        lock (_gate)
        {
            _replies.Enqueue(activity);
        }
    }

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
}
