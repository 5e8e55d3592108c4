namespace AuthorBot.Bot.Announcements;

/// <summary>What happened to one delivery, written back in batches by the engine.</summary>
/// <param name="Id">The delivery.</param>
/// <param name="State">The new state.</param>
/// <param name="At">When.</param>
/// <param name="Reason">Why (for failures and skips).</param>
/// <param name="ActivityId">The id the channel gave the sent message.</param>
/// <param name="RetryAt">For a transient failure: when to try again (state stays pending).</param>
internal sealed record DeliveryOutcome(long Id, string State, DateTimeOffset At, string? Reason = null, string? ActivityId = null, DateTimeOffset? RetryAt = null);
