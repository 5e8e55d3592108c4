namespace AuthorBot.Dialogs.Recommendations;

/// <summary>The recommender could not start: its catalogue or interaction log could not be read.</summary>
public sealed class RecommendationsUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RecommendationsUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public RecommendationsUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public RecommendationsUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
