namespace AuthorBot.Dialogs.Intents;

/// <summary>
/// A message the bot did not understand, kept for the author to label. It holds no reader id, and email addresses,
/// links and long numbers are blanked (<see cref="PersonalDataScrubber"/>): nothing the reader did not consent to keep.
/// </summary>
/// <param name="Text">The message, scrubbed.</param>
/// <param name="ChannelId">The channel it came from (for the author's context only).</param>
/// <param name="At">When.</param>
/// <param name="Guess">The classifier's best guess, if any.</param>
/// <param name="GuessScore">Its probability.</param>
/// <param name="SecondGuess">The runner-up, if any.</param>
/// <param name="SecondScore">Its probability.</param>
public sealed record MissedMessage(string Text, string? ChannelId, DateTimeOffset At, string? Guess, float GuessScore, string? SecondGuess, float SecondScore);
