namespace AuthorBot.BotFramework.Builder.Testing;

/// <summary>Thrown by <see cref="TestFlow"/> when the bot's replies are not what the test expected.</summary>
public class TestFlowAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TestFlowAssertionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TestFlowAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public TestFlowAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
