namespace AuthorBot.Understanding.Intents;

/// <summary>An intent and the classifier's probability for it.</summary>
/// <param name="Intent">The intent's id.</param>
/// <param name="Score">The probability, 0 to 1.</param>
public sealed record IntentGuess(string Intent, float Score);
