namespace AuthorBot.Understanding.Intents;

// ML.NET maps these by reflection on public members, so they are public classes with settable properties.
#pragma warning disable CA1812 // Instantiated by ML.NET.

/// <summary>An utterance as ML.NET reads it: the intent (training only) and the prepared text.</summary>
public sealed class UtteranceRow
{
    /// <summary>The intent's id.</summary>
    public string Label { get; set; } = string.Empty;

    /// <summary>The prepared text.</summary>
    public string Text { get; set; } = string.Empty;
}

#pragma warning restore CA1812
