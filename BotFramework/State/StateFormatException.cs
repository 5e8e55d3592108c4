namespace AuthorBot.BotFramework.State;

/// <summary>
/// A stored state property holds JSON that does not fit the type it is read as (the type changed since it was saved).
/// The stored document is left untouched.
/// </summary>
public sealed class StateFormatException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public StateFormatException()
        : this("A stored state property does not fit the type it is read as.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public StateFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public StateFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The property that could not be read.</summary>
    public string PropertyName { get; init; } = string.Empty;
}
