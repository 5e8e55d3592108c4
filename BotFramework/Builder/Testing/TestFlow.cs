using System.Collections.Immutable;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Builder.Testing;

/// <summary>
/// A fluent script of what the user says and what the bot must answer, run against a <see cref="TestAdapter"/>:
/// <c>new TestFlow(adapter, bot).Send("hi").AssertReply("Hello!").StartTestAsync()</c>.
/// Each call returns a new flow; nothing runs until <see cref="StartTestAsync"/>.
/// </summary>
public class TestFlow
{
    /// <summary>Default time a reply assertion waits for a reply that has not arrived yet, in milliseconds.</summary>
    public const uint DefaultTimeoutMs = 3000;

    private readonly TestAdapter _adapter;
    private readonly BotCallbackHandler _callback;
    private readonly ImmutableList<Func<CancellationToken, Task>> _steps;

    /// <summary>Creates a flow that runs <paramref name="bot"/>.</summary>
    public TestFlow(TestAdapter adapter, IBot bot)
        : this(adapter, (bot ?? throw new ArgumentNullException(nameof(bot))).OnTurnAsync)
    {
    }

    /// <summary>Creates a flow that runs <paramref name="callback"/> as the bot.</summary>
    public TestFlow(TestAdapter adapter, BotCallbackHandler callback)
        : this(adapter, callback, [])
    {
    }

    private TestFlow(TestAdapter adapter, BotCallbackHandler callback, ImmutableList<Func<CancellationToken, Task>> steps)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(callback);
        _adapter = adapter;
        _callback = callback;
        _steps = steps;
    }

    /// <summary>Runs the script; throws <see cref="TestFlowAssertionException"/> at the first mismatch.</summary>
    public async Task StartTestAsync(CancellationToken cancellationToken = default)
    {
        foreach (var step in _steps)
        {
            await step(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The user sends a text message.</summary>
    public TestFlow Send(string userSays) =>
        Then(ct => _adapter.SendTextToBotAsync(userSays, _callback, ct));

    /// <summary>The user's channel sends an activity.</summary>
    public TestFlow Send(Activity userActivity)
    {
        ArgumentNullException.ThrowIfNull(userActivity);
        return Then(ct => _adapter.ProcessActivityAsync(userActivity, _callback, ct));
    }

    /// <summary>The channel announces that the user joined (conversationUpdate with the user in membersAdded).</summary>
    public TestFlow SendConversationUpdate() => Then(ct =>
    {
        var update = _adapter.MakeActivity();
        update.Type = ActivityTypes.ConversationUpdate;
        update.MembersAdded = [_adapter.Conversation.User!];
        return _adapter.ProcessActivityAsync(update, _callback, ct);
    });

    /// <summary>Asserts the next reply is a message whose text equals <paramref name="expected"/>.</summary>
    public TestFlow AssertReply(string expected, string? description = null, uint timeout = DefaultTimeoutMs) =>
        AssertReply(
            reply =>
            {
                if (!string.Equals(reply.Text, expected, StringComparison.Ordinal))
                {
                    throw new TestFlowAssertionException($"{description ?? "AssertReply"}: expected \"{expected}\" but the bot said \"{reply.Text}\".");
                }
            },
            description,
            timeout);

    /// <summary>Asserts the next reply has the type and text of <paramref name="expected"/>.</summary>
    public TestFlow AssertReply(Activity expected, string? description = null, uint timeout = DefaultTimeoutMs)
    {
        ArgumentNullException.ThrowIfNull(expected);
        return AssertReply(
            reply =>
            {
                if (!string.Equals(reply.Type, expected.Type, StringComparison.Ordinal) || !string.Equals(reply.Text, expected.Text, StringComparison.Ordinal))
                {
                    throw new TestFlowAssertionException($"{description ?? "AssertReply"}: expected {expected.Type} \"{expected.Text}\" but got {reply.Type} \"{reply.Text}\".");
                }
            },
            description,
            timeout);
    }

    /// <summary>Asserts the next reply passes <paramref name="validateActivity"/> (which throws when it does not).</summary>
    public TestFlow AssertReply(Action<Activity> validateActivity, string? description = null, uint timeout = DefaultTimeoutMs)
    {
        ArgumentNullException.ThrowIfNull(validateActivity);
        return Then(async ct =>
        {
            var reply = await _adapter.GetNextReplyAsync(TimeSpan.FromMilliseconds(timeout), ct).ConfigureAwait(false)
                ?? throw new TestFlowAssertionException($"{description ?? "AssertReply"}: no reply arrived within {timeout} ms.");
            validateActivity(reply);
        });
    }

    /// <summary>Asserts the next reply's text is one of <paramref name="candidates"/>.</summary>
    public TestFlow AssertReplyOneOf(string[] candidates, string? description = null, uint timeout = DefaultTimeoutMs)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return AssertReply(
            reply =>
            {
                if (!candidates.Contains(reply.Text, StringComparer.Ordinal))
                {
                    throw new TestFlowAssertionException($"{description ?? "AssertReplyOneOf"}: \"{reply.Text}\" is none of [{string.Join(" | ", candidates)}].");
                }
            },
            description,
            timeout);
    }

    /// <summary>
    /// Asserts no reply is waiting (after waiting <paramref name="timeout"/> ms, zero by default: turns have
    /// completed when earlier steps return, so anything the bot said is already queued).
    /// </summary>
    public TestFlow AssertNoReply(string? description = null, uint timeout = 0) => Then(async ct =>
    {
        var reply = timeout == 0
            ? _adapter.GetNextReply()
            : await _adapter.GetNextReplyAsync(TimeSpan.FromMilliseconds(timeout), ct).ConfigureAwait(false);
        if (reply is not null)
        {
            throw new TestFlowAssertionException($"{description ?? "AssertNoReply"}: the bot sent {reply.Type} \"{reply.Text}\".");
        }
    });

    /// <summary>The user says <paramref name="userSays"/> and the bot answers <paramref name="expected"/>.</summary>
    public TestFlow Test(string userSays, string expected, string? description = null, uint timeout = DefaultTimeoutMs) =>
        Send(userSays).AssertReply(expected, description, timeout);

    /// <summary>The user says <paramref name="userSays"/> and the bot's answer passes <paramref name="expected"/>.</summary>
    public TestFlow Test(string userSays, Action<Activity> expected, string? description = null, uint timeout = DefaultTimeoutMs) =>
        Send(userSays).AssertReply(expected, description, timeout);

    /// <summary>Waits a moment (for bots that reply from background work).</summary>
    public TestFlow Delay(TimeSpan delay) => Then(ct => Task.Delay(delay, ct));

    private TestFlow Then(Func<CancellationToken, Task> step) => new(_adapter, _callback, _steps.Add(step));
}
