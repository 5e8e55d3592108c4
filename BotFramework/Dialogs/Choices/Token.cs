namespace AuthorBot.BotFramework.Dialogs.Choices;

/// <summary>A word of an utterance: where it is and its lower-case form.</summary>
internal readonly record struct Token(int Start, int End, string Text, string Normalized);
